import noHardcodedKey from './no-hardcoded-key.js';
import noPublicEnvKey from './no-public-env-key.js';
import requireEnvGitignore from './require-env-gitignore.js';

/** Every rule of the plugin, by its id without the `@dhmad/` prefix. */
export const rules = {
  'no-hardcoded-key': noHardcodedKey,
  'no-public-env-key': noPublicEnvKey,
  'require-env-gitignore': requireEnvGitignore,
};

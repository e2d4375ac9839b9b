import type { ApiKeyWithSecretResponse } from '@dhmad/sdk';
import { redactJson } from '@dhmad/sdk/key-format';
import { keyLabel, json } from './format.js';
import type { PreparedEnvFile } from './env-file.js';
import type { Terminal } from './terminal.js';

export interface HandoverOptions {
  json: boolean;
  /** `--write-env`: checked (and ignored by git) before the key was made; the key goes there and nowhere else. */
  envFile: PreparedEnvFile | null;
}

/**
 * The one moment a secret is shown: `create` and `regenerate` hand the new key over exactly
 * once, where the user asked. A dotenv file (`--write-env`: nothing printed), stdout alone
 * when piped (no newline, so a file it lands in holds the key and nothing else), or the
 * terminal with a warning that it will not be shown again.
 * The key is the one thing written to the unredacted stdout; what the API says about it is redacted as everything else is.
 */
export async function handOver(t: Terminal, made: ApiKeyWithSecretResponse, verb: 'Created' | 'Regenerated', options: HandoverOptions): Promise<void> {
  const { apiKey, key } = made;
  const label = `${keyLabel(apiKey)} (${apiKey.environment}, id ${apiKey.id})`;
  if (options.envFile) {
    const written = await options.envFile.write(key);
    t.stderr.write(`${verb} ${label}.\nWrote it to ${written.display} as ${written.variable} (mode 0600); it was not printed.\n`);
    if (options.json) t.stdout.write(json({ apiKey, envFile: { path: written.path, variable: written.variable } }));
    return;
  }
  if (options.json) {
    t.raw.stdout.write(json({ apiKey: redactJson(apiKey), key }));
    if (t.stdout.isTTY) t.stderr.write(onlyOnce);
    return;
  }
  if (t.stdout.isTTY) {
    t.stderr.write(`${verb} ${label}:\n\n`);
    t.raw.stdout.write(`  ${key}\n\n`);
    t.stderr.write(onlyOnce);
    return;
  }
  t.raw.stdout.write(key);
  t.stderr.write(`${verb} ${label}.\nThe key went to stdout; it is not shown again.\n`);
}

const onlyOnce =
  'This is the only time the key is shown: it cannot be read back. Store it now (a secret manager, or an ignored .env file: --write-env FILE).\n';

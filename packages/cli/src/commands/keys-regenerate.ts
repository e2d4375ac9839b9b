import type { ApiKey } from '@dhmad/sdk';
import { findRepoSync } from '@dhmad/git-facts';
import wrapAnsi from 'wrap-ansi';
import { openAccount, type Account } from '../client.js';
import { confirm } from '../confirm.js';
import { prepareEnvFile } from '../env-file.js';
import { findEnvFiles, readEnvKeys } from '../env-files.js';
import { keyLabel, minute } from '../format.js';
import { handOver } from '../handover.js';
import { resolveKey } from '../resolve-key.js';
import type { Terminal } from '../terminal.js';

export interface RegenerateOptions {
  key: string;
  yes: boolean;
  json: boolean;
  writeEnv?: string | undefined;
  var: string;
}

/** `dhmad keys regenerate <key>`: a new secret for the same key; the old one dies at once. */
export async function regenerateKey(t: Terminal, options: RegenerateOptions): Promise<void> {
  const account = openAccount(t);
  const key = await resolveKey(account, options.key);
  const envFile = options.writeEnv === undefined ? null : prepareEnvFile(t, options.writeEnv, options.var, key.environment);
  await confirm(
    t,
    key,
    'regenerate',
    `Regenerating ${keyLabel(key)} replaces its secret: the current one stops working at once, everywhere it is used (last used ${minute(key.lastUsedAt)}).`,
    options.yes,
  );
  envFile?.ensureIgnored();
  const made = await account.client.apiKeys.regenerate(key.id);
  await handOver(t, made, 'Regenerated', { json: options.json, envFile });
  t.stderr.write(stillHolding(t, account, key, made.apiKey.keyPrefix));
}

/**
 * What still holds the dead secret, as far as this machine can tell, and how to update it:
 * env files of this repository that hold it (read after --write-env wrote the new one), DHMAD_API_KEY
 * itself, whatever used it last.
 */
function stillHolding(t: Terminal, account: Account, old: ApiKey, newPrefix: string): string {
  const root = findRepoSync(t.cwd, 'path')?.root ?? t.cwd;
  const holders = readEnvKeys(root, findEnvFiles(root))
    .filter((k) => k.keyPrefix === old.keyPrefix)
    .map((k) => `${k.file}:${k.line} (${k.variable}): put the new secret there`);
  if (account.keyPrefix === old.keyPrefix) holders.push('DHMAD_API_KEY in this shell: export the new secret before the next dhmad command');
  if (old.lastUsedAt) holders.push(`whatever used it last (${minute(old.lastUsedAt)}): a deployed service or CI secret; redeploy it with the new secret`);
  const lines = [`The old secret (${old.keyPrefix}) stopped working now.`];
  const wrap = (text: string): string => wrapAnsi(text, (t.stderr.columns ?? 80) - 4, { hard: true }).replace(/\n/g, '\n    ');
  if (holders.length > 0) lines.push('Still holding it:', ...holders.map((h) => `  - ${wrap(h)}`));
  lines.push(
    'Next time, put the new secret where it goes as you regenerate:',
    '  - in a dotenv file:',
    `      dhmad keys regenerate ${newPrefix} --write-env FILE --var NAME`,
    `  - ${wrap('in GitHub secrets: the rotation Action (uses: dhmad/dhmad-toolkit/packages/github-action) writes it everywhere and retires the old one with no outage.')}`,
  );
  return lines.join('\n') + '\n';
}

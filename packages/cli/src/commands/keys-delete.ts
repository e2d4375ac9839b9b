import { openAccount } from '../client.js';
import { confirm } from '../confirm.js';
import { keyLabel, minute } from '../format.js';
import { resolveKey } from '../resolve-key.js';
import type { Terminal } from '../terminal.js';

/** `dhmad keys delete <key>`: permanent, so confirmed; `keys deactivate` is the reversible way. */
export async function deleteKey(t: Terminal, options: { key: string; yes: boolean }): Promise<void> {
  const account = openAccount(t);
  const key = await resolveKey(account, options.key);
  await confirm(
    t,
    key,
    'delete',
    `Deleting ${keyLabel(key)} is permanent: every request with it fails from now on (last used ${minute(key.lastUsedAt)}). dhmad keys deactivate ${key.keyPrefix} is the reversible way.`,
    options.yes,
  );
  await account.client.apiKeys.delete(key.id);
  t.stderr.write(`Deleted ${keyLabel(key)}.${account.keyPrefix === key.keyPrefix ? ' It was DHMAD_API_KEY: set another management key there.' : ''}\n`);
}

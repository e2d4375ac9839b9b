import type { ApiKey } from '@dhmad/sdk';
import { openAccount } from '../client.js';
import { day, json, minute, table } from '../format.js';
import { listAllKeys, resolveKey } from '../resolve-key.js';
import { printable, type Terminal } from '../terminal.js';

/** `dhmad keys list`: the dashboard's table. Active keys unless `--all`. */
export async function listKeys(t: Terminal, options: { all: boolean; json: boolean }): Promise<void> {
  const account = openAccount(t);
  const keys = await listAllKeys(account, options.all ? {} : { isActive: true });
  if (options.json) {
    t.stdout.write(json(keys));
    return;
  }
  // On a terminal the table fits its width: long names are cut, then ENVIRONMENT (each prefix says it) and
  // CREATED are left out. Piped, every name and column is whole.
  t.stdout.write(
    table(
      ['NAME', 'ENVIRONMENT', 'PREFIX', 'CREATED', 'LAST USED (UTC)', 'ACTIVE'],
      keys.map((k) => [printable(k.name), k.environment, k.keyPrefix, day(k.createdAt), k.lastUsedAt ? minute(k.lastUsedAt).replace(/ UTC$/, '') : 'never', k.isActive ? 'yes' : 'no']),
      { width: t.stdout.columns, droppable: [1, 3] },
    ),
  );
}

/** `dhmad keys show <key>`. */
export async function showKey(t: Terminal, options: { key: string; json: boolean }): Promise<void> {
  const account = openAccount(t);
  const key = await resolveKey(account, options.key);
  t.stdout.write(options.json ? json(key) : describeKey(key));
}

/** Every field of a key, one per line. */
function describeKey(key: ApiKey): string {
  const metadata = Object.entries(key.metadata ?? {});
  const rows: [string, string][] = [
    ['Name', printable(key.name)],
    ['Prefix', key.keyPrefix],
    ['Id', key.id],
    ['Environment', key.environment],
    ['Active', key.isActive ? 'yes' : 'no'],
    ['Scopes', key.scopes.length > 0 ? key.scopes.join(', ') : 'none (an application key)'],
    ['Created', minute(key.createdAt)],
    ['Secret made', minute(key.secretCreatedAt)],
    ['Last used', minute(key.lastUsedAt)],
    ['Expires', key.expiresAt ? minute(key.expiresAt) : 'never'],
    ['Rate limit', `${key.rateLimit} requests/minute`],
    ['Updated', minute(key.updatedAt)],
    ...metadata.map(([k, v]): [string, string] => [`metadata.${printable(k)}`, printable(String(v))]),
  ];
  const width = Math.max(...rows.map(([k]) => k.length)) + 1;
  return rows.map(([k, v]) => `${`${k}:`.padEnd(width)} ${v}`).join('\n') + '\n';
}

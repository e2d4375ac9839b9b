import { openAccount } from '../client.js';
import { json, keyLabel } from '../format.js';
import { checkNewName, resolveKey } from '../resolve-key.js';
import { printable, type Terminal } from '../terminal.js';

/** `dhmad keys activate|deactivate <key>`: reversible, so not confirmed. */
export async function setActive(t: Terminal, options: { key: string; active: boolean; json: boolean }): Promise<void> {
  const account = openAccount(t);
  const key = await resolveKey(account, options.key);
  const verb = options.active ? 'activate' : 'deactivate';
  const result = key.isActive === options.active ? { apiKey: key } : await account.client.apiKeys[verb](key.id);
  if (options.json) t.stdout.write(json(result.apiKey));
  if (key.isActive === options.active) {
    t.stderr.write(`${keyLabel(key)} is already ${options.active ? 'active' : 'inactive'}; nothing changed.\n`);
  } else if (options.active) {
    t.stderr.write(`Activated ${keyLabel(key)}: requests with it work again.\n`);
  } else {
    t.stderr.write(`Deactivated ${keyLabel(key)}: requests with it now fail until dhmad keys activate ${key.keyPrefix}.\n`);
  }
}

/** `dhmad keys rename <key> NAME`. */
export async function renameKey(t: Terminal, options: { key: string; name: string; json: boolean }): Promise<void> {
  checkNewName(options.name);
  const account = openAccount(t);
  const key = await resolveKey(account, options.key);
  const { apiKey } = await account.client.apiKeys.update(key.id, { name: options.name });
  if (options.json) t.stdout.write(json(apiKey));
  t.stderr.write(`Renamed ${keyLabel(key)} to "${printable(apiKey.name)}".\n`);
}

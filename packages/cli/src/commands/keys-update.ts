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
    // The CLI's own key cannot activate itself again: say so, and who can.
    const self = account.keyPrefix === key.keyPrefix;
    t.stderr.write(
      `Deactivated ${keyLabel(key)}: requests with it now fail until ${self ? 'it is activated again' : `dhmad keys activate ${key.keyPrefix}`}.` +
        (self ? ' It is DHMAD_API_KEY itself: dhmad cannot use it from now on; activate it with another management key or in the dashboard.' : '') +
        '\n',
    );
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

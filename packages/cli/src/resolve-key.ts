import { NotFoundError, type ApiKey } from '@dhmad/sdk';
import { environmentOf, findKeys, KEY_PREFIXES } from '@dhmad/sdk/key-format';
import type { Account } from './client.js';
import { CliError } from './errors.js';
import { printable } from './terminal.js';

const OBJECT_ID = /^[0-9a-f]{24}$/;
const KEY_PREFIX = /^sk_(live|sandbox)_[0-9a-f]{6}$/;

/** Every key of the account in the CLI key's environment, active or not, across every page. */
export async function listAllKeys(account: Account, params: { isActive?: boolean } = {}): Promise<ApiKey[]> {
  const keys: ApiKey[] = [];
  for await (const key of account.client.apiKeys.list({ ...params, limit: 100 })) keys.push(key);
  return keys;
}

/**
 * A secret on the command line stays in shell history and shows in `ps`; as a key's name it would
 * also be shown to everyone who lists the keys. Refused, naming it by prefix only.
 */
function refuseSecret(value: string, what: 'argument' | 'name'): void {
  const secret = findKeys(value).find((m) => m.kind === 'key');
  if (secret === undefined) return;
  throw new CliError(
    what === 'argument'
      ? `That argument is a secret key; never put one on a command line (it stays in shell history and shows in ps). Name the key by its prefix (${secret.keyPrefix}), id or name.`
      : `That name holds a secret key (${secret.keyPrefix}); a name is shown to everyone who lists the keys, and a command line stays in shell history. Choose a name without it, and regenerate that key if it is real.`,
  );
}

/** A name for `create` or `rename`: not blank, no secret in it. */
export function checkNewName(name: string): void {
  if (name.trim() === '') throw new CliError('The name must not be empty: say what uses the key (e.g. "checkout-service production").');
  refuseSecret(name, 'name');
}

/**
 * The key a `<key>` argument names: an id, a keyPrefix (`sk_live_abc123`) or a unique name.
 * Ambiguous or unknown: an error that lists the candidates by prefix.
 */
export async function resolveKey(account: Account, ref: string): Promise<ApiKey> {
  refuseSecret(ref, 'argument');
  if (OBJECT_ID.test(ref)) {
    try {
      return (await account.client.apiKeys.retrieve(ref)).apiKey;
    } catch (err) {
      // A 24-hex name is unlikely but allowed: look it up as a name below.
      if (!(err instanceof NotFoundError)) throw err;
    }
  }
  const keys = await listAllKeys(account);
  const byPrefix = KEY_PREFIX.test(ref);
  // Names are compared as they look: "café" typed on one keyboard is "café" from another (NFC).
  const wanted = ref.normalize('NFC');
  // A name may look like a prefix: both are candidates, and two of them are ambiguous.
  const matches = keys.filter((k) => (byPrefix && k.keyPrefix === ref) || k.name.normalize('NFC') === wanted);
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    const candidates = matches.map((k) => `${k.keyPrefix} (id ${k.id}${k.isActive ? '' : ', inactive'})`).join(', ');
    throw new CliError(`"${printable(ref)}" names ${matches.length} keys: ${candidates}. Name one by its prefix or id.`);
  }
  const env = environmentOf(ref);
  if (env !== null && env !== account.environment) {
    throw new CliError(
      `${printable(ref)} is a ${env} key, and DHMAD_API_KEY (${account.keyPrefix}) manages ${account.environment} keys only. Set DHMAD_API_KEY to a ${env} management key (${KEY_PREFIXES[env]}...).`,
    );
  }
  const near = byPrefix ? [] : keys.filter((k) => k.name.normalize('NFC').toLowerCase() === wanted.toLowerCase());
  const hint = near.length > 0 ? ` Did you mean ${near.map((k) => `"${printable(k.name)}" (${k.keyPrefix})`).join(' or ')}?` : ' See them all with: dhmad keys list --all';
  throw new CliError(`No ${account.environment} key has the ${byPrefix ? 'prefix' : OBJECT_ID.test(ref) ? 'id or name' : 'name'} "${printable(ref)}".${hint}`);
}

import type { IncomingHttpHeaders } from 'node:http';
import { KEY_PREFIXES, environmentOf, validateKey, type Environment } from '@dhmad/sdk/key-format';
import { errorReply, type Reply } from './replies.js';
import type { AuthFailureReason } from '@dhmad/sdk';
import type { KeyRecord, Store } from './store.js';

type AuthResult =
  | { ok: true; key: KeyRecord }
  /** `key` is set when the failure can be attributed to a stored key (inactive, expired, regenerated), for its usage counts. */
  | { ok: false; reply: Reply; reason: AuthFailureReason; key?: KeyRecord };

interface AuthContext {
  environment: Environment;
  /** `host:port` of this listener, named in wrong-environment messages. */
  host: string;
  /** Base URL of the other environment's listener, to point a wrong key there. */
  otherUrl: string;
  nowMs: number;
}

const INVALID = 'Invalid or expired API key';

function fail(reason: AuthFailureReason, message: string, key?: KeyRecord): AuthResult {
  return { ok: false, reason, reply: errorReply(401, message, { reason }), ...(key ? { key } : {}) };
}

/** The credential a request carries: `Authorization: Bearer <key>` wins over `X-API-Key`. */
function credential(headers: IncomingHttpHeaders): { value: string } | { problem: string } | null {
  const authorization = headers.authorization;
  if (authorization !== undefined && authorization !== '') {
    const m = /^Bearer(?: (.*))?$/is.exec(authorization);
    if (!m) {
      const scheme = /^\S+/.exec(authorization)?.[0] ?? '';
      const shown = scheme.length <= 16 && !environmentOf(scheme) ? `a "${scheme}" credential` : 'no "Bearer" scheme';
      return { problem: `The Authorization header must be "Bearer <key>"; it has ${shown}. Send "Authorization: Bearer sk_..." or "X-API-Key: sk_...".` };
    }
    return { value: m[1] ?? '' };
  }
  const apiKey = headers['x-api-key'];
  const value = Array.isArray(apiKey) ? apiKey[0] : apiKey;
  return value === undefined || value === '' ? null : { value };
}

/** Decide who is calling, or which of the contract's 401 cases this is. Messages never contain the key. */
export function authenticate(headers: IncomingHttpHeaders, store: Store, ctx: AuthContext): AuthResult {
  const prefix = KEY_PREFIXES[ctx.environment];
  const cred = credential(headers);
  if (cred === null) {
    return fail(
      'missing',
      `Missing API key. Send it as "Authorization: Bearer ${prefix}..." (recommended) or "X-API-Key: ${prefix}...".`,
    );
  }
  if ('problem' in cred) return fail('malformed', `Malformed API key. ${cred.problem}`);
  if (cred.value.length === 0) {
    return fail('missing', `Missing API key: the Authorization header says "Bearer" but no key follows. Send "Authorization: Bearer ${prefix}...".`);
  }
  const v = validateKey(cred.value);
  if (!v.valid && v.problem !== 'placeholder') return fail('malformed', `Malformed API key. ${v.message}`);
  const keyEnv = v.valid ? v.environment : v.environment!;
  if (keyEnv !== ctx.environment) {
    return fail(
      'wrong_environment',
      `This is a ${keyEnv} key (${KEY_PREFIXES[keyEnv]}...), but ${ctx.host} is the ${ctx.environment} API. ` +
        `Use a ${prefix} key here, or send ${keyEnv} keys to the ${keyEnv} API (${ctx.otherUrl}).`,
    );
  }
  if (!v.valid) {
    return fail('unknown', `${INVALID}: this looks like a placeholder, not a key that was issued. Use a key from developer.dhmad.tn.`);
  }
  const found = store.lookup(cred.value);
  switch (found.kind) {
    case 'unknown':
      return fail(
        'unknown',
        `${INVALID}: no ${ctx.environment} key ${v.keyPrefix} exists. Check that you copied the whole key, or create a new one.`,
      );
    case 'deleted':
      return fail('unknown', `${INVALID}: key ${v.keyPrefix} was deleted. Create a new key and use it instead.`);
    case 'replaced':
      return fail(
        'regenerated',
        `${INVALID}: this secret of key "${found.key.name}" (id ${found.key.id}) was replaced when the key was regenerated. Use the new secret from the regenerate response.`,
        found.key,
      );
    case 'current': {
      const key = found.key;
      if (!key.isActive) {
        return fail(
          'inactive',
          `${INVALID}: key ${key.keyPrefix} ("${key.name}") is inactive. Reactivate it (PATCH /api-keys/${key.id} with {"isActive": true}) or use an active key.`,
          key,
        );
      }
      if (key.expiresAt !== null && Date.parse(key.expiresAt) <= ctx.nowMs) {
        return fail('expired', `${INVALID}: key ${key.keyPrefix} ("${key.name}") expired at ${key.expiresAt}. Create a new key or extend expiresAt.`, key);
      }
      return { ok: true, key };
    }
  }
}

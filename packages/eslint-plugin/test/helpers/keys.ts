import { randomBytes } from 'node:crypto';

// Keys are assembled at run time so no key-shaped string is ever committed.
export function liveKey(): string {
  return 'sk_' + 'live_' + randomBytes(32).toString('hex');
}

export function sandboxKey(): string {
  return 'sk_' + 'sandbox_' + randomBytes(32).toString('hex');
}

/** What a message may name a key by: the type prefix and the first 6 hex. */
export function prefixOf(key: string): string {
  const p = key.startsWith('sk_live_') ? 'sk_live_'.length : 'sk_sandbox_'.length;
  return key.slice(0, p + 6);
}

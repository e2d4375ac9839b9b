// Key-shaped strings for tests, made at run time: no key literal is ever written to a file of
// this repository (the repository scans itself, and GitHub's push protection blocks them).
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';

export type KeyEnvironment = 'live' | 'sandbox';

/** A fresh key of `environment`: the type prefix and 64 random hex characters. */
export function makeKey(environment: KeyEnvironment = 'live'): string {
  return 'sk_' + environment + '_' + randomBytes(32).toString('hex');
}

export const liveKey = (): string => makeKey('live');
export const sandboxKey = (): string => makeKey('sandbox');

/** A key-shaped string with chosen hex (which need not be 64 characters: for malformed-key cases). */
export function keyWithHex(environment: KeyEnvironment, hex: string): string {
  return 'sk_' + environment + '_' + hex;
}

/** What output may name a key by: its type prefix and the first 6 hex (the API's `keyPrefix`). */
export function prefixOf(key: string): string {
  return key.slice(0, key.indexOf('_', 3) + 7);
}

/** No key, nor its secret part (past the printable prefix), appears in any of `texts`. */
export function assertNoKeys(texts: string[], keys: string[]): void {
  for (const key of keys) {
    const secretPart = key.slice(prefixOf(key).length).toLowerCase();
    for (const t of texts) {
      // In any letter case: an upper-cased key lower-cases back into the key.
      const lower = t.toLowerCase();
      expect(lower.includes(key.toLowerCase()), 'a full key was printed').toBe(false);
      expect(lower.includes(secretPart), 'the secret part of a key was printed').toBe(false);
    }
  }
}

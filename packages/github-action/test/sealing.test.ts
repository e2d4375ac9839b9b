/**
 * The sealed copy a rollback writes back: only the management key that sealed it opens it, only
 * for the key it was sealed for, and what is stored says nothing about the secret.
 */
import { describe, expect, it } from 'vitest';
import { findKeys } from '@dhmad/sdk/key-format';
import { liveKey } from '../../../test/support/keys.js';
import { sealerFor } from '../src/runner/sealing.js';

const keyId = 'a'.repeat(24);

describe('sealing a delivered secret', () => {
  it('opens with the management key that sealed it, for the key it was sealed for, and nothing else', () => {
    const manager = liveKey();
    const secret = liveKey();
    const sealed = sealerFor(manager).seal(keyId, secret);
    expect(sealerFor(manager).unseal(keyId, sealed)).toBe(secret);
    // Another management key (a replaced one, another account's), another key id: nothing.
    expect(sealerFor(liveKey()).unseal(keyId, sealed)).toBeNull();
    expect(sealerFor(manager).unseal('b'.repeat(24), sealed)).toBeNull();
  });

  it('uses a fresh nonce each time, and refuses any altered byte', () => {
    const sealer = sealerFor(liveKey());
    const secret = liveKey();
    const [a, b] = [sealer.seal(keyId, secret), sealer.seal(keyId, secret)];
    expect(a).not.toBe(b);
    const raw = Buffer.from(a.slice(3), 'base64url');
    for (const at of [0, 12, raw.length - 1]) {
      const bent = Buffer.from(raw);
      bent[at] = bent[at]! ^ 1;
      expect(sealer.unseal(keyId, `v1.${bent.toString('base64url')}`), `byte ${at}`).toBeNull();
    }
    expect(sealer.unseal(keyId, `v2.${a.slice(3)}`)).toBeNull();
    expect(sealer.unseal(keyId, 'v1.')).toBeNull();
  });

  it('stores nothing a reader of the metadata could use, nor anything key-shaped', () => {
    const secret = liveKey();
    const sealed = sealerFor(liveKey()).seal(keyId, secret);
    expect(findKeys(sealed)).toEqual([]);
    expect(sealed).not.toContain(secret.slice(8, 20));
    // Metadata values are limited to 500 characters.
    expect(sealed.length).toBeLessThan(500);
  });
});

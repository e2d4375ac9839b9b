/**
 * Sealing a delivered secret so that only the management key can open it again: AES-256-GCM
 * with a key derived from the management key by HKDF-SHA256, the DHMAD key's id as associated
 * data (a sealed value moved to another key does not open). The sealed value lives in the
 * key's own metadata, where a rollback finds it. It adds nothing for whoever holds the
 * management key, who can mint keys anyway; anyone else who reads the metadata (the dashboard,
 * another keys:manage key, the key itself through GET /me) sees only ciphertext.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface Sealer {
  seal(keyId: string, secret: string): string;
  unseal(keyId: string, sealed: string): string | null;
}

export function sealerFor(managementKey: string): Sealer {
  const key = Buffer.from(hkdfSync('sha256', managementKey, 'dhmad-rotate-keys', 'sealed key secret v1', 32));
  return {
    seal(keyId, secret) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(keyId));
      const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
      return `${VERSION}.${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')}`;
    },
    unseal(keyId, sealed) {
      const [version, data] = sealed.split('.');
      if (version !== VERSION || data === undefined) return null;
      const raw = Buffer.from(data, 'base64url');
      if (raw.length <= IV_BYTES + TAG_BYTES) return null;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
        decipher.setAAD(Buffer.from(keyId));
        decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
        return Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        // Another management key, another key id, or altered: all look the same to GCM.
        return null;
      }
    },
  };
}

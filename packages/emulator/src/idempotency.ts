import { createHash } from 'node:crypto';
import type { Reply } from './replies.js';

/** How long a first response is replayed, as Stripe and the contract do. */
const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

interface Entry {
  fingerprint: string;
  reply: Reply;
  storedAt: number;
}

type IdempotencyCheck = { kind: 'new' } | { kind: 'replay'; reply: Reply } | { kind: 'conflict' };

/**
 * First responses to `POST`s that carried an `Idempotency-Key`, scoped per API key
 * so two keys cannot see each other's responses. Kept in memory only: a create's
 * response holds a secret, which must not be written to the `--data` file.
 */
export class IdempotencyStore {
  #entries = new Map<string, Entry>();

  static fingerprint(method: string, path: string, body: unknown): string {
    return createHash('sha256')
      .update(`${method} ${path}\n${canonicalJson(body)}`)
      .digest('hex');
  }

  check(scope: string, idempotencyKey: string, fingerprint: string, nowMs: number): IdempotencyCheck {
    const id = `${scope}\0${idempotencyKey}`;
    const entry = this.#entries.get(id);
    if (!entry) return { kind: 'new' };
    if (nowMs - entry.storedAt >= IDEMPOTENCY_WINDOW_MS) {
      this.#entries.delete(id);
      return { kind: 'new' };
    }
    return entry.fingerprint === fingerprint ? { kind: 'replay', reply: entry.reply } : { kind: 'conflict' };
  }

  save(scope: string, idempotencyKey: string, fingerprint: string, reply: Reply, nowMs: number): void {
    this.#entries.set(`${scope}\0${idempotencyKey}`, { fingerprint, reply, storedAt: nowMs });
  }

  clear(): void {
    this.#entries.clear();
  }
}

/** JSON with object keys sorted, so `{a,b}` and `{b,a}` are the same request. */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? '';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
    .join(',')}}`;
}

import { redactText } from '../key-format.js';

/** Response or request headers as a plain object, without credentials and with key-shaped values redacted. */
export type SafeHeaders = Record<string, string>;

const SECRET_HEADERS = new Set(['authorization', 'x-api-key', 'cookie', 'set-cookie', 'proxy-authorization']);

export function scrubHeaders(headers: Headers | Record<string, string> | undefined): SafeHeaders {
  const out: SafeHeaders = {};
  if (!headers) return out;
  const entries = headers instanceof Headers ? headers.entries() : Object.entries(headers);
  for (const [name, value] of entries) {
    const lower = name.toLowerCase();
    out[lower] = SECRET_HEADERS.has(lower) ? '[redacted]' : redactText(value);
  }
  return out;
}

/** Deep copy of a JSON-like value with every string run through `redactText`. */
export function scrubJson(value: unknown): unknown {
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map(scrubJson);
  if (value !== null && typeof value === 'object' && isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = scrubJson(v);
    return out;
  }
  return value;
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

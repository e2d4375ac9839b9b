import { redactText } from '../key-format.js';

/** Response or request headers as a plain object, without credentials and with key-shaped values redacted. */
export type SafeHeaders = Record<string, string>;

/** Headers that carry credentials, by lower-case name: never logged, never sent to another origin. */
export const CREDENTIAL_HEADERS: ReadonlySet<string> = new Set(['authorization', 'x-api-key', 'cookie', 'set-cookie', 'proxy-authorization']);

export function scrubHeaders(headers: Headers | Record<string, string> | undefined): SafeHeaders {
  const out: SafeHeaders = {};
  if (!headers) return out;
  const entries = headers instanceof Headers ? headers.entries() : Object.entries(headers);
  for (const [name, value] of entries) {
    const lower = name.toLowerCase();
    out[lower] = CREDENTIAL_HEADERS.has(lower) ? '[redacted]' : redactText(value);
  }
  return out;
}

/**
 * The response's `x-request-id`, redacted: it is the server's text, and it ends up on results
 * and errors that get logged and printed.
 */
export function requestIdOf(headers: Headers | undefined): string | undefined {
  const id = headers?.get('x-request-id');
  return id === null || id === undefined ? undefined : redactText(id);
}

/**
 * An error safe to attach as `cause`: the original when neither it nor its own
 * causes mention a key, else a copy with redacted message and no stack. (Node's
 * fetch, for one, puts a bad header's whole value, key included, in its message.)
 */
export function safeCause(err: unknown): unknown {
  if (typeof err === 'string') return redactText(err);
  if (!(err instanceof Error) || !mentionsKey(err, 0)) return err;
  const copy = new Error(redactText(err.message), { cause: safeCause(err.cause) });
  copy.name = err.name;
  copy.stack = `${copy.name}: ${copy.message}`;
  const code = (err as { code?: unknown }).code;
  if (code !== undefined) Object.assign(copy, { code });
  return copy;
}

function mentionsKey(err: Error, depth: number): boolean {
  const text = `${err.message}\n${err.stack ?? ''}`;
  if (redactText(text) !== text) return true;
  return depth < 4 && err.cause instanceof Error && mentionsKey(err.cause, depth + 1);
}

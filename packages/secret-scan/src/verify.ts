import { APIConnectionError, APIConnectionTimeoutError, AuthenticationError, Dhmad, DhmadError, PermissionDeniedError, RateLimitError, redactText } from '@dhmad/sdk';
import { secretOf } from './collector.js';
import type { Finding, Verification } from './findings.js';
import { printable } from './printable.js';

export interface VerifyOptions {
  /** Base URL for keys of both environments (the emulator, a proxy); default DHMAD's own hosts. */
  baseUrl?: string;
  /** Base URL for live keys only; wins over `baseUrl`. */
  liveBaseUrl?: string;
  /** Base URL for sandbox keys only; wins over `baseUrl`. */
  sandboxBaseUrl?: string;
  /** Per request, ms (default 10 000). */
  timeout?: number;
  /** Retries on connection errors, 429 and 5xx (default 1). */
  maxRetries?: number;
  /** Keys asked at once (default 8). */
  concurrency?: number;
  /**
   * Requests started per minute at most (default 90). The API allows 100 a minute per IP
   * address; the rest is left to whatever else runs from this machine.
   */
  requestsPerMinute?: number;
  /** Called after each key's answer: how many of the distinct keys are done. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Ask `GET /me`, with each found key against its own environment's host only,
 * whether the key works. Each distinct key is asked once, several at a time
 * within the API's rate limit. The key never leaves the SDK client; what is
 * recorded is a status and words without the key.
 */
export async function verifyFindings(findings: readonly Finding[], options: VerifyOptions): Promise<void> {
  const byKey = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.ruleId !== 'live-key' && f.ruleId !== 'sandbox-key') continue;
    const key = secretOf(f);
    if (key === undefined) continue;
    const list = byKey.get(key);
    if (list) list.push(f);
    else byKey.set(key, [f]);
  }
  const jobs = [...byKey];
  let done = 0;
  const pace = pacer(options.requestsPerMinute ?? 90);
  await inParallel(jobs, options.concurrency ?? 8, async ([key, list]) => {
    await pace();
    const environment = list[0]!.environment!;
    const baseUrl = (environment === 'live' ? options.liveBaseUrl : options.sandboxBaseUrl) ?? options.baseUrl;
    const verified = await verifyKey(key, { ...options, baseUrl });
    for (const f of list) f.verified = verified;
    options.onProgress?.(++done, jobs.length);
  });
}

/** Run `work` on every item, at most `limit` at once. */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/**
 * Waits, when needed, so that at most `perMinute` calls pass in any 60 seconds.
 * `now` and `sleep` are the clock, replaceable in tests.
 */
export function pacer(
  perMinute: number,
  now: () => number = Date.now,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): () => Promise<void> {
  const started: number[] = [];
  return async () => {
    for (;;) {
      while (started.length > 0 && now() - started[0]! >= 60_000) started.shift();
      if (started.length < perMinute) break;
      await sleep(60_000 - (now() - started[0]!));
    }
    started.push(now());
  };
}

async function verifyKey(apiKey: string, options: VerifyOptions): Promise<Verification> {
  let client: Dhmad;
  try {
    client = new Dhmad({
      apiKey,
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
      maxRetries: options.maxRetries ?? 1,
      timeout: options.timeout ?? 10_000,
      logLevel: 'off',
    });
  } catch (e) {
    return { status: 'unknown', detail: `Not checked: ${safeText(e)}` };
  }
  try {
    const me = await client.me.retrieve();
    // Whatever answers at a --base-url may say 200 without being the API.
    if (typeof me?.apiKey?.isActive !== 'boolean') return { status: 'unknown', detail: 'The answer to GET /me did not describe a key, so it says nothing about this one.' };
    return me.apiKey.isActive
      ? { status: 'active', detail: `Active key "${safeText(me.apiKey.name)}": anyone holding it can use it now. Regenerate it.` }
      : { status: 'inactive', detail: 'The key exists but is deactivated.' };
  } catch (e) {
    return statusOf(e, options.timeout ?? 10_000);
  }
}

/**
 * What an error from `GET /me` says about the key. Only a definite answer that the key does not
 * work (unknown to the API, replaced by a regeneration, deactivated, expired, or the real API's
 * "Invalid or expired API key") says so; any other refusal (wrong environment, a missing or
 * malformed header that a proxy may have mangled, a reason this version does not know) is
 * `unknown`: a live key is never called dead on a guess.
 */
function statusOf(e: unknown, timeout: number): Verification {
  if (e instanceof AuthenticationError) {
    switch (e.reason) {
      case 'inactive':
        return { status: 'inactive', detail: 'The key exists but is deactivated.' };
      case 'expired':
        return { status: 'expired', detail: 'The key has expired.' };
      case 'unknown':
        return { status: 'revoked', detail: 'The API does not know this key (deleted, or never issued).' };
      case 'regenerated':
        return { status: 'revoked', detail: 'This secret was replaced by a regeneration and no longer works.' };
      case undefined:
        if (/^invalid or expired api key\b/i.test(e.message)) {
          return { status: 'revoked', detail: 'The API answered "Invalid or expired API key": the key does not work (deleted, deactivated or expired).' };
        }
      // falls through: a refusal this version cannot read is not proof the key is dead
      default:
        return { status: 'unknown', detail: `The API refused this request without saying the key is dead, so it may still work: ${safeText(e)}` };
    }
  }
  if (e instanceof PermissionDeniedError) return { status: 'active', detail: `The API accepted the key but refused this request (403): ${safeText(e)}. Treat the key as working.` };
  if (e instanceof APIConnectionTimeoutError) return { status: 'unreachable', detail: `No answer within ${timeout / 1000} s (--verify-timeout).` };
  if (e instanceof APIConnectionError) return { status: 'unreachable', detail: `Could not reach the API: ${safeText(e)}` };
  if (e instanceof RateLimitError) return { status: 'unknown', detail: 'Not checked: the API is rate limiting this machine; try again in a minute.' };
  if (e instanceof DhmadError) return { status: 'unknown', detail: `The API did not answer usefully: ${safeText(e)}` };
  throw e;
}

/**
 * Anything the API (or whatever answers at that URL) sent back, fit to print: no key, and no
 * control character that could rewrite the terminal.
 */
function safeText(value: unknown): string {
  return printable(redactText(value instanceof Error ? value.message : String(value)));
}

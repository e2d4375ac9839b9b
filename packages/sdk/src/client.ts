/**
 * The DHMAD API client: options, key checks, and the request loop (timeouts,
 * retries with backoff, idempotency keys). Resources live in `resources/`.
 *
 * The secret key is held only in a private field and in the `Authorization`
 * header of the outgoing request; inspection, JSON, logs and errors show its
 * `keyPrefix` at most.
 */
import { randomUUID } from 'node:crypto';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  DhmadConfigError,
  DhmadError,
  InvalidApiKeyError,
  retryAfterSeconds,
} from './core/errors.js';
import { KEY_PREFIXES, redactText, validateKey } from './key-format.js';
import type { Environment } from './key-format.js';
import { isLogLevel, makeLogger } from './internal/logger.js';
import type { LogLevel, Logger } from './internal/logger.js';
import { requestIdOf, safeCause, scrubHeaders } from './internal/redact.js';
import { fetchFollowingRedirects } from './internal/redirects.js';
import { MAX_RESPONSE_BYTES, readBodyText } from './internal/response-body.js';
import type { FinalRequestOptions, RequestOptions, WithRequestId } from './internal/request-options.js';
import { isPlainNumber, sleep } from './internal/utils.js';
import { ApiKeys } from './resources/api-keys.js';
import { Me } from './resources/me.js';
import { VERSION } from './version.js';

export type { LogLevel, Logger, RequestOptions, WithRequestId };

/** A key, or a function returning the current key (called before every request, so keys may rotate). */
export type ApiKeySource = string | (() => string | Promise<string>);

export interface ClientOptions {
  /** Defaults to `process.env.DHMAD_API_KEY`. */
  apiKey?: ApiKeySource | undefined;
  /**
   * Defaults to `process.env.DHMAD_BASE_URL`, else to the live or sandbox API
   * chosen by the key's prefix.
   */
  baseUrl?: string | undefined;
  /** Retries after a connection error, 408, 409, 429 or 5xx (default 2). */
  maxRetries?: number | undefined;
  /** Milliseconds to wait for each attempt's response (default 60 000). */
  timeout?: number | undefined;
  /** A `fetch` implementation (default `globalThis.fetch`). */
  fetch?: typeof fetch | undefined;
  /** Headers sent with every request. */
  defaultHeaders?: Record<string, string> | undefined;
  /** Where log lines go (default `console`). Credentials are always redacted. */
  logger?: Logger | undefined;
  /** Default `process.env.DHMAD_LOG`, else `warn`. */
  logLevel?: LogLevel | undefined;
}

export const LIVE_BASE_URL = 'https://dhmad.tn/api/v1';
export const SANDBOX_BASE_URL = 'https://sandbox.dhmad.tn/api/v1';

const DEFAULT_MAX_RETRIES = 2;
const DEFAULT_TIMEOUT_MS = 60_000;
const INITIAL_RETRY_DELAY_MS = 500;
const MAX_RETRY_DELAY_MS = 8_000;
/** A server asking for a longer wait than this gets no retry: the error surfaces at once. */
const MAX_RETRY_AFTER_MS = 60_000;

/** DHMAD's own hosts, whose environment is known, so a key of the other environment is caught before sending. */
const KNOWN_HOSTS: Readonly<Record<string, Environment>> = {
  'dhmad.tn': 'live',
  'www.dhmad.tn': 'live',
  'sandbox.dhmad.tn': 'sandbox',
};

interface ResolvedKey {
  key: string;
  keyPrefix: string;
  baseUrl: string;
}

export class Dhmad {
  readonly me: Me;
  readonly apiKeys: ApiKeys;

  readonly maxRetries: number;
  readonly timeout: number;

  readonly #apiKey: ApiKeySource;
  readonly #keySourceName: string;
  readonly #explicitBaseUrl: string | undefined;
  /** Where the explicit base URL came from, for messages that tell the user what to change. */
  readonly #baseUrlSourceName: string;
  readonly #fetch: typeof fetch;
  readonly #defaultHeaders: Record<string, string>;
  readonly #log: Logger;
  readonly #debug: boolean;
  /** The last key checked, so a static key (or an unchanged rotating one) is validated once. */
  #resolved: ResolvedKey | undefined;

  constructor(options: ClientOptions = {}) {
    const fromOption = options.apiKey !== undefined;
    const apiKey = options.apiKey ?? readEnv('DHMAD_API_KEY');
    this.#keySourceName = fromOption ? 'the `apiKey` option' : 'the DHMAD_API_KEY environment variable';

    const baseUrl = options.baseUrl ?? readEnv('DHMAD_BASE_URL');
    this.#explicitBaseUrl = baseUrl === undefined ? undefined : normalizeBaseUrl(baseUrl, options.baseUrl !== undefined);
    this.#baseUrlSourceName = options.baseUrl !== undefined ? 'the `baseUrl` option' : 'DHMAD_BASE_URL';

    this.maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
    assertMaxRetries(this.maxRetries);
    this.timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
    assertTimeout(this.timeout);

    const level = options.logLevel ?? envLogLevel();
    if (!isLogLevel(level)) {
      throw new DhmadConfigError(`\`logLevel\` must be one of off, error, warn, info, debug; got ${String(level)}.`);
    }
    this.#log = makeLogger(options.logger ?? console, level);
    this.#debug = level === 'debug';

    const f = options.fetch ?? globalThis.fetch;
    if (typeof f !== 'function') {
      throw new DhmadConfigError('No `fetch` is available: pass one in the `fetch` option (Node >= 20.19 has it built in).');
    }
    this.#fetch = f;
    this.#defaultHeaders = lowerCaseKeys(options.defaultHeaders ?? {});

    if (typeof apiKey === 'function') {
      this.#apiKey = apiKey;
      this.#keySourceName = 'the `apiKey` function';
    } else {
      // A fixed key is checked now, so a bad one fails where the client is made, not at the first call.
      this.#apiKey = apiKey ?? '';
      this.#resolved = this.#check(this.#apiKey);
    }

    this.me = new Me(this);
    this.apiKeys = new ApiKeys(this);
  }

  /** The base URL requests go to (for an `apiKey` function without `baseUrl`, known after the first call). */
  get baseUrl(): string | undefined {
    return this.#explicitBaseUrl ?? this.#resolved?.baseUrl;
  }

  /** The key's printable `keyPrefix` (type prefix + 6 hex), never the key. */
  get keyPrefix(): string | undefined {
    return this.#resolved?.keyPrefix;
  }

  /**
   * Send one request with the client's auth, timeout and retry policy. The
   * resource methods use this; it is public for endpoints the SDK does not
   * wrap yet. `path` is relative to the base URL, e.g. `/balance`. An object
   * result carries the response's `x-request-id` as `requestId` (non-enumerable).
   */
  async request<T>(req: FinalRequestOptions): Promise<WithRequestId<T>> {
    const maxRetries = req.maxRetries ?? this.maxRetries;
    const timeout = req.timeout ?? this.timeout;
    if (req.timeout !== undefined) assertTimeout(timeout);
    if (req.maxRetries !== undefined) assertMaxRetries(maxRetries);
    const method = req.method.toUpperCase();
    // Generated once, outside the loop: every retry of a POST must carry the same key.
    const idempotencyKey = method === 'POST' ? (req.idempotencyKey ?? randomUUID()) : undefined;
    const what = `${method} ${req.path}`;

    for (let attempt = 0; ; attempt++) {
      if (req.signal?.aborted) throw new APIUserAbortError();
      const retriesLeft = maxRetries - attempt;
      // Resolved per attempt: an `apiKey` function may hand out a rotated key between retries.
      const { key, baseUrl } = await this.#resolveKey();
      // The signal may have fired while an `apiKey` function was fetching the key; a listener added now would never run.
      if (req.signal?.aborted) throw new APIUserAbortError({ message: `Request was aborted (${what}).` });
      const url = buildUrl(baseUrl, req.path, req.query);
      const headers = this.#headers(key, req, idempotencyKey);
      if (this.#debug) {
        this.#log.debug(`→ ${what} (attempt ${attempt + 1} of ${maxRetries + 1})`, { url, headers: scrubHeaders(headers) });
      }

      const controller = new AbortController();
      const onUserAbort = (): void => controller.abort();
      req.signal?.addEventListener('abort', onUserAbort, { once: true });
      const timer = setTimeout(() => controller.abort(), timeout);
      const started = this.#debug ? performance.now() : 0;

      let response: Response;
      let text: string | null;
      try {
        response = await fetchFollowingRedirects(this.#fetch, url, {
          method,
          headers,
          body: req.body === undefined ? undefined : JSON.stringify(req.body),
          signal: controller.signal,
        });
        // The body is read under the same timeout: a server can stall after the headers.
        text = await readBodyText(response);
      } catch (cause) {
        if (req.signal?.aborted) throw new APIUserAbortError({ message: `Request was aborted (${what}).` });
        if (isRequestBuildError(cause)) {
          // A bad header value never reaches the network; retrying cannot help.
          throw new DhmadConfigError(`The request could not be sent (${what}): ${describeCause(cause)}.`, { cause: safeCause(cause) });
        }
        const error = controller.signal.aborted
          ? new APIConnectionTimeoutError({ message: `Request timed out after ${timeout} ms (${what}).` })
          : new APIConnectionError({ message: `Connection error (${what}): ${describeCause(cause)}.`, cause: safeCause(cause) });
        if (retriesLeft <= 0) throw error;
        const delay = backoff(attempt);
        this.#log.info(`${error.message} Retrying in ${Math.round(delay)} ms (${retriesLeft} left).`);
        await this.#wait(delay, req.signal, what);
        continue;
      } finally {
        clearTimeout(timer);
        req.signal?.removeEventListener('abort', onUserAbort);
      }

      if (text === null) {
        // Not retried: the same server would send the same again.
        throw new DhmadError(
          `${what} answered ${response.status} with a body over ${MAX_RESPONSE_BYTES / 1024 / 1024} MiB, which no DHMAD API answer is; the SDK stopped reading it. Is baseUrl pointing at the DHMAD API?`,
        );
      }
      const requestId = requestIdOf(response.headers);
      if (this.#debug) {
        this.#log.debug(`← ${response.status} ${what} in ${Math.round(performance.now() - started)} ms`, { requestId });
      }
      if (response.ok) {
        const result = parseBody<WithRequestId<T>>(text, response, what);
        if (requestId !== undefined && result !== null && typeof result === 'object') {
          Object.defineProperty(result, 'requestId', { value: requestId, enumerable: false });
        }
        return result;
      }

      const body = parseJson(text);
      const error = APIError.generate({
        status: response.status,
        body,
        headers: response.headers,
        statusText: response.statusText,
      });
      if (retriesLeft > 0 && shouldRetry(response)) {
        const delay = retryDelay(response.headers, body, attempt);
        if (delay !== null) {
          this.#log.info(`${what} answered ${response.status}; retrying in ${Math.round(delay)} ms (${retriesLeft} left).`);
          await this.#wait(delay, req.signal, what);
          continue;
        }
        this.#log.warn(`${what} answered ${response.status} and asks for a wait over ${MAX_RETRY_AFTER_MS / 1000} s; not retrying.`);
      }
      throw error;
    }
  }

  /** Shows the base URL and keyPrefix, never the key. */
  toJSON(): { baseUrl: string | undefined; keyPrefix: string | undefined; maxRetries: number; timeout: number } {
    return { baseUrl: this.baseUrl, keyPrefix: this.keyPrefix, maxRetries: this.maxRetries, timeout: this.timeout };
  }

  [Symbol.for('nodejs.util.inspect.custom')](
    _depth: number,
    options: object,
    inspect: (value: unknown, options: object) => string,
  ): string {
    return `Dhmad ${inspect(this.toJSON(), options)}`;
  }

  async #resolveKey(): Promise<ResolvedKey> {
    const source = this.#apiKey;
    if (typeof source === 'string') return this.#resolved!;
    let key: unknown;
    try {
      key = await source();
    } catch (cause) {
      throw new DhmadConfigError(`The \`apiKey\` function failed: ${describeCause(cause)}.`, { cause: safeCause(cause) });
    }
    if (this.#resolved !== undefined && key === this.#resolved.key) return this.#resolved;
    this.#resolved = this.#check(key);
    return this.#resolved;
  }

  /** The pre-send checks: a well-formed key, with nothing around it, of the right environment for a DHMAD host. */
  #check(key: unknown): ResolvedKey {
    const v = validateKey(key);
    if (!v.valid) {
      // A missing key's message already says where keys come from.
      const where = v.problem === 'missing' ? '' : ` (The key came from ${this.#keySourceName}.)`;
      throw new InvalidApiKeyError(v.problem, v.message + where, v.environment);
    }
    const baseUrl = this.#explicitBaseUrl ?? (v.environment === 'live' ? LIVE_BASE_URL : SANDBOX_BASE_URL);
    const hostEnv = KNOWN_HOSTS[new URL(baseUrl).hostname];
    if (hostEnv !== undefined && hostEnv !== v.environment) {
      const right = hostEnv === 'live' ? SANDBOX_BASE_URL : LIVE_BASE_URL;
      throw new InvalidApiKeyError(
        'wrong_environment',
        `A ${v.environment} key (${v.keyPrefix}…) cannot be used on the ${hostEnv} API at ${baseUrl}: ` +
          `use a ${hostEnv} key (${KEY_PREFIXES[hostEnv]}...) there, or set ${this.#baseUrlSourceName} to ${right} for ${v.environment}.`,
        v.environment,
      );
    }
    return { key: key as string, keyPrefix: v.keyPrefix, baseUrl };
  }

  #headers(key: string, req: FinalRequestOptions, idempotencyKey: string | undefined): Record<string, string> {
    const h: Record<string, string> = {
      accept: 'application/json',
      'user-agent': `dhmad-sdk-node/${VERSION} node/${process.version}`,
      authorization: `Bearer ${key}`,
    };
    if (req.body !== undefined) h['content-type'] = 'application/json';
    if (idempotencyKey !== undefined) h['idempotency-key'] = idempotencyKey;
    Object.assign(h, this.#defaultHeaders);
    if (req.headers) {
      for (const [name, value] of Object.entries(req.headers)) {
        const lower = name.toLowerCase();
        if (value === null) delete h[lower];
        else if (value !== undefined) h[lower] = value;
      }
    }
    return h;
  }

  async #wait(ms: number, signal: AbortSignal | undefined, what: string): Promise<void> {
    try {
      await sleep(ms, signal);
    } catch {
      throw new APIUserAbortError({ message: `Request was aborted while waiting to retry (${what}).` });
    }
  }
}

function readEnv(name: string): string | undefined {
  const v = typeof process === 'undefined' ? undefined : process.env[name];
  return v === undefined || v === '' ? undefined : v;
}

function envLogLevel(): LogLevel {
  const v = readEnv('DHMAD_LOG');
  return isLogLevel(v) ? v : 'warn';
}

/** `setTimeout`'s ceiling: a longer delay fires after 1 ms, so every request would time out at once. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

function assertTimeout(timeout: unknown): void {
  if (!isPlainNumber(timeout) || timeout <= 0 || timeout > MAX_TIMEOUT_MS) {
    throw new DhmadConfigError(`\`timeout\` must be a number of milliseconds > 0 and <= ${MAX_TIMEOUT_MS} (about 24.8 days); got ${String(timeout)}.`);
  }
}

/** A NaN or fractional count would make the retry loop never stop (`NaN <= 0` is false). */
function assertMaxRetries(maxRetries: unknown): void {
  if (!Number.isInteger(maxRetries) || (maxRetries as number) < 0) {
    throw new DhmadConfigError(`\`maxRetries\` must be a whole number >= 0; got ${String(maxRetries)}.`);
  }
}

function normalizeBaseUrl(value: string, fromOption: boolean): string {
  const source = fromOption ? 'The `baseUrl` option' : 'DHMAD_BASE_URL';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new DhmadConfigError(`${source} is not a URL: "${redactText(value)}". Use e.g. ${LIVE_BASE_URL}.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new DhmadConfigError(`${source} must be an http(s) URL; got ${url.protocol}.`);
  }
  return value.replace(/\/+$/, '');
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = v;
  return out;
}

function buildUrl(baseUrl: string, path: string, query: FinalRequestOptions['query']): string {
  let url = baseUrl + path;
  if (query) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null) params.set(k, String(v));
    const qs = params.toString();
    if (qs) url += `?${qs}`;
  }
  return url;
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function parseBody<T>(text: string, response: Response, what: string): T {
  if (text === '') return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new DhmadError(
      `${what} answered ${response.status} with a body that is not JSON (content-type ${response.headers.get('content-type') ?? 'none'}). Is baseUrl pointing at the DHMAD API?`,
    );
  }
}

function shouldRetry(response: Response): boolean {
  // The server may force or forbid a retry, as openai-node's `x-should-retry`.
  const override = response.headers.get('x-should-retry');
  if (override === 'true') return true;
  if (override === 'false') return false;
  const s = response.status;
  return s === 408 || s === 409 || s === 429 || s >= 500;
}

/** Exponential backoff with full jitter: uniform in [0, min(cap, base * 2^attempt)). */
function backoff(attempt: number): number {
  return Math.random() * Math.min(MAX_RETRY_DELAY_MS, INITIAL_RETRY_DELAY_MS * 2 ** attempt);
}

/**
 * How long to wait before retrying: what the server asked for (`retry-after-ms`,
 * `Retry-After`, or the body's `retryAfter`), else backoff. `null` when the
 * server asks for more than the cap: waiting that long inside a call helps nobody.
 */
function retryDelay(headers: Headers, body: unknown, attempt: number): number | null {
  let asked: number | undefined;
  const ms = Number(headers.get('retry-after-ms') ?? NaN);
  if (Number.isFinite(ms) && ms >= 0) asked = ms;
  if (asked === undefined) {
    const seconds = retryAfterSeconds(headers);
    if (seconds !== undefined) asked = seconds * 1000;
  }
  if (asked === undefined && body !== null && typeof body === 'object') {
    const s = (body as { retryAfter?: unknown }).retryAfter;
    if (isPlainNumber(s) && s >= 0) asked = s * 1000;
  }
  if (asked === undefined) return backoff(attempt);
  return asked > MAX_RETRY_AFTER_MS ? null : asked;
}

/** Node's fetch refuses invalid header names and values with a TypeError before sending. */
function isRequestBuildError(cause: unknown): boolean {
  return cause instanceof TypeError && /^Headers\.|invalid header/i.test(cause.message);
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = (cause as { cause?: unknown }).cause;
    const code = inner instanceof Error ? ((inner as { code?: unknown }).code ?? inner.message) : undefined;
    return code ? `${cause.message} (${String(code)})` : cause.message;
  }
  return String(cause);
}

export default Dhmad;

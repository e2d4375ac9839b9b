/**
 * The SDK's typed errors. Every message, header value and detail passes through
 * `redactText` first, so no error (its message, `String(err)`, its stack or its
 * fields) can carry a secret key, even when the server echoes one back.
 */
import { redactJson, redactText } from '../key-format.js';
import type { Environment, KeyFormatProblem } from '../key-format.js';
import type { AuthFailureReason } from '../types.js';
import { requestIdOf, scrubHeaders } from '../internal/redact.js';
import type { SafeHeaders } from '../internal/redact.js';

export type { AuthFailureReason, SafeHeaders };

/** The root of every error the SDK throws. */
export class DhmadError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(redactText(message), options);
    // Subclasses get their own name in `String(err)` and stacks without repeating it.
    this.name = new.target.name;
  }
}

/** The client was configured in a way that cannot work (bad `baseUrl`, `timeout`, `maxRetries`, id ...). */
export class DhmadConfigError extends DhmadError {}

export type InvalidApiKeyProblem = KeyFormatProblem | 'wrong_environment';

/**
 * The API key was refused before anything was sent: missing, surrounded by
 * whitespace or quotes, malformed, a placeholder, or of the wrong environment
 * for a known DHMAD host. `problem` says which.
 */
export class InvalidApiKeyError extends DhmadConfigError {
  readonly problem: InvalidApiKeyProblem;
  /** The environment the key's prefix names, when it names one. */
  readonly environment: Environment | null;
  constructor(problem: InvalidApiKeyProblem, message: string, environment: Environment | null) {
    super(message);
    this.problem = problem;
    this.environment = environment;
  }
}

export interface APIErrorInit {
  status: number;
  /** The parsed error body, if the server sent JSON. */
  body: unknown;
  headers: Headers | undefined;
  /** The response's status text, for the message when the body has none. */
  statusText?: string;
}

/** The server answered with a non-2xx status. `message` is the server's `message`, redacted. */
export class APIError extends DhmadError {
  /** HTTP status code. */
  readonly status: number;
  /** The HTTP reason phrase the API puts in `error` (e.g. `Unauthorized`). */
  readonly error: string | undefined;
  /** The body's `details`, e.g. per-field problems for a 400 or `reason` for a 401. */
  readonly details: Record<string, unknown> | undefined;
  /** From the `x-request-id` response header; quote it when contacting DHMAD support. */
  readonly requestId: string | undefined;
  /** Response headers, credentials removed. */
  readonly headers: SafeHeaders;

  constructor(init: APIErrorInit) {
    const body = asRecord(init.body);
    const serverMessage = typeof body?.message === 'string' ? body.message : undefined;
    // The server's own words; the status is in `status` and in the class name.
    super(serverMessage ?? `Request failed with status ${init.status}${init.statusText ? ` (${init.statusText})` : ''}.`);
    this.status = init.status;
    this.error = typeof body?.error === 'string' ? redactText(body.error) : undefined;
    const details = asRecord(body?.details);
    this.details = details ? (redactJson(details) as Record<string, unknown>) : undefined;
    this.requestId = requestIdOf(init.headers);
    this.headers = scrubHeaders(init.headers);
  }

  /** The error class for a status; the retry loop and tests use this. */
  static generate(init: APIErrorInit): APIError {
    const s = init.status;
    if (s === 400) return new BadRequestError(init);
    if (s === 401) return new AuthenticationError(init);
    if (s === 403) return new PermissionDeniedError(init);
    if (s === 404) return new NotFoundError(init);
    if (s === 409) return new ConflictError(init);
    if (s === 422) return new UnprocessableEntityError(init);
    if (s === 429) return new RateLimitError(init);
    if (s >= 500) return new InternalServerError(init);
    return new APIError(init);
  }
}

/** 400: the request was invalid; `details` names each field. */
export class BadRequestError extends APIError {}

const AUTH_REASONS: readonly AuthFailureReason[] = [
  'missing',
  'malformed',
  'unknown',
  'inactive',
  'expired',
  'regenerated',
  'wrong_environment',
];

/**
 * Which 401 it is, for servers that do not send `details.reason`. The real
 * API's bare "Invalid or expired API key" covers unknown, inactive and expired
 * keys alike, so it (and anything else unrecognised) gives `undefined`, not a
 * guess; only what follows that phrase is read.
 */
function reasonFromMessage(message: string): AuthFailureReason | undefined {
  const m = message.toLowerCase().replace('invalid or expired api key', '');
  if (m.includes('missing')) return 'missing';
  if (m.includes('regenerat')) return 'regenerated';
  if (m.includes('environment') || /\b(live|sandbox) (api|key|host)/.test(m)) return 'wrong_environment';
  if (m.includes('inactive') || m.includes('deactivated')) return 'inactive';
  if (m.includes('expired')) return 'expired';
  if (m.includes('malformed') || m.includes('format')) return 'malformed';
  if (m.includes('unknown') || m.includes('deleted') || m.includes('not recognized') || m.includes('no such key')) return 'unknown';
  return undefined;
}

/** 401: the key was refused; `reason` says why (undefined when the server does not say). */
export class AuthenticationError extends APIError {
  readonly reason: AuthFailureReason | undefined;
  constructor(init: APIErrorInit) {
    super(init);
    const fromDetails = this.details?.reason;
    this.reason =
      typeof fromDetails === 'string' && (AUTH_REASONS as readonly string[]).includes(fromDetails)
        ? (fromDetails as AuthFailureReason)
        : reasonFromMessage(this.message);
  }
}

/** 403: the key is valid but may not do this (e.g. no `keys:manage` scope). */
export class PermissionDeniedError extends APIError {}

/** 404: no such key in this environment and account. */
export class NotFoundError extends APIError {}

/** 409: an `Idempotency-Key` was reused with a different request, or is still in flight. */
export class ConflictError extends APIError {}

/** 422: the request was well-formed but could not be processed. */
export class UnprocessableEntityError extends APIError {}

/** 429: over the rate limit. */
export class RateLimitError extends APIError {
  /** Seconds to wait before trying again, from the body's `retryAfter` or the `Retry-After` header. */
  readonly retryAfter: number | undefined;
  constructor(init: APIErrorInit) {
    super(init);
    const fromBody = asRecord(init.body)?.retryAfter;
    this.retryAfter =
      typeof fromBody === 'number' && Number.isFinite(fromBody) && fromBody >= 0
        ? fromBody
        : retryAfterSeconds(init.headers);
  }
}

/** 5xx: something went wrong on DHMAD's side; retried automatically. */
export class InternalServerError extends APIError {}

/** No response arrived: DNS, refused or reset connection, or a response cut off mid-way. */
export class APIConnectionError extends DhmadError {
  constructor(options?: { message?: string; cause?: unknown }) {
    super(options?.message ?? 'Connection error: no response from the DHMAD API.', { cause: options?.cause });
  }
}

/** No response within `timeout` milliseconds. */
export class APIConnectionTimeoutError extends APIConnectionError {
  constructor(options?: { message?: string; cause?: unknown }) {
    super({ message: options?.message ?? 'Request timed out.', cause: options?.cause });
  }
}

/** The caller's `AbortSignal` fired. Never retried. */
export class APIUserAbortError extends DhmadError {
  constructor(options?: { message?: string; cause?: unknown }) {
    super(options?.message ?? 'Request was aborted.', { cause: options?.cause });
  }
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** `Retry-After` in seconds (delta-seconds or an HTTP date), or undefined. */
export function retryAfterSeconds(headers: Headers | undefined): number | undefined {
  const raw = headers?.get('retry-after');
  if (raw == null || raw === '') return undefined;
  const n = Number(raw);
  if (Number.isFinite(n) && n >= 0) return n;
  const date = Date.parse(raw);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, (date - Date.now()) / 1000);
}

/** Options every method accepts as its last argument. */
export interface RequestOptions {
  /** Abort the request (and any retry wait); the call rejects with `APIUserAbortError`. */
  signal?: AbortSignal;
  /** Milliseconds to wait for each attempt's response; overrides the client's `timeout`. */
  timeout?: number;
  /** Retries for this call; overrides the client's `maxRetries`. */
  maxRetries?: number;
  /** `Idempotency-Key` for a POST, reused on every retry. Generated when not given. */
  idempotencyKey?: string;
  /** Extra headers for this call; `null` removes a header the client would send. */
  headers?: Record<string, string | null | undefined>;
}

export type HttpMethod = 'get' | 'post' | 'patch' | 'delete';

/** What a resource method hands to the client. */
export interface FinalRequestOptions extends RequestOptions {
  method: HttpMethod;
  path: string;
  query?: Record<string, string | number | boolean | null | undefined>;
  body?: unknown;
}

/**
 * A result object with the `x-request-id` of the response that carried it, as a
 * non-enumerable property: it shows up neither in JSON nor in equality checks.
 */
export type WithRequestId<T> = T & { readonly requestId?: string };

export { Dhmad, Dhmad as default, LIVE_BASE_URL, SANDBOX_BASE_URL } from './client.js';
export type { ApiKeySource, ClientOptions, LogLevel, Logger, RequestOptions } from './client.js';
export type { FinalRequestOptions, HttpMethod, WithRequestId } from './internal/request-options.js';
export {
  DhmadError,
  DhmadConfigError,
  InvalidApiKeyError,
  APIError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
} from './core/errors.js';
export type { InvalidApiKeyProblem, SafeHeaders } from './core/errors.js';
export { Page, PagePromise } from './core/pagination.js';
export type { PageParams } from './core/pagination.js';
export { ApiKeys } from './resources/api-keys.js';
export type { ApiKeyListParams, ApiKeyUsageParams } from './resources/api-keys.js';
export { Me } from './resources/me.js';
export { VERSION } from './version.js';
export * from './key-format.js';
export type * from './types.js';

import { Page, PagePromise } from '../core/pagination.js';
import type { PageParams } from '../core/pagination.js';
import type { RequestOptions, WithRequestId } from '../internal/request-options.js';
import { pathSegment } from '../internal/utils.js';
import type {
  ApiKey,
  ApiKeyCreateParams,
  ApiKeyListResponse,
  ApiKeyResponse,
  ApiKeyUpdateParams,
  ApiKeyWithSecretResponse,
  MessageResponse,
  UsageResponse,
} from '../types.js';
import { APIResource } from './resource.js';

export interface ApiKeyListParams extends PageParams {
  /** Only active (`true`) or only inactive (`false`) keys. */
  isActive?: boolean;
}

export interface ApiKeyUsageParams {
  /** Days of history, 1-90 (default 30). */
  days?: number;
}

/**
 * The `/api-keys` endpoints. They need a key with the `keys:manage` scope
 * (403 `PermissionDeniedError` otherwise) and manage keys of the same
 * environment and account only. Secrets appear only in the `key` field of
 * `create` and `regenerate` results.
 *
 * Methods that take an id are `async` so that a bad id rejects the returned
 * promise like any other error instead of throwing where the call is made.
 */
export class ApiKeys extends APIResource {
  /** Keys, never secrets. Await for the first page, or `for await` over every key. */
  list(params: ApiKeyListParams = {}, options?: RequestOptions): PagePromise<ApiKey, ApiKeyListParams> {
    const fetchPage = async (p: ApiKeyListParams, o?: RequestOptions): Promise<Page<ApiKey, ApiKeyListParams>> => {
      const body = await this._client.request<ApiKeyListResponse>({
        method: 'get',
        path: '/api-keys',
        query: { page: p.page, limit: p.limit, isActive: p.isActive },
        ...o,
      });
      return new Page(body.apiKeys, body.pagination, p, o, fetchPage);
    };
    return new PagePromise(() => fetchPage(params, options));
  }

  /**
   * A new key; its secret is in `result.key`, in this response only. Retries
   * reuse one `Idempotency-Key`, so a lost response never mints a second key.
   */
  create(params: ApiKeyCreateParams, options?: RequestOptions): Promise<WithRequestId<ApiKeyWithSecretResponse>> {
    return this._client.request({ method: 'post', path: '/api-keys', body: params, ...options });
  }

  async retrieve(id: string, options?: RequestOptions): Promise<WithRequestId<ApiKeyResponse>> {
    return this._client.request({ method: 'get', path: `/api-keys/${pathSegment('id', id)}`, ...options });
  }

  /** Rename, activate or deactivate, change `rateLimit`, `expiresAt` or `metadata`. */
  async update(id: string, params: ApiKeyUpdateParams, options?: RequestOptions): Promise<WithRequestId<ApiKeyResponse>> {
    return this._client.request({ method: 'patch', path: `/api-keys/${pathSegment('id', id)}`, body: params, ...options });
  }

  /** Re-enable a deactivated key. */
  async activate(id: string, options?: RequestOptions): Promise<WithRequestId<ApiKeyResponse>> {
    return this.update(id, { isActive: true }, options);
  }

  /** Disable a key without deleting it; `activate` brings it back. */
  async deactivate(id: string, options?: RequestOptions): Promise<WithRequestId<ApiKeyResponse>> {
    return this.update(id, { isActive: false }, options);
  }

  /** A new secret for the same key, in `result.key`; the old secret stops working at once. */
  async regenerate(id: string, options?: RequestOptions): Promise<WithRequestId<ApiKeyWithSecretResponse>> {
    return this._client.request({ method: 'post', path: `/api-keys/${pathSegment('id', id)}/regenerate`, ...options });
  }

  /** Delete a key for good. */
  async delete(id: string, options?: RequestOptions): Promise<WithRequestId<MessageResponse>> {
    return this._client.request({ method: 'delete', path: `/api-keys/${pathSegment('id', id)}`, ...options });
  }

  /** Per-day request and error counts, oldest first. */
  async usage(id: string, params: ApiKeyUsageParams = {}, options?: RequestOptions): Promise<WithRequestId<UsageResponse>> {
    return this._client.request({
      method: 'get',
      path: `/api-keys/${pathSegment('id', id)}/usage`,
      query: { days: params.days },
      ...options,
    });
  }
}

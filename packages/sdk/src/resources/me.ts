import type { RequestOptions, WithRequestId } from '../internal/request-options.js';
import type { MeResponse } from '../types.js';
import { APIResource } from './resource.js';

export class Me extends APIResource {
  /**
   * The key in use and its developer account: the documented way to check that
   * a key works, is active, and which environment it belongs to.
   */
  retrieve(options?: RequestOptions): Promise<WithRequestId<MeResponse>> {
    return this._client.request({ method: 'get', path: '/me', ...options });
  }
}

import { revealsKey } from '../key-format.js';
import { CREDENTIAL_HEADERS } from './redact.js';

/** As many hops as fetch itself follows. */
const MAX_REDIRECTS = 20;
const REDIRECTS: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

export interface OutgoingRequest {
  method: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: string | undefined;
  signal: AbortSignal;
}

/**
 * `fetch` with redirects followed here instead of inside fetch, the one place the SDK follows
 * them. fetch drops only `Authorization` (and cookies) when a redirect leaves the origin; the key
 * can also travel as `X-API-Key` or in a header of the caller's own, so every credential header,
 * and every header whose value holds a key or a part of one (in any letter case), is dropped before a request goes to another origin.
 */
export async function fetchFollowingRedirects(f: typeof fetch, url: string, request: OutgoingRequest): Promise<Response> {
  let current = new URL(url);
  let { method, headers, body } = request;
  for (let hops = 0; ; hops++) {
    // Called unbound: a browser-style fetch throws when `this` is not the global object.
    const response = await f(current.href, { method, headers, body, signal: request.signal, redirect: 'manual' });
    const location = response.headers.get('location');
    if (response.type === 'opaqueredirect') {
      throw new TypeError('fetch failed', { cause: new Error('this fetch hides redirects (redirect: "manual" gave an opaque response), so the SDK cannot follow them safely') });
    }
    if (!REDIRECTS.has(response.status) || location === null) return response;
    await response.body?.cancel();
    if (hops === MAX_REDIRECTS) throw new TypeError('fetch failed', { cause: new Error(`more than ${MAX_REDIRECTS} redirects`) });
    const next = new URL(location, current);
    if (next.protocol !== 'https:' && next.protocol !== 'http:') {
      throw new TypeError('fetch failed', { cause: new Error(`a redirect to a ${next.protocol} URL`) });
    }
    if (next.origin !== current.origin) headers = withoutCredentials(headers);
    // What fetch does: 303 (and 301/302 after a POST) continue as a GET without a body.
    if ((response.status === 303 && method !== 'HEAD') || ((response.status === 301 || response.status === 302) && method === 'POST')) {
      method = 'GET';
      body = undefined;
      headers = Object.fromEntries(Object.entries(headers).filter(([name]) => !name.toLowerCase().startsWith('content-')));
    }
    current = next;
  }
}

function withoutCredentials(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name, value]) => !CREDENTIAL_HEADERS.has(name.toLowerCase()) && !revealsKey(value)));
}

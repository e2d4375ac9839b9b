import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  Dhmad,
  DhmadError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from '../src/index.js';
import { json, makeKey, startStub } from './helpers.js';

/** The error a single call gets when the server answers `status` with `body` and `headers`. */
async function errorFor(status: number, body: unknown, headers: Record<string, string> = {}): Promise<unknown> {
  const stub = await startStub((_req, res) => {
    if (typeof body === 'string') {
      res.writeHead(status, { 'content-type': 'text/html', ...headers });
      res.end(body);
    } else json(res, status, body, headers);
  });
  try {
    const client = new Dhmad({ apiKey: makeKey('live'), baseUrl: stub.url, maxRetries: 0 });
    return await client.me.retrieve().then(
      () => expect.unreachable('expected an error'),
      (e: unknown) => e,
    );
  } finally {
    await stub.close();
  }
}

describe('a class per status', () => {
  const table: Array<[number, string, new (...a: never[]) => APIError]> = [
    [400, 'Bad Request', BadRequestError],
    [401, 'Unauthorized', AuthenticationError],
    [403, 'Forbidden', PermissionDeniedError],
    [404, 'Not Found', NotFoundError],
    [409, 'Conflict', ConflictError],
    [422, 'Unprocessable Entity', UnprocessableEntityError],
    [429, 'Too Many Requests', RateLimitError],
    [500, 'Internal Server Error', InternalServerError],
    [503, 'Service Unavailable', InternalServerError],
    [418, "I'm a teapot", APIError],
  ];
  for (const [status, phrase, cls] of table) {
    it(`${status} is ${cls.name} with status, message, error, details and request id`, async () => {
      const err = await errorFor(
        status,
        { error: phrase, message: `Something about ${status}`, details: { field: 'name' } },
        { 'x-request-id': `req_${status}` },
      );
      expect(err).toBeInstanceOf(cls);
      expect(err).toBeInstanceOf(APIError);
      expect(err).toBeInstanceOf(DhmadError);
      const e = err as APIError;
      expect(e.name).toBe(cls.name);
      expect(e.status).toBe(status);
      expect(e.message).toBe(`Something about ${status}`);
      expect(String(e)).toBe(`${cls.name}: Something about ${status}`);
      expect(e.error).toBe(phrase);
      expect(e.details).toEqual({ field: 'name' });
      expect(e.requestId).toBe(`req_${status}`);
      expect(e.headers['x-request-id']).toBe(`req_${status}`);
    });
  }

  it('falls back to the status text when the body is not JSON', async () => {
    const err = (await errorFor(502, '<html>bad gateway</html>')) as APIError;
    expect(err).toBeInstanceOf(InternalServerError);
    expect(err.message).toBe('Request failed with status 502 (Bad Gateway).');
    expect(err.details).toBeUndefined();
  });
});

describe('AuthenticationError.reason', () => {
  const reasons = ['missing', 'malformed', 'unknown', 'inactive', 'expired', 'regenerated', 'wrong_environment'] as const;
  for (const reason of reasons) {
    it(`reads ${reason} from details.reason`, async () => {
      const err = (await errorFor(401, { error: 'Unauthorized', message: 'Nope', details: { reason } })) as AuthenticationError;
      expect(err.reason).toBe(reason);
    });
  }

  const byMessage: Array<[string, AuthenticationError['reason']]> = [
    ['Missing API key. Send Authorization: Bearer <key>.', 'missing'],
    ['This key was regenerated; use the new secret.', 'regenerated'],
    ['Invalid API key for this environment. Use a sandbox key (sk_sandbox_...) on the sandbox API.', 'wrong_environment'],
    ['This API key is inactive.', 'inactive'],
    ['This API key expired on 2026-01-01.', 'expired'],
    ['Malformed API key.', 'malformed'],
    ['Unknown API key.', 'unknown'],
    // The real API's catch-all covers unknown, inactive and expired alike: no guess.
    ['Invalid or expired API key', undefined],
    ['Invalid or expired API key: key sk_live_abc123 expired at 2026-01-01.', 'expired'],
    ['Invalid or expired API key: key sk_live_abc123 is inactive.', 'inactive'],
    ['Invalid or expired API key: key sk_live_abc123 was deleted.', 'unknown'],
    ['Something else entirely', undefined],
  ];
  for (const [message, reason] of byMessage) {
    it(`falls back to the message when details.reason is absent: "${message}" -> ${String(reason)}`, async () => {
      const err = (await errorFor(401, { error: 'Unauthorized', message })) as AuthenticationError;
      expect(err.reason).toBe(reason);
    });
  }

  it('ignores a details.reason that is not one of the contract reasons', async () => {
    const err = (await errorFor(401, { error: 'Unauthorized', message: 'Nope', details: { reason: 'cosmic_rays' } })) as AuthenticationError;
    expect(err.reason).toBeUndefined();
  });
});

describe('RateLimitError.retryAfter', () => {
  it('comes from the body', async () => {
    const err = (await errorFor(429, { error: 'Too Many Requests', message: 'Slow down', retryAfter: 42 })) as RateLimitError;
    expect(err.retryAfter).toBe(42);
  });

  it('comes from the Retry-After header when the body has none', async () => {
    const err = (await errorFor(429, { error: 'Too Many Requests', message: 'Slow down' }, { 'retry-after': '7' })) as RateLimitError;
    expect(err.retryAfter).toBe(7);
  });
});

describe('errors never carry a key', () => {
  it('redacts keys the server echoes in message, details and headers, and drops credential headers', async () => {
    const key = makeKey('live');
    const err = (await errorFor(
      400,
      { error: 'Bad Request', message: `Key ${key} is not allowed here`, details: { nested: [{ value: key }], [key]: 'is not a known field' } },
      { 'x-echo': key, 'set-cookie': 'session=secret' },
    )) as APIError;
    const everything = [err.message, String(err), err.stack ?? '', JSON.stringify(err.details), JSON.stringify(err.headers)].join('\n');
    expect(everything).not.toContain(key.slice(14));
    expect(err.message).toContain(`${key.slice(0, 14)}…`);
    expect(err.headers['set-cookie']).toBe('[redacted]');
  });

  it('redacts a key echoed in every field, upper-cased or not, the request id included, wherever the error is shown', async () => {
    for (const echo of [(k: string) => k, (k: string) => k.toUpperCase()]) {
      const key = makeKey('live');
      const shown = echo(key);
      const err = (await errorFor(
        401,
        { error: shown, message: `Invalid or expired API key ${shown}`, details: { reason: shown, [shown]: [shown] } },
        { 'x-request-id': shown, 'www-authenticate': `Bearer ${shown}` },
      )) as APIError;
      expect(err.requestId).toBe(`${shown.slice(0, 14)}…`);
      const everything = [String(err), err.stack ?? '', JSON.stringify(err), inspect(err, { showHidden: true, depth: 9 })].join('\n');
      expect(everything.toLowerCase()).not.toContain(key.slice(14));
    }
  });
});

describe('results', () => {
  it('carry the request id redacted when the server puts a key in it', async () => {
    const key = makeKey('sandbox');
    const stub = await startStub((_req, res) => json(res, 200, { ok: true }, { 'x-request-id': `req ${key.toUpperCase()}` }));
    try {
      const client = new Dhmad({ apiKey: makeKey('live'), baseUrl: stub.url, maxRetries: 0 });
      const result = await client.request<{ ok: boolean }>({ method: 'get', path: '/me' });
      expect(result.requestId).toBe(`req ${key.toUpperCase().slice(0, 17)}…`);
    } finally {
      await stub.close();
    }
  });
});

describe('connection errors', () => {
  it('a refused connection is an APIConnectionError saying what failed', async () => {
    const stub = await startStub();
    const url = stub.url;
    await stub.close();
    const client = new Dhmad({ apiKey: makeKey('live'), baseUrl: url, maxRetries: 0 });
    const err = await client.me.retrieve().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIConnectionError);
    expect((err as Error).message).toMatch(/^Connection error \(GET \/me\): fetch failed \(ECONNREFUSED\)\.$/);
  });
});

describe('a body larger than any API answer', () => {
  const MiB = 1024 * 1024;
  for (const declared of [false, true]) {
    it(`stops reading at 16 MiB and fails at once, without retrying${declared ? ' (Content-Length says so up front)' : ' (streamed, no length)'}`, async () => {
      let sent = 0;
      const stub = await startStub((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', ...(declared ? { 'content-length': String(1024 * MiB) } : {}) });
        const chunk = Buffer.alloc(MiB, 0x20);
        const pump = (): void => {
          while (sent < 1024 * MiB && res.write(chunk)) sent += MiB;
        };
        res.on('drain', pump);
        res.on('close', () => res.off('drain', pump));
        pump();
      });
      try {
        const client = new Dhmad({ apiKey: makeKey('live'), baseUrl: stub.url, maxRetries: 2 });
        const err = await client.me.retrieve().catch((e: unknown) => e);
        expect(err).toBeInstanceOf(DhmadError);
        expect(err).not.toBeInstanceOf(APIConnectionError);
        expect((err as Error).message).toBe(
          'GET /me answered 200 with a body over 16 MiB, which no DHMAD API answer is; the SDK stopped reading it. Is baseUrl pointing at the DHMAD API?',
        );
        expect(stub.requests).toHaveLength(1);
        expect(sent).toBeLessThan(64 * MiB);
      } finally {
        await stub.close();
      }
    });
  }
});

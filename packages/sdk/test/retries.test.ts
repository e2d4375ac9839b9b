import { afterEach, describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  BadRequestError,
  Dhmad,
  InternalServerError,
  RateLimitError,
} from '../src/index.js';
import { json, makeKey, recordingLogger, startStub } from './helpers.js';
import type { StubHandler, StubServer } from './helpers.js';

/** The latest stub server; every one started is closed after each test. */
let stub: StubServer | undefined;
const started: StubServer[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()));
  stub = undefined;
});

const ok = { message: 'ok', apiKey: { id: 'a'.repeat(24) }, key: 'secret' };

/** Answers with `statuses` in turn (0 = drop the connection, -1 = never answer), then 201. */
function sequence(statuses: number[], headers: Record<string, string> = { 'retry-after-ms': '5' }, body: object = {}): StubHandler {
  return (_req, res, n) => {
    const s = statuses[n - 1];
    if (s === undefined) return json(res, 201, ok);
    if (s === 0) return void res.socket?.destroy();
    if (s === -1) return;
    json(res, s, { error: 'x', message: `status ${s}`, ...body }, headers);
  };
}

async function client(handler: StubHandler, options: ConstructorParameters<typeof Dhmad>[0] = {}): Promise<Dhmad> {
  stub = await startStub(handler);
  started.push(stub);
  return new Dhmad({ apiKey: makeKey('live'), baseUrl: stub.url, ...options });
}

const params = { name: 'ci' };

describe('retries', () => {
  it('retries 5xx, 408, 409 and 429 and succeeds, with the same Idempotency-Key on every attempt', async () => {
    const c = await client(sequence([503, 429]));
    await expect(c.apiKeys.create(params)).resolves.toEqual(ok);
    const c2 = await client(sequence([408, 409]));
    await expect(c2.apiKeys.create(params)).resolves.toEqual(ok);
    const keys = stub!.requests.map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('gives up after maxRetries (default 2) and throws the last error', async () => {
    const c = await client(sequence([500, 502, 503, 504]));
    await expect(c.apiKeys.create(params)).rejects.toThrow(InternalServerError);
    expect(stub!.requests).toHaveLength(3);
  });

  it('honours maxRetries per client and per request', async () => {
    const c = await client(sequence([503, 503, 503, 503, 503]), { maxRetries: 0 });
    await expect(c.me.retrieve()).rejects.toThrow(InternalServerError);
    expect(stub!.requests).toHaveLength(1);
    await expect(c.me.retrieve({ maxRetries: 3 })).rejects.toThrow(InternalServerError);
    expect(stub!.requests).toHaveLength(5);
  });

  it('does not retry other 4xx', async () => {
    const c = await client(sequence([400]));
    await expect(c.apiKeys.create(params)).rejects.toThrow(BadRequestError);
    expect(stub!.requests).toHaveLength(1);
  });

  it('lets the server force or forbid a retry with x-should-retry', async () => {
    const c = await client(sequence([400], { 'x-should-retry': 'true', 'retry-after-ms': '1' }));
    await expect(c.apiKeys.create(params)).resolves.toEqual(ok);
    expect(stub!.requests).toHaveLength(2);
    const c2 = await client(sequence([503], { 'x-should-retry': 'false' }));
    await expect(c2.apiKeys.create(params)).rejects.toThrow(InternalServerError);
    expect(stub!.requests).toHaveLength(1);
  });

  it('retries a dropped connection with the same Idempotency-Key', async () => {
    const c = await client(sequence([0]));
    await expect(c.apiKeys.create(params)).resolves.toEqual(ok);
    expect(stub!.requests).toHaveLength(2);
    expect(stub!.requests[0]!.headers['idempotency-key']).toBe(stub!.requests[1]!.headers['idempotency-key']);
  });

  it('throws APIConnectionError when every attempt is dropped', async () => {
    const c = await client(sequence([0, 0, 0]));
    await expect(c.me.retrieve()).rejects.toThrow(APIConnectionError);
    expect(stub!.requests).toHaveLength(3);
  });

  it('uses the caller’s idempotencyKey, and a fresh one per call otherwise', async () => {
    const c = await client(sequence([]));
    await c.apiKeys.create(params, { idempotencyKey: 'rotate-2026-11-29' });
    await c.apiKeys.create(params);
    await c.apiKeys.create(params);
    const keys = stub!.requests.map((r) => r.headers['idempotency-key']);
    expect(keys[0]).toBe('rotate-2026-11-29');
    expect(keys[1]).not.toBe(keys[2]);
  });

  it('sends Idempotency-Key on POST only', async () => {
    const c = await client(sequence([]));
    await c.me.retrieve();
    await c.apiKeys.update('a'.repeat(24), { name: 'x' });
    await c.apiKeys.delete('a'.repeat(24));
    await c.apiKeys.regenerate('a'.repeat(24));
    // A JavaScript caller of the public request() may spell the method in capitals.
    await c.request({ method: 'POST' as 'post', path: '/escrows', body: {} });
    expect(stub!.requests.map((r) => [r.method, r.headers['idempotency-key'] !== undefined])).toEqual([
      ['GET', false],
      ['PATCH', false],
      ['DELETE', false],
      ['POST', true],
      ['POST', true],
    ]);
  });

  it('backs off between retries when the server gives no Retry-After', async () => {
    const { lines, logger } = recordingLogger();
    const c = await client(sequence([503, 503], {}), { logger, logLevel: 'info' });
    await expect(c.me.retrieve()).resolves.toEqual(ok);
    const waits = lines.map((l) => Number(/retrying in (\d+) ms/.exec(l)?.[1]));
    expect(waits).toHaveLength(2);
    // Full jitter: the first wait is under 0.5 s, the second under 1 s.
    expect(waits[0]).toBeLessThanOrEqual(500);
    expect(waits[1]).toBeLessThanOrEqual(1000);
  });
});

describe('Retry-After', () => {
  /** Milliseconds between the arrivals of the first and second request at the server. */
  function gap(): number {
    const [a, b] = stub!.requests.map((r) => Number(r.headers['x-arrived'] ?? 0));
    return b! - a!;
  }
  function timed(handler: StubHandler): StubHandler {
    return (req, res, n) => {
      req.headers['x-arrived'] = String(performance.now());
      return handler(req, res, n);
    };
  }

  it('waits the Retry-After header’s seconds', async () => {
    const c = await client(timed(sequence([429], { 'retry-after': '1' })));
    await expect(c.me.retrieve()).resolves.toEqual(ok);
    expect(gap()).toBeGreaterThanOrEqual(990);
  });

  it('waits the body’s retryAfter seconds', async () => {
    const c = await client(timed(sequence([429], {}, { retryAfter: 0.3 })));
    await expect(c.me.retrieve()).resolves.toEqual(ok);
    expect(gap()).toBeGreaterThanOrEqual(290);
  });

  it('does not wait beyond the cap: a long Retry-After fails at once with the RateLimitError', async () => {
    const { lines, logger } = recordingLogger();
    const c = await client(sequence([429], { 'retry-after': '120' }), { logger });
    const err = await c.me.retrieve().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    expect((err as RateLimitError).retryAfter).toBe(120);
    expect(stub!.requests).toHaveLength(1);
    expect(lines).toEqual(['warn [dhmad] GET /me answered 429 and asks for a wait over 60 s; not retrying. ']);
  });
});

describe('timeouts', () => {
  it('times out each attempt, retries, then throws APIConnectionTimeoutError', async () => {
    const c = await client(sequence([-1, -1]), { timeout: 100, maxRetries: 1 });
    const err = await c.me.retrieve().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIConnectionTimeoutError);
    expect(err).toBeInstanceOf(APIConnectionError);
    expect((err as Error).message).toBe('Request timed out after 100 ms (GET /me).');
    expect(stub!.requests).toHaveLength(2);
  });

  it('takes a per-request timeout', async () => {
    const c = await client(sequence([-1]));
    await expect(c.me.retrieve({ timeout: 50, maxRetries: 0 })).rejects.toThrow(APIConnectionTimeoutError);
  });

  it('recovers when a retry answers in time', async () => {
    const c = await client(sequence([-1]), { timeout: 100 });
    await expect(c.me.retrieve()).resolves.toEqual(ok);
  });
});

describe('AbortSignal', () => {
  it('aborts a request in flight with APIUserAbortError and does not retry', async () => {
    const c = await client(sequence([-1, -1, -1]));
    const controller = new AbortController();
    const p = c.me.retrieve({ signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    await expect(p).rejects.toThrow(APIUserAbortError);
    expect(stub!.requests).toHaveLength(1);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const c = await client(sequence([]));
    await expect(c.me.retrieve({ signal: AbortSignal.abort() })).rejects.toThrow(APIUserAbortError);
    expect(stub!.requests).toHaveLength(0);
  });

  it('sends nothing when the signal aborts while an apiKey function is still fetching the key', async () => {
    const controller = new AbortController();
    const key = makeKey('live');
    const c = await client(sequence([-1]), {
      apiKey: async () => {
        controller.abort();
        await new Promise((r) => setTimeout(r, 10));
        return key;
      },
    });
    await expect(c.me.retrieve({ signal: controller.signal, timeout: 2_000 })).rejects.toThrow(APIUserAbortError);
    expect(stub!.requests).toHaveLength(0);
  });

  it('stops waiting for a retry when aborted', async () => {
    const c = await client(sequence([503], { 'retry-after': '30' }));
    const controller = new AbortController();
    const p = c.me.retrieve({ signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await expect(p).rejects.toThrow(/aborted while waiting to retry/);
    expect(stub!.requests).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import {
  APIConnectionTimeoutError,
  APIUserAbortError,
  Dhmad,
  InternalServerError,
  RateLimitError,
} from '../src/index.js';
import type { ClientOptions } from '../src/index.js';
import { useEmulator } from './helpers.js';

// Against the emulator's fault injection: a real server failing in the ways real servers do.
const emulator = useEmulator();

const client = (options: ClientOptions = {}): Dhmad => new Dhmad({ apiKey: emulator().bootstrapKeys.live, baseUrl: emulator().liveUrl, ...options });
const fast = { 'retry-after-ms': '5' };

function posts(path = '/api/v1/api-keys') {
  return emulator().requests.filter((r) => r.method === 'POST' && r.path === path);
}

async function countNamed(dhmad: Dhmad, name: string): Promise<number> {
  let n = 0;
  for await (const key of dhmad.apiKeys.list({ limit: 100 })) if (key.name === name) n++;
  return n;
}

describe('retries against the emulator', () => {
  it('a create survives two 503s, carrying one Idempotency-Key, and mints one key', async () => {
    emulator().injectFault({ times: 2, status: 503, headers: fast, match: { method: 'POST', path: '/api-keys' } });
    const dhmad = client();
    const created = await dhmad.apiKeys.create({ name: 'after-503' });
    expect(created.key.startsWith('sk_live_')).toBe(true);
    const attempts = posts();
    expect(attempts.map((r) => r.status)).toEqual([503, 503, 201]);
    expect(new Set(attempts.map((r) => r.idempotencyKey)).size).toBe(1);
    expect(attempts[0]!.idempotencyKey).toEqual(expect.any(String));
    expect(await countNamed(dhmad, 'after-503')).toBe(1);
  });

  it('a lost response to a create is retried and exactly one key is minted', async () => {
    emulator().injectFault({ dropResponse: true, match: { method: 'POST', path: '/api-keys' } });
    const dhmad = client();
    const created = await dhmad.apiKeys.create({ name: 'dropped' });
    const attempts = posts();
    expect(attempts).toHaveLength(2);
    expect(attempts[0]!.fault).toBe('dropResponse');
    expect(attempts[1]!.idempotencyKey).toBe(attempts[0]!.idempotencyKey);
    expect(await countNamed(dhmad, 'dropped')).toBe(1);
    // The replayed answer carries the secret of that one key, and it works.
    const me = await client({ apiKey: created.key }).me.retrieve();
    expect(me.apiKey.id).toBe(created.apiKey.id);
  });

  it('a lost response to a regenerate is retried and the returned secret is the current one', async () => {
    const dhmad = client();
    const { apiKey } = await dhmad.apiKeys.create({ name: 'rotating' });
    emulator().injectFault({ dropResponse: true, match: { method: 'POST', path: `/api-keys/${apiKey.id}/regenerate` } });
    const regenerated = await dhmad.apiKeys.regenerate(apiKey.id);
    expect(posts(`/api/v1/api-keys/${apiKey.id}/regenerate`)).toHaveLength(2);
    expect((await client({ apiKey: regenerated.key }).me.retrieve()).apiKey.id).toBe(apiKey.id);
  });

  it('a 429 with retryAfter in the body is waited out and retried', async () => {
    emulator().injectFault({ status: 429, body: { error: 'Too Many Requests', message: 'Slow down', retryAfter: 0.05 }, match: { path: '/me' } });
    await expect(client().me.retrieve()).resolves.toHaveProperty('apiKey');
    expect(emulator().requests.map((r) => r.status)).toEqual([429, 200]);
  });

  it('a key’s own rate limit answers RateLimitError with the server’s retryAfter', async () => {
    const limited = await client().apiKeys.create({ name: 'slow', rateLimit: 1 });
    // maxRetries 0: the emulator asks for up to a minute, which the SDK would honour.
    const dhmad = client({ apiKey: limited.key, maxRetries: 0 });
    await dhmad.me.retrieve();
    const err = await dhmad.me.retrieve().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    const retryAfter = (err as RateLimitError).retryAfter!;
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((err as RateLimitError).headers['retry-after']).toBe(String(retryAfter));
  });

  it('gives up after maxRetries with the server’s error', async () => {
    emulator().injectFault({ times: 3, status: 500, headers: fast, match: { path: '/me' } });
    const err = await client().me.retrieve().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InternalServerError);
    expect(emulator().requests).toHaveLength(3);
  });
});

describe('timeouts and aborts against the emulator', () => {
  it('a hanging server times out each attempt, then the next attempt succeeds', async () => {
    emulator().injectFault({ hang: true, match: { path: '/me' } });
    await expect(client({ timeout: 200 }).me.retrieve()).resolves.toHaveProperty('developer');
    expect(emulator().requests.map((r) => r.fault)).toEqual(['hang', null]);
  });

  it('throws APIConnectionTimeoutError when every attempt hangs', async () => {
    emulator().injectFault({ times: 2, hang: true, match: { path: '/me' } });
    await expect(client({ timeout: 100, maxRetries: 1 }).me.retrieve()).rejects.toThrow(APIConnectionTimeoutError);
  });

  it('a slow answer within the timeout is fine', async () => {
    emulator().injectFault({ delayMs: 50, match: { path: '/me' } });
    await expect(client({ timeout: 2_000 }).me.retrieve()).resolves.toHaveProperty('apiKey');
  });

  it('an AbortSignal cancels a hanging request at once', async () => {
    emulator().injectFault({ hang: true, match: { path: '/me' } });
    await expect(client().me.retrieve({ signal: AbortSignal.timeout(50) })).rejects.toThrow(APIUserAbortError);
    expect(emulator().requests).toHaveLength(1);
  });
});

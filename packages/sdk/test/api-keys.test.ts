import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  BadRequestError,
  Dhmad,
  DhmadConfigError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  isKey,
} from '../src/index.js';
import type { ApiKey } from '../src/index.js';
import { json, makeKey, startStub, useEmulator } from './helpers.js';

const emulator = useEmulator();

const live = (apiKey = emulator().bootstrapKeys.live): Dhmad => new Dhmad({ apiKey, baseUrl: emulator().liveUrl, maxRetries: 0 });
const sandbox = (apiKey = emulator().bootstrapKeys.sandbox): Dhmad => new Dhmad({ apiKey, baseUrl: emulator().sandboxUrl, maxRetries: 0 });

async function rejection<E>(p: Promise<unknown>, cls: new (...a: never[]) => E): Promise<E> {
  const err = await p.then(
    () => expect.unreachable('expected a rejection'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(cls);
  return err as E;
}

describe('me.retrieve', () => {
  it('tells which key and environment is in use, and the developer account', async () => {
    const me = await live().me.retrieve();
    expect(me.apiKey.keyPrefix).toBe(emulator().bootstrapKeys.live.slice(0, 14));
    expect(me.apiKey.environment).toBe('live');
    expect(me.apiKey.isActive).toBe(true);
    expect(me.developer.id).toMatch(/^[0-9a-f]{24}$/);
    // The request id rides along without showing in JSON.
    expect(me.requestId).toMatch(/^req_/);
    expect(me.requestId).toBe(emulator().requests.at(-1)!.requestId);
    expect(Object.keys(me)).toEqual(['apiKey', 'developer']);
    const sb = await sandbox().me.retrieve();
    expect(sb.apiKey.environment).toBe('sandbox');
  });
});

describe('the key lifecycle, as the dashboard has it', () => {
  it('create (secret shown once), list, retrieve, update, deactivate, activate, regenerate, usage, delete', async () => {
    const dhmad = live();
    const created = await dhmad.apiKeys.create({ name: 'Checkout service', rateLimit: 50, metadata: { appName: 'shop' } });
    expect(created.message).toEqual(expect.any(String));
    expect(isKey(created.key)).toBe(true);
    expect(created.key.startsWith('sk_live_')).toBe(true);
    expect(created.apiKey).toMatchObject({ name: 'Checkout service', environment: 'live', isActive: true, rateLimit: 50, lastUsedAt: null });
    expect(created.apiKey.keyPrefix).toBe(created.key.slice(0, 14));
    const id = created.apiKey.id;

    // The new key works, and using it sets lastUsedAt.
    const me = await live(created.key).me.retrieve();
    expect(me.apiKey.id).toBe(id);

    const listed = (await dhmad.apiKeys.list()).data.find((k) => k.id === id)!;
    expect(listed).toMatchObject({ name: 'Checkout service', environment: 'live', isActive: true });
    expect(listed.createdAt).toEqual(expect.any(String));
    expect(listed.lastUsedAt).toEqual(expect.any(String));
    expect(JSON.stringify(listed)).not.toContain(created.key);

    expect((await dhmad.apiKeys.retrieve(id)).apiKey.id).toBe(id);
    expect((await dhmad.apiKeys.update(id, { name: 'Checkout v2' })).apiKey.name).toBe('Checkout v2');

    expect((await dhmad.apiKeys.deactivate(id)).apiKey.isActive).toBe(false);
    const inactive = await rejection(live(created.key).me.retrieve(), AuthenticationError);
    expect(inactive.reason).toBe('inactive');
    expect((await dhmad.apiKeys.list({ isActive: false })).data.map((k) => k.id)).toEqual([id]);
    expect((await dhmad.apiKeys.activate(id)).apiKey.isActive).toBe(true);
    await live(created.key).me.retrieve();

    emulator().advanceTime(60_000);
    const regenerated = await dhmad.apiKeys.regenerate(id);
    expect(regenerated.apiKey.id).toBe(id);
    // The secret's age is what rotation checks: it starts over, while the key keeps its createdAt.
    expect(regenerated.apiKey.createdAt).toBe(created.apiKey.createdAt);
    expect(created.apiKey.secretCreatedAt).toBe(created.apiKey.createdAt);
    expect(Date.parse(regenerated.apiKey.secretCreatedAt) - Date.parse(created.apiKey.secretCreatedAt)).toBeGreaterThanOrEqual(60_000);
    expect(isKey(regenerated.key)).toBe(true);
    expect(regenerated.key).not.toBe(created.key);
    const old = await rejection(live(created.key).me.retrieve(), AuthenticationError);
    expect(old.reason).toBe('regenerated');
    expect((await live(regenerated.key).me.retrieve()).apiKey.id).toBe(id);

    const usage = await dhmad.apiKeys.usage(id, { days: 7 });
    expect(usage.usage.keyId).toBe(id);
    expect(usage.usage.days).toHaveLength(7);
    expect(usage.usage.total).toBeGreaterThanOrEqual(3);

    expect((await dhmad.apiKeys.delete(id)).message).toEqual(expect.any(String));
    await rejection(dhmad.apiKeys.retrieve(id), NotFoundError);
    expect((await rejection(live(regenerated.key).me.retrieve(), AuthenticationError)).reason).toBe('unknown');
  });

  it('creates sandbox keys on the sandbox API', async () => {
    const created = await sandbox().apiKeys.create({ name: 'tests' });
    expect(created.key.startsWith('sk_sandbox_')).toBe(true);
    expect(created.apiKey.environment).toBe('sandbox');
  });
});

describe('a key rotating under a running process', () => {
  it('an apiKey function picks up the regenerated secret on the next call', async () => {
    const admin = live();
    const app = await admin.apiKeys.create({ name: 'worker' });
    let current = app.key;
    let calls = 0;
    const worker = new Dhmad({
      apiKey: async () => {
        calls++;
        return current;
      },
      baseUrl: emulator().liveUrl,
      maxRetries: 0,
    });
    expect((await worker.me.retrieve()).apiKey.id).toBe(app.apiKey.id);
    current = (await admin.apiKeys.regenerate(app.apiKey.id)).key;
    expect((await worker.me.retrieve()).apiKey.id).toBe(app.apiKey.id);
    expect(calls).toBe(2);
    expect(emulator().requests.filter((r) => r.path === '/api/v1/me').map((r) => r.status)).toEqual([200, 200]);
  });
});

describe('auto-pagination', () => {
  it('awaits to the first page and iterates every key across pages', async () => {
    const dhmad = live();
    const made: string[] = [];
    for (let i = 0; i < 7; i++) made.push((await dhmad.apiKeys.create({ name: `key ${i}` })).apiKey.id);

    const first = await dhmad.apiKeys.list({ limit: 3 });
    expect(first.data).toHaveLength(3);
    expect(first.pagination).toEqual({ page: 1, limit: 3, total: 8, pages: 3 });
    expect(first.hasNextPage()).toBe(true);
    const second = await first.getNextPage();
    expect(second.pagination.page).toBe(2);

    const seen: ApiKey[] = [];
    for await (const key of dhmad.apiKeys.list({ limit: 3 })) seen.push(key);
    expect(seen).toHaveLength(8);
    expect(new Set(seen.map((k) => k.id)).size).toBe(8);
    expect(seen.map((k) => k.id)).toEqual(expect.arrayContaining([...made, expect.any(String)]));

    const pages = [];
    for await (const page of first.iterPages()) pages.push(page.pagination.page);
    expect(pages).toEqual([1, 2, 3]);
    const last = await (await first.getNextPage()).getNextPage();
    expect(last.hasNextPage()).toBe(false);
    await expect(last.getNextPage()).rejects.toThrow(/No next page/);
  });

  it('starts at the page asked for, filters by isActive, and passes request options to every page', async () => {
    const dhmad = live();
    for (let i = 0; i < 4; i++) await dhmad.apiKeys.create({ name: `k${i}` });
    const off = (await dhmad.apiKeys.create({ name: 'off' })).apiKey.id;
    await dhmad.apiKeys.deactivate(off);

    const fromTwo: string[] = [];
    for await (const key of dhmad.apiKeys.list({ page: 2, limit: 2, isActive: true })) fromTwo.push(key.id);
    expect(fromTwo).toHaveLength(3); // 5 active (4 + bootstrap), pages of 2, from page 2 on
    const walked = emulator().requests.filter((r) => r.path.startsWith('/api/v1/api-keys?'));
    expect(walked.map((r) => r.path)).toEqual([
      '/api/v1/api-keys?page=2&limit=2&isActive=true',
      '/api/v1/api-keys?page=3&limit=2&isActive=true',
    ]);
    expect((await dhmad.apiKeys.list({ isActive: false })).data.map((k) => k.id)).toEqual([off]);
  });

  it('stops with an error, after one more request, when the answer is not the page asked for (a cache that ignores the query string)', async () => {
    const key = { id: 'a'.repeat(24), name: 'k', keyPrefix: 'sk_live_abcdef', environment: 'live', isActive: true };
    const stub = await startStub((_req, res) => json(res, 200, { apiKeys: [key], pagination: { page: 1, limit: 1, total: 3, pages: 3 } }));
    try {
      const dhmad = new Dhmad({ apiKey: makeKey('live'), baseUrl: stub.url, maxRetries: 0 });
      let seen = 0;
      const walk = async () => {
        for await (const _ of dhmad.apiKeys.list({ limit: 1 })) seen++;
      };
      await expect(walk()).rejects.toThrow(
        'Asked for page 2 and the answer is page 1: something between here and the DHMAD API (a proxy or cache) ignores the query string, so the list cannot be read page by page.',
      );
      expect(seen).toBe(1);
      expect(stub.requests.map((r) => r.url)).toEqual(['/api/v1/api-keys?limit=1', '/api/v1/api-keys?page=2&limit=1']);
    } finally {
      await stub.close();
    }
  });

  it('fetches later pages with the first call’s request options', async () => {
    const dhmad = new Dhmad({ apiKey: emulator().bootstrapKeys.live, baseUrl: emulator().liveUrl }); // maxRetries 2
    for (let i = 0; i < 2; i++) await dhmad.apiKeys.create({ name: `k${i}` });
    const first = await dhmad.apiKeys.list({ limit: 2 }, { maxRetries: 0 });
    emulator().injectFault({ status: 503, match: { path: '/api-keys' } });
    // With the client's 2 retries this would succeed; the call's maxRetries 0 carries over.
    await expect(first.getNextPage()).rejects.toThrow(InternalServerError);
  });

  it('surfaces an error on the first page through await, .catch and for await alike', async () => {
    const app = await live().apiKeys.create({ name: 'app' });
    const dhmad = live(app.key);
    await expect(dhmad.apiKeys.list()).rejects.toThrow(PermissionDeniedError);
    expect(await dhmad.apiKeys.list().catch((e: unknown) => e)).toBeInstanceOf(PermissionDeniedError);
    let settled = false;
    await expect(dhmad.apiKeys.list().finally(() => (settled = true))).rejects.toThrow(PermissionDeniedError);
    expect(settled).toBe(true);
    await expect(
      (async () => {
        for await (const _key of dhmad.apiKeys.list()) expect.unreachable();
      })(),
    ).rejects.toThrow(PermissionDeniedError);
  });

  it('sends nothing for a list() that is never awaited or iterated', async () => {
    const before = emulator().requests.length;
    live().apiKeys.list();
    await new Promise((r) => setTimeout(r, 20));
    expect(emulator().requests.length).toBe(before);
  });
});

describe('errors from the API', () => {
  it('an application key (no keys:manage scope) cannot manage keys: PermissionDeniedError', async () => {
    const app = await live().apiKeys.create({ name: 'app' });
    const err = await rejection(live(app.key).apiKeys.list(), PermissionDeniedError);
    expect(err.status).toBe(403);
    expect(err.message).toMatch(/keys:manage/);
    expect(err.requestId).toEqual(expect.any(String));
    expect(err.message).not.toContain(app.key.slice(14));
    // It can still check itself.
    expect((await live(app.key).me.retrieve()).apiKey.id).toBe(app.apiKey.id);
  });

  it('an invalid body is a BadRequestError with details per field', async () => {
    const err = await rejection(live().apiKeys.create({ name: '' }), BadRequestError);
    expect(err.status).toBe(400);
    expect(err.error).toBe('Bad Request');
    expect(err.details).toHaveProperty('name');
  });

  it('an unknown id is a NotFoundError; ids that would walk the path are refused before sending', async () => {
    await rejection(live().apiKeys.retrieve('0'.repeat(24)), NotFoundError);
    const before = emulator().requests.length;
    await rejection(live().apiKeys.retrieve('..'), DhmadConfigError);
    await rejection(live().apiKeys.delete(''), DhmadConfigError);
    const encoded = await rejection(live().apiKeys.retrieve('../me'), Error);
    expect(encoded).not.toBeInstanceOf(DhmadConfigError);
    expect(emulator().requests.slice(before).map((r) => r.path)).toEqual(['/api/v1/api-keys/..%2Fme']);
  });
});

describe('every 401 reason, from the emulator', () => {
  it('missing, malformed (headers overridden per request), unknown, wrong_environment', async () => {
    const dhmad = live();
    const missing = await rejection(dhmad.me.retrieve({ headers: { authorization: null } }), AuthenticationError);
    expect(missing.reason).toBe('missing');
    expect(missing.message).toMatch(/^Missing API key/);

    const malformed = await rejection(dhmad.me.retrieve({ headers: { authorization: 'Bearer sk_live_abc' } }), AuthenticationError);
    expect(malformed.reason).toBe('malformed');

    const stranger = 'sk_' + 'live_' + emulator().bootstrapKeys.sandbox.slice(11);
    const unknown = await rejection(live(stranger).me.retrieve(), AuthenticationError);
    expect(unknown.reason).toBe('unknown');
    expect(unknown.message).not.toContain(stranger.slice(14));

    // The emulator's host is not a known DHMAD host, so the SDK sends it and the server says why.
    const wrong = await rejection(
      new Dhmad({ apiKey: emulator().bootstrapKeys.sandbox, baseUrl: emulator().liveUrl, maxRetries: 0 }).me.retrieve(),
      AuthenticationError,
    );
    expect(wrong.reason).toBe('wrong_environment');
    expect(wrong.message).toMatch(/sandbox key/);
  });

  it('inactive, expired, regenerated', async () => {
    const dhmad = live();
    const a = await dhmad.apiKeys.create({ name: 'a' });
    await dhmad.apiKeys.deactivate(a.apiKey.id);
    expect((await rejection(live(a.key).me.retrieve(), AuthenticationError)).reason).toBe('inactive');

    const b = await dhmad.apiKeys.create({ name: 'b', expiresAt: new Date(emulator().now().getTime() + 60_000).toISOString() });
    await live(b.key).me.retrieve();
    emulator().advanceTime(120_000);
    expect((await rejection(live(b.key).me.retrieve(), AuthenticationError)).reason).toBe('expired');

    const c = await dhmad.apiKeys.create({ name: 'c' });
    await dhmad.apiKeys.regenerate(c.apiKey.id);
    expect((await rejection(live(c.key).me.retrieve(), AuthenticationError)).reason).toBe('regenerated');
  });
});

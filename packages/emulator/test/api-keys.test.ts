import { describe, expect, it } from 'vitest';
import { call, createKey, emulator, type Json } from './helpers.js';

const T0 = '2030-03-10T08:00:00.000Z';
const clock = () => new Date(T0);

describe('POST /api-keys: create', () => {
  it('returns 201 with a message, the key object and the secret, shown once', async () => {
    const emu = await emulator({ now: clock });
    const res = await call(`${emu.sandboxUrl}/api-keys`, {
      method: 'POST',
      key: emu.bootstrapKeys.sandbox,
      body: { name: 'Checkout service', environment: 'sandbox', rateLimit: 250, metadata: { appName: 'shop', website: 'https://shop.example' } },
    });
    expect(res.status).toBe(201);
    expect(res.body.message).toMatch(/shown only once/);
    expect(res.body.key).toMatch(/^sk_sandbox_[0-9a-f]{64}$/);
    expect(res.body.apiKey).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      name: 'Checkout service',
      keyPrefix: res.body.key.slice(0, 'sk_sandbox_'.length + 6),
      environment: 'sandbox',
      isActive: true,
      lastUsedAt: null,
      expiresAt: null,
      rateLimit: 250,
      metadata: { appName: 'shop', website: 'https://shop.example' },
      scopes: [],
      createdAt: T0,
      secretCreatedAt: T0,
      updatedAt: T0,
    });
    // The secret cannot be read back: not from the key, not from the list.
    const got = await call(`${emu.sandboxUrl}/api-keys/${res.body.apiKey.id}`, { key: emu.bootstrapKeys.sandbox });
    const list = await call(`${emu.sandboxUrl}/api-keys`, { key: emu.bootstrapKeys.sandbox });
    expect(JSON.stringify([got.body, list.body])).not.toContain(res.body.key);
  });

  it('defaults rateLimit to 100 and scopes to none; normalises expiresAt', async () => {
    const emu = await emulator({ now: clock });
    const { apiKey } = await createKey(emu, { name: 'a', expiresAt: '2030-03-11T10:00:00+02:00' });
    expect(apiKey).toMatchObject({ rateLimit: 100, scopes: [], metadata: {}, expiresAt: '2030-03-11T08:00:00.000Z' });
  });

  it('refuses an environment other than the host\'s, saying where to send it', async () => {
    const emu = await emulator();
    const res = await call(`${emu.liveUrl}/api-keys`, { method: 'POST', key: emu.bootstrapKeys.live, body: { name: 'x', environment: 'sandbox' } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'Bad Request', details: { environment: 'must be "live" on this host' } });
    expect(res.body.message).toMatch(/this is the live API.*environment was "sandbox"/);
  });

  it('validates the body against openapi.yaml, naming each field', async () => {
    const emu = await emulator();
    const res = await call(`${emu.liveUrl}/api-keys`, {
      method: 'POST',
      key: emu.bootstrapKeys.live,
      body: { rateLimit: 0, scopes: ['admin', 'admin'], metadata: { appName: 7 }, expiresAt: 'tomorrow', colour: 'red', environment: 'prod' },
    });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual({
      name: 'is required',
      rateLimit: 'must be at least 1',
      scopes: 'must not contain duplicates',
      'scopes[0]': 'must be one of: "keys:manage"',
      'scopes[1]': 'must be one of: "keys:manage"',
      'metadata.appName': 'must be a string',
      expiresAt: expect.stringMatching(/ISO-8601 date-time/),
      colour: 'is not a known field',
      environment: 'must be one of: "live", "sandbox"',
    });
    expect(res.body.message).toMatch(/^Invalid request body: name is required; rateLimit must be at least 1/);
    const types = await call(`${emu.liveUrl}/api-keys`, { method: 'POST', key: emu.bootstrapKeys.live, body: { name: '', rateLimit: 1.5 } });
    expect(types.body.details).toEqual({ name: 'must not be empty', rateLimit: 'must be an integer' });
    const big = await call(`${emu.liveUrl}/api-keys`, { method: 'POST', key: emu.bootstrapKeys.live, body: { name: 'n'.repeat(101), rateLimit: 10_001 } });
    expect(big.body.details).toEqual({ name: 'must be at most 100 characters', rateLimit: 'must be at most 10000' });
    const notObject = await call(`${emu.liveUrl}/api-keys`, { method: 'POST', key: emu.bootstrapKeys.live, body: ['x'] });
    expect(notObject.body.details).toEqual({ body: 'must be an object' });
  });

  it('treats fields named like Object.prototype members (constructor, toString, __proto__) as the unknown fields they are', async () => {
    const emu = await emulator();
    const post = (raw: string) => call(`${emu.liveUrl}/api-keys`, { method: 'POST', key: emu.bootstrapKeys.live, raw });
    for (const field of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const res = await post(`{"name": "x", "${field}": {"polluted": true}}`);
      expect(res.status, field).toBe(400);
      expect(res.body.details, field).toEqual({ [field]: 'is not a known field' });
      expect(res.body.message, field).toBe(`Invalid request body: ${field} is not a known field.`);
    }
    const created = await createKey(emu);
    const patch = await call(`${emu.liveUrl}/api-keys/${created.apiKey.id}`, { method: 'PATCH', key: emu.bootstrapKeys.live, raw: '{"__proto__": {"isActive": false}}' });
    expect(patch.status).toBe(400);
    expect(patch.body.details).toEqual({ ['__proto__']: 'is not a known field' });
    expect((await call(`${emu.liveUrl}/api-keys`, { key: emu.bootstrapKeys.live })).body.pagination.total).toBe(2);
  });

  it('refuses metadata values that are not strings, whatever the name, and keeps string ones under any name', async () => {
    const emu = await emulator();
    const post = (raw: string) => call(`${emu.liveUrl}/api-keys`, { method: 'POST', key: emu.bootstrapKeys.live, raw });
    for (const [field, value] of [['toString', '5'], ['constructor', '{"a": 1}'], ['__proto__', '{"isAdmin": true}'], ['valueOf', 'null']] as const) {
      const res = await post(`{"name": "x", "metadata": {"${field}": ${value}}}`);
      expect(res.status, field).toBe(400);
      expect(res.body.details, field).toEqual({ [`metadata.${field}`]: 'must be a string' });
    }
    const ok = await post('{"name": "x", "metadata": {"constructor": "c", "toString": "t"}}');
    expect(ok.status).toBe(201);
    expect(ok.body.apiKey.metadata).toEqual({ constructor: 'c', toString: 't' });
  });

  it('refuses an expiresAt in the past', async () => {
    const emu = await emulator({ now: clock });
    const res = await call(`${emu.liveUrl}/api-keys`, { method: 'POST', key: emu.bootstrapKeys.live, body: { name: 'x', expiresAt: '2030-03-10T07:59:59Z' } });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual({ expiresAt: 'must be in the future' });
  });

  it('refuses a day the calendar does not have and an hour 24, instead of rolling them over to another date', async () => {
    const emu = await emulator({ now: clock });
    for (const expiresAt of ['2099-02-30T00:00:00Z', '2099-04-31T12:00:00Z', '2099-01-01T24:00:00Z', '2100-02-29T00:00:00Z']) {
      const res = await call(`${emu.liveUrl}/api-keys`, { method: 'POST', key: emu.bootstrapKeys.live, body: { name: 'x', expiresAt } });
      expect(res.status, expiresAt).toBe(400);
      expect(res.body.details, expiresAt).toEqual({ expiresAt: 'must be an ISO-8601 date-time with a time zone, e.g. 2030-01-31T12:00:00Z' });
    }
    const leap = await createKey(emu, { name: 'leap day', expiresAt: '2096-02-29T00:00:00Z' });
    expect(leap.apiKey.expiresAt).toBe('2096-02-29T00:00:00.000Z');
  });

  it('refuses an integer too large to be read back as sent', async () => {
    const emu = await emulator();
    const res = await call(`${emu.liveUrl}/api-keys?page=99999999999999999999`, { key: emu.bootstrapKeys.live });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual({ page: 'must be at most 9007199254740991' });
  });

  it('answers 400 to malformed JSON and to a missing body', async () => {
    const emu = await emulator();
    const bad = await call(`${emu.liveUrl}/api-keys`, { method: 'POST', key: emu.bootstrapKeys.live, raw: '{"name": "x",' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^Malformed JSON in the request body/);
    expect(bad.body.details).toEqual({ body: 'is not valid JSON' });
    const none = await call(`${emu.liveUrl}/api-keys`, { method: 'POST', key: emu.bootstrapKeys.live });
    expect(none.status).toBe(400);
    expect(none.body.details).toEqual({ body: 'is required' });
  });

  it('lets a management key mint another management key', async () => {
    const emu = await emulator();
    const manager = await createKey(emu, { name: 'rotation bot', scopes: ['keys:manage'] });
    const res = await call(`${emu.liveUrl}/api-keys`, { key: manager.key });
    expect(res.status).toBe(200);
  });
});

describe('keys:manage scope', () => {
  it('is required on every /api-keys route (403), but not on /me', async () => {
    const emu = await emulator();
    const app = await createKey(emu, { name: 'app' });
    const id = app.apiKey.id as string;
    const routes: [string, string, unknown?][] = [
      ['GET', '/api-keys'],
      ['POST', '/api-keys', { name: 'sneaky' }],
      ['GET', `/api-keys/${id}`],
      ['PATCH', `/api-keys/${id}`, { name: 'renamed' }],
      ['POST', `/api-keys/${id}/regenerate`],
      ['GET', `/api-keys/${id}/usage`],
      ['DELETE', `/api-keys/${id}`],
    ];
    for (const [method, path, body] of routes) {
      const res = await call(`${emu.liveUrl}${path}`, { method, key: app.key, body });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body).toMatchObject({ error: 'Forbidden', details: { requiredScope: 'keys:manage' } });
      expect(res.body.message).toContain(app.apiKey.keyPrefix);
      expect(res.body.message).not.toContain(app.key);
    }
    // Told about the scope first, not about a body it could never send anyway.
    const invalid = await call(`${emu.liveUrl}/api-keys`, { method: 'POST', key: app.key, body: { rateLimit: 'many' } });
    expect(invalid.status).toBe(403);
    expect((await call(`${emu.liveUrl}/api-keys/not-an-id`, { key: app.key })).status).toBe(403);
    expect((await call(`${emu.liveUrl}/me`, { key: app.key })).status).toBe(200);
    const list = await call(`${emu.liveUrl}/api-keys`, { key: emu.bootstrapKeys.live });
    expect(list.body.apiKeys.map((k: { name: string }) => k.name)).toEqual(['Emulator bootstrap key (live)', 'app']);
  });
});

describe('account association', () => {
  it('an account not associated with a user: /me works, key management answers 403, as on the real API', async () => {
    const emu = await emulator();
    const loose = emu.addDeveloper({ associated: false });
    expect((await call(`${emu.liveUrl}/me`, { key: loose.keys.live })).status).toBe(200);
    const res = await call(`${emu.liveUrl}/api-keys`, { key: loose.keys.live });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: 'Forbidden', details: { reason: 'account_not_associated' } });
    expect(res.body.message).toMatch(/not associated with a user account.*GET \/me/);
  });
});

describe('GET /api-keys: list', () => {
  it('pages with page and limit, and reports the pagination', async () => {
    const emu = await emulator();
    for (let i = 1; i <= 6; i++) await createKey(emu, { name: `k${i}` });
    const page2 = await call(`${emu.liveUrl}/api-keys?page=2&limit=3`, { key: emu.bootstrapKeys.live });
    expect(page2.status).toBe(200);
    expect(page2.body.pagination).toEqual({ page: 2, limit: 3, total: 7, pages: 3 });
    expect(page2.body.apiKeys.map((k: { name: string }) => k.name)).toEqual(['k3', 'k4', 'k5']);
    const last = await call(`${emu.liveUrl}/api-keys?page=3&limit=3`, { key: emu.bootstrapKeys.live });
    expect(last.body.apiKeys.map((k: { name: string }) => k.name)).toEqual(['k6']);
    const beyond = await call(`${emu.liveUrl}/api-keys?page=9&limit=3`, { key: emu.bootstrapKeys.live });
    expect(beyond.body).toEqual({ apiKeys: [], pagination: { page: 9, limit: 3, total: 7, pages: 3 } });
    const defaults = await call(`${emu.liveUrl}/api-keys`, { key: emu.bootstrapKeys.live });
    expect(defaults.body.pagination).toEqual({ page: 1, limit: 20, total: 7, pages: 1 });
  });

  it('filters by isActive', async () => {
    const emu = await emulator();
    const off = await createKey(emu, { name: 'off' });
    await createKey(emu, { name: 'on' });
    await call(`${emu.liveUrl}/api-keys/${off.apiKey.id}`, { method: 'PATCH', key: emu.bootstrapKeys.live, body: { isActive: false } });
    const inactive = await call(`${emu.liveUrl}/api-keys?isActive=false`, { key: emu.bootstrapKeys.live });
    expect(inactive.body.apiKeys.map((k: { name: string }) => k.name)).toEqual(['off']);
    expect(inactive.body.pagination.total).toBe(1);
    const active = await call(`${emu.liveUrl}/api-keys?isActive=true`, { key: emu.bootstrapKeys.live });
    expect(active.body.apiKeys.map((k: { name: string }) => k.name)).toEqual(['Emulator bootstrap key (live)', 'on']);
  });

  it('refuses limit above 100 and other bad query values, naming each', async () => {
    const emu = await emulator();
    const res = await call(`${emu.liveUrl}/api-keys?limit=101&page=0&isActive=yes`, { key: emu.bootstrapKeys.live });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual({ limit: 'must be at most 100', page: 'must be at least 1', isActive: 'must be a boolean' });
    expect((await call(`${emu.liveUrl}/api-keys?limit=100`, { key: emu.bootstrapKeys.live })).status).toBe(200);
    const text = await call(`${emu.liveUrl}/api-keys?limit=ten`, { key: emu.bootstrapKeys.live });
    expect(text.body.details).toEqual({ limit: 'must be an integer' });
  });

  it('shows only keys of this environment and this account', async () => {
    const emu = await emulator();
    await createKey(emu, { name: 'live one' });
    await createKey(emu, { name: 'sandbox one' }, 'sandbox');
    const other = emu.addDeveloper({ email: 'other@example.com', companyName: 'Other Ltd' });
    const theirs = await call(`${emu.liveUrl}/api-keys`, { method: 'POST', key: other.keys.live, body: { name: 'theirs' } });
    const mine = await call(`${emu.liveUrl}/api-keys`, { key: emu.bootstrapKeys.live });
    expect(mine.body.apiKeys.map((k: { name: string }) => k.name)).toEqual(['Emulator bootstrap key (live)', 'live one']);
    const sandbox = await call(`${emu.sandboxUrl}/api-keys`, { key: emu.bootstrapKeys.sandbox });
    expect(sandbox.body.apiKeys.map((k: { name: string }) => k.name)).toEqual(['Emulator bootstrap key (sandbox)', 'sandbox one']);
    // Another account's key id is a 404 for us, on every route, and stays untouched.
    const id = theirs.body.apiKey.id as string;
    for (const [method, path, body] of [['GET', ''], ['PATCH', '', { name: 'x' }], ['DELETE', ''], ['POST', '/regenerate'], ['GET', '/usage']] as const) {
      const res = await call(`${emu.liveUrl}/api-keys/${id}${path}`, { method, key: emu.bootstrapKeys.live, body });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    expect((await call(`${emu.liveUrl}/me`, { key: theirs.body.key })).body.developer).toMatchObject({ email: 'other@example.com', companyName: 'Other Ltd' });
  });
});

describe('GET /api-keys/{id}', () => {
  it('returns the key, and 404 for unknown ids, ids of the other environment and non-ids', async () => {
    const emu = await emulator();
    const created = await createKey(emu);
    const res = await call(`${emu.liveUrl}/api-keys/${created.apiKey.id}`, { key: emu.bootstrapKeys.live });
    expect(res.body).toEqual({ apiKey: created.apiKey });
    const sandboxKey = await createKey(emu, { name: 's' }, 'sandbox');
    for (const id of ['0123456789abcdef01234567', sandboxKey.apiKey.id, 'not-an-id']) {
      const missing = await call(`${emu.liveUrl}/api-keys/${id}`, { key: emu.bootstrapKeys.live });
      expect(missing.status).toBe(404);
      expect(missing.body).toMatchObject({ error: 'Not Found', message: expect.stringContaining('No API key with id') });
    }
  });

  it('never echoes a key pasted into the path', async () => {
    const emu = await emulator();
    const res = await call(`${emu.liveUrl}/api-keys/${emu.bootstrapKeys.live}`, { key: emu.bootstrapKeys.live });
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toContain(emu.bootstrapKeys.live);
    expect(res.body.message).toContain(emu.bootstrapKeys.live.slice(0, 14));
    expect(JSON.stringify(emu.requests)).not.toContain(emu.bootstrapKeys.live);
  });
});

describe('PATCH /api-keys/{id}', () => {
  it('renames, deactivates, changes limits, expiry and metadata, and bumps updatedAt', async () => {
    const emu = await emulator({ now: clock });
    const created = await createKey(emu, { name: 'old', metadata: { appName: 'a' } });
    emu.advanceTime(5_000);
    const res = await call(`${emu.liveUrl}/api-keys/${created.apiKey.id}`, {
      method: 'PATCH',
      key: emu.bootstrapKeys.live,
      body: { name: 'new', isActive: false, rateLimit: 5, expiresAt: '2031-01-01T00:00:00Z', metadata: { website: 'https://x.example' } },
    });
    expect(res.status).toBe(200);
    expect(res.body.apiKey).toMatchObject({
      name: 'new',
      isActive: false,
      rateLimit: 5,
      expiresAt: '2031-01-01T00:00:00.000Z',
      metadata: { website: 'https://x.example' },
      createdAt: T0,
      updatedAt: '2030-03-10T08:00:05.000Z',
    });
    const cleared = await call(`${emu.liveUrl}/api-keys/${created.apiKey.id}`, { method: 'PATCH', key: emu.bootstrapKeys.live, body: { expiresAt: null } });
    expect(cleared.body.apiKey.expiresAt).toBeNull();
  });

  it('refuses an empty or unknown update, naming the fields', async () => {
    const emu = await emulator();
    const created = await createKey(emu);
    const url = `${emu.liveUrl}/api-keys/${created.apiKey.id}`;
    const empty = await call(url, { method: 'PATCH', key: emu.bootstrapKeys.live, body: {} });
    expect(empty.status).toBe(400);
    expect(empty.body.details).toEqual({ body: 'must set at least one of: name, isActive, rateLimit, expiresAt, metadata' });
    const scopes = await call(url, { method: 'PATCH', key: emu.bootstrapKeys.live, body: { scopes: ['keys:manage'], isActive: 'no' } });
    expect(scopes.body.details).toEqual({ scopes: 'is not a known field', isActive: 'must be a boolean' });
  });
});

describe('POST /api-keys/{id}/regenerate', () => {
  it('gives a new secret for the same key id', async () => {
    const emu = await emulator();
    const created = await createKey(emu);
    const res = await call(`${emu.liveUrl}/api-keys/${created.apiKey.id}/regenerate`, { method: 'POST', key: emu.bootstrapKeys.live });
    expect(res.status).toBe(200);
    expect(res.body.message).toMatch(/previous secret no longer works/);
    expect(res.body.apiKey.id).toBe(created.apiKey.id);
    expect(res.body.key).toMatch(/^sk_live_[0-9a-f]{64}$/);
    expect(res.body.key).not.toBe(created.key);
    expect(res.body.apiKey.keyPrefix).toBe(res.body.key.slice(0, 14));
  });

  it('makes the key young again: secretCreatedAt moves to now, createdAt stays; an update moves neither', async () => {
    const emu = await emulator({ now: clock });
    const created = await createKey(emu);
    const url = `${emu.liveUrl}/api-keys/${created.apiKey.id}`;
    emu.advanceTime(100 * 24 * 60 * 60 * 1000);
    const renamed = await call(url, { method: 'PATCH', key: emu.bootstrapKeys.live, body: { name: 'renamed' } });
    expect(renamed.body.apiKey).toMatchObject({ createdAt: T0, secretCreatedAt: T0 });
    const res = await call(`${url}/regenerate`, { method: 'POST', key: emu.bootstrapKeys.live });
    expect(res.body.apiKey).toMatchObject({ createdAt: T0, secretCreatedAt: '2030-06-18T08:00:00.000Z', updatedAt: '2030-06-18T08:00:00.000Z' });
    const listed = await call(`${emu.liveUrl}/api-keys`, { key: emu.bootstrapKeys.live });
    expect(listed.body.apiKeys.find((k: Json) => k.id === created.apiKey.id).secretCreatedAt).toBe('2030-06-18T08:00:00.000Z');
    // GET /me keeps the real API's documented shape.
    expect((await call(`${emu.liveUrl}/me`, { key: res.body.key })).body.apiKey).not.toHaveProperty('secretCreatedAt');
  });
});

describe('DELETE /api-keys/{id}', () => {
  it('deletes for good', async () => {
    const emu = await emulator();
    const created = await createKey(emu, { name: 'gone' });
    const url = `${emu.liveUrl}/api-keys/${created.apiKey.id}`;
    const res = await call(url, { method: 'DELETE', key: emu.bootstrapKeys.live });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ message: `API key ${created.apiKey.keyPrefix} ("gone") deleted.` });
    expect((await call(url, { key: emu.bootstrapKeys.live })).status).toBe(404);
    expect((await call(url, { method: 'DELETE', key: emu.bootstrapKeys.live })).status).toBe(404);
  });
});

describe('GET /api-keys/{id}/usage', () => {
  it('counts requests and errors per UTC day, oldest first, over `days` days', async () => {
    const emu = await emulator({ now: () => new Date('2030-03-10T23:59:00Z') });
    const created = await createKey(emu);
    const id = created.apiKey.id as string;
    await call(`${emu.liveUrl}/me`, { key: created.key });
    await call(`${emu.liveUrl}/api-keys`, { key: created.key }); // 403: an error
    emu.advanceTime(2 * 60_000); // past midnight UTC
    await call(`${emu.liveUrl}/me`, { key: created.key });
    await call(`${emu.liveUrl}/api-keys/${id}`, { method: 'PATCH', key: emu.bootstrapKeys.live, body: { isActive: false } });
    await call(`${emu.liveUrl}/me`, { key: created.key }); // 401 inactive: still this key's error
    const res = await call(`${emu.liveUrl}/api-keys/${id}/usage?days=3`, { key: emu.bootstrapKeys.live });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      usage: {
        keyId: id,
        days: [
          { date: '2030-03-09', requests: 0, errors: 0 },
          { date: '2030-03-10', requests: 2, errors: 1 },
          { date: '2030-03-11', requests: 2, errors: 1 },
        ],
        total: 4,
      },
    });
    const month = await call(`${emu.liveUrl}/api-keys/${id}/usage`, { key: emu.bootstrapKeys.live });
    expect(month.body.usage.days).toHaveLength(30);
    expect(month.body.usage.days.at(-1).date).toBe('2030-03-11');
    const bad = await call(`${emu.liveUrl}/api-keys/${id}/usage?days=91`, { key: emu.bootstrapKeys.live });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual({ days: 'must be at most 90' });
  });
});

describe('routing', () => {
  it('answers unknown routes with a JSON 404 and wrong methods with 405 and Allow', async () => {
    const emu = await emulator();
    const key = emu.bootstrapKeys.live;
    const notFound = await call(`${emu.liveUrl}/escrows`, { key });
    expect(notFound.status).toBe(404);
    expect(notFound.body).toMatchObject({ error: 'Not Found', message: expect.stringContaining('/api/v1/escrows') });
    const outside = await call(`${new URL(emu.liveUrl).origin}/me`, { key });
    expect(outside.status).toBe(404);
    expect(outside.body.message).toContain('/api/v1');
    const wrong = await call(`${emu.liveUrl}/me`, { method: 'DELETE', key });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET');
    expect(wrong.body).toMatchObject({ error: 'Method Not Allowed' });
    const put = await call(`${emu.liveUrl}/api-keys/0123456789abcdef01234567`, { method: 'PUT', key });
    expect(put.headers.get('allow')).toBe('GET, PATCH, DELETE');
    expect(notFound.headers.get('x-request-id')).not.toBe(wrong.headers.get('x-request-id'));
  });

  it('refuses bodies over 1 MiB with 413, creating nothing', async () => {
    const emu = await emulator();
    const res = await call(`${emu.liveUrl}/api-keys`, { method: 'POST', key: emu.bootstrapKeys.live, body: { name: 'x'.repeat(1024 * 1024) } });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ error: 'Payload Too Large', message: expect.stringContaining('1048576 bytes') });
    expect((await call(`${emu.liveUrl}/api-keys`, { key: emu.bootstrapKeys.live })).body.pagination.total).toBe(1);
  });
});

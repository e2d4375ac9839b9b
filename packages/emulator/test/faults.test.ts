import { describe, expect, it } from 'vitest';
import { call, createKey, emulator } from './helpers.js';

describe('injectFault: answer with a status instead', () => {
  it('applies to the next `times` requests, with the API error body by default', async () => {
    const emu = await emulator();
    const key = emu.bootstrapKeys.live;
    const handle = emu.injectFault({ status: 503, times: 2 });
    const first = await call(`${emu.liveUrl}/me`, { key });
    expect(first.status).toBe(503);
    expect(first.body).toEqual({ error: 'Service Unavailable', message: 'Injected fault: the emulator was told to answer 503.' });
    expect(first.headers.get('x-request-id')).toMatch(/^req_/);
    expect((await call(`${emu.liveUrl}/me`, { key })).status).toBe(503);
    expect(handle).toMatchObject({ hits: 2, remaining: 0 });
    expect((await call(`${emu.liveUrl}/me`, { key })).status).toBe(200);
    expect(emu.requests.map((r) => [r.status, r.fault])).toEqual([
      [503, 'status'],
      [503, 'status'],
      [200, null],
    ]);
  });

  it('sends the given body and headers, e.g. a 429 with Retry-After', async () => {
    const emu = await emulator();
    emu.injectFault({ status: 429, body: { error: 'Too Many Requests', message: 'slow down', retryAfter: 1 }, headers: { 'Retry-After': '1' } });
    const res = await call(`${emu.liveUrl}/me`, { key: emu.bootstrapKeys.live });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(res.body).toEqual({ error: 'Too Many Requests', message: 'slow down', retryAfter: 1 });
  });

  it('does not touch state: a faulted create mints nothing', async () => {
    const emu = await emulator();
    emu.injectFault({ status: 500, match: { method: 'POST' } });
    const res = await call(`${emu.liveUrl}/api-keys`, { method: 'POST', key: emu.bootstrapKeys.live, body: { name: 'x' } });
    expect(res.status).toBe(500);
    const list = await call(`${emu.liveUrl}/api-keys`, { key: emu.bootstrapKeys.live });
    expect(list.body.pagination.total).toBe(1);
  });

  it('without status, adds headers to the real response', async () => {
    const emu = await emulator();
    emu.injectFault({ headers: { 'x-should-retry': 'false' } });
    const res = await call(`${emu.liveUrl}/me`, { key: emu.bootstrapKeys.live });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-should-retry')).toBe('false');
  });
});

describe('injectFault: match', () => {
  it('picks requests by method, path (string or RegExp) and environment', async () => {
    const emu = await emulator();
    const live = emu.bootstrapKeys.live;
    emu.injectFault({ status: 502, match: { method: 'get', path: '/api-keys' } });
    emu.injectFault({ status: 504, match: { path: /\/regenerate$/ } });
    emu.injectFault({ status: 500, match: { environment: 'sandbox', path: '/api/v1/me' } });
    expect((await call(`${emu.liveUrl}/me`, { key: live })).status).toBe(200);
    expect((await call(`${emu.liveUrl}/api-keys`, { method: 'POST', key: live, body: { name: 'n' } })).status).toBe(201);
    expect((await call(`${emu.liveUrl}/api-keys?page=1`, { key: live })).status).toBe(502);
    const created = await createKey(emu);
    expect((await call(`${emu.liveUrl}/api-keys/${created.apiKey.id}/regenerate`, { method: 'POST', key: live })).status).toBe(504);
    expect((await call(`${emu.sandboxUrl}/me`, { key: emu.bootstrapKeys.sandbox })).status).toBe(500);
    expect((await call(`${emu.sandboxUrl}/me`, { key: emu.bootstrapKeys.sandbox })).status).toBe(200);
  });

  it('clearFaults drops every pending fault', async () => {
    const emu = await emulator();
    emu.injectFault({ status: 500, times: Infinity });
    expect((await call(`${emu.liveUrl}/me`, { key: emu.bootstrapKeys.live })).status).toBe(500);
    expect((await call(`${emu.liveUrl}/me`, { key: emu.bootstrapKeys.live })).status).toBe(500);
    emu.clearFaults();
    expect((await call(`${emu.liveUrl}/me`, { key: emu.bootstrapKeys.live })).status).toBe(200);
  });

  it('refuses a fault that could not work, saying why', async () => {
    const emu = await emulator();
    expect(() => emu.injectFault({ hang: true, status: 500 })).toThrow(/hang never answers/);
    expect(() => emu.injectFault({ status: 99 })).toThrow(/status must be an HTTP status code/);
    expect(() => emu.injectFault({ times: 0 })).toThrow(/times must be a whole number >= 1/);
    expect(() => emu.injectFault({ dropResponse: true, status: 503 })).toThrow(/cannot be combined with status/);
  });

  it('refuses misspelt fields and a malformed match instead of a fault that does nothing or breaks every request', async () => {
    const emu = await emulator();
    expect(() => emu.injectFault({ staus: 503 } as never)).toThrow(/unknown field staus \(known: times, status/);
    expect(() => emu.injectFault({ status: 503, match: { paht: '/me' } } as never)).toThrow(/unknown match field paht/);
    expect(() => emu.injectFault({ status: 503, match: 'me' } as never)).toThrow(/match must be an object/);
    expect(() => emu.injectFault({ status: 503, match: { method: 5 } } as never)).toThrow(/match.method must be a string/);
    expect(() => emu.injectFault({ status: 503, match: { path: 5 } } as never)).toThrow(/match.path must be a string or a RegExp/);
    // Nothing was queued: the next request is processed normally.
    expect((await call(`${emu.liveUrl}/me`, { key: emu.bootstrapKeys.live })).status).toBe(200);
  });
});

describe('injectFault: timing and lost responses', () => {
  it('delayMs holds the answer back, then processes normally', async () => {
    const emu = await emulator();
    emu.injectFault({ delayMs: 500, match: { path: '/me' } });
    const order: string[] = [];
    const delayed = call(`${emu.liveUrl}/me`, { key: emu.bootstrapKeys.live }).then((r) => order.push(`me ${r.status}`));
    await new Promise((r) => setTimeout(r, 20));
    await call(`${emu.liveUrl}/api-keys`, { key: emu.bootstrapKeys.live }).then((r) => order.push(`list ${r.status}`));
    await delayed;
    expect(order).toEqual(['list 200', 'me 200']);
  });

  it('hang never answers, so the client times out; close() still returns', async () => {
    const emu = await emulator();
    emu.injectFault({ hang: true });
    const err = await fetch(`${emu.liveUrl}/me`, { headers: { authorization: `Bearer ${emu.bootstrapKeys.live}` }, signal: AbortSignal.timeout(200) }).catch(
      (e: unknown) => e as Error,
    );
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).name).toBe('TimeoutError');
    expect(emu.requests.at(-1)).toMatchObject({ fault: 'hang', status: null });
    // A second hung request is still open when close() runs; close() must not wait for it.
    emu.injectFault({ hang: true });
    const pending = fetch(`${emu.liveUrl}/me`, { headers: { authorization: `Bearer ${emu.bootstrapKeys.live}` } }).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 50));
    await emu.close();
    expect(await pending).toBeInstanceOf(Error);
  });

  it('dropResponse processes the request, then closes the connection without a reply', async () => {
    const emu = await emulator();
    emu.injectFault({ dropResponse: true, match: { method: 'POST', path: '/api-keys' } });
    const err = await fetch(`${emu.liveUrl}/api-keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${emu.bootstrapKeys.live}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'lost' }),
    }).catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(TypeError); // fetch failed: the socket closed with no response
    const list = await call(`${emu.liveUrl}/api-keys`, { key: emu.bootstrapKeys.live });
    expect(list.body.apiKeys.map((k: { name: string }) => k.name)).toContain('lost');
    expect(emu.requests.find((r) => r.method === 'POST')).toMatchObject({ fault: 'dropResponse', status: null });
  });
});

describe('control routes over HTTP', () => {
  it('POST /__emulator/faults injects, DELETE clears, on either listener', async () => {
    const emu = await emulator();
    const origin = new URL(emu.sandboxUrl).origin;
    const added = await call(`${origin}/__emulator/faults`, { method: 'POST', body: { status: 503, times: null, match: { path: '/me', environment: 'live' } } });
    expect(added.status).toBe(201);
    expect(added.body.fault.id).toMatch(/^fault_/);
    expect((await call(`${emu.liveUrl}/me`, { key: emu.bootstrapKeys.live })).status).toBe(503);
    expect((await call(`${emu.liveUrl}/me`, { key: emu.bootstrapKeys.live })).status).toBe(503);
    expect((await call(`${emu.sandboxUrl}/me`, { key: emu.bootstrapKeys.sandbox })).status).toBe(200);
    expect((await call(`${origin}/__emulator/faults`, { method: 'DELETE' })).status).toBe(200);
    expect((await call(`${emu.liveUrl}/me`, { key: emu.bootstrapKeys.live })).status).toBe(200);
  });

  it('answers 400 to bad fault specs and 404/405 to unknown control routes', async () => {
    const emu = await emulator();
    const origin = new URL(emu.liveUrl).origin;
    const bad = await call(`${origin}/__emulator/faults`, { method: 'POST', body: { hang: true, dropResponse: true } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/hang never answers/);
    expect((await call(`${origin}/__emulator/faults`, { method: 'POST', raw: '{' })).status).toBe(400);
    const typo = await call(`${origin}/__emulator/faults`, { method: 'POST', body: { status: 503, match: { method: 1 } } });
    expect(typo.status).toBe(400);
    expect(typo.body.message).toMatch(/match.method must be a string/);
    expect((await call(`${emu.liveUrl}/me`, { key: emu.bootstrapKeys.live })).status).toBe(200);
    expect((await call(`${origin}/__emulator/nothing`)).status).toBe(404);
    const wrong = await call(`${origin}/__emulator/faults`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST, DELETE');
  });

  it('POST /__emulator/advance-time moves the clock; /reset starts over with new keys', async () => {
    const emu = await emulator({ now: () => new Date('2030-01-01T00:00:00Z') });
    const origin = new URL(emu.liveUrl).origin;
    const moved = await call(`${origin}/__emulator/advance-time`, { method: 'POST', body: { ms: 3_600_000 } });
    expect(moved.body).toEqual({ now: '2030-01-01T01:00:00.000Z' });
    expect((await call(`${origin}/__emulator/advance-time`, { method: 'POST', body: { ms: -1 } })).status).toBe(400);
    // A huge step is refused before the clock moves: every route keeps answering.
    const far = await call(`${origin}/__emulator/advance-time`, { method: 'POST', body: { ms: 1e308 } });
    expect(far.status).toBe(400);
    expect(far.body.message).toBe(
      'advanceTime: the clock would pass 9999-12-31T23:59:59.999Z, the last moment an ISO-8601 timestamp of the API can name; it stays at 2030-01-01T01:00:00.000Z',
    );
    expect((await call(`${emu.liveUrl}/me`, { key: emu.bootstrapKeys.live })).status).toBe(200);
    const health = await call(`${origin}/__emulator/health`);
    expect(health.body).toMatchObject({ ok: true, now: '2030-01-01T01:00:00.000Z', liveUrl: emu.liveUrl });

    const old = emu.bootstrapKeys.live;
    await createKey(emu);
    const reset = await call(`${origin}/__emulator/reset`, { method: 'POST' });
    expect(reset.status).toBe(200);
    expect(reset.body.bootstrapKeys).toEqual(emu.bootstrapKeys);
    expect(emu.bootstrapKeys.live).not.toBe(old);
    expect((await call(`${emu.liveUrl}/me`, { key: old })).body.details).toEqual({ reason: 'unknown' });
    const list = await call(`${emu.liveUrl}/api-keys`, { key: emu.bootstrapKeys.live });
    expect(list.body.pagination.total).toBe(1);
  });
});

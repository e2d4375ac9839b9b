import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { call, createKey, emulator, fakeKey } from './helpers.js';

describe('listeners and bootstrap keys', () => {
  it('serves each environment on its own URL, with a keys:manage key for each', async () => {
    const emu = await emulator();
    expect(emu.liveUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
    expect(emu.sandboxUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
    expect(emu.liveUrl).not.toBe(emu.sandboxUrl);
    expect(emu.bootstrapKeys.live).toMatch(/^sk_live_[0-9a-f]{64}$/);
    expect(emu.bootstrapKeys.sandbox).toMatch(/^sk_sandbox_[0-9a-f]{64}$/);
    for (const env of ['live', 'sandbox'] as const) {
      const url = env === 'live' ? emu.liveUrl : emu.sandboxUrl;
      const me = await call(`${url}/me`, { key: emu.bootstrapKeys[env] });
      expect(me.status).toBe(200);
      expect(me.body.apiKey.environment).toBe(env);
      expect(me.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{24}$/);
    }
  });
});

describe('GET /me', () => {
  it('answers the documented shape, without scopes or updatedAt', async () => {
    const emu = await emulator();
    const me = await call(`${emu.liveUrl}/me`, { key: emu.bootstrapKeys.live });
    expect(Object.keys(me.body.apiKey).sort()).toEqual(
      ['createdAt', 'environment', 'expiresAt', 'id', 'isActive', 'keyPrefix', 'lastUsedAt', 'metadata', 'name', 'rateLimit'].sort(),
    );
    expect(me.body.apiKey.keyPrefix).toBe(emu.bootstrapKeys.live.slice(0, 'sk_live_'.length + 6));
    expect(me.body.developer).toEqual({ id: expect.stringMatching(/^[0-9a-f]{24}$/), email: expect.any(String), companyName: expect.any(String) });
  });

  it('works for an application key without the keys:manage scope', async () => {
    const emu = await emulator();
    const created = await createKey(emu, { name: 'app' });
    const me = await call(`${emu.liveUrl}/me`, { headers: { 'x-api-key': created.key } });
    expect(me.status).toBe(200);
    expect(me.body.apiKey.id).toBe(created.apiKey.id);
  });
});

describe('401 reasons', () => {
  it('missing', async () => {
    const emu = await emulator();
    const res = await call(`${emu.liveUrl}/me`);
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: 'Unauthorized', details: { reason: 'missing' } });
    expect(res.body.message).toMatch(/Missing API key/);
  });

  it('unknown', async () => {
    const emu = await emulator();
    const res = await call(`${emu.liveUrl}/me`, { key: fakeKey('live', randomBytes(32).toString('hex')) });
    expect(res.status).toBe(401);
    expect(res.body.details).toEqual({ reason: 'unknown' });
  });

  it('wrong_environment names the host and the key type to use', async () => {
    const emu = await emulator();
    const res = await call(`${emu.sandboxUrl}/me`, { key: emu.bootstrapKeys.live });
    expect(res.body.details).toEqual({ reason: 'wrong_environment' });
    expect(res.body.message).toContain(new URL(emu.sandboxUrl).host);
    expect(res.body.message).toContain('sk_sandbox_');
  });
});

describe('faults', () => {
  it('answers the next request with the injected status, then recovers', async () => {
    const emu = await emulator();
    emu.injectFault({ status: 503 });
    expect((await call(`${emu.liveUrl}/me`, { key: emu.bootstrapKeys.live })).status).toBe(503);
    expect((await call(`${emu.liveUrl}/me`, { key: emu.bootstrapKeys.live })).status).toBe(200);
  });
});

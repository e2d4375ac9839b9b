import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startEmulator } from '@dhmad/emulator';
import type { Emulator } from '@dhmad/emulator';
import { dhmadKeyApi } from '../src/runner/dhmad.js';
import { replacementParams, rotationIdempotencyKey } from '../src/core/rotate.js';
import type { KeyApi } from '../src/core/types.js';

let emu: Emulator;
let api: KeyApi;
beforeEach(async () => {
  emu = await startEmulator({ port: 0 });
  api = dhmadKeyApi({ managementKey: emu.bootstrapKeys.live, baseUrl: emu.liveUrl, maxRetries: 0 });
});
afterEach(async () => {
  await emu.close();
});

describe('the SDK adapter against the emulator', () => {
  it('lists every key across pages, and names the management key', async () => {
    const me = await api.whoami();
    expect(me).toMatchObject({ environment: 'live', isActive: true });
    for (let i = 0; i < 104; i++) await api.create({ name: `k${i}`, environment: 'live', rateLimit: 60, expiresAt: null, metadata: {}, scopes: [] }, `seed-${i}`);
    const all = await api.list();
    expect(all).toHaveLength(105);
    expect(all.some((k) => k.id === me.id)).toBe(true);
  });

  it('replays a create with the same idempotency key: same key, same secret, nothing new minted', async () => {
    const first = await api.create({ name: 'ci', environment: 'live', rateLimit: 250, expiresAt: null, metadata: { appName: 'shop' }, scopes: [] }, 'seed');
    const params = replacementParams(first.key);
    const a = await api.create(params, rotationIdempotencyKey(first.key));
    const b = await api.create(replacementParams((await api.list()).find((k) => k.id === first.key.id)!), rotationIdempotencyKey(first.key));
    expect(b.key.id).toBe(a.key.id);
    expect(b.secret === a.secret).toBe(true);
    expect((await api.list()).filter((k) => k.name === 'ci')).toHaveLength(2);
    expect(await api.verify(a.secret)).toMatchObject({ id: a.key.id, isActive: true, environment: 'live' });
  });

  it('updates metadata, deactivates and deletes', async () => {
    const { key } = await api.create({ name: 'ci', environment: 'live', rateLimit: 60, expiresAt: null, metadata: {}, scopes: [] }, 'seed');
    expect((await api.setMetadata(key.id, { a: 'b' })).metadata).toEqual({ a: 'b' });
    expect((await api.deactivate(key.id)).isActive).toBe(false);
    expect(await api.get(key.id)).toMatchObject({ id: key.id, isActive: false, metadata: { a: 'b' } });
    await api.delete(key.id);
    expect((await api.list()).some((k) => k.id === key.id)).toBe(false);
    expect(await api.get(key.id)).toBeNull();
  });
});

describe('the DHMAD host when dhmad-base-url is not set', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("is the management key's environment's API, whatever DHMAD_BASE_URL the job sets for its own code", async () => {
    vi.stubEnv('DHMAD_BASE_URL', emu.liveUrl);
    const urls: string[] = [];
    // Records where the request goes and answers nothing, so no request leaves the machine.
    const recording = (async (input: string | URL | Request) => {
      urls.push(String(input instanceof Request ? input.url : input));
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    for (const key of [emu.bootstrapKeys.sandbox, emu.bootstrapKeys.live]) {
      await expect(dhmadKeyApi({ managementKey: key, maxRetries: 0, fetch: recording }).whoami()).rejects.toThrow();
    }
    expect(urls).toEqual(['https://sandbox.dhmad.tn/api/v1/me', 'https://dhmad.tn/api/v1/me']);
  });
});

import { mkdtemp, readFile, rm, stat, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../src/index.js';
import { call, createKey } from './helpers.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dhmad-emulator-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('--data persistence', () => {
  it('keeps keys, their state and the bootstrap keys across a restart', async () => {
    const data = join(dir, 'state.json');
    const first = await startEmulator({ port: 0, data });
    const created = await createKey(first, { name: 'survivor', rateLimit: 42 });
    const regenerated = await createKey(first, { name: 'rotated' });
    const regen = await call(`${first.liveUrl}/api-keys/${regenerated.apiKey.id}/regenerate`, { method: 'POST', key: first.bootstrapKeys.live });
    await call(`${first.liveUrl}/me`, { key: created.key });
    const bootstrap = first.bootstrapKeys;
    await first.close();

    const second = await startEmulator({ port: 0, data });
    try {
      expect(second.bootstrapKeys).toEqual(bootstrap);
      const me = await call(`${second.liveUrl}/me`, { key: created.key });
      expect(me.status).toBe(200);
      expect(me.body.apiKey).toMatchObject({ id: created.apiKey.id, name: 'survivor', rateLimit: 42, lastUsedAt: expect.any(String) });
      expect((await call(`${second.liveUrl}/me`, { key: regenerated.key })).body.details).toEqual({ reason: 'regenerated' });
      expect((await call(`${second.liveUrl}/me`, { key: regen.body.key })).status).toBe(200);
      const usage = await call(`${second.liveUrl}/api-keys/${created.apiKey.id}/usage?days=1`, { key: bootstrap.live });
      expect(usage.body.usage.total).toBe(2);
    } finally {
      await second.close();
    }
  });

  it('keeps each key\'s secretCreatedAt, and gives a key saved before the field existed its createdAt', async () => {
    const data = join(dir, 'state.json');
    let t = Date.parse('2030-01-01T00:00:00.000Z');
    const first = await startEmulator({ port: 0, data, now: () => new Date(t) });
    const created = await createKey(first, { name: 'rotated' });
    const kept = await createKey(first, { name: 'old file' });
    t += 86_400_000;
    await call(`${first.liveUrl}/api-keys/${created.apiKey.id}/regenerate`, { method: 'POST', key: first.bootstrapKeys.live });
    await first.close();
    const state = JSON.parse(await readFile(data, 'utf8'));
    for (const k of state.keys) if (k.id === kept.apiKey.id) delete k.secretCreatedAt;
    await writeFile(data, JSON.stringify(state));

    const second = await startEmulator({ port: 0, data, now: () => new Date(t) });
    try {
      const list = await call(`${second.liveUrl}/api-keys`, { key: second.bootstrapKeys.live });
      const byId = Object.fromEntries(list.body.apiKeys.map((k: { id: string }) => [k.id, k]));
      expect(byId[created.apiKey.id]).toMatchObject({ createdAt: '2030-01-01T00:00:00.000Z', secretCreatedAt: '2030-01-02T00:00:00.000Z' });
      expect(byId[kept.apiKey.id]).toMatchObject({ createdAt: '2030-01-01T00:00:00.000Z', secretCreatedAt: '2030-01-01T00:00:00.000Z' });
    } finally {
      await second.close();
    }
  });

  it('keeps usage recorded with recordUsage', async () => {
    const data = join(dir, 'state.json');
    const first = await startEmulator({ port: 0, data });
    const created = await createKey(first, { name: 'busy' });
    first.recordUsage(created.apiKey.id, { requests: 1234, errors: 5 });
    await first.close();
    const second = await startEmulator({ port: 0, data });
    try {
      const usage = await call(`${second.liveUrl}/api-keys/${created.apiKey.id}/usage?days=1`, { key: second.bootstrapKeys.live });
      expect(usage.body.usage.days).toEqual([{ date: expect.any(String), requests: 1234, errors: 5 }]);
    } finally {
      await second.close();
    }
  });

  it('writes the file with mode 0600, holding only hashes of application keys, and no temp files', async () => {
    const data = join(dir, 'state.json');
    const emu = await startEmulator({ port: 0, data });
    const created = await createKey(emu, { name: 'secret-holder' });
    await emu.close();
    expect((await stat(data)).mode & 0o777).toBe(0o600);
    const text = await readFile(data, 'utf8');
    expect(text).not.toContain(created.key);
    expect(text).toContain(created.apiKey.keyPrefix);
    expect(JSON.parse(text)).toMatchObject({ version: 1 });
    expect(await readdir(dir)).toEqual(['state.json']);
  });

  it('saves soon after a change, without waiting for close()', async () => {
    const data = join(dir, 'state.json');
    const emu = await startEmulator({ port: 0, data });
    try {
      const created = await createKey(emu, { name: 'early' });
      await expect.poll(async () => (await readFile(data, 'utf8')).includes(created.apiKey.id), { timeout: 2_000 }).toBe(true);
    } finally {
      await emu.close();
    }
  });

  it('replaces a bootstrap key that was regenerated or deactivated since it was saved', async () => {
    const data = join(dir, 'state.json');
    const first = await startEmulator({ port: 0, data });
    const me = await call(`${first.liveUrl}/me`, { key: first.bootstrapKeys.live });
    await call(`${first.liveUrl}/api-keys/${me.body.apiKey.id}`, { method: 'PATCH', key: first.bootstrapKeys.live, body: { isActive: false } });
    const { sandbox } = first.bootstrapKeys;
    await first.close();
    const second = await startEmulator({ port: 0, data });
    try {
      expect(second.bootstrapKeys.sandbox).toBe(sandbox);
      expect((await call(`${second.liveUrl}/me`, { key: second.bootstrapKeys.live })).status).toBe(200);
    } finally {
      await second.close();
    }
  });

  it('refuses a file that is not emulator state, naming it', async () => {
    const data = join(dir, 'state.json');
    await writeFile(data, '{ not json');
    await expect(startEmulator({ port: 0, data })).rejects.toThrow(`Emulator state file ${data} is not valid JSON`);
    await writeFile(data, '{"hello": "world"}');
    await expect(startEmulator({ port: 0, data })).rejects.toThrow(/not an emulator state file/);
    await expect(startEmulator({ port: 0, data: join(dir, 'missing', 'state.json') })).rejects.toThrow(/Cannot save emulator state to .*Check that its folder exists/);
  });
});

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

  it('has each acknowledged change in its write-ahead log before answering, hashed, mode 0600', async () => {
    const data = join(dir, 'state.json');
    const emu = await startEmulator({ port: 0, data });
    try {
      const created = await createKey(emu, { name: 'early' });
      const log = await readFile(`${data}.wal`, 'utf8');
      expect(log).toContain(created.apiKey.id);
      expect(log).not.toContain(created.key);
      expect((await stat(`${data}.wal`)).mode & 0o777).toBe(0o600);
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

  it('replays the write-ahead log left by a crash, ignoring a torn last line, and folds it into the state file', async () => {
    const data = join(dir, 'state.json');
    const { saved, created } = await crashedWith(data);
    await writeFile(`${data}.wal`, `${saved.log}[{"key":{"id":"torn`);
    const again = await startEmulator({ port: 0, data });
    try {
      expect((await call(`${again.liveUrl}/me`, { key: created.key })).status).toBe(200);
      expect(await readFile(data, 'utf8')).toContain(created.apiKey.id);
    } finally {
      await again.close();
    }
  });

  it('does not replay a log of an older generation (a crash between the snapshot and the new log)', async () => {
    const data = join(dir, 'state.json');
    const { saved, created } = await crashedWith(data);
    const header = JSON.parse(saved.log.split('\n')[0]!);
    await writeFile(`${data}.wal`, `${JSON.stringify({ ...header, generation: header.generation - 1 })}\n${saved.log.split('\n').slice(1).join('\n')}`);
    const again = await startEmulator({ port: 0, data });
    try {
      expect((await call(`${again.liveUrl}/me`, { key: created.key })).body.details).toEqual({ reason: 'unknown' });
    } finally {
      await again.close();
    }
  });

  it('refuses a log damaged before its last line, naming the line', async () => {
    const data = join(dir, 'state.json');
    const { saved } = await crashedWith(data);
    const [header, ...rest] = saved.log.split('\n');
    await writeFile(`${data}.wal`, [header, 'not json', ...rest].join('\n'));
    await expect(startEmulator({ port: 0, data })).rejects.toThrow(`Emulator log ${data}.wal is damaged at line 2`);
  });

  it('refuses a second emulator of the same process on a file in use, and lets one start once the first is closed', async () => {
    const data = join(dir, 'state.json');
    const first = await startEmulator({ port: 0, data });
    await expect(startEmulator({ port: 0, data })).rejects.toThrow(`Another emulator (in this process) is using ${data}`);
    await first.close();
    const second = await startEmulator({ port: 0, data });
    await second.close();
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

/** The state file and log as a crash right after creating a key would leave them (copied before a clean close). */
async function crashedWith(data: string) {
  const emu = await startEmulator({ port: 0, data });
  const created = await createKey(emu, { name: 'logged' });
  await emu.flush();
  const saved = { state: await readFile(data, 'utf8'), log: await readFile(`${data}.wal`, 'utf8') };
  await emu.close();
  await writeFile(data, saved.state);
  return { saved, created };
}

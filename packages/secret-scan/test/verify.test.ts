import { Dhmad } from '@dhmad/sdk';
import { startEmulator, type Emulator } from '@dhmad/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initRepo, makeKey, prefixOf, runCli, scanJsonAsync, write } from './helpers.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, ipRateLimit: false });
});
afterAll(async () => {
  await emu?.close();
});

async function keysInEveryState() {
  const manage = (env: 'live' | 'sandbox') =>
    new Dhmad({ apiKey: emu.bootstrapKeys[env], baseUrl: env === 'live' ? emu.liveUrl : emu.sandboxUrl, maxRetries: 0 });
  const sandbox = manage('sandbox');
  const live = manage('live');
  const active = (await sandbox.apiKeys.create({ name: 'active one' })).key;
  const liveActive = (await live.apiKeys.create({ name: 'live one' })).key;
  const toDeactivate = await sandbox.apiKeys.create({ name: 'switched off' });
  await sandbox.apiKeys.deactivate(toDeactivate.apiKey.id);
  const expiring = await sandbox.apiKeys.create({ name: 'short lived', expiresAt: new Date(emu.now().getTime() + 60_000).toISOString() });
  emu.advanceTime(120_000);
  const regenerated = await sandbox.apiKeys.create({ name: 'rotated' });
  await sandbox.apiKeys.regenerate(regenerated.apiKey.id);
  return {
    active,
    liveActive,
    inactive: toDeactivate.key,
    expired: expiring.key,
    regenerated: regenerated.key,
    unknown: makeKey('sandbox'),
  };
}

describe('--verify', () => {
  it('says per finding whether the key is active, inactive, expired or revoked, asking each key’s own environment only', async () => {
    const keys = await keysInEveryState();
    const repo = initRepo();
    write(repo, '.gitignore', '.env\n.env.*\n');
    write(repo, 'keys.txt', Object.values(keys).join('\n') + '\n');
    write(repo, 'copy.txt', `${keys.active}\n`);
    const before = emu.requests.length;
    const { run, out } = await scanJsonAsync(['--verify', '--live-base-url', emu.liveUrl, '--sandbox-base-url', emu.sandboxUrl], repo, Object.values(keys));
    expect(run.code).toBe(1);
    const status = (key: string) => out.findings.filter((f) => f.keyPrefix === prefixOf(key) && f.file === 'keys.txt').map((f) => f.verified?.status);
    expect(status(keys.active)).toEqual(['active']);
    expect(status(keys.liveActive)).toEqual(['active']);
    expect(status(keys.inactive)).toEqual(['inactive']);
    expect(status(keys.expired)).toEqual(['expired']);
    expect(status(keys.regenerated)).toEqual(['revoked']);
    expect(status(keys.unknown)).toEqual(['revoked']);
    expect(out.findings.find((f) => f.file === 'copy.txt')?.verified?.status).toBe('active');

    const calls = emu.requests.slice(before);
    // One GET /me per distinct key, each on its own environment's listener.
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(Array(6).fill('GET /api/v1/me'));
    expect(calls.filter((c) => c.environment === 'live')).toHaveLength(1);
    expect(calls.filter((c) => c.environment === 'live')[0]!.keyPrefix).toBe(prefixOf(keys.liveActive));
    expect(calls.filter((c) => c.environment === 'sandbox')).toHaveLength(5);
  });

  it('reports unreachable when the API cannot be reached, and still exits 1 for the key', async () => {
    const key = makeKey();
    const repo = initRepo();
    write(repo, 'a.txt', key);
    const { run, out } = await scanJsonAsync(['--verify', '--base-url', 'http://127.0.0.1:9/api/v1', '--no-env-files'], repo, [key]);
    expect(run.code).toBe(1);
    expect(out.findings.map((f) => f.verified?.status)).toEqual(['unreachable']);
    expect(out.findings[0]!.verified!.detail).toMatch(/Could not reach the API/);
  });

  it('rejects a base URL without --verify', () => {
    const r = runCli(['--base-url', 'http://127.0.0.1:9'], { cwd: initRepo() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('only apply with --verify');
  });
});

// dhmad-scan --verify end to end: the bin, run as users run it, asks the emulator (over HTTP)
// about every key it finds, and never calls a key that may work dead.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Dhmad } from '@dhmad/sdk';
import { startEmulator, type Emulator } from '@dhmad/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initRepo, isolatedEnv, write } from './support/git.js';
import { assertNoKeys, makeKey, prefixOf } from './support/keys.js';
import { runAsync } from './support/run.js';
import { binPath } from './support/workspace.js';

const cli = binPath('packages/secret-scan', 'dhmad-scan');

interface Verified {
  keyPrefix: string | null;
  file: string;
  verified?: { status: string; detail: string };
}

async function scanVerify(args: string[], cwd: string, keys: string[]): Promise<{ code: number | null; findings: Verified[]; stderr: string }> {
  const run = await runAsync(process.execPath, [cli, '--verify', '--format', 'json', '--no-env-files', ...args], { cwd, env: isolatedEnv() });
  assertNoKeys([run.stdout, run.stderr], keys);
  if (run.code === 2) throw new Error(`dhmad-scan failed: ${run.stderr}`);
  return { code: run.code, findings: (JSON.parse(run.stdout) as { findings: Verified[] }).findings, stderr: run.stderr };
}

/** A stand-in API that answers every request with `status` and `body`, counting requests in flight. */
async function standIn(status: number, body: unknown, delayMs = 0): Promise<{ url: string; server: Server; maxInFlight: () => number }> {
  let inFlight = 0;
  let max = 0;
  const server = createServer((req, res) => {
    inFlight++;
    max = Math.max(max, inFlight);
    setTimeout(() => {
      inFlight--;
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    }, delayMs);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`, server, maxInFlight: () => max };
}

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
  return { active, liveActive, inactive: toDeactivate.key, expired: expiring.key, regenerated: regenerated.key, unknown: makeKey('sandbox') };
}

describe('dhmad-scan --verify against the emulator', () => {
  it('says per finding whether the key is active, inactive, expired or revoked, asking each key’s own environment only', async () => {
    const keys = await keysInEveryState();
    const repo = initRepo();
    write(repo, 'keys.txt', Object.values(keys).join('\n') + '\n');
    write(repo, 'copy.txt', `${keys.active}\n`);
    const before = emu.requests.length;
    const { code, findings } = await scanVerify(['--live-base-url', emu.liveUrl, '--sandbox-base-url', emu.sandboxUrl], repo, Object.values(keys));
    expect(code).toBe(1);
    const status = (key: string) => findings.filter((f) => f.keyPrefix === prefixOf(key) && f.file === 'keys.txt').map((f) => f.verified?.status);
    expect(status(keys.active)).toEqual(['active']);
    expect(status(keys.liveActive)).toEqual(['active']);
    expect(status(keys.inactive)).toEqual(['inactive']);
    expect(status(keys.expired)).toEqual(['expired']);
    expect(status(keys.regenerated)).toEqual(['revoked']);
    expect(status(keys.unknown)).toEqual(['revoked']);
    expect(findings.find((f) => f.file === 'copy.txt')?.verified?.status).toBe('active');

    const calls = emu.requests.slice(before);
    // One GET /me per distinct key, each on its own environment's listener.
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(Array(6).fill('GET /api/v1/me'));
    expect(calls.filter((c) => c.environment === 'live').map((c) => c.keyPrefix)).toEqual([prefixOf(keys.liveActive)]);
    expect(calls.filter((c) => c.environment === 'sandbox')).toHaveLength(5);
  });

  it('never calls a live key dead when the answer is not a definite one: a key sent to the wrong environment is unknown', async () => {
    const live = (await new Dhmad({ apiKey: emu.bootstrapKeys.live, baseUrl: emu.liveUrl }).apiKeys.create({ name: 'works on live' })).key;
    const repo = initRepo();
    write(repo, 'a.txt', `${live}\n`);
    // Every key to the sandbox listener: it answers 401 wrong_environment for a live key that works.
    const { findings } = await scanVerify(['--base-url', emu.sandboxUrl], repo, [live]);
    expect(findings.map((f) => f.verified?.status)).toEqual(['unknown']);
    expect(findings[0]!.verified!.detail).toMatch(/may still work/);
  });
});

describe('dhmad-scan --verify against stand-ins', () => {
  it.each([
    ['a 401 that gives no reason', 'unknown', 401, { error: 'Unauthorized', message: 'Not today' }],
    ['a 401 for a missing header (a proxy dropped it)', 'unknown', 401, { error: 'Unauthorized', message: 'Missing API key', details: { reason: 'missing' } }],
    ["the real API's bare invalid-or-expired answer", 'revoked', 401, { error: 'Unauthorized', message: 'Invalid or expired API key' }],
    ['a 500', 'unknown', 500, { error: 'Internal Server Error', message: 'boom' }],
    ['a 403 (the key authenticated)', 'active', 403, { error: 'Forbidden', message: 'Not associated' }],
    ['a 200 that does not describe a key', 'unknown', 200, {}],
  ] as const)('%s: %s', async (_, expected, status, body) => {
    const api = await standIn(status, body);
    try {
      const key = makeKey();
      const repo = initRepo();
      write(repo, 'a.txt', `${key}\n`);
      const { findings } = await scanVerify(['--base-url', api.url], repo, [key]);
      expect(findings.map((f) => f.verified?.status)).toEqual([expected]);
    } finally {
      api.server.close();
    }
  });

  it('prints nothing of what the API sends back unredacted: a key in apiKey.name is shown by its prefix', async () => {
    const key = makeKey();
    const planted = makeKey();
    const api = await standIn(200, {
      apiKey: { id: 'a'.repeat(24), name: `copy of ${planted}\u001b[2J`, keyPrefix: prefixOf(key), environment: 'live', isActive: true },
      developer: { id: 'b'.repeat(24), email: 'dev@example.com', companyName: 'x' },
    });
    try {
      const repo = initRepo();
      write(repo, 'a.txt', `${key}\n`);
      const { findings } = await scanVerify(['--base-url', api.url], repo, [key, planted]);
      expect(findings[0]!.verified!.status).toBe('active');
      expect(findings[0]!.verified!.detail).toContain(prefixOf(planted));
      expect(findings[0]!.verified!.detail).not.toContain('\u001b');
    } finally {
      api.server.close();
    }
  });

  it('asks several keys at once, and gives up on each after --verify-timeout seconds', async () => {
    const api = await standIn(200, {}, 3_000);
    try {
      const keys = Array.from({ length: 6 }, () => makeKey());
      const repo = initRepo();
      write(repo, 'a.txt', keys.join('\n') + '\n');
      const started = Date.now();
      const { findings } = await scanVerify(['--base-url', api.url, '--verify-timeout', '1'], repo, keys);
      expect(findings.map((f) => f.verified?.status)).toEqual(Array(6).fill('unreachable'));
      expect(findings[0]!.verified!.detail).toContain('No answer within 1 s');
      expect(api.maxInFlight()).toBeGreaterThan(1);
      // Two attempts of 1 s per key, six keys side by side: far less than 6 keys x 2 s one after another.
      expect(Date.now() - started).toBeLessThan(9_000);
    } finally {
      api.server.close();
    }
  });

  it('shows a progress line on a terminal', async () => {
    const api = await standIn(200, {}, 200);
    try {
      const keys = [makeKey(), makeKey()];
      const repo = initRepo();
      write(repo, 'a.txt', keys.join('\n') + '\n');
      // script(1) runs the scan on a pseudo-terminal, as a user's shell does; the report goes to a file.
      const command = [process.execPath, cli, '--verify', '--no-env-files', '--base-url', api.url, '--format', 'json', '--output', 'out.json'].map((a) => `'${a}'`).join(' ');
      const transcript = (await runAsync('script', ['-qec', command, '/dev/null'], { cwd: repo, env: isolatedEnv() })).stdout;
      expect(transcript).toContain('dhmad-scan: verifying keys with the API: 1/2…');
      expect(transcript).toContain('dhmad-scan: verifying keys with the API: 2/2…');
      assertNoKeys([transcript], keys);
    } finally {
      api.server.close();
    }
  });

  it('refuses a --verify-timeout that is not a positive number, and URL options without --verify', async () => {
    const repo = initRepo();
    const run = (args: string[]) => runAsync(process.execPath, [cli, ...args], { cwd: repo, env: isolatedEnv() });
    const bad = await run(['--verify', '--verify-timeout', 'soon']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--verify-timeout must be a number of seconds above 0');
    const orphan = await run(['--base-url', 'http://127.0.0.1:9']);
    expect(orphan.code).toBe(2);
    expect(orphan.stderr).toContain('only apply with --verify');
  });
});

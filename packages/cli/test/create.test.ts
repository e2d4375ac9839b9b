import { describe, expect, it, beforeEach } from 'vitest';
import { dhmad, dhmadOnTty, expectNoSecret, useEmulator } from './support/cli.js';

const api = useEmulator();
beforeEach(() => api.emu.reset());

const KEY = /^sk_live_[0-9a-f]{64}$/;

/** The key works: GET /me with it answers with its own prefix. */
async function works(key: string): Promise<string> {
  const r = await fetch(`${api.emu.liveUrl}/me`, { headers: { authorization: `Bearer ${key}` } });
  expect(r.status).toBe(200);
  return ((await r.json()) as { apiKey: { keyPrefix: string } }).apiKey.keyPrefix;
}

describe('dhmad keys create', () => {
  it('piped: stdout is the key alone, with no newline; stderr names it by prefix', async () => {
    const r = await dhmad(['keys', 'create', '--name', 'CI deploys'], { env: api.env() });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(KEY);
    const prefix = await works(r.stdout);
    expect(r.stderr).toBe(`Created ${prefix} "CI deploys" (live, id ${(await api.sdk().apiKeys.list()).data.find((k) => k.keyPrefix === prefix)!.id}).\nThe key went to stdout; it is not shown again.\n`);
    expectNoSecret([r.stdout, r.stderr], r.stdout, 1);
  });

  it('on a terminal: printed once, with a warning that it will not be shown again', async () => {
    const r = await dhmadOnTty(['keys', 'create', '--name', 'laptop'], { env: api.env() });
    expect(r.code, r.tty).toBe(0);
    const key = r.tty.match(/^ {2}(sk_live_[0-9a-f]{64})$/m)![1]!;
    const prefix = await works(key);
    expect(r.tty).toContain(`Created ${prefix} "laptop" (live`);
    expect(r.tty).toContain('This is the only time the key is shown');
    expectNoSecret([r.tty], key, 1);
  });

  it('sets the scopes, expiry and rate limit asked for, in DHMAD_API_KEY\'s environment', async () => {
    const r = await dhmad(
      ['keys', 'create', '--name', 'manager', '--env', 'sandbox', '--scope', 'keys:manage', '--expires', '2099-01-31', '--rate-limit', '60', '--json'],
      { env: api.sandboxEnv() },
    );
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { key: string; apiKey: Record<string, unknown> };
    expect(out.key).toMatch(/^sk_sandbox_[0-9a-f]{64}$/);
    expect(out.apiKey).toMatchObject({ name: 'manager', environment: 'sandbox', scopes: ['keys:manage'], expiresAt: '2099-01-31T00:00:00.000Z', rateLimit: 60 });
    expectNoSecret([r.stdout, r.stderr], out.key, 1);
  });

  it('a name another key has is allowed, with a note that names those keys by prefix', async () => {
    const first = await api.sdk().apiKeys.create({ name: 'worker' });
    const r = await dhmad(['keys', 'create', '--name', 'worker'], { env: api.env() });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`Note: ${first.apiKey.keyPrefix} has this name too; name these keys by prefix or id.`);
  });

  it('--env of the other environment is refused before anything is created', async () => {
    const r = await dhmad(['keys', 'create', '--name', 'x', '--env', 'sandbox'], { env: api.env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is a live key, and a key creates keys of its own environment only');
    expect(api.emu.requests.filter((q) => q.method === 'POST')).toEqual([]);
  });

  it('bad input is one line and exit 2: missing --name, a bad date, an unknown scope', async () => {
    for (const [args, says] of [
      [['keys', 'create'], 'needs --name'],
      [['keys', 'create', '--name', 'x', '--expires', 'tomorrow'], 'is not a date'],
      [['keys', 'create', '--name', 'x', '--expires', '2099-02-31'], '--expires "2099-02-31" is not a day of the calendar (2099-02 has no day 31).'],
      [['keys', 'create', '--name', 'x', '--expires', '2020-01-01'], '--expires 2020-01-01 is in the past; a key must expire after now'],
      [['keys', 'create', '--name', 'x', '--scope', 'admin'], '--scope must be keys:manage, not "admin"'],
      [['keys', 'create', '--name', '  '], 'The name must not be empty'],
    ] as const) {
      const r = await dhmad(args, { env: api.env() });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trimEnd().split('\n'), r.stderr).toHaveLength(1);
      expect(r.stderr).toContain(says);
      expect(r.stdout).toBe('');
    }
    expect(api.emu.requests.filter((q) => q.method === 'POST')).toEqual([]);
  });
});

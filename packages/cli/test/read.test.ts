import { beforeEach, describe, expect, it } from 'vitest';
import { prefixOf } from '../../../test/support/keys.js';
import stringWidth from 'string-width';
import { dhmad, dhmadOnTty, expectNoSecret, useEmulator } from './support/cli.js';

const api = useEmulator();

async function create(name: string, scopes: Array<'keys:manage'> = []): Promise<{ key: string; prefix: string; id: string }> {
  const made = await api.sdk().apiKeys.create({ name, scopes });
  return { key: made.key, prefix: made.apiKey.keyPrefix, id: made.apiKey.id };
}

beforeEach(() => api.emu.reset());

describe('dhmad me', () => {
  it('names the key by prefix, its environment and the account, never the secret', async () => {
    const r = await dhmad(['me'], { env: api.env() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Key:         ${prefixOf(api.emu.bootstrapKeys.live)} "Emulator bootstrap key (live)"`);
    expect(r.stdout).toContain('Environment: live');
    expect(r.stdout).toMatch(/Account: +developer@example\.com \(Example Corp\)/);
    expectNoSecret([r.stdout, r.stderr]);
  });

  it('--json prints the API object', async () => {
    const r = await dhmad(['me', '--json'], { env: api.sandboxEnv() });
    const out = JSON.parse(r.stdout) as { apiKey: { environment: string; keyPrefix: string }; developer: { email: string } };
    expect(out.apiKey).toMatchObject({ environment: 'sandbox', keyPrefix: prefixOf(api.emu.bootstrapKeys.sandbox) });
    expect(out.developer.email).toBe('developer@example.com');
    expectNoSecret([r.stdout, r.stderr]);
  });

  it('without DHMAD_API_KEY says where the key comes from (exit 2)', async () => {
    const r = await dhmad(['me'], { env: { DHMAD_BASE_URL: api.emu.liveUrl } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^dhmad: DHMAD_API_KEY is not set\. .*never takes a key as a flag\.\n$/);
  });

  it('a regenerated DHMAD_API_KEY gets the reason and what to do, by prefix only (exit 2)', async () => {
    const app = await create('old manager', ['keys:manage']);
    await api.sdk().apiKeys.regenerate(app.id);
    const r = await dhmad(['me'], { env: { DHMAD_API_KEY: app.key, DHMAD_BASE_URL: api.emu.liveUrl } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('put the new one there');
    expectNoSecret([r.stdout, r.stderr]);
  });

  it('an application key (no keys:manage) on a keys command is told which scope it needs', async () => {
    const app = await create('app');
    const r = await dhmad(['keys', 'list'], { env: { DHMAD_API_KEY: app.key, DHMAD_BASE_URL: api.emu.liveUrl } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/keys:manage/);
    expectNoSecret([r.stdout, r.stderr]);
  });

  it('a DHMAD_API_KEY with a trailing newline is refused before anything is sent', async () => {
    const r = await dhmad(['me'], { env: { DHMAD_API_KEY: `${api.emu.bootstrapKeys.live}\n`, DHMAD_BASE_URL: api.emu.liveUrl } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^dhmad: DHMAD_API_KEY: .*trailing whitespace/);
    expectNoSecret([r.stdout, r.stderr]);
  });
});

describe('when the API or the setting is wrong', () => {
  it('DHMAD_BASE_URL that is not a URL is named as such (exit 2)', async () => {
    const r = await dhmad(['keys', 'list'], { env: { ...api.env(), DHMAD_BASE_URL: 'localhost:4010' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^dhmad: DHMAD_BASE_URL "localhost:4010" is not an http\(s\) URL: .*or unset it for dhmad\.tn\.\n$/);
  });

  it('a failing API (5xx after the retries) says so, that nothing here is wrong, and gives the request id', async () => {
    api.emu.injectFault({ status: 503, match: { path: '/api-keys' }, times: Infinity });
    const r = await dhmad(['keys', 'list'], { env: api.env() });
    api.emu.clearFaults();
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.filter((l) => /retrying in \d+ ms/.test(l))).toHaveLength(2);
    expect(r.stderr).not.toContain('[dhmad]');
    expect(lines.at(-1)).toMatch(/^dhmad: The DHMAD API failed \(503 Service Unavailable\): .* Nothing here is wrong: try again in a minute; if it keeps failing, give DHMAD support the request id \S+\.$/);
  });

  it('a request the API never answers is given up after 20 s and retried, saying so', async () => {
    api.emu.injectFault({ hang: true, match: { path: '/api-keys' }, times: 1 });
    const started = Date.now();
    const r = await dhmad(['keys', 'list'], { env: api.env() });
    expect(r.code, r.stderr).toBe(0);
    expect(Date.now() - started).toBeLessThan(40_000);
    expect(r.stderr).toMatch(/^dhmad: .*timed out.*Retrying in \d+ ms/im);
    expect(r.stdout).toContain('Emulator bootstrap key (live)');
  }, 60_000);
});

describe('dhmad keys list', () => {
  it("is the dashboard's table: name, environment, prefix, created, last used, active", async () => {
    const a = await create('CI deploys');
    const b = await create('Old worker');
    await api.sdk().apiKeys.deactivate(b.id);
    const r = await dhmad(['keys', 'list'], { env: api.env() });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME +ENVIRONMENT +PREFIX +CREATED +LAST USED \(UTC\) +ACTIVE$/);
    expect(lines.find((l) => l.startsWith('CI deploys'))).toMatch(new RegExp(`^CI deploys +live +${a.prefix} +\\d{4}-\\d\\d-\\d\\d +never +yes$`));
    expect(r.stdout).not.toContain('Old worker');
    const all = await dhmad(['keys', 'list', '--all'], { env: api.env() });
    expect(all.stdout.split('\n').find((l) => l.startsWith('Old worker'))).toMatch(new RegExp(`${b.prefix} .* no$`));
    expectNoSecret([r.stdout, r.stderr, all.stdout, all.stderr]);
  });

  it('columns line up whatever the script of a name: CJK, emoji, a combining accent', async () => {
    const names = ['支付服务', '🔑 deploy', 'cafe\u0301 bar', 'plain'];
    for (const n of names) await create(n);
    const r = await dhmad(['keys', 'list'], { env: api.env() });
    const lines = r.stdout.trimEnd().split('\n');
    // Where the PREFIX column starts, in terminal columns, on every line.
    const starts = lines.map((l) => stringWidth(l.slice(0, l.search(/PREFIX|sk_live_/))));
    expect(new Set(starts).size, r.stdout).toBe(1);
  });

  it('on a terminal the table fits its width, long names cut with …; piped, names are whole', async () => {
    const long = 'checkout service for the european storefront, production';
    await create(long);
    for (const columns of [80, 60]) {
      const r = await dhmadOnTty(['keys', 'list'], { env: api.env(), columns });
      expect(r.code, r.tty).toBe(0);
      const lines = r.tty.trimEnd().split('\n');
      expect(Math.max(...lines.map((l) => stringWidth(l))), r.tty).toBeLessThanOrEqual(columns);
      expect(r.tty).toMatch(/^checkout s.*… +(live +)?sk_live_/m);
      expect(r.tty).toMatch(/^NAME +.*PREFIX +.*LAST USED \(UTC\) +ACTIVE$/m);
    }
    const piped = await dhmad(['keys', 'list'], { env: api.env() });
    expect(piped.stdout).toContain(`${long}  live`);
  });

  it('--json prints the API objects, every page of them, never a secret', async () => {
    const made = await Promise.all(Array.from({ length: 104 }, (_, i) => create(`bulk ${i}`)));
    const r = await dhmad(['keys', 'list', '--json'], { env: api.env() });
    const keys = JSON.parse(r.stdout) as Array<{ keyPrefix: string; id: string; scopes: string[] }>;
    expect(keys).toHaveLength(105);
    expect(keys.map((k) => k.id)).toEqual(expect.arrayContaining(made.map((m) => m.id)));
    expectNoSecret([r.stdout, r.stderr]);
  });
});

describe('dhmad keys show <key>', () => {
  it('finds a key by id, by prefix and by unique name', async () => {
    const k = await create('billing worker');
    for (const ref of [k.id, k.prefix, 'billing worker']) {
      const r = await dhmad(['keys', 'show', ref, '--json'], { env: api.env() });
      expect(r.code, r.stderr).toBe(0);
      expect((JSON.parse(r.stdout) as { id: string }).id).toBe(k.id);
    }
    const text = await dhmad(['keys', 'show', 'billing worker'], { env: api.env() });
    expect(text.stdout).toMatch(/^Name: +billing worker$/m);
    expect(text.stdout).toMatch(new RegExp(`^Prefix: +${k.prefix}$`, 'm'));
    expect(text.stdout).toMatch(/^Scopes: +none \(an application key\)$/m);
    expectNoSecret([text.stdout, text.stderr]);
  });

  it('a name is found however its accents were typed (NFC or NFD), and two names that look the same are ambiguous', async () => {
    const composed = 'caf\u00e9';
    const decomposed = 'cafe\u0301';
    const k = await create(decomposed);
    const found = await dhmad(['keys', 'show', composed, '--json'], { env: api.env() });
    expect(found.code, found.stderr).toBe(0);
    expect((JSON.parse(found.stdout) as { id: string }).id).toBe(k.id);
    const twin = await create(composed);
    const r = await dhmad(['keys', 'show', composed], { env: api.env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`names 2 keys: `);
    expect(r.stderr).toContain(twin.prefix);
    expect(r.stderr).toContain(k.prefix);
  });

  it('a name shaped like a prefix is found by name, and is ambiguous with the key that has that prefix', async () => {
    const prefixShaped = 'sk_' + 'live_' + 'c0ffee';
    const named = await create(prefixShaped);
    const r = await dhmad(['keys', 'show', prefixShaped, '--json'], { env: api.env() });
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { id: string }).id).toBe(named.id);
    const other = await create('other');
    await dhmad(['keys', 'rename', named.id, other.prefix], { env: api.env() });
    const both = await dhmad(['keys', 'show', other.prefix], { env: api.env() });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain(`"${other.prefix}" names 2 keys: `);
  });

  it('an ambiguous name is an error listing the candidates by prefix (exit 2)', async () => {
    const a = await create('worker');
    const b = await create('worker');
    const r = await dhmad(['keys', 'show', 'worker'], { env: api.env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`"worker" names 2 keys: `);
    expect(r.stderr).toContain(a.prefix);
    expect(r.stderr).toContain(b.prefix);
    expect(r.stdout).toBe('');
  });

  it('an unknown name says how to list keys, and suggests a name that differs only in case', async () => {
    await create('Billing Worker');
    const r = await dhmad(['keys', 'show', 'billing worker'], { env: api.env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Did you mean "Billing Worker"');
    const none = await dhmad(['keys', 'show', 'nothing here'], { env: api.env() });
    expect(none.stderr).toContain('dhmad keys list --all');
  });

  it("a key of the other environment is explained, not just missing", async () => {
    const sandboxPrefix = prefixOf(api.emu.bootstrapKeys.sandbox);
    const r = await dhmad(['keys', 'show', sandboxPrefix], { env: api.env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${sandboxPrefix} is a sandbox key, and DHMAD_API_KEY`);
  });

  it('a full secret as the argument is refused without being echoed', async () => {
    const k = await create('pasted');
    const r = await dhmad(['keys', 'show', k.key], { env: api.env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Name the key by its prefix (${k.prefix})`);
    expectNoSecret([r.stdout, r.stderr]);
  });
});

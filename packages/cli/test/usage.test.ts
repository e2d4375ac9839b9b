import { beforeEach, describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { DAY_MS, dayOf, dhmad, dhmadOnTty, expectNoSecret, recordHistory, useEmulator } from './support/cli.js';

const api = useEmulator();
beforeEach(() => api.emu.reset());

/** A key made 40 days ago on the emulator clock, so a 30-day history fits after its creation. */
async function oldKey(name = 'checkout') {
  const made = await api.sdk().apiKeys.create({ name });
  api.emu.advanceTime(40 * DAY_MS);
  return made;
}

interface UsageJson {
  key: { keyPrefix: string };
  usage: { days: Array<{ date: string; requests: number; errors: number }> };
  totals: { requests: number; errors: number; days: number; busiest: { date: string } | null };
  flags: Array<{ rule: string; date: string; message: string }>;
}

async function usageJson(ref: string, extra: string[] = []): Promise<UsageJson> {
  const r = await dhmad(['keys', 'usage', ref, '--json', ...extra], { env: api.env() });
  expect(r.code, r.stderr).toBe(0);
  expectNoSecret([r.stdout, r.stderr]);
  return JSON.parse(r.stdout) as UsageJson;
}

const steady = (n: number, perDay = 100): number[] => Array.from({ length: n }, () => perDay);

describe('dhmad keys usage', () => {
  it('draws one bar per day scaled to the busiest, with the totals, and no flags for a steady key', async () => {
    const k = await oldKey();
    recordHistory(api.emu, k.apiKey.id, [...steady(28), [200, 20], 50]);
    const r = await dhmad(['keys', 'usage', k.apiKey.keyPrefix], { env: api.env() });
    expect(r.code, r.stderr).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => /^\d{4}-\d\d-\d\d {2}/.test(l));
    expect(rows).toHaveLength(30);
    expect(rows[28]).toBe(`${dayOf(api.emu, 1)}  ${'█'.repeat(36)}${'▒'.repeat(4)}  200 req  20 err`);
    expect(rows[0]).toBe(`${dayOf(api.emu, 29)}  ${'█'.repeat(20)}${' '.repeat(20)}  100 req   0 err`);
    expect(rows[29]).toMatch(/^\S+ {2}█{10} {30} {3}50 req {3}0 err$/);
    expect(r.stdout.replace(/\n(?=\S)/g, ' ')).toContain(`Total: 3050 requests, 20 errors (0.7%) in 30 days; busiest ${dayOf(api.emu, 1)} (200); median 100 on the days it was used.`);
    expect(r.stdout).toContain('No flags: usage-spike, error-rate-jump, idle-key-used found nothing.');
    expectNoSecret([r.stdout, r.stderr]);
  });

  it('usage-spike: a day far above the key\'s own baseline, named with its rule', async () => {
    const k = await oldKey();
    recordHistory(api.emu, k.apiKey.id, [...steady(20), 900, ...steady(9)]);
    const out = await usageJson(k.apiKey.keyPrefix);
    expect(out.flags).toEqual([{ rule: 'usage-spike', date: dayOf(api.emu, 9), message: "900 requests, 9.0x the key's median of 100 on the other days it was used" }]);
    const text = await dhmad(['keys', 'usage', k.apiKey.keyPrefix], { env: api.env() });
    expect(text.stdout).toMatch(new RegExp(`^${dayOf(api.emu, 9)} .*◀ usage-spike$`, 'm'));
    expect(text.stdout).toContain('Flags (1):');
    expect(text.stdout).toMatch(/^ {2}usage-spike +a day with at least 5x the median/m);
  });

  it('a busy day that is not 5x the baseline is no spike', async () => {
    const k = await oldKey();
    recordHistory(api.emu, k.apiKey.id, [...steady(20), 450, ...steady(9)]);
    expect((await usageJson(k.apiKey.id)).flags).toEqual([]);
  });

  it('error-rate-jump: a day whose errors jump against the key\'s own rate', async () => {
    const k = await oldKey();
    recordHistory(api.emu, k.apiKey.id, [...Array.from({ length: 25 }, () => [100, 1] as const), [100, 60], ...steady(4)]);
    const out = await usageJson(k.apiKey.id);
    expect(out.flags).toEqual([{ rule: 'error-rate-jump', date: dayOf(api.emu, 4), message: '60% of 100 requests failed, against 0.9% on its other days' }]);
  });

  it('idle-key-used: requests to a deactivated key on the days after', async () => {
    const k = await oldKey('retired');
    recordHistory(api.emu, k.apiKey.id, steady(10));
    await api.sdk().apiKeys.deactivate(k.apiKey.id);
    api.emu.advanceTime(3 * DAY_MS);
    // Its old holders keep calling: real requests, answered 401 inactive, counted as errors.
    for (let i = 0; i < 5; i++) await fetch(`${api.emu.liveUrl}/me`, { headers: { authorization: `Bearer ${k.key}` } });
    const out = await usageJson('retired');
    const today = dayOf(api.emu, 0);
    expect(out.usage.days.at(-1)).toEqual({ date: today, requests: 5, errors: 5 });
    expect(out.flags.map((f) => [f.rule, f.date])).toEqual([['idle-key-used', today]]);
    expect(out.flags[0]!.message).toContain('5 requests to a deactivated key');
  });

  it('idle-key-used: a key silent for two weeks that wakes up', async () => {
    const k = await oldKey();
    recordHistory(api.emu, k.apiKey.id, [...steady(10), ...Array.from({ length: 16 }, () => 0), 30, 0, 0, 0]);
    const out = await usageJson(k.apiKey.id);
    expect(out.flags).toEqual([{ rule: 'idle-key-used', date: dayOf(api.emu, 3), message: '30 requests after 16 days without any: check that the key is used by what it was made for' }]);
  });

  it('--days sets the window; outside 1 to 90 it is a usage error', async () => {
    const k = await oldKey();
    expect((await usageJson(k.apiKey.id, ['--days', '7'])).usage.days).toHaveLength(7);
    for (const days of ['0', '91', 'many']) {
      const r = await dhmad(['keys', 'usage', k.apiKey.id, '--days', days], { env: api.env() });
      expect(r.code, days).toBe(2);
      expect(r.stderr).toContain('--days must be a whole number from 1 to 90.');
    }
  });

  it('colours the bars with FORCE_COLOR, and not with NO_COLOR', async () => {
    const k = await oldKey();
    recordHistory(api.emu, k.apiKey.id, [[10, 5]]);
    const plain = await dhmad(['keys', 'usage', k.apiKey.id, '--days', '1'], { env: api.env() });
    expect(plain.stdout).not.toContain('\u001b[');
    const coloured = await dhmad(['keys', 'usage', k.apiKey.id, '--days', '1'], { env: { ...api.env(), FORCE_COLOR: '1' } });
    expect(coloured.stdout).toContain(`\u001b[31m${'▒'.repeat(20)}\u001b[39m`);
  });

  it('a key with no requests gets one line, not thirty rows of zeros', async () => {
    const k = await oldKey('idle');
    const r = await dhmad(['keys', 'usage', k.apiKey.id], { env: api.env() });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${k.apiKey.keyPrefix} "idle", live\nNo requests in these 30 days (${dayOf(api.emu, 29)} to ${dayOf(api.emu, 0)}, UTC).\nNo flags: usage-spike, error-rate-jump, idle-key-used found nothing.\n`);
  });

  it('three quiet days or more are one line that says how many', async () => {
    const k = await oldKey();
    recordHistory(api.emu, k.apiKey.id, [...steady(5), 0, 0, ...steady(3), ...Array.from({ length: 10 }, () => 0), ...steady(10)]);
    const r = await dhmad(['keys', 'usage', k.apiKey.id], { env: api.env() });
    const rows = r.stdout.split('\n').filter((l) => /^\d{4}-\d\d-\d\d {2}/.test(l));
    expect(rows).toHaveLength(5 + 2 + 3 + 1 + 10);
    expect(rows).toContain(`${dayOf(api.emu, 19)}  · no requests for 10 days, to ${dayOf(api.emu, 10)}`);
    expect(rows.filter((l) => / 0 req/.test(l))).toHaveLength(2);
  });

  it('fits 80 columns piped and the terminal width on a terminal, flags and rules included', async () => {
    const k = await oldKey();
    recordHistory(api.emu, k.apiKey.id, [...Array.from({ length: 25 }, () => [100, 1] as const), [1450, 900], ...steady(4)]);
    const piped = await dhmad(['keys', 'usage', k.apiKey.id], { env: api.env() });
    expect(piped.stdout).toMatch(/◀ usage-spike, error-rate-jump$/m);
    expect(Math.max(...piped.stdout.split('\n').map((l) => stringWidth(l))), piped.stdout).toBeLessThanOrEqual(80);
    for (const columns of [100, 60]) {
      const r = await dhmadOnTty(['keys', 'usage', k.apiKey.id], { env: { ...api.env(), NO_COLOR: '1' }, columns });
      expect(r.code, r.tty).toBe(0);
      expect(Math.max(...r.tty.split('\n').map((l) => stringWidth(l))), r.tty).toBeLessThanOrEqual(columns);
      expect(r.tty).toContain('error-rate-jump');
    }
  });

  it('colour on a terminal, none with NO_COLOR or FORCE_COLOR=0', async () => {
    const k = await oldKey();
    recordHistory(api.emu, k.apiKey.id, [[10, 5]]);
    const args = ['keys', 'usage', k.apiKey.id, '--days', '1'];
    // The test environment sets NO_COLOR; empty, it counts as unset (no-color.org).
    expect((await dhmadOnTty(args, { env: { ...api.env(), NO_COLOR: '' } })).tty).toContain('\u001b[31m');
    expect((await dhmadOnTty(args, { env: { ...api.env(), NO_COLOR: '1' } })).tty).not.toContain('\u001b[');
    expect((await dhmadOnTty(args, { env: { ...api.env(), NO_COLOR: '', FORCE_COLOR: '0' } })).tty).not.toContain('\u001b[');
  });

  it('counts the requests the key really sent', async () => {
    const k = await api.sdk().apiKeys.create({ name: 'fresh' });
    for (let i = 0; i < 3; i++) await fetch(`${api.emu.liveUrl}/me`, { headers: { authorization: `Bearer ${k.key}` } });
    const out = await usageJson('fresh', ['--days', '1']);
    expect(out.totals).toMatchObject({ requests: 3, errors: 0, days: 1 });
  });
});

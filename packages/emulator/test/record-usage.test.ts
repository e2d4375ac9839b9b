import { describe, expect, it } from 'vitest';
import { call, createKey, emulator } from './helpers.js';

const clock = () => new Date('2030-03-10T08:00:00.000Z');

describe('recordUsage: usage on a key without sending the requests', () => {
  it('adds to the day GET /usage reports, on top of real requests, and moves lastUsedAt forward', async () => {
    const emu = await emulator({ now: clock });
    const { apiKey, key } = await createKey(emu);
    await call(`${emu.liveUrl}/me`, { key });
    expect(emu.recordUsage(apiKey.id, { date: '2030-03-08', requests: 5000, errors: 40 })).toEqual({
      keyId: apiKey.id,
      date: '2030-03-08',
      requests: 5000,
      errors: 40,
    });
    expect(emu.recordUsage(apiKey.id, { requests: 9 })).toEqual({ keyId: apiKey.id, date: '2030-03-10', requests: 10, errors: 0 });
    const usage = await call(`${emu.liveUrl}/api-keys/${apiKey.id}/usage?days=3`, { key: emu.bootstrapKeys.live });
    expect(usage.body.usage).toEqual({
      keyId: apiKey.id,
      days: [
        { date: '2030-03-08', requests: 5000, errors: 40 },
        { date: '2030-03-09', requests: 0, errors: 0 },
        { date: '2030-03-10', requests: 10, errors: 0 },
      ],
      total: 5010,
    });
    const shown = await call(`${emu.liveUrl}/api-keys/${apiKey.id}`, { key: emu.bootstrapKeys.live });
    expect(shown.body.apiKey.lastUsedAt).toBe('2030-03-10T08:00:00.000Z');
  });

  it('sets lastUsedAt to the end of a past day for a key never used, and never moves it back', async () => {
    const emu = await emulator({ now: clock });
    const { apiKey } = await createKey(emu);
    emu.recordUsage(apiKey.id, { date: '2030-03-05', requests: 1 });
    const url = `${emu.liveUrl}/api-keys/${apiKey.id}`;
    expect((await call(url, { key: emu.bootstrapKeys.live })).body.apiKey.lastUsedAt).toBe('2030-03-05T23:59:59.999Z');
    emu.recordUsage(apiKey.id, { date: '2030-03-01', requests: 1 });
    emu.recordUsage(apiKey.id, { date: '2030-03-07', requests: 0 });
    expect((await call(url, { key: emu.bootstrapKeys.live })).body.apiKey.lastUsedAt).toBe('2030-03-05T23:59:59.999Z');
  });

  it('refuses an unknown key, a day that does not exist or is still to come, and bad counts, saying which', async () => {
    const emu = await emulator({ now: clock });
    const { apiKey } = await createKey(emu);
    expect(() => emu.recordUsage('0123456789abcdef01234567', { requests: 1 })).toThrow(/no key with id "0123456789abcdef01234567"/);
    expect(() => emu.recordUsage(apiKey.id, { date: '2030-02-30', requests: 1 })).toThrow('date must be a UTC day, YYYY-MM-DD');
    expect(() => emu.recordUsage(apiKey.id, { date: '2030-03-11', requests: 1 })).toThrow('date must not be after today (2030-03-10 on the emulator clock)');
    expect(() => emu.recordUsage(apiKey.id, { requests: -1 })).toThrow('requests must be a whole number >= 0');
    expect(() => emu.recordUsage(apiKey.id, { requests: 2, errors: 3 })).toThrow('errors must not exceed requests');
    expect(() => emu.recordUsage(apiKey.id, { requests: 1, day: '2030-03-01' } as never)).toThrow('unknown field day');
    const usage = await call(`${emu.liveUrl}/api-keys/${apiKey.id}/usage?days=1`, { key: emu.bootstrapKeys.live });
    expect(usage.body.usage.total).toBe(0);
  });
});

describe('POST /__emulator/usage', () => {
  it('records usage over HTTP and answers with the day\'s totals; 400 names what is wrong', async () => {
    const emu = await emulator({ now: clock });
    const { apiKey } = await createKey(emu, { name: 'watched' }, 'sandbox');
    const origin = new URL(emu.liveUrl).origin;
    const res = await call(`${origin}/__emulator/usage`, { method: 'POST', body: { keyId: apiKey.id, date: '2030-03-09', requests: 700, errors: 7 } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ usage: { keyId: apiKey.id, date: '2030-03-09', requests: 700, errors: 7 } });
    const usage = await call(`${emu.sandboxUrl}/api-keys/${apiKey.id}/usage?days=2`, { key: emu.bootstrapKeys.sandbox });
    expect(usage.body.usage.days[0]).toEqual({ date: '2030-03-09', requests: 700, errors: 7 });

    const bad = await call(`${origin}/__emulator/usage`, { method: 'POST', body: { keyId: apiKey.id, requests: 'many' } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('recordUsage: requests must be a whole number >= 0');
    const unknown = await call(`${origin}/__emulator/usage`, { method: 'POST', body: { requests: 1 } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toMatch(/no key with id "undefined"/);
    expect((await call(`${origin}/__emulator/usage`, { method: 'POST', raw: '[1]' })).status).toBe(400);
  });
});

import { describe, expect, it } from 'vitest';
import { call, createKey, emulator } from './helpers.js';

describe('per-key rateLimit', () => {
  it('answers 429 with retryAfter and Retry-After past the key\'s limit, until the minute is over', async () => {
    const emu = await emulator({ now: () => new Date('2030-01-01T00:00:00Z') });
    const limited = await createKey(emu, { name: 'tight', rateLimit: 3 });
    for (let i = 0; i < 3; i++) expect((await call(`${emu.liveUrl}/me`, { key: limited.key })).status).toBe(200);
    emu.advanceTime(20_000);
    const over = await call(`${emu.liveUrl}/me`, { key: limited.key });
    expect(over.status).toBe(429);
    expect(over.body).toMatchObject({ error: 'Too Many Requests', retryAfter: 40 });
    expect(over.body.message).toMatch(new RegExp(`key ${limited.apiKey.keyPrefix}: its limit is 3 per minute`));
    expect(over.headers.get('retry-after')).toBe('40');
    // Other keys have their own budget.
    expect((await call(`${emu.liveUrl}/me`, { key: emu.bootstrapKeys.live })).status).toBe(200);
    emu.advanceTime(40_000);
    expect((await call(`${emu.liveUrl}/me`, { key: limited.key })).status).toBe(200);
  });

  it('follows a rateLimit changed by PATCH, and counts 429s as errors in usage', async () => {
    const emu = await emulator();
    const k = await createKey(emu, { name: 'k', rateLimit: 1 });
    await call(`${emu.liveUrl}/me`, { key: k.key });
    expect((await call(`${emu.liveUrl}/me`, { key: k.key })).status).toBe(429);
    await call(`${emu.liveUrl}/api-keys/${k.apiKey.id}`, { method: 'PATCH', key: emu.bootstrapKeys.live, body: { rateLimit: 5 } });
    expect((await call(`${emu.liveUrl}/me`, { key: k.key })).status).toBe(200);
    const usage = await call(`${emu.liveUrl}/api-keys/${k.apiKey.id}/usage?days=1`, { key: emu.bootstrapKeys.live });
    expect(usage.body.usage.days[0]).toMatchObject({ requests: 3, errors: 1 });
  });

  it('can be switched off with keyRateLimits: false', async () => {
    const emu = await emulator({ keyRateLimits: false });
    const k = await createKey(emu, { name: 'k', rateLimit: 1 });
    for (let i = 0; i < 3; i++) expect((await call(`${emu.liveUrl}/me`, { key: k.key })).status).toBe(200);
  });
});

describe('per-IP limit (ipRateLimit)', () => {
  it('is off by default, so test suites are not throttled', async () => {
    const emu = await emulator();
    const statuses = new Set<number>();
    for (let i = 0; i < 120; i++) statuses.add((await call(`${emu.liveUrl}/me`, { key: emu.bootstrapKeys.live })).status);
    expect([...statuses]).toEqual([200]);
  });

  it('when set, limits every request from one IP, authenticated or not, per environment', async () => {
    const emu = await emulator({ ipRateLimit: 2 });
    expect((await call(`${emu.liveUrl}/me`)).status).toBe(401);
    expect((await call(`${emu.liveUrl}/me`, { key: emu.bootstrapKeys.live })).status).toBe(200);
    const over = await call(`${emu.liveUrl}/me`, { key: emu.bootstrapKeys.live });
    expect(over.status).toBe(429);
    expect(over.body).toMatchObject({ retryAfter: 60, message: expect.stringMatching(/limit is 2 per minute/) });
    expect(over.headers.get('retry-after')).toBe('60');
    expect((await call(`${emu.sandboxUrl}/me`, { key: emu.bootstrapKeys.sandbox })).status).toBe(200);
    emu.advanceTime(60_000);
    expect((await call(`${emu.liveUrl}/me`, { key: emu.bootstrapKeys.live })).status).toBe(200);
  });

  it('refuses a nonsensical limit', async () => {
    await expect(emulator({ ipRateLimit: 0 })).rejects.toThrow(/ipRateLimit must be a whole number/);
  });
});

import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { call, createKey, emulator, fakeKey, type Res } from './helpers.js';

const hex = () => randomBytes(32).toString('hex');

function expect401(res: Res, reason: string, message: RegExp, secret?: string): void {
  expect(res.status).toBe(401);
  expect(res.body).toMatchObject({ error: 'Unauthorized', details: { reason } });
  expect(res.body.message).toMatch(message);
  expect(res.headers.get('x-request-id')).toBeTruthy();
  if (secret) expect(JSON.stringify(res.body)).not.toContain(secret.slice(-58));
}

describe('authentication headers', () => {
  it('accepts Authorization: Bearer and X-API-Key alike', async () => {
    const emu = await emulator();
    expect((await call(`${emu.liveUrl}/me`, { key: emu.bootstrapKeys.live })).status).toBe(200);
    expect((await call(`${emu.liveUrl}/me`, { headers: { 'x-api-key': emu.bootstrapKeys.live } })).status).toBe(200);
    expect((await call(`${emu.liveUrl}/me`, { headers: { authorization: `bearer ${emu.bootstrapKeys.live}` } })).status).toBe(200);
  });

  it('updates lastUsedAt on use, on the emulator clock', async () => {
    const emu = await emulator({ now: () => new Date('2030-05-01T10:00:00Z') });
    const created = await createKey(emu);
    expect(created.apiKey.lastUsedAt).toBeNull();
    emu.advanceTime(90_000);
    const me = await call(`${emu.liveUrl}/me`, { key: created.key });
    expect(me.body.apiKey.lastUsedAt).toBe('2030-05-01T10:01:30.000Z');
    const listed = await call(`${emu.liveUrl}/api-keys/${created.apiKey.id}`, { key: emu.bootstrapKeys.live });
    expect(listed.body.apiKey.lastUsedAt).toBe('2030-05-01T10:01:30.000Z');
  });
});

describe('every 401 case has its own reason and message', () => {
  it('missing: no header at all, or "Bearer" with nothing after it', async () => {
    const emu = await emulator();
    expect401(await call(`${emu.liveUrl}/me`), 'missing', /^Missing API key.*Authorization: Bearer sk_live_/);
    expect401(await call(`${emu.liveUrl}/me`, { headers: { authorization: 'Bearer' } }), 'missing', /no key follows/);
  });

  it('malformed: surrounding whitespace, with a hint', async () => {
    const emu = await emulator();
    const key = emu.bootstrapKeys.live;
    // HTTP strips whitespace at the ends of a header value; a double space after "Bearer" survives, as a key with a leading space.
    const res = await call(`${emu.liveUrl}/me`, { headers: { authorization: `Bearer  ${key}` } });
    expect401(res, 'malformed', /leading whitespace/, key);
  });

  it('malformed: surrounding quotes, with a hint', async () => {
    const emu = await emulator();
    const key = emu.bootstrapKeys.live;
    expect401(await call(`${emu.liveUrl}/me`, { headers: { 'x-api-key': `"${key}"` } }), 'malformed', /wrapped in quotes/, key);
    expect401(await call(`${emu.liveUrl}/me`, { headers: { authorization: `Bearer '${key}'` } }), 'malformed', /quotes/, key);
  });

  it('malformed: truncated, not hex, not a DHMAD key, or not a Bearer credential', async () => {
    const emu = await emulator();
    const key = emu.bootstrapKeys.live;
    expect401(await call(`${emu.liveUrl}/me`, { key: key.slice(0, -1) }), 'malformed', /64 hex characters.*has 63/);
    expect401(await call(`${emu.liveUrl}/me`, { key: `${key.slice(0, -1)}z` }), 'malformed', /other characters/);
    expect401(await call(`${emu.liveUrl}/me`, { key: 'pk_test_123' }), 'malformed', /start with sk_live_ or sk_sandbox_/);
    expect401(await call(`${emu.liveUrl}/me`, { headers: { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` } }), 'malformed', /"Basic" credential/);
    expect401(await call(`${emu.liveUrl}/me`, { headers: { authorization: key } }), 'malformed', /must be "Bearer <key>"/, key);
  });

  it('unknown: well-formed but never issued, or a placeholder', async () => {
    const emu = await emulator();
    const key = fakeKey('live', hex());
    expect401(await call(`${emu.liveUrl}/me`, { key }), 'unknown', new RegExp(`^Invalid or expired API key: no live key ${key.slice(0, 14)} exists`), key);
    expect401(await call(`${emu.liveUrl}/me`, { key: fakeKey('live', '0'.repeat(64)) }), 'unknown', /placeholder/);
  });

  it('unknown: a deleted key says it was deleted', async () => {
    const emu = await emulator();
    const created = await createKey(emu);
    expect((await call(`${emu.liveUrl}/api-keys/${created.apiKey.id}`, { method: 'DELETE', key: emu.bootstrapKeys.live })).status).toBe(200);
    expect401(await call(`${emu.liveUrl}/me`, { key: created.key }), 'unknown', /was deleted/, created.key);
  });

  it('inactive: until reactivated', async () => {
    const emu = await emulator();
    const created = await createKey(emu, { name: 'ci' });
    const url = `${emu.liveUrl}/api-keys/${created.apiKey.id}`;
    await call(url, { method: 'PATCH', key: emu.bootstrapKeys.live, body: { isActive: false } });
    expect401(await call(`${emu.liveUrl}/me`, { key: created.key }), 'inactive', /is inactive\. Reactivate it/, created.key);
    await call(url, { method: 'PATCH', key: emu.bootstrapKeys.live, body: { isActive: true } });
    expect((await call(`${emu.liveUrl}/me`, { key: created.key })).status).toBe(200);
  });

  it('expired: once the emulator clock passes expiresAt', async () => {
    const emu = await emulator({ now: () => new Date('2030-01-01T00:00:00Z') });
    const created = await createKey(emu, { name: 'short-lived', expiresAt: '2030-01-01T01:00:00Z' });
    expect((await call(`${emu.liveUrl}/me`, { key: created.key })).status).toBe(200);
    emu.advanceTime(60 * 60 * 1000);
    expect401(await call(`${emu.liveUrl}/me`, { key: created.key }), 'expired', /expired at 2030-01-01T01:00:00\.000Z/, created.key);
  });

  it('regenerated: the old secret is refused at once with its own reason; the new one works', async () => {
    const emu = await emulator();
    const created = await createKey(emu);
    const regen = await call(`${emu.liveUrl}/api-keys/${created.apiKey.id}/regenerate`, { method: 'POST', key: emu.bootstrapKeys.live });
    expect(regen.status).toBe(200);
    expect401(await call(`${emu.liveUrl}/me`, { key: created.key }), 'regenerated', /replaced when the key was regenerated/, created.key);
    expect((await call(`${emu.liveUrl}/me`, { key: regen.body.key })).status).toBe(200);
    // Every earlier secret stays recognised, not only the last one.
    const again = await call(`${emu.liveUrl}/api-keys/${created.apiKey.id}/regenerate`, { method: 'POST', key: emu.bootstrapKeys.live });
    expect401(await call(`${emu.liveUrl}/me`, { key: created.key }), 'regenerated', /regenerated/);
    expect401(await call(`${emu.liveUrl}/me`, { key: regen.body.key }), 'regenerated', /regenerated/);
    expect((await call(`${emu.liveUrl}/me`, { key: again.body.key })).status).toBe(200);
  });

  it('wrong_environment: names the host and the key type to use, both ways', async () => {
    const emu = await emulator();
    const onSandbox = await call(`${emu.sandboxUrl}/me`, { key: emu.bootstrapKeys.live });
    expect401(onSandbox, 'wrong_environment', /This is a live key \(sk_live_\.\.\.\).*is the sandbox API\. Use a sk_sandbox_ key here/, emu.bootstrapKeys.live);
    expect(onSandbox.body.message).toContain(new URL(emu.sandboxUrl).host);
    const onLive = await call(`${emu.liveUrl}/me`, { key: emu.bootstrapKeys.sandbox });
    expect401(onLive, 'wrong_environment', /sandbox key.*is the live API\. Use a sk_live_ key here/, emu.bootstrapKeys.sandbox);
    expect(onLive.body.message).toContain(new URL(emu.liveUrl).host);
    // An unknown key of the wrong environment is still a wrong-environment problem: that is the fix the user needs.
    expect401(await call(`${emu.liveUrl}/me`, { key: fakeKey('sandbox', hex()) }), 'wrong_environment', /sandbox key/);
  });

  it('refuses failing requests on the key-management routes too, before anything else', async () => {
    const emu = await emulator();
    const res = await call(`${emu.liveUrl}/api-keys`, { method: 'POST', body: { name: 'x' } });
    expect401(res, 'missing', /Missing API key/);
    expect(emu.requests.at(-1)).toMatchObject({ method: 'POST', status: 401, keyPrefix: null });
  });
});

describe('secrets never come back', () => {
  it('no answer or request-log entry holds a secret, wherever the client put it', async () => {
    const emu = await emulator();
    const secret = (await createKey(emu, { name: 'victim' })).key;
    const live = emu.bootstrapKeys.live;
    const answers = [
      await call(`${emu.liveUrl}/me`, { headers: { 'x-api-key': `'${secret}'` } }),
      await call(`${emu.liveUrl}/me`, { headers: { authorization: `Token ${secret}` } }),
      await call(`${emu.liveUrl}/me`, { headers: { authorization: `Bearer ${secret}x` } }),
      await call(`${emu.sandboxUrl}/me`, { key: secret }),
      await call(`${emu.liveUrl}/api-keys/${secret}`, { key: live }),
      await call(`${emu.liveUrl}/${secret}?key=${secret}`, { key: live }),
      await call(`${emu.liveUrl}/api-keys?limit=${secret}`, { key: live }),
      await call(`${emu.liveUrl}/api-keys`, { method: 'POST', key: live, body: { name: secret, scopes: [secret], metadata: { k: secret } } }),
      await call(`${emu.liveUrl}/api-keys`, { method: 'POST', key: live, raw: `{"name": ${secret}}` }),
      await call(`${emu.liveUrl}/api-keys`, { method: 'POST', key: live, body: { name: 'x', [secret]: 1 } }),
      await call(`${emu.liveUrl}/api-keys`, { method: 'POST', key: live, body: { name: 'ok' }, headers: { 'idempotency-key': secret } }),
    ];
    for (const res of answers.slice(0, -1)) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(JSON.stringify(res.body)).not.toContain(secret.slice(-58));
    }
    expect(JSON.stringify(emu.requests)).not.toContain(secret.slice(-58));
  });
});

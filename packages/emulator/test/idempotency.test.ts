import { describe, expect, it } from 'vitest';
import { call, createKey, emulator } from './helpers.js';

function create(url: string, key: string, idempotencyKey: string, body: unknown = { name: 'deploy' }) {
  return call(`${url}/api-keys`, { method: 'POST', key, body, headers: { 'idempotency-key': idempotencyKey } });
}

describe('Idempotency-Key on POST', () => {
  it('replays the first response (status, body, Idempotent-Replayed) and mints one key', async () => {
    const emu = await emulator();
    const first = await create(emu.liveUrl, emu.bootstrapKeys.live, 'idem-1');
    const second = await create(emu.liveUrl, emu.bootstrapKeys.live, 'idem-1');
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
    const list = await call(`${emu.liveUrl}/api-keys`, { key: emu.bootstrapKeys.live });
    expect(list.body.apiKeys.filter((k: { name: string }) => k.name === 'deploy')).toHaveLength(1);
  });

  it('treats the same fields in another order as the same request', async () => {
    const emu = await emulator();
    await call(`${emu.liveUrl}/api-keys`, { method: 'POST', key: emu.bootstrapKeys.live, raw: '{"name":"a","rateLimit":5}', headers: { 'idempotency-key': 'k' } });
    const again = await call(`${emu.liveUrl}/api-keys`, { method: 'POST', key: emu.bootstrapKeys.live, raw: '{"rateLimit":5,"name":"a"}', headers: { 'idempotency-key': 'k' } });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });

  it('answers 409 when the same key comes with a different body or path', async () => {
    const emu = await emulator();
    await create(emu.liveUrl, emu.bootstrapKeys.live, 'idem-2', { name: 'one' });
    const conflict = await create(emu.liveUrl, emu.bootstrapKeys.live, 'idem-2', { name: 'two' });
    expect(conflict.status).toBe(409);
    expect(conflict.body).toMatchObject({ error: 'Conflict', details: { 'Idempotency-Key': 'reused with a different request' } });
    expect(conflict.body.message).toMatch(/Use a new Idempotency-Key/);
    const created = await createKey(emu);
    const regen = await call(`${emu.liveUrl}/api-keys/${created.apiKey.id}/regenerate`, { method: 'POST', key: emu.bootstrapKeys.live, headers: { 'idempotency-key': 'idem-2' } });
    expect(regen.status).toBe(409);
  });

  it('replays a regenerate, so a retried rotation does not kill the secret it just got', async () => {
    const emu = await emulator();
    const created = await createKey(emu);
    const url = `${emu.liveUrl}/api-keys/${created.apiKey.id}/regenerate`;
    const first = await call(url, { method: 'POST', key: emu.bootstrapKeys.live, headers: { 'idempotency-key': 'rot-1' } });
    const retry = await call(url, { method: 'POST', key: emu.bootstrapKeys.live, headers: { 'idempotency-key': 'rot-1' } });
    expect(retry.body.key).toBe(first.body.key);
    expect((await call(`${emu.liveUrl}/me`, { key: first.body.key })).status).toBe(200);
  });

  it('makes a lost create response safe to retry: exactly one key minted', async () => {
    const emu = await emulator();
    emu.injectFault({ dropResponse: true, match: { method: 'POST', path: '/api-keys' } });
    const lost = await fetch(`${emu.liveUrl}/api-keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${emu.bootstrapKeys.live}`, 'content-type': 'application/json', 'idempotency-key': 'lost-1' },
      body: JSON.stringify({ name: 'once' }),
    }).catch((e: unknown) => e);
    expect(lost).toBeInstanceOf(Error);
    const retry = await create(emu.liveUrl, emu.bootstrapKeys.live, 'lost-1', { name: 'once' });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect((await call(`${emu.liveUrl}/me`, { key: retry.body.key })).status).toBe(200);
    const list = await call(`${emu.liveUrl}/api-keys`, { key: emu.bootstrapKeys.live });
    expect(list.body.apiKeys.filter((k: { name: string }) => k.name === 'once')).toHaveLength(1);
    expect(emu.requests.filter((r) => r.method === 'POST').map((r) => r.idempotencyKey)).toEqual(['lost-1', 'lost-1']);
  });

  it('is scoped per API key: another key with the same Idempotency-Key gets its own result', async () => {
    const emu = await emulator();
    const manager = await createKey(emu, { name: 'bot', scopes: ['keys:manage'] });
    const a = await create(emu.liveUrl, emu.bootstrapKeys.live, 'shared');
    const b = await create(emu.liveUrl, manager.key, 'shared');
    expect(b.status).toBe(201);
    expect(b.headers.get('idempotent-replayed')).toBeNull();
    expect(b.body.apiKey.id).not.toBe(a.body.apiKey.id);
  });

  it('forgets after 24 hours on the emulator clock', async () => {
    const emu = await emulator({ now: () => new Date('2030-01-01T00:00:00Z') });
    const first = await create(emu.liveUrl, emu.bootstrapKeys.live, 'day');
    emu.advanceTime(24 * 60 * 60 * 1000 - 1);
    expect((await create(emu.liveUrl, emu.bootstrapKeys.live, 'day')).body.apiKey.id).toBe(first.body.apiKey.id);
    emu.advanceTime(1);
    const fresh = await create(emu.liveUrl, emu.bootstrapKeys.live, 'day');
    expect(fresh.headers.get('idempotent-replayed')).toBeNull();
    expect(fresh.body.apiKey.id).not.toBe(first.body.apiKey.id);
  });

  it('does not store failures: a corrected retry with the same key goes through', async () => {
    const emu = await emulator();
    const bad = await create(emu.liveUrl, emu.bootstrapKeys.live, 'fix-me', { name: '' });
    expect(bad.status).toBe(400);
    const good = await create(emu.liveUrl, emu.bootstrapKeys.live, 'fix-me', { name: 'fixed' });
    expect(good.status).toBe(201);
    const tooLong = await create(emu.liveUrl, emu.bootstrapKeys.live, 'x'.repeat(256));
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.details).toEqual({ 'Idempotency-Key': 'must be 1 to 255 characters' });
  });
});

import { describe, expect, it } from 'vitest';
import { respond, type ApiRequest } from '../src/pipeline.js';
import { EmulatorState } from '../src/state.js';
import type { Json } from './helpers.js';

// The request pipeline on its own: no listener, no socket, no fetch.
function send(state: EmulatorState, req: Partial<ApiRequest> & { key?: string; json?: unknown }) {
  const { key, json, ...rest } = req;
  const headers = { ...rest.headers, ...(key ? { authorization: `Bearer ${key}` } : {}) };
  const body = json === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(json));
  const answer = respond(state, { environment: 'live', method: 'GET', path: '/api/v1/me', remoteAddress: '127.0.0.1', ...rest, headers, body });
  return { ...answer, body: answer.reply.body as Json };
}

describe('the request pipeline, without sockets', () => {
  it('authenticates, runs the handler and names the key for the request log', () => {
    const state = new EmulatorState({});
    const me = send(state, { key: state.bootstrapKeys.live });
    expect(me.reply.status).toBe(200);
    expect(me.keyPrefix).toBe(state.bootstrapKeys.live.slice(0, 14));
    expect(me.body.apiKey.environment).toBe('live');
    const anonymous = send(state, {});
    expect(anonymous.reply.status).toBe(401);
    expect(anonymous.keyPrefix).toBeNull();
    expect(anonymous.body.details).toEqual({ reason: 'missing' });
  });

  it('changes state: a created secret works on the next request, a regenerated one stops at once', () => {
    const state = new EmulatorState({});
    const admin = state.bootstrapKeys.live;
    const created = send(state, { method: 'POST', path: '/api/v1/api-keys', key: admin, json: { name: 'worker' } });
    expect(created.reply.status).toBe(201);
    expect(send(state, { key: created.body.key }).reply.status).toBe(200);
    send(state, { method: 'POST', path: `/api/v1/api-keys/${created.body.apiKey.id}/regenerate`, key: admin });
    expect(send(state, { key: created.body.key }).body.details).toEqual({ reason: 'regenerated' });
  });

  it('replays an idempotent POST and validates bodies and queries against openapi.yaml', () => {
    const state = new EmulatorState({});
    const admin = state.bootstrapKeys.live;
    const post = { method: 'POST', path: '/api/v1/api-keys', key: admin, json: { name: 'once' }, headers: { 'idempotency-key': 'k1' } };
    const first = send(state, post);
    const again = send(state, post);
    expect(again.reply.headers).toMatchObject({ 'Idempotent-Replayed': 'true' });
    expect(again.body.key).toBe(first.body.key);
    expect(send(state, { path: '/api/v1/api-keys?limit=500', key: admin }).body.details).toEqual({ limit: 'must be at most 100' });
    expect(send(state, { method: 'POST', path: '/api/v1/api-keys', key: admin, json: { name: '' } }).body.details).toEqual({ name: 'must not be empty' });
  });

  it('routes: 404 outside the API and for unknown paths, 405 with Allow', () => {
    const state = new EmulatorState({});
    expect(send(state, { path: '/me' }).reply.status).toBe(404);
    expect(send(state, { path: '/api/v1/escrows' }).reply.status).toBe(404);
    const wrong = send(state, { method: 'DELETE' });
    expect(wrong.reply).toMatchObject({ status: 405, headers: { Allow: 'GET' } });
  });

  it('limits per client address when ipRateLimit is set, on the emulator clock', () => {
    const state = new EmulatorState({ ipRateLimit: 2 });
    const key = state.bootstrapKeys.live;
    const from = (remoteAddress: string) => send(state, { key, remoteAddress }).reply.status;
    expect([from('10.0.0.1'), from('10.0.0.1'), from('10.0.0.1'), from('10.0.0.2')]).toEqual([200, 200, 429, 200]);
    state.advanceTime(60_000);
    expect(from('10.0.0.1')).toBe(200);
  });
});

import { describe, expect, it } from 'vitest';
import { call, emulator, rawRequest as raw } from './helpers.js';

describe('control routes answer only this machine, as dev servers do (DNS rebinding, cross-site requests)', () => {
  it('refuses a cross-site POST /__emulator/reset (text/plain, foreign Origin) with 403, keeping the keys', async () => {
    const emu = await emulator();
    const origin = new URL(emu.liveUrl).origin;
    const before = emu.bootstrapKeys;
    for (const from of ['https://evil.example', 'http://127.0.0.1.evil.example:4010', 'null', 'http://192.168.1.20']) {
      const res = await call(`${origin}/__emulator/reset`, { method: 'POST', raw: '{}', headers: { 'content-type': 'text/plain', origin: from } });
      expect(res.status, from).toBe(403);
      expect(res.body.message, from).toMatch(/refused a request from a web page/);
      expect(JSON.stringify(res.body)).not.toContain(before.live.slice(14));
    }
    expect(emu.bootstrapKeys).toEqual(before);
  });

  it('refuses a Host name other than loopback or the configured host (a rebound DNS name), naming the fix', async () => {
    const emu = await emulator();
    const { port } = new URL(emu.liveUrl);
    const url = `http://127.0.0.1:${port}/__emulator/reset`;
    const rebound = await raw(url, { host: `attacker.example:${port}` }, '{}');
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.text).message).toMatch(/Host "attacker\.example".*allowedHosts/);
    expect(rebound.text).not.toContain('bootstrapKeys');
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `app.localhost:${port}`, `[::1]:${port}`, `10.1.2.3:${port}`]) {
      expect((await raw(`http://127.0.0.1:${port}/__emulator/health`, { host })).status, host).toBe(200);
    }
  });

  it('lets loopback pages, plain clients and the hosts it was told about in', async () => {
    const emu = await emulator({ allowedHosts: ['emulator.internal'] });
    const origin = new URL(emu.liveUrl).origin;
    const { port } = new URL(emu.liveUrl);
    expect((await call(`${origin}/__emulator/reset`, { method: 'POST' })).status).toBe(200);
    for (const from of ['http://localhost:5173', 'http://127.0.0.1:3000', 'http://[::1]:8080', 'http://emulator.internal']) {
      expect((await call(`${origin}/__emulator/health`, { headers: { origin: from } })).status, from).toBe(200);
    }
    expect((await raw(`${origin}/__emulator/health`, { host: `emulator.internal:${port}` })).status).toBe(200);
    expect((await raw(`${origin}/__emulator/health`, { host: `EMULATOR.internal` })).status).toBe(200);
  });

  it('leaves the API itself alone: a key is what protects it', async () => {
    const emu = await emulator();
    const { port } = new URL(emu.liveUrl);
    const me = await raw(`http://127.0.0.1:${port}/api/v1/me`, { host: `dhmad.example:${port}`, authorization: `Bearer ${emu.bootstrapKeys.live}` });
    expect(me.status).toBe(200);
  });
});

describe('fault paths over HTTP are globs, never regular expressions', () => {
  it('refuses pathPattern, so (a+)+$ cannot freeze the emulator, and says what to send instead', async () => {
    const emu = await emulator();
    const origin = new URL(emu.liveUrl).origin;
    const res = await call(`${origin}/__emulator/faults`, { method: 'POST', body: { status: 503, match: { pathPattern: '(a+)+$' } } });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/pathPattern .* glob in match\.path.*\/api-keys\/\*\/regenerate/);
    const slow = `${emu.liveUrl}/${'a'.repeat(40)}!`;
    const started = Date.now();
    expect((await call(slow)).status).toBe(404);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('matches * within one path segment', async () => {
    const emu = await emulator();
    const origin = new URL(emu.liveUrl).origin;
    const added = await call(`${origin}/__emulator/faults`, { method: 'POST', body: { status: 503, times: null, match: { path: '/api-keys/*/regenerate' } } });
    expect(added.status).toBe(201);
    const key = emu.bootstrapKeys.live;
    const id = '0123456789abcdef01234567';
    expect((await call(`${emu.liveUrl}/api-keys/${id}/regenerate`, { method: 'POST', key })).status).toBe(503);
    expect((await call(`${emu.liveUrl}/api-keys/${id}/usage`, { key })).status).toBe(404);
    expect((await call(`${emu.liveUrl}/api-keys/a/b/regenerate`, { method: 'POST', key })).status).toBe(404);
    emu.injectFault({ status: 418, match: { path: '*/me' } });
    expect((await call(`${emu.liveUrl}/me`, { key })).status).toBe(418);
  });
});

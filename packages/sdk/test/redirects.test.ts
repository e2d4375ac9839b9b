import { afterEach, describe, expect, it } from 'vitest';
import { Dhmad } from '../src/index.js';
import { json, makeKey, startStub, type StubServer } from './helpers.js';

const servers: StubServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function stub(...args: Parameters<typeof startStub>): Promise<StubServer> {
  const s = await startStub(...args);
  servers.push(s);
  return s;
}

/** The API at one origin, answering every request with a redirect to `target` (another port: another origin). */
async function redirectingTo(target: () => string, status = 307): Promise<StubServer> {
  return stub((_req, res) => {
    res.writeHead(status, { location: target() });
    res.end();
  });
}

describe('redirects: no credential crosses an origin', () => {
  it('drops Authorization, X-API-Key, Cookie, Proxy-Authorization and any header holding the key (upper-cased too), in any case, on the way to another origin', async () => {
    const key = makeKey('live');
    const elsewhere = await stub((_req, res) => json(res, 200, { ok: true }));
    const api = await redirectingTo(() => `${elsewhere.url}/collect`);
    const dhmad = new Dhmad({
      apiKey: key,
      baseUrl: api.url,
      maxRetries: 0,
      defaultHeaders: { 'X-API-Key': key, 'x-Dhmad-Forwarded': `token ${key}`, 'X-Upper': key.toUpperCase(), COOKIE: 'session=1', 'X-Trace': 'kept' },
    });
    await dhmad.request({
      method: 'post',
      path: '/api-keys',
      body: { name: 'followed' },
      headers: { 'Proxy-Authorization': 'Basic dXNlcjpwYXNz', 'X-Api-Key': key },
    });
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]!.headers['x-api-key']).toBe(key);
    expect(elsewhere.requests).toHaveLength(1);
    const arrived = elsewhere.requests[0]!;
    for (const name of ['authorization', 'x-api-key', 'cookie', 'proxy-authorization', 'x-dhmad-forwarded', 'x-upper']) {
      expect(arrived.headers, name).not.toHaveProperty(name);
    }
    expect(JSON.stringify(arrived).toLowerCase()).not.toContain(key.slice(8));
    // A 307 keeps the method and the body; headers without credentials travel on.
    expect(arrived).toMatchObject({ method: 'POST', url: '/api/v1/collect', body: '{"name":"followed"}' });
    expect(arrived.headers['x-trace']).toBe('kept');
  });

  it('keeps the credentials on a redirect within the same origin', async () => {
    const key = makeKey('live');
    const api = await stub((req, res) => {
      if (req.url === '/api/v1/me') {
        res.writeHead(308, { location: '/api/v1/me/' });
        res.end();
      } else json(res, 200, { ok: true });
    });
    await new Dhmad({ apiKey: key, baseUrl: api.url, maxRetries: 0, defaultHeaders: { 'X-API-Key': key } }).request({ method: 'get', path: '/me' });
    expect(api.requests.map((r) => [r.url, r.headers.authorization, r.headers['x-api-key']])).toEqual([
      ['/api/v1/me', `Bearer ${key}`, key],
      ['/api/v1/me/', `Bearer ${key}`, key],
    ]);
  });

  it('turns a POST into a body-less GET on 303, as fetch does, and stops after 20 hops', async () => {
    const key = makeKey('live');
    const elsewhere = await stub((_req, res) => json(res, 200, { ok: true }));
    const api = await redirectingTo(() => `${elsewhere.url}/done`, 303);
    await new Dhmad({ apiKey: key, baseUrl: api.url, maxRetries: 0 }).request({ method: 'post', path: '/api-keys', body: { name: 'x' } });
    expect(elsewhere.requests[0]).toMatchObject({ method: 'GET', body: '' });
    expect(elsewhere.requests[0]!.headers).not.toHaveProperty('content-type');

    const loop: StubServer = await redirectingTo(() => `${loop.url}/again`);
    const err = await new Dhmad({ apiKey: key, baseUrl: loop.url, maxRetries: 0 }).request({ method: 'get', path: '/me' }).catch((e: unknown) => e);
    expect(String(err)).toMatch(/redirect/i);
    expect(loop.requests).toHaveLength(21);
  });
});

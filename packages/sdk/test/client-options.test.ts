import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import Dhmad, {
  DhmadConfigError,
  DhmadError,
  InvalidApiKeyError,
  LIVE_BASE_URL,
  SANDBOX_BASE_URL,
  VERSION,
} from '../src/index.js';
import { json, makeKey, startStub } from './helpers.js';
import type { StubServer } from './helpers.js';

let stub: StubServer;
beforeAll(async () => {
  stub = await startStub((req, res) => json(res, 200, { path: req.url }));
});
afterAll(() => stub.close());
afterEach(() => {
  vi.unstubAllEnvs();
  stub.requests.length = 0;
});

/** The error the constructor (or first call) throws, after checking nothing reached the server. */
async function refusal(make: () => Promise<unknown>): Promise<InvalidApiKeyError> {
  const err = await make().then(
    () => expect.unreachable('expected the key to be refused'),
    (e: unknown) => e,
  );
  expect(stub.requests).toHaveLength(0);
  expect(err).toBeInstanceOf(InvalidApiKeyError);
  return err as InvalidApiKeyError;
}

describe('pre-send key validation (no request is made)', () => {
  const key = makeKey('live');
  const cases: Array<[string, () => string, InvalidApiKeyError['problem'], RegExp]> = [
    ['a trailing newline', () => `${key}\n`, 'whitespace', /trailing whitespace/],
    ['a leading space', () => ` ${key}`, 'whitespace', /leading whitespace/],
    ['surrounding quotes', () => `"${key}"`, 'quoted', /wrapped in quotes/],
    ['a truncated key', () => key.slice(0, -3), 'wrong_length', /this one has 61/],
    ['a non-hex body', () => `${key.slice(0, -1)}z`, 'not_hex', /other characters/],
    ['a placeholder', () => 'sk_live_' + '0'.repeat(64), 'placeholder', /placeholder/],
    ['a foreign prefix', () => 'pk_live_abc', 'unknown_prefix', /not a DHMAD secret key/],
  ];
  for (const [what, value, problem, message] of cases) {
    it(`refuses ${what} at construction, with its own message`, async () => {
      const err = await refusal(async () => new Dhmad({ apiKey: value(), baseUrl: stub.url }).me.retrieve());
      expect(err.problem).toBe(problem);
      expect(err.message).toMatch(message);
      expect(err.message).toContain('the `apiKey` option');
      expect(err.message).not.toContain(key.slice(14));
    });
  }

  it('refuses a missing key and says where it looked', async () => {
    vi.stubEnv('DHMAD_API_KEY', '');
    const err = await refusal(async () => new Dhmad({ baseUrl: stub.url }).me.retrieve());
    expect(err.problem).toBe('missing');
    expect(err.message).toBe('No DHMAD API key was given. Pass `apiKey` or set the DHMAD_API_KEY environment variable.');
  });

  it('names DHMAD_API_KEY when the bad key came from the environment', async () => {
    vi.stubEnv('DHMAD_API_KEY', `${makeKey('sandbox')} `);
    const err = await refusal(async () => new Dhmad({ baseUrl: stub.url }).me.retrieve());
    expect(err.problem).toBe('whitespace');
    expect(err.message).toContain('the DHMAD_API_KEY environment variable');
  });

  it('refuses a sandbox key for the live host and a live key for the sandbox host', async () => {
    const sandbox = makeKey('sandbox');
    const e1 = await refusal(async () => new Dhmad({ apiKey: sandbox, baseUrl: LIVE_BASE_URL }));
    expect(e1.problem).toBe('wrong_environment');
    expect(e1.environment).toBe('sandbox');
    expect(e1.message).toContain(`A sandbox key (${sandbox.slice(0, 17)}…) cannot be used on the live API`);
    expect(e1.message).toContain('use a live key (sk_live_...)');
    expect(e1.message).not.toContain(sandbox);

    const e2 = await refusal(async () => new Dhmad({ apiKey: makeKey('live'), baseUrl: 'https://sandbox.dhmad.tn/api/v1/' }));
    expect(e2.problem).toBe('wrong_environment');
    expect(e2.message).toMatch(/live key .* cannot be used on the sandbox API/);
    expect(e2.message).toContain('or set the `baseUrl` option to https://dhmad.tn/api/v1 for live');
  });

  it('names DHMAD_BASE_URL as what to change when the wrong host came from the environment', async () => {
    vi.stubEnv('DHMAD_BASE_URL', SANDBOX_BASE_URL);
    const err = await refusal(async () => new Dhmad({ apiKey: makeKey('live') }));
    expect(err.problem).toBe('wrong_environment');
    expect(err.message).toContain('or set DHMAD_BASE_URL to https://dhmad.tn/api/v1 for live');
  });

  it('skips the environment check for hosts it does not know (emulator, proxies)', async () => {
    const client = new Dhmad({ apiKey: makeKey('sandbox'), baseUrl: stub.url });
    await expect(client.me.retrieve()).resolves.toEqual({ path: '/api/v1/me' });
    const live = new Dhmad({ apiKey: makeKey('live'), baseUrl: stub.url });
    await expect(live.me.retrieve()).resolves.toEqual({ path: '/api/v1/me' });
    expect(stub.requests).toHaveLength(2);
  });

  it('checks each key an apiKey function returns, before sending', async () => {
    const client = new Dhmad({ apiKey: async () => `'${makeKey('live')}'`, baseUrl: stub.url });
    const err = await refusal(() => client.me.retrieve());
    expect(err.problem).toBe('quoted');
    expect(err.message).toContain('the `apiKey` function');
  });

  it('is a DhmadConfigError and a DhmadError, so callers can catch configuration problems as one', async () => {
    const err = await refusal(async () => new Dhmad({ apiKey: 'nope', baseUrl: stub.url }));
    expect(err).toBeInstanceOf(DhmadConfigError);
    expect(err).toBeInstanceOf(DhmadError);
    expect(err.name).toBe('InvalidApiKeyError');
    expect(String(err)).toMatch(/^InvalidApiKeyError: /);
  });
});

describe('base URL', () => {
  it('defaults to the live or sandbox API by the key prefix', () => {
    expect(new Dhmad({ apiKey: makeKey('live') }).baseUrl).toBe(LIVE_BASE_URL);
    expect(new Dhmad({ apiKey: makeKey('sandbox') }).baseUrl).toBe(SANDBOX_BASE_URL);
    expect(LIVE_BASE_URL).toBe('https://dhmad.tn/api/v1');
    expect(SANDBOX_BASE_URL).toBe('https://sandbox.dhmad.tn/api/v1');
  });

  it('reads DHMAD_API_KEY and DHMAD_BASE_URL from the environment', async () => {
    const key = makeKey('sandbox');
    vi.stubEnv('DHMAD_API_KEY', key);
    vi.stubEnv('DHMAD_BASE_URL', `${stub.url}/`);
    const client = new Dhmad();
    expect(client.baseUrl).toBe(stub.url);
    await client.me.retrieve();
    expect(stub.requests[0]?.url).toBe('/api/v1/me');
    expect(stub.requests[0]?.headers.authorization).toBe(`Bearer ${key}`);
  });

  it('lets the options win over the environment', () => {
    vi.stubEnv('DHMAD_API_KEY', makeKey('live'));
    vi.stubEnv('DHMAD_BASE_URL', 'http://127.0.0.1:1/api/v1');
    const key = makeKey('sandbox');
    const client = new Dhmad({ apiKey: key, baseUrl: stub.url });
    expect(client.baseUrl).toBe(stub.url);
    expect(client.keyPrefix).toBe(key.slice(0, 17));
  });

  it('refuses a baseUrl that is not an http(s) URL', () => {
    expect(() => new Dhmad({ apiKey: makeKey('live'), baseUrl: 'dhmad.tn/api/v1' })).toThrow(
      /The `baseUrl` option is not a URL: "dhmad.tn\/api\/v1"/,
    );
    expect(() => new Dhmad({ apiKey: makeKey('live'), baseUrl: 'ftp://dhmad.tn' })).toThrow(/must be an http\(s\) URL/);
  });

  it('follows the key an apiKey function returns when no baseUrl is set', async () => {
    const client = new Dhmad({ apiKey: () => makeKey('sandbox'), fetch: async () => Response.json({}) });
    expect(client.baseUrl).toBeUndefined();
    await client.me.retrieve();
    expect(client.baseUrl).toBe(SANDBOX_BASE_URL);
  });
});

describe('options', () => {
  it('refuses nonsense maxRetries, timeout and logLevel with what to do', () => {
    const apiKey = makeKey('live');
    expect(() => new Dhmad({ apiKey, maxRetries: -1 })).toThrow(/`maxRetries` must be a whole number >= 0; got -1/);
    expect(() => new Dhmad({ apiKey, maxRetries: 1.5 })).toThrow(DhmadConfigError);
    expect(() => new Dhmad({ apiKey, timeout: 0 })).toThrow(/`timeout` must be a number of milliseconds > 0/);
    // Beyond setTimeout's range Node fires the timer after 1 ms: every request would time out at once.
    expect(() => new Dhmad({ apiKey, timeout: 2 ** 31 })).toThrow(/`timeout` must be .* <= 2147483647/);
    // @ts-expect-error: a JavaScript caller can pass anything
    expect(() => new Dhmad({ apiKey, logLevel: 'verbose' })).toThrow(/`logLevel` must be one of/);
  });

  it('refuses nonsense per-request maxRetries and timeout before sending', async () => {
    const client = new Dhmad({ apiKey: makeKey('live'), baseUrl: stub.url });
    // NaN used to slip through and retry a failing request forever.
    await expect(client.me.retrieve({ maxRetries: NaN })).rejects.toThrow(/`maxRetries` must be a whole number >= 0; got NaN/);
    await expect(client.me.retrieve({ maxRetries: 1.5 })).rejects.toThrow(DhmadConfigError);
    await expect(client.me.retrieve({ timeout: 2 ** 31 })).rejects.toThrow(/`timeout` must be/);
    expect(stub.requests).toHaveLength(0);
  });

  it('sends defaultHeaders, per-request headers, and lets null remove a header', async () => {
    const client = new Dhmad({ apiKey: makeKey('live'), baseUrl: stub.url, defaultHeaders: { 'X-Team': 'payments' } });
    await client.me.retrieve({ headers: { 'X-Trace': 't1', 'User-Agent': null } });
    const h = stub.requests[0]!.headers;
    expect(h['x-team']).toBe('payments');
    expect(h['x-trace']).toBe('t1');
    // Node's fetch puts its own user agent back when ours is removed.
    expect(h['user-agent']).not.toMatch(/dhmad-sdk-node/);
  });

  it('identifies itself with the package version', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
    await new Dhmad({ apiKey: makeKey('live'), baseUrl: stub.url }).me.retrieve();
    expect(stub.requests[0]!.headers['user-agent']).toBe(`dhmad-sdk-node/${pkg.version} node/${process.version}`);
  });

  it('is exported both as the default and as the named export Dhmad', async () => {
    const mod = await import('../src/index.js');
    expect(mod.default).toBe(mod.Dhmad);
  });
});

describe('an async apiKey function (keys rotating under a running process)', () => {
  it('is called before every request, and each request carries the key it returned then', async () => {
    const keys = [makeKey('live'), makeKey('live')];
    let calls = 0;
    const client = new Dhmad({
      apiKey: async () => {
        calls++;
        await new Promise((r) => setTimeout(r, 1));
        return keys[calls > 1 ? 1 : 0]!;
      },
      baseUrl: stub.url,
    });
    await client.me.retrieve();
    await client.me.retrieve();
    expect(calls).toBe(2);
    expect(stub.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${keys[0]}`, `Bearer ${keys[1]}`]);
    expect(client.keyPrefix).toBe(keys[1]!.slice(0, 14));
  });

  it('wraps a failing function in a DhmadConfigError without sending', async () => {
    const client = new Dhmad({
      apiKey: () => Promise.reject(new Error('vault unreachable')),
      baseUrl: stub.url,
    });
    await expect(client.me.retrieve()).rejects.toThrow(/The `apiKey` function failed: vault unreachable/);
    expect(stub.requests).toHaveLength(0);
  });
});

describe('the key never shows on the client', () => {
  it('util.inspect and JSON.stringify show the keyPrefix only', () => {
    const key = makeKey('sandbox');
    const client = new Dhmad({ apiKey: key, baseUrl: stub.url });
    const shown = [inspect(client), inspect(client, { showHidden: true, depth: 10 }), JSON.stringify(client), inspect(client.apiKeys, { depth: 10 }), inspect({ client })];
    for (const s of shown) {
      expect(s).not.toContain(key.slice(17));
      expect(s).toContain(key.slice(0, 17));
    }
    expect(JSON.parse(JSON.stringify(client))).toEqual({ baseUrl: stub.url, keyPrefix: key.slice(0, 17), maxRetries: 2, timeout: 60_000 });
    expect(inspect(client)).toMatch(/^Dhmad \{/);
  });

  it('has no enumerable property holding the key', () => {
    const key = makeKey('live');
    const client = new Dhmad({ apiKey: key, baseUrl: stub.url });
    const seen = JSON.stringify(Object.entries(client), (_k, v: unknown) => (v instanceof Dhmad ? '[client]' : v));
    expect(seen).not.toContain(key.slice(14));
  });
});

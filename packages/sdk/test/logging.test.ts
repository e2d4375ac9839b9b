import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Dhmad, DhmadConfigError } from '../src/index.js';
import { json, makeKey, recordingLogger, startStub } from './helpers.js';
import type { StubServer } from './helpers.js';

let stub: StubServer;
/**
 * The server echoes keys back everywhere it can: in a created key's secret, in
 * headers, in error messages. A GET always fails with 503; a POST fails the first
 * time its Idempotency-Key is seen and succeeds on the retry.
 */
beforeAll(async () => {
  const seen = new Set<string>();
  stub = await startStub((req, res) => {
    const auth = String(req.headers.authorization ?? req.headers['x-api-key'] ?? '');
    const idem = String(req.headers['idempotency-key'] ?? '');
    const firstTime = req.method === 'GET' || !seen.has(idem);
    seen.add(idem);
    if (firstTime) return json(res, 503, { error: 'Service Unavailable', message: `busy, your key ${auth}` }, { 'retry-after-ms': '1', 'x-echo': auth });
    json(res, 201, { message: 'created', apiKey: { id: 'b'.repeat(24) }, key: auth.replace('Bearer ', '') }, { 'x-request-id': 'req_1' });
  });
});
afterAll(() => stub.close());

describe('debug logs', () => {
  it('show method, path, attempts and redacted headers, never the key', async () => {
    const key = makeKey('live');
    const { lines, logger } = recordingLogger();
    const client = new Dhmad({ apiKey: key, baseUrl: stub.url, logger, logLevel: 'debug', defaultHeaders: { 'X-API-Key': key } });
    await client.apiKeys.create({ name: 'ci' });
    const all = lines.join('\n');
    expect(all).not.toContain(key.slice(14));
    expect(all).toContain('→ POST /api-keys (attempt 1 of 3)');
    expect(all).toContain('→ POST /api-keys (attempt 2 of 3)');
    expect(all).toContain('← 201 POST /api-keys');
    expect(all).toContain('"authorization":"[redacted]"');
    expect(all).toContain('"x-api-key":"[redacted]"');
    expect(all).toMatch(/"idempotency-key":"[0-9a-f-]{36}"/);
  });

  it('log nothing below the level (default warn), and DHMAD_LOG raises it', async () => {
    const quiet = recordingLogger();
    await new Dhmad({ apiKey: makeKey('live'), baseUrl: stub.url, logger: quiet.logger }).apiKeys.create({ name: 'ci' });
    expect(quiet.lines).toEqual([]);

    vi.stubEnv('DHMAD_LOG', 'info');
    const loud = recordingLogger();
    await new Dhmad({ apiKey: makeKey('live'), baseUrl: stub.url, logger: loud.logger }).apiKeys.create({ name: 'ci' });
    vi.unstubAllEnvs();
    expect(loud.lines).toHaveLength(1);
    expect(loud.lines[0]).toMatch(/^info \[dhmad\] POST \/api-keys answered 503; retrying in \d+ ms \(2 left\)\./);
  });
});

describe('errors', () => {
  it('String(err), err.stack, inspect(err) and its fields never contain the key', async () => {
    const key = makeKey('sandbox');
    const client = new Dhmad({ apiKey: key, baseUrl: stub.url, maxRetries: 0 });
    const err = (await client.me.retrieve().catch((e: unknown) => e)) as Error;
    const shown = [String(err), err.stack, inspect(err, { depth: 10, showHidden: true }), JSON.stringify(err)].join('\n');
    expect(shown).toContain('busy, your key Bearer sk_sandbox_');
    expect(shown).not.toContain(key.slice(17));
  });
});

describe('errors from below the SDK', () => {
  it('a header value fetch refuses (which it quotes whole) is a DhmadConfigError whose cause is scrubbed, and nothing is sent', async () => {
    const key = makeKey('live');
    const before = stub.requests.length;
    const client = new Dhmad({ apiKey: makeKey('live'), baseUrl: stub.url });
    const err = (await client.me.retrieve({ headers: { 'x-api-key': `${key}\u0000` } }).catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(DhmadConfigError);
    expect(err.message).toMatch(/^The request could not be sent \(GET \/me\): Headers\.append/);
    expect((err.cause as Error).message).toContain(key.slice(0, 14));
    const shown = [String(err), err.stack, inspect(err, { depth: 10 })].join('\n');
    expect(shown).not.toContain(key.slice(14));
    expect(stub.requests.length).toBe(before);
  });

  it('an apiKey function that fails with the key in its message does not leak it', async () => {
    const key = makeKey('sandbox');
    const client = new Dhmad({
      apiKey: () => {
        throw new Error(`vault returned ${key} for the wrong path`);
      },
      baseUrl: stub.url,
    });
    const err = (await client.me.retrieve().catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(DhmadConfigError);
    expect(err.message).toContain('vault returned sk_sandbox_');
    expect([String(err), err.stack, inspect(err, { depth: 10 })].join('\n')).not.toContain(key.slice(17));
  });
});

describe('results', () => {
  it('hand the new secret to the caller as a plain `key` field', async () => {
    const key = makeKey('live');
    const client = new Dhmad({ apiKey: key, baseUrl: stub.url });
    const result = await client.apiKeys.create({ name: 'ci' });
    // The stub answers with the caller's own key as the "new" secret.
    expect(result.key).toBe(key);
  });
});

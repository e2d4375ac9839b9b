import { request } from 'node:http';
import { afterEach } from 'vitest';
import { startEmulator, type Emulator, type EmulatorOptions } from '../src/index.js';

// Tests read response JSON loosely and check its shape against openapi.yaml separately (contract.test.ts).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface Res<T = Record<string, Json>> {
  status: number;
  headers: Headers;
  body: T;
}

/** Plain fetch against the emulator; JSON in, JSON out. */
export async function call<T = Record<string, Json>>(
  url: string,
  init: { method?: string; key?: string | null; headers?: Record<string, string>; body?: unknown; raw?: string } = {},
): Promise<Res<T>> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.key) headers.authorization = `Bearer ${init.key}`;
  let body: string | undefined;
  if (init.raw !== undefined) body = init.raw;
  else if (init.body !== undefined) body = JSON.stringify(init.body);
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  const res = await fetch(url, { method: init.method ?? 'GET', headers, body });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text === '' ? undefined : JSON.parse(text)) as T };
}

/** A request through node:http, so a test can send any Host header (fetch sets its own). A body makes it a POST. */
export function rawRequest(url: string, headers: Record<string, string>, body = ''): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: body ? 'POST' : 'GET', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const running: Emulator[] = [];

/** An emulator closed automatically after the test. */
export async function emulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const emu = await startEmulator({ port: 0, ...options });
  running.push(emu);
  return emu;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
});

/** Create a key with the live bootstrap key; returns the response body. */
export async function createKey(emu: Emulator, body: Record<string, unknown> = { name: 'app key' }, env: 'live' | 'sandbox' = 'live') {
  const url = env === 'live' ? emu.liveUrl : emu.sandboxUrl;
  const res = await call(`${url}/api-keys`, { method: 'POST', key: emu.bootstrapKeys[env], body });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { message: string; apiKey: Record<string, Json>; key: string };
}

export { keyWithHex as fakeKey } from '../../../test/support/keys.js';

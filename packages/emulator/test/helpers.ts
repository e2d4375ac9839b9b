import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
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

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

export interface CliProcess {
  child: ChildProcessWithoutNullStreams;
  exit: Promise<{ code: number | null; stdout: string; stderr: string }>;
  /** The first line of stdout (the --json line), or '' if it exits first. */
  ready: Promise<string>;
  output: { stdout: string };
}

const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

/** `dhmad-emulator` as users run it (the built bin), killed after the test if still running. */
export function startCli(args: string[]): CliProcess {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npx tsc -b packages/emulator\` before these tests`);
  const child = spawn(process.execPath, [CLI, ...args], { stdio: 'pipe' });
  children.push(child);
  const output = { stdout: '' };
  let stdout = '';
  let stderr = '';
  let resolveReady: (line: string) => void;
  const ready = new Promise<string>((r) => (resolveReady = r));
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    output.stdout = stdout;
    if (stdout.includes('\n')) resolveReady(stdout.slice(0, stdout.indexOf('\n')));
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exit = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    child.on('exit', (code) => {
      resolveReady('');
      // Streams may still hold buffered output after 'exit'; 'close' follows once they are drained.
      child.on('close', () => resolve({ code, stdout, stderr }));
    });
  });
  return { child, exit, ready, output };
}

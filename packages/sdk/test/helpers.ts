import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startEmulator } from '@dhmad/emulator';
import type { Emulator } from '@dhmad/emulator';
import { afterAll, beforeAll, beforeEach } from 'vitest';

export { makeKey } from '../../../test/support/keys.js';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface StubServer {
  /** `http://127.0.0.1:PORT/api/v1` */
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export type StubHandler = (req: RecordedRequest, res: ServerResponse, n: number) => void | Promise<void>;

/**
 * A tiny local HTTP server for what the emulator is not meant to do: count that
 * no request was sent at all, or answer with arbitrary headers and bodies.
 */
export async function startStub(handler: StubHandler = (_req, res) => json(res, 200, { ok: true })): Promise<StubServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rec = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString() };
      requests.push(rec);
      void handler(rec, res, requests.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** A logger that keeps every line (with its extra arguments serialised) for assertions. */
export function recordingLogger(): { lines: string[]; logger: Record<'error' | 'warn' | 'info' | 'debug', (m: string, ...r: unknown[]) => void> } {
  const lines: string[] = [];
  const at =
    (level: string) =>
    (message: string, ...rest: unknown[]): void => {
      lines.push(`${level} ${message} ${rest.map((r) => JSON.stringify(r)).join(' ')}`);
    };
  return { lines, logger: { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') } };
}

/**
 * One emulator for a test file, reset before each test (fresh state and
 * bootstrap keys, no faults). Call at the top of the file; use the getter in tests.
 */
export function useEmulator(): () => Emulator {
  let emu: Emulator | undefined;
  beforeAll(async () => {
    emu = await startEmulator({ port: 0 });
  });
  afterAll(() => emu?.close());
  beforeEach(() => emu!.reset());
  return () => emu!;
}

// Run the `dhmad` bin as users do (a child process: piped, or on a real pseudo-terminal) against
// an emulator started in this test process, and check that no secret leaks into what it prints.
import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect } from 'vitest';
import { startEmulator, type Emulator } from '@dhmad/emulator';
import { Dhmad } from '@dhmad/sdk';
import { isolatedEnv } from '../../../../test/support/git.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { bin: Record<string, string> };
/** The file package.json's `bin` names. */
export const BIN = fileURLToPath(new URL(`../../${pkg.bin.dhmad}`, import.meta.url));
const PTY = fileURLToPath(new URL('./on-tty.py', import.meta.url));

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string>;
  cwd?: string;
  input?: string;
}

/** `dhmad ...args` with stdin, stdout and stderr piped (no terminal). */
export function dhmad(args: readonly string[], options: RunOptions = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? process.cwd(), env: isolatedEnv(options.env), stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

export interface TtyRun {
  code: number;
  /** Everything the terminal showed (stdout and stderr), with `\r\n` as `\n`. */
  tty: string;
  /** What went to stdout, when it was a pipe (`stdoutPipe`). */
  stdout: string;
  /** Prompts that never appeared. */
  unanswered: string[];
}

/** `dhmad ...args` on a real pseudo-terminal (python3's pty module), typing each answer once its prompt shows. */
export async function dhmadOnTty(
  args: readonly string[],
  options: RunOptions & { answers?: [prompt: string, typed: string][]; stdoutPipe?: boolean; columns?: number } = {},
): Promise<TtyRun> {
  const spec = {
    argv: [process.execPath, BIN, ...args],
    cwd: options.cwd ?? process.cwd(),
    answers: options.answers ?? [],
    stdoutPipe: options.stdoutPipe ?? false,
    timeout: 20,
    columns: options.columns ?? 80,
  };
  const { stdout } = await promisify(execFile)('python3', [PTY, JSON.stringify(spec)], { env: isolatedEnv({ TERM: 'xterm', ...options.env }), maxBuffer: 1 << 26 });
  const r = JSON.parse(stdout) as TtyRun & { timedOut: boolean };
  if (r.timedOut) throw new Error(`dhmad ${args.join(' ')} did not finish on the terminal:\n${r.tty}`);
  return { ...r, tty: r.tty.replace(/\r\n/g, '\n') };
}

export interface TestApi {
  emu: Emulator;
  /** DHMAD_API_KEY (the live bootstrap key: keys:manage) and DHMAD_BASE_URL for the live listener. */
  env: () => Record<string, string>;
  sandboxEnv: () => Record<string, string>;
  /** The SDK on the live bootstrap key, to set up what a test needs without going through the CLI. */
  sdk: (environment?: 'live' | 'sandbox') => Dhmad;
}

const CLOCK_START = Date.parse('2030-01-15T12:00:00.000Z');

/** One emulator for the test file, reset before each use through `fresh()`. */
export function useEmulator(): TestApi {
  let emu: Emulator | undefined;
  beforeAll(async () => {
    // The clock runs from noon UTC, so no test crosses midnight between putting usage on a day and reading it back;
    // and ahead of this machine's, as the CLI must take the server's time for ages.
    const started = Date.now();
    emu = await startEmulator({ port: 0, now: () => new Date(CLOCK_START + (Date.now() - started)) });
  });
  afterAll(async () => {
    await emu?.close();
  });
  return {
    get emu() {
      return emu!;
    },
    env: () => ({ DHMAD_API_KEY: emu!.bootstrapKeys.live, DHMAD_BASE_URL: emu!.liveUrl }),
    sandboxEnv: () => ({ DHMAD_API_KEY: emu!.bootstrapKeys.sandbox, DHMAD_BASE_URL: emu!.sandboxUrl }),
    sdk: (environment = 'live') =>
      new Dhmad({ apiKey: emu!.bootstrapKeys[environment], baseUrl: environment === 'live' ? emu!.liveUrl : emu!.sandboxUrl, maxRetries: 0, logLevel: 'off' }),
  };
}

// In any letter case: an upper-cased key lower-cases back into the key.
const SECRET = /sk_(?:live|sandbox)_[0-9a-f]{7,}/gi;

/**
 * Nothing in `texts` is a secret (anything longer than a keyPrefix) except `allowed`, which may
 * appear exactly `times` times in all of them together.
 */
export function expectNoSecret(texts: readonly string[], allowed?: string, times = 0): void {
  const all = texts.join('\n');
  const found = all.match(SECRET) ?? [];
  expect(found.filter((s) => s !== allowed).map((s) => s.slice(0, 14) + '…')).toEqual([]);
  if (allowed !== undefined) expect(found.filter((s) => s === allowed).length).toBe(times);
}

export const DAY_MS = 86_400_000;

/** The UTC day `daysAgo` days before the emulator's today. */
export function dayOf(emu: Emulator, daysAgo: number): string {
  return new Date(emu.now().getTime() - daysAgo * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Put a history on a key: `perDay[i]` is the day `perDay.length - 1 - i` days ago (the last one is
 * today), as `requests` or `[requests, errors]`.
 */
export function recordHistory(emu: Emulator, keyId: string, perDay: ReadonlyArray<number | readonly [number, number]>): void {
  perDay.forEach((v, i) => {
    const [requests, errors] = typeof v === 'number' ? [v, 0] : v;
    if (requests > 0) emu.recordUsage(keyId, { date: dayOf(emu, perDay.length - 1 - i), requests, errors });
  });
}

import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect } from 'vitest';

/** The bin users run: what package.json `bin` names (the bundled dist/dhmad-scan.cjs). */
export const CLI = fileURLToPath(
  new URL(`../${(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { bin: Record<string, string> }).bin['dhmad-scan']}`, import.meta.url),
);

/** A key-shaped string made at run time: no key literal is ever written to a file of this repository. */
export function makeKey(environment: 'live' | 'sandbox' = 'live'): string {
  return 'sk_' + environment + '_' + randomBytes(32).toString('hex');
}

export const prefixOf = (key: string): string => key.slice(0, key.indexOf('_', 3) + 7);

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

export function tempDir(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'dhmad-scan-test-'));
  temps.push(d);
  return d;
}

/** git and the scanner see no user or system config, and a fixed identity. */
export function isolatedEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('GIT_') || k.startsWith('DHMAD_')) delete env[k];
  return {
    ...env,
    GIT_CONFIG_GLOBAL: os.devNull,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.com',
    NO_COLOR: '1',
    ...extra,
  };
}

export function git(cwd: string, args: string[], env?: NodeJS.ProcessEnv): string {
  const r = spawnSync('git', args, { cwd, env: env ?? isolatedEnv(), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

export function initRepo(options: { bare?: boolean } = {}): string {
  const dir = tempDir();
  git(dir, ['init', '-q', '-b', 'main', ...(options.bare ? ['--bare'] : [])]);
  return dir;
}

export function write(root: string, file: string, content: string | Buffer): void {
  const abs = path.join(root, file);
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileSync(abs, content);
}

export function commitAll(root: string, message: string): string {
  git(root, ['add', '-A']);
  git(root, ['commit', '-q', '--allow-empty', '-m', message]);
  return git(root, ['rev-parse', 'HEAD']).trim();
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd: string; input?: string | Buffer; env?: Record<string, string> }): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd,
    input: options.input,
    env: isolatedEnv(options.env),
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export interface JsonFinding {
  ruleId: string;
  severity: string;
  file: string;
  line: number | null;
  column: number | null;
  environment: string | null;
  keyPrefix: string | null;
  commit: string | null;
  fingerprint: string;
  message: string;
  verified?: { status: string; detail: string };
}

export interface JsonOut {
  version: 1;
  findings: JsonFinding[];
  summary: Record<string, unknown> & { errors: number; warnings: number; files: number };
}

/** Run with `--format json`, assert no key leaked into any stream, and parse. */
export function scanJson(args: string[], options: { cwd: string; input?: string | Buffer; env?: Record<string, string> }, keys: string[] = []): { run: CliRun; out: JsonOut } {
  const run = runCli([...args, '--format', 'json'], options);
  assertNoKeys([run.stdout, run.stderr], keys);
  if (run.code === 2) throw new Error(`dhmad-scan failed: ${run.stderr}`);
  return { run, out: JSON.parse(run.stdout) as JsonOut };
}

/** No key, nor its secret part (past the printable prefix), appears in any of `texts`. */
export function assertNoKeys(texts: string[], keys: string[]): void {
  for (const key of keys) {
    const secretPart = key.slice(prefixOf(key).length);
    for (const t of texts) {
      expect(t.includes(key), 'a full key was printed').toBe(false);
      expect(t.includes(secretPart), 'the secret part of a key was printed').toBe(false);
    }
  }
}

export const keyFindings = (out: JsonOut): JsonFinding[] => out.findings.filter((f) => !f.ruleId.startsWith('env-'));

/** Like {@link scanJson}, with a child that does not block this process (whose in-process emulator must answer it). */
export async function scanJsonAsync(args: string[], cwd: string, keys: string[]): Promise<{ run: CliRun; out: JsonOut }> {
  const child = spawn(process.execPath, [CLI, ...args, '--format', 'json'], { cwd, env: isolatedEnv() });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assertNoKeys([stdout, stderr], keys);
  if (code === 2) throw new Error(`dhmad-scan failed: ${stderr}`);
  return { run: { code, stdout, stderr }, out: JSON.parse(stdout) as JsonOut };
}

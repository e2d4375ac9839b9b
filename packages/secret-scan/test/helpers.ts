import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isolatedEnv } from '../../../test/support/git.js';
import { assertNoKeys } from '../../../test/support/keys.js';
import { runAsync } from '../../../test/support/run.js';

/** The bin users run: what package.json `bin` names (the bundled dist/dhmad-scan.cjs). */
export const CLI = fileURLToPath(
  new URL(`../${(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { bin: Record<string, string> }).bin['dhmad-scan']}`, import.meta.url),
);

export { commitAll, git, initRepo, isolatedEnv, tempDir, write } from '../../../test/support/git.js';
export { assertNoKeys, makeKey, prefixOf } from '../../../test/support/keys.js';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd: string; input?: string | Buffer; env?: Record<string, string>; bin?: string }): CliRun {
  const r = spawnSync(process.execPath, [options.bin ?? CLI, ...args], {
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

export const keyFindings = (out: JsonOut): JsonFinding[] => out.findings.filter((f) => !f.ruleId.startsWith('env-'));

/** The bin run without blocking the test's own event loop (for tests that also serve HTTP). */
export function runCliAsync(args: string[], cwd: string): Promise<CliRun> {
  return runAsync(process.execPath, [CLI, ...args], { cwd, env: isolatedEnv() });
}

/** Like {@link scanJson}, with a child that does not block this process (whose in-process emulator must answer it). */
export async function scanJsonAsync(args: string[], cwd: string, keys: string[]): Promise<{ run: CliRun; out: JsonOut }> {
  const run = await runCliAsync([...args, '--format', 'json'], cwd);
  assertNoKeys([run.stdout, run.stderr], keys);
  if (run.code === 2) throw new Error(`dhmad-scan failed: ${run.stderr}`);
  return { run, out: JSON.parse(run.stdout) as JsonOut };
}

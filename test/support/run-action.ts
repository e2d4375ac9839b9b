/**
 * Runs the committed bundle the way the Actions runner does: `node dist/index.js` with
 * each input as `INPUT_<NAME>` (upper-cased, hyphens kept), and `GITHUB_OUTPUT` /
 * `GITHUB_STEP_SUMMARY` pointing at files that exist. Nothing of the test's own
 * environment leaks in (a stray DHMAD_API_KEY would change what the SDK does).
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BUNDLE = join(dirname(fileURLToPath(import.meta.url)), '../../packages/github-action/dist/index.js');

export interface ActionRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  /**
   * The log as the runner shows it: without its `::add-mask::` commands, which carry the very
   * secrets they mask and which the runner consumes. A failing assertion prints this, so it must
   * hold no key.
   */
  stdout: string;
  /** Everything the bundle wrote, mask commands included: only for checking that a mask came first. */
  rawStdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Parses `name<<DELIMITER\nvalue\nDELIMITER` blocks as @actions/core writes them. */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!);
    out[m[1]!] = value.join('\n');
  }
  return out;
}

export interface RunOptions {
  /**
   * Run the bundle with its clock this far ahead, to match an emulator moved on with
   * `advanceTime`: time passing is the one thing a test cannot wait for. The bundle is
   * otherwise started exactly as the runner starts it.
   */
  clockOffsetMs?: number;
}

/** A preload that moves `Date` forward by `ms`, for the child process only. */
function clockShift(ms: number): string[] {
  const code =
    `const R = Date; const d = ${ms};` +
    'globalThis.Date = class extends R { constructor(...a) { super(...(a.length ? a : [R.now() + d])); } static now() { return R.now() + d; } };';
  return ['--import', `data:text/javascript,${encodeURIComponent(code)}`];
}

export interface StartedAction {
  done: Promise<ActionRun>;
  /** SIGKILL the process, as a crashed or cancelled runner would. */
  kill(): void;
}

export function startAction(inputs: Record<string, string>, env: Record<string, string> = {}, options: RunOptions = {}): StartedAction {
  let child: ChildProcess | null = null;
  let killed = false;
  const done = (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dhmad-action-run-'));
    const outputFile = join(dir, 'output');
    const summaryFile = join(dir, 'summary');
    await writeFile(outputFile, '');
    await writeFile(summaryFile, '');
    const inputEnv = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]));
    const preload = options.clockOffsetMs ? clockShift(options.clockOffsetMs) : [];
    const proc = spawn(process.execPath, [...preload, BUNDLE], {
      env: {
        PATH: process.env.PATH ?? '',
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile,
        GITHUB_ACTIONS: 'true',
        ...env,
        ...inputEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    if (killed) proc.kill('SIGKILL');
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      proc.on('close', (c, s) => resolve([c, s])),
    );
    const run: ActionRun = {
      code,
      signal,
      stdout: stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n'),
      rawStdout: stdout,
      stderr,
      outputs: parseOutputs(await readFile(outputFile, 'utf8')),
      summary: await readFile(summaryFile, 'utf8'),
    };
    await rm(dir, { recursive: true, force: true });
    return run;
  })();
  return {
    done,
    kill() {
      killed = true;
      child?.kill('SIGKILL');
    },
  };
}

export function runAction(inputs: Record<string, string>, env: Record<string, string> = {}, options: RunOptions = {}): Promise<ActionRun> {
  return startAction(inputs, env, options).done;
}

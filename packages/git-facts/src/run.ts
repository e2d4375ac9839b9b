import { type ChildProcessByStdio, spawn, spawnSync } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';

/** Why git gave no answer. Its message is one line a user can act on. */
export class GitError extends Error {
  override readonly name = 'GitError';
  constructor(
    message: string,
    /** `no-git`: no git on PATH; `failed`: git ran and refused or broke. */
    readonly reason: 'no-git' | 'failed',
  ) {
    super(message);
  }
}

/**
 * Whose repository a question is about. `environment`: the one git itself
 * would use here, so a `GIT_DIR` or `GIT_WORK_TREE` the user (or the hook git
 * runs) set is obeyed, as git obeys it. `path`: the one around the path asked
 * about, whatever those variables say: ESLint run from a hook lints files that
 * may belong to another repository.
 */
export type Whose = 'environment' | 'path';

/** The variables that point git at a repository other than the one around the working folder. */
export const LOCATION_VARIABLES = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_COMMON_DIR', 'GIT_PREFIX', 'GIT_OBJECT_DIRECTORY'] as const;

/** The variables that change how git finds the repository: with any of them set, only git can say where it is. */
export const DISCOVERY_VARIABLES = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_COMMON_DIR',
  'GIT_CEILING_DIRECTORIES',
  'GIT_DISCOVERY_ACROSS_FILESYSTEM',
  'GIT_CONFIG_PARAMETERS',
  'GIT_CONFIG_COUNT',
] as const;

/** The environment every git of ours runs in: no pager, no prompt, untranslated messages. */
export function gitEnv(whose: Whose, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LC_ALL: 'C' };
  if (whose === 'path') for (const name of LOCATION_VARIABLES) delete env[name];
  return env;
}

export interface GitOutput {
  status: number;
  stdout: Buffer;
  stderr: string;
}

const NO_GIT = 'git was not found on PATH. Install git (or add it to PATH) and run again.';

function spawnFailure(e: NodeJS.ErrnoException): GitError {
  return e.code === 'ENOENT' ? new GitError(NO_GIT, 'no-git') : new GitError(`Could not run git: ${e.message}`, 'failed');
}

/**
 * What a user needs from git's stderr, on one line: its first `fatal:` or
 * `error:` line (warnings before it dropped) with the advice git prints
 * right after it (`git config --global --add safe.directory ...`), never a
 * usage text.
 */
export function gitReason(stderr: string, status: number): string {
  const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
  const first = Math.max(0, lines.findIndex((l) => /^(fatal|error):/.test(l)));
  const end = lines.findIndex((l, i) => i > first && /^(usage:|fatal:|error:|hint:)/.test(l));
  return lines.slice(first, Math.min(end === -1 ? lines.length : end, first + 3)).join(' ') || `exit ${status}`;
}

/** `what` failed, with git's reason; for a status the caller did not expect. */
export function gitFailed(what: string, args: readonly string[], out: GitOutput): GitError {
  return new GitError(`${what} failed (git ${args.find((a) => !a.startsWith('-') && !a.includes('=')) ?? args[0]}): ${gitReason(out.stderr, out.status)}`, 'failed');
}

/** Run git to completion, blocking: for the ESLint rules, which must answer synchronously. */
export function runGitSync(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv, input?: string): GitOutput {
  const r = spawnSync('git', args, { cwd, env, input, maxBuffer: 1 << 30, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
  if (r.error) throw spawnFailure(r.error);
  return { status: r.status ?? 1, stdout: r.stdout, stderr: r.stderr.toString('utf8').trim() };
}

/**
 * Start git with piped output, and stdin piped when `withInput`: for outputs
 * read as a stream. A git that exits before reading its input (one that
 * refuses the repository) closes the pipe; the write's EPIPE must not crash
 * the caller, since git's status and stderr already say what went wrong.
 */
export function spawnGit(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv, withInput = false): ChildProcessByStdio<Writable | null, Readable, Readable> {
  // stdout and stderr are pipes: the cast only says what the chosen stdio means.
  const child = spawn('git', args, { cwd, env, stdio: [withInput ? 'pipe' : 'ignore', 'pipe', 'pipe'] }) as ChildProcessByStdio<Writable | null, Readable, Readable>;
  child.stdin?.on('error', () => undefined);
  return child;
}

/** Resolves with git's exit status once it has closed; rejects with a {@link GitError} when it could not start. */
export function exitOf(child: ChildProcessByStdio<Writable | null, Readable, Readable>): Promise<number> {
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', (e: NodeJS.ErrnoException) => reject(spawnFailure(e)));
    child.on('close', (code) => resolve(code ?? 1));
  });
  // Callers read the output before they await the exit: a git that never started must not count as unhandled meanwhile.
  exited.catch(() => undefined);
  return exited;
}

/** Run git to completion without blocking, so several git runs (and other work) go on side by side. */
export async function runGit(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv, input?: string): Promise<GitOutput> {
  const child = spawnGit(cwd, args, env, input !== undefined);
  const out: Buffer[] = [];
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => out.push(b));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const exited = exitOf(child);
  if (input !== undefined) child.stdin!.end(input);
  const status = await exited;
  return { status, stdout: Buffer.concat(out), stderr: stderr.trim() };
}

/** Split NUL-separated git output (`-z`), dropping the empty tail. */
export function splitZ(buf: Buffer | string): string[] {
  const parts = (typeof buf === 'string' ? buf : buf.toString('utf8')).split('\0');
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

import { type ChildProcessByStdio, spawn, spawnSync } from 'node:child_process';
import { readFileSync, type Stats, statSync } from 'node:fs';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { ScanError } from './errors.js';

/** Environment for every git we start: no pager, no prompts, untranslated messages. */
const GIT_ENV = { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LC_ALL: 'C' };

export interface GitResult {
  status: number;
  stdout: Buffer;
  stderr: string;
}

/** Run git to completion (for small outputs: rev-parse, ls-files, diff --raw). */
export function gitSync(cwd: string, args: readonly string[], input?: string | Buffer): GitResult {
  const r = spawnSync('git', args, { cwd, env: GIT_ENV, input, maxBuffer: 1 << 30 });
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    throw new ScanError(
      code === 'ENOENT' ? 'git was not found on PATH. Install git, or scan files outside a repository.' : `Could not run git: ${r.error.message}`,
    );
  }
  return { status: r.status ?? 1, stdout: r.stdout, stderr: r.stderr.toString('utf8').trim() };
}

export function gitOk(cwd: string, args: readonly string[], what: string, input?: string | Buffer): Buffer {
  const r = gitSync(cwd, args, input);
  if (r.status !== 0) throw new ScanError(`${what} failed (git ${args[0]}): ${r.stderr || `exit ${r.status}`}`);
  return r.stdout;
}

/**
 * Start git with piped output, and stdin piped when `withInput`. A git that
 * exits before reading its input (one that refuses the repository, say)
 * closes the pipe: the write then fails with EPIPE, which must not crash the
 * scan, since git's exit status and stderr already say what went wrong.
 */
function spawnGit(cwd: string, args: readonly string[], withInput: boolean): ChildProcessByStdio<Writable | null, Readable, Readable> {
  // stdout and stderr are pipes: the cast only says what the chosen stdio means.
  const child = spawn('git', args, { cwd, env: GIT_ENV, stdio: [withInput ? 'pipe' : 'ignore', 'pipe', 'pipe'] }) as ChildProcessByStdio<Writable | null, Readable, Readable>;
  child.stdin?.on('error', () => undefined);
  return child;
}

/**
 * Run git without blocking: it starts at once, so callers can run several
 * side by side (or beside a synchronous scan) and await them later.
 */
export function gitAsync(cwd: string, args: readonly string[], input?: string): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawnGit(cwd, args, input !== undefined);
    const out: Buffer[] = [];
    let stderr = '';
    child.stdout!.on('data', (b: Buffer) => out.push(b));
    child.stderr!.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', (e: NodeJS.ErrnoException) =>
      reject(new ScanError(e.code === 'ENOENT' ? 'git was not found on PATH. Install git, or scan files outside a repository.' : `Could not run git: ${e.message}`)),
    );
    child.on('close', (code) => resolve({ status: code ?? 1, stdout: Buffer.concat(out), stderr: stderr.trim() }));
    if (input !== undefined) child.stdin!.end(input);
  });
}

export async function gitAsyncOk(cwd: string, args: readonly string[], what: string, input?: string): Promise<Buffer> {
  const r = await gitAsync(cwd, args, input);
  if (r.status !== 0) throw new ScanError(`${what} failed (git ${args[0]}): ${r.stderr || `exit ${r.status}`}`);
  return r.stdout;
}

/** Split NUL-separated git output (`-z`), dropping the empty tail. */
export function splitZ(buf: Buffer): string[] {
  const parts = buf.toString('utf8').split('\0');
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

export interface RepoInfo {
  /** Work tree root, or null in a bare repository. */
  root: string | null;
  gitDir: string;
  bare: boolean;
}

const REPO_QUERY = ['rev-parse', '--is-bare-repository', '--is-inside-work-tree', '--absolute-git-dir', '--show-cdup'];

function repoInfo(dir: string, r: GitResult): RepoInfo | null {
  if (r.status !== 0) return null;
  const [bare, inside, gitDir, cdup] = r.stdout.toString('utf8').split('\n');
  if (bare === 'true') return { bare: true, gitDir: gitDir!, root: null };
  // Inside .git itself there is no work tree.
  return { bare: false, gitDir: gitDir!, root: inside === 'true' ? path.resolve(dir, cdup ?? '') : null };
}

/** The repository containing `dir`, or null when `dir` is not inside one. */
export function findRepo(dir: string): RepoInfo | null {
  return repoInfo(dir, gitSync(dir, REPO_QUERY));
}

/** Environment variables that change how git finds the repository; with any of them set, only git can say. */
const DISCOVERY_ENV = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_COMMON_DIR', 'GIT_CEILING_DIRECTORIES', 'GIT_DISCOVERY_ACROSS_FILESYSTEM', 'GIT_CONFIG_PARAMETERS', 'GIT_CONFIG_COUNT'];

const readIfFile = (p: string): string | null => {
  try {
    return readFileSync(p, 'utf8');
  } catch {
    return null;
  }
};

/** A path's stat, or undefined when it is missing or cannot be looked at (ENOTDIR, EACCES). */
const statIfAny = (p: string): Stats | undefined => {
  try {
    return statSync(p, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
};

const kindOf = (p: string): 'dir' | 'file' | null => {
  const st = statIfAny(p);
  return st?.isDirectory() ? 'dir' : st?.isFile() ? 'file' : null;
};

/**
 * The work tree that holds `dir`, found the way git finds it (the nearest
 * ancestor with a `.git` folder or a `gitdir:` file) without starting git,
 * so the git runs of a scan need not wait for `rev-parse`. Returns undefined whenever
 * the answer is not plain, and the caller asks git: discovery variables set,
 * no `.git` on the way up, a folder on the way that is itself a git
 * directory (bare, or inside `.git`), a filesystem boundary, or a config
 * that could move the work tree (`core.worktree`, `core.bare`, includes).
 */
export function discoverRepo(dir: string, env: NodeJS.ProcessEnv = process.env): RepoInfo | undefined {
  if (DISCOVERY_ENV.some((v) => env[v] !== undefined)) return undefined;
  let dev: number | undefined;
  for (let at = path.resolve(dir); ; ) {
    const st = statIfAny(at);
    if (!st?.isDirectory() || (dev !== undefined && st.dev !== dev)) return undefined;
    dev = st.dev;
    const dotGit = path.join(at, '.git');
    const kind = kindOf(dotGit);
    if (kind !== null) {
      let gitDir = dotGit;
      if (kind === 'file') {
        const m = /^gitdir: (.+?)\r?\n?$/.exec(readIfFile(dotGit) ?? '');
        if (!m) return undefined;
        gitDir = path.resolve(at, m[1]!);
      }
      if (kindOf(path.join(gitDir, 'HEAD')) !== 'file') return undefined;
      // A linked worktree's config is the main repository's.
      const commonDir = readIfFile(path.join(gitDir, 'commondir'));
      const common = commonDir === null ? gitDir : path.resolve(gitDir, commonDir.trim());
      const config = readIfFile(path.join(common, 'config'));
      if (config === null) return undefined;
      if (/worktree|bare\s*=\s*(true|yes|on|1)\b|^\s*\[\s*include/im.test(config) || kindOf(path.join(gitDir, 'config.worktree')) !== null) return undefined;
      return { bare: false, gitDir, root: at };
    }
    if (kindOf(path.join(at, 'HEAD')) !== null) return undefined;
    const up = path.dirname(at);
    if (up === at) return undefined;
    at = up;
  }
}

/** {@link findRepo} without blocking, so other work (and other git runs) can go on meanwhile. */
export async function findRepoAsync(dir: string): Promise<RepoInfo | null> {
  return discoverRepo(dir) ?? repoInfo(dir, await gitAsync(dir, REPO_QUERY));
}

export interface BlobSink {
  /** A blob starts; return false to have its content skipped. */
  begin(oid: string, type: string, size: number): boolean;
  data(chunk: Buffer): void;
  end(): void;
}

/**
 * Stream objects through one `git cat-file --batch`: object names are written
 * to its stdin as `names` yields them and content is handed to `sink` in the
 * pieces the pipe delivers, so no object is ever buffered here whole.
 */
export async function catFileBatch(cwd: string, names: AsyncIterable<string> | Iterable<string>, sink: BlobSink): Promise<void> {
  const child = spawnGit(cwd, ['cat-file', '--batch'], true);
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  const stdin = child.stdin!;
  // Resolves when the pipe takes more, or when it is gone (git exited): then its exit status reports.
  const writable = (): Promise<void> =>
    new Promise((resolve) => {
      const done = (): void => {
        stdin.off('drain', done).off('close', done);
        resolve();
      };
      stdin.on('drain', done).on('close', done);
    });
  const feeding = (async () => {
    try {
      for await (const name of names) {
        if (stdin.destroyed) break;
        if (!stdin.write(`${name}\n`)) await writable();
      }
    } finally {
      stdin.end();
    }
  })();
  feeding.catch(() => child.kill());

  let header: Buffer[] = [];
  let remaining = -1; // bytes of content left in the current object; -1 while reading a header
  let wanted = false;
  let skipNewline = false;
  for await (const piece of child.stdout as AsyncIterable<Buffer>) {
    let buf = piece;
    while (buf.length > 0) {
      if (skipNewline) {
        buf = buf.subarray(1);
        skipNewline = false;
        continue;
      }
      if (remaining === -1) {
        const nl = buf.indexOf(10);
        if (nl === -1) {
          header.push(buf);
          break;
        }
        header.push(buf.subarray(0, nl));
        const line = Buffer.concat(header).toString('utf8');
        header = [];
        buf = buf.subarray(nl + 1);
        const [oid, type, size] = line.split(' ');
        if (type === 'missing' || size === undefined) continue;
        remaining = Number(size);
        wanted = sink.begin(oid!, type!, remaining);
        if (remaining === 0) {
          if (wanted) sink.end();
          remaining = -1;
          skipNewline = true;
        }
        continue;
      }
      const take = Math.min(remaining, buf.length);
      if (wanted) sink.data(buf.subarray(0, take));
      remaining -= take;
      buf = buf.subarray(take);
      if (remaining === 0) {
        if (wanted) sink.end();
        remaining = -1;
        skipNewline = true;
      }
    }
  }
  await feeding;
  const code = await exited;
  if (code !== 0) throw new ScanError(`Reading objects from git failed (git cat-file): ${stderr.trim() || `exit ${code}`}`);
}

/**
 * Records of a streaming git command's stdout, for commands whose output can
 * be large: lines by default, or the fields of a `-z` output with `'\0'`.
 */
export async function* gitLines(cwd: string, args: readonly string[], what: string, separator = '\n'): AsyncGenerator<string> {
  const child = spawnGit(cwd, args, false);
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  let rest = '';
  for await (const piece of child.stdout.setEncoding('utf8') as AsyncIterable<string>) {
    const records = (rest + piece).split(separator);
    rest = records.pop()!;
    yield* records;
  }
  if (rest) yield rest;
  const code = await exited;
  if (code !== 0) throw new ScanError(`${what} failed (git ${args[0]}): ${stderr.trim() || `exit ${code}`}`);
}

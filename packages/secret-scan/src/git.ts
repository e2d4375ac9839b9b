import { exitOf, findRepoSync, gitEnv, gitFailed, GitError, type GitOutput, gitReason, runGit, runGitSync, spawnGit } from '@dhmad/git-facts';
import { ScanError } from './errors.js';

/*
 * The scanner's git runs that volume demands be streams or plain processes:
 * the tree listing, the staged diff, cat-file and the history walks. The
 * questions both tools ask (where the repository is, what is ignored, which
 * env files there are) are @dhmad/git-facts'. Every git run here obeys the
 * caller's GIT_DIR and GIT_WORK_TREE, as git does.
 */
const ENV = gitEnv('environment');

/** Run git to completion (for outputs read whole: ls-files of a tree, rev-parse), with `input` on its stdin. */
export function gitSync(cwd: string, args: readonly string[], input?: string): GitOutput {
  return asScanError(() => runGitSync(cwd, args, ENV, input));
}

/** {@link gitSync} without blocking, so git runs that do not depend on each other go side by side. */
export function gitAsync(cwd: string, args: readonly string[], input?: string): Promise<GitOutput> {
  return runGit(cwd, args, ENV, input).catch((e: unknown) => {
    throw scanErrorOf(e);
  });
}

export function gitOk(cwd: string, args: readonly string[], what: string): Buffer {
  const r = gitSync(cwd, args);
  if (r.status !== 0) throw scanErrorOf(gitFailed(what, args, r));
  return r.stdout;
}

/** The repository around `dir` (for the hook installer). */
export function findRepo(dir: string): ReturnType<typeof findRepoSync> {
  return asScanError(() => findRepoSync(dir, 'environment'));
}

/**
 * A git failure, as the scan reports it: a {@link ScanError} (one line, exit
 * 2) that says what to do. git's own advice (safe.directory, installing git)
 * is kept; for a repository git cannot read (a broken HEAD, a corrupt object)
 * the advice is where to look.
 */
export function scanErrorOf(e: unknown): unknown {
  if (!(e instanceof GitError)) return e;
  if (e.reason === 'no-git' || e.message.includes('safe.directory')) return new ScanError(e.message);
  const advice = /not a git repository/.test(e.message)
    ? ' git does not take this folder for a repository: check .git/HEAD (`git status` there says what it sees).'
    : ' The repository may be damaged: `git fsck` there lists what is broken.';
  return new ScanError(`${e.message.replace(/\.?$/, '.')}${advice}`);
}

function asScanError<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw scanErrorOf(e);
  }
}

export interface BlobSink {
  /** A blob starts; return false to have its content skipped. */
  begin(oid: string, type: string, size: number): boolean;
  /** git could not read an object it was asked for (missing, or corrupt): the scan is incomplete. */
  missing(oid: string): void;
  data(chunk: Buffer): void;
  end(): void;
}

/** About 100 object names. */
const NAMES_PER_WRITE_BYTES = 4096;

/**
 * Stream objects through one `git cat-file --batch`: object names are written
 * to its stdin as `names` yields them and content is handed to `sink` in the
 * pieces the pipe delivers, so no object is ever buffered here whole.
 */
export async function catFileBatch(cwd: string, names: AsyncIterable<string> | Iterable<string>, sink: BlobSink): Promise<void> {
  // --buffer: git's output fills its buffer before each write, instead of one flush per object.
  const child = spawnGit(cwd, ['cat-file', '--batch', '--buffer'], ENV, true);
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const exited = exitOf(child);
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
  // Names go to git some at a time: one write per name was a system call (and a wake-up of git)
  // per blob. With --buffer, 5% of a history scan of the bench's eslint corpus.
  const feeding = (async () => {
    let batch = '';
    try {
      for await (const name of names) {
        if (stdin.destroyed) return;
        batch += `${name}\n`;
        if (batch.length < NAMES_PER_WRITE_BYTES) continue;
        const full = !stdin.write(batch);
        batch = '';
        if (full) await writable();
      }
      if (batch && !stdin.destroyed) stdin.write(batch);
    } finally {
      stdin.end();
    }
  })();
  feeding.catch(() => child.kill());

  let header: Buffer[] = [];
  let oid = ''; // the object being read, or the last one read whole
  let remaining = -1; // bytes of content left in the current object; -1 while reading a header
  let wanted = false;
  let skipNewline = false;
  // git writes a newline after each object, and a header before the next; anything else means the
  // output has lost step with the objects (an object whose header claims another size than its
  // content: git prints what there is), and nothing after it can be read.
  let outOfStep = false;
  read: for await (const piece of child.stdout as AsyncIterable<Buffer>) {
    let buf = piece;
    while (buf.length > 0) {
      if (skipNewline) {
        if (buf[0] !== 10) {
          outOfStep = true;
          break read;
        }
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
        const [name, type, size] = line.split(' ');
        if (type === 'missing' || type === 'ambiguous' || size === undefined) {
          sink.missing(name!);
          continue;
        }
        remaining = Number(size);
        if (!Number.isSafeInteger(remaining) || remaining < 0) {
          outOfStep = true;
          break read;
        }
        oid = name!;
        wanted = sink.begin(oid, type!, remaining);
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
  if (outOfStep) {
    child.kill();
    await exited;
    throw new ScanError(`git cat-file's output lost step at object ${oid.slice(0, 12)}: an object's content is not the size git gives for it, so the repository is damaged (\`git fsck\` there lists what is broken).`);
  }
  // Output that ends inside an object: git gave less than the size it announced.
  if (remaining !== -1) sink.missing(oid);
  await feeding;
  const code = await exited;
  if (code !== 0) throw scanErrorOf(new GitError(`Reading objects from git failed (git cat-file): ${gitReason(stderr, code)}`, 'failed'));
}

/**
 * Records of a streaming git command's stdout, for commands whose output can
 * be large: lines by default, or the fields of a `-z` output with `'\0'`;
 * `input` goes to its stdin (revisions for `--stdin`).
 */
export async function* gitLines(cwd: string, args: readonly string[], what: string, separator = '\n', input?: string): AsyncGenerator<string> {
  const child = spawnGit(cwd, args, ENV, input !== undefined);
  if (input !== undefined) child.stdin!.end(input);
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const exited = exitOf(child);
  let rest = '';
  let whole = false;
  try {
    for await (const piece of child.stdout.setEncoding('utf8') as AsyncIterable<string>) {
      const records = (rest + piece).split(separator);
      rest = records.pop()!;
      yield* records;
    }
    whole = true;
  } finally {
    // A caller that stops reading (a walk no longer needed) ends git here, not at git's next write.
    if (!whole) child.kill();
  }
  if (rest) yield rest;
  const code = await exited;
  if (code !== 0) throw scanErrorOf(new GitError(`${what} failed (git ${args[0]}): ${gitReason(stderr, code)}`, 'failed'));
}

import { closeSync, constants, lstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { monotonicMs } from '../clock.js';
import type { Collector } from '../collector.js';
import { CHUNK_BYTES, mayContainKey, PREFILTER_OVERLAP, sniffEncoding, StreamDetector } from '../detect.js';
import { ScanError } from '../errors.js';
import { findRepo, type Repo, splitZ } from '@dhmad/git-facts';
import { gitOk } from '../git.js';
import type { Source, SourceContext } from './source.js';
import type { ScanPool } from './tree-parallel.js';

export interface TreeTarget {
  /** Absolute path of the file to read. */
  abs: string;
  /** Path as reported: relative to the repository root (or the scan root), `/`-separated. */
  file: string;
}

export interface TreeListing {
  targets: TreeTarget[];
  /** Work tree roots of the repositories the paths are in. */
  repos: string[];
}

const toPosix = (p: string): string => (path.sep === '/' ? p : p.split(path.sep).join('/'));

/**
 * What a tree scan reads: in a git work tree, tracked files plus untracked ones
 * that are not ignored (what `git add .` would take); elsewhere every file.
 * `cwdRepo` is the caller's lookup of the repository at `cwd`, reused for a
 * path there; the lookups for the other paths all run at once. `onRepo` hears
 * of each repository before its files are listed. With no paths, the work
 * tree of `cwd` is scanned, even when `GIT_WORK_TREE` puts it elsewhere.
 */
export async function listTree(
  paths: readonly string[],
  cwd: string,
  collector: Collector,
  cwdRepo: Promise<Repo | null>,
  onRepo?: (root: string) => void,
): Promise<TreeListing> {
  const targets: TreeTarget[] = [];
  const repos = new Set<string>();
  // Only several paths can name a file twice; a Set of tens of thousands of paths is not free.
  const seen = paths.length > 1 ? new Set<string>() : null;
  const push = (abs: string, file: string): void => {
    if (seen) {
      if (seen.has(abs)) return;
      seen.add(abs);
    }
    targets.push({ abs, file });
  };
  const lookups = new Map<string, Promise<Repo | null>>([[cwd, cwdRepo]]);
  const items = (paths.length > 0 ? paths : ['.']).map((p) => {
    const abs = path.resolve(cwd, p);
    let st;
    try {
      st = statSync(abs);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new ScanError(
        code === 'ENOENT' ? `Cannot scan ${p}: no such file or directory.` : `Cannot scan ${p}: ${code ?? String(e)}.`,
      );
    }
    const dir = st.isDirectory() ? abs : path.dirname(abs);
    if (!lookups.has(dir)) lookups.set(dir, findRepo(dir));
    return { p, abs, st, repo: lookups.get(dir)! };
  });
  for (const item of items) {
    const repo = await item.repo;
    let { abs } = item;
    const inside = (root: string): boolean => {
      const rel = path.relative(root, abs);
      return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
    };
    if (repo?.root && paths.length === 0 && !inside(repo.root)) abs = repo.root;
    if (repo?.root && inside(repo.root)) {
      const root = repo.root;
      if (!repos.has(root)) {
        repos.add(root);
        onRepo?.(root);
      }
      const spec = toPosix(path.relative(root, abs)) || '.';
      const out = gitOk(
        root,
        ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--deduplicate', '--', `:(literal)${spec}`],
        'Listing the files of the repository',
      );
      // git gives clean relative paths; path.join would normalize each of thousands again.
      const base = path.sep === '/' && !root.endsWith('/') ? `${root}/` : null;
      for (const file of splitZ(out)) push(base === null ? path.join(root, file) : base + file, file);
    } else if (item.st.isDirectory()) {
      walk(abs, '', push, collector);
    } else {
      push(abs, toPosix(path.relative(cwd, abs)) || path.basename(abs));
    }
  }
  return { targets, repos: [...repos] };
}

/**
 * The working tree as a source: `prepare` lists it (and starts the helper
 * threads when it is big), `scan` reads each listed file the sink wants.
 */
export class TreeSource implements Source {
  private listing: TreeListing = { targets: [], repos: [] };
  private readonly pool: Promise<ScanPool>;

  constructor(
    private readonly ctx: SourceContext,
    private readonly paths: readonly string[],
  ) {
    // Not awaited here: the tree's own repository lookups start first.
    this.pool = import('./tree-parallel.js').then(({ ScanPool }) => new ScanPool());
  }

  get roots(): readonly string[] {
    return this.listing.repos;
  }

  async prepare(): Promise<void> {
    const { ctx } = this;
    const repo = ctx.repo.then(async (r) => {
      // In a big repository the helper threads boot while git lists the tree.
      if (r) (await this.pool).startIfBig(r.gitDir);
      return r;
    });
    this.listing = await listTree(this.paths, ctx.cwd, ctx.sink, repo, ctx.onRepo);
    // Helper threads first: they boot while the .env checks start their git runs.
    (await this.pool).prepare(this.listing.targets.length);
  }

  async scan(sink: Collector): Promise<void> {
    const targets = this.listing.targets.filter((t) => sink.wants(t.file));
    let last = monotonicMs();
    let count = 0;
    await (await this.pool).scan(targets, sink, () => {
      if ((++count & 63) === 0 && monotonicMs() - last > 200) {
        last = monotonicMs();
        sink.progress();
      }
    });
  }

  close(): void {
    // A pool that failed to load has nothing to stop, and must not hide the error that got here.
    void this.pool.then((p) => p.close(), () => undefined);
  }
}

/**
 * Every file under `dir`, whose path relative to the scan root is `rel` ('' at the root).
 * Paths are joined by hand: readdir's names need no normalizing, and path.join and
 * path.relative for each of tens of thousands of files cost more than reading the folders.
 */
function walk(dir: string, rel: string, push: (abs: string, file: string) => void, collector: Collector): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    collector.unreadable(rel || '.', String((e as NodeJS.ErrnoException).code));
    return;
  }
  const absPrefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
  const relPrefix = rel === '' ? '' : `${rel}/`;
  for (const ent of entries) {
    if (ent.isDirectory()) {
      if (ent.name !== '.git') walk(absPrefix + ent.name, relPrefix + ent.name, push, collector);
    } else if (ent.isSymbolicLink()) {
      collector.stats.skippedSymlinks++;
    } else if (ent.isFile()) {
      push(absPrefix + ent.name, relPrefix + ent.name);
    }
  }
}

/** One read buffer for the whole scan, with room for the bytes kept across reads. */
let shared: Buffer | null = null;

/**
 * Flags that let one open() classify the path: O_NOFOLLOW fails a symlink
 * with ELOOP, and O_NONBLOCK keeps a FIFO from blocking. This saves an lstat
 * per file, which is about as costly as the open itself. Null where these
 * flags do not exist (Windows): there an lstat comes first.
 */
const OPEN_FLAGS = constants.O_NOFOLLOW === undefined ? null : constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

/** Open a listed file for reading, or count why it is not read and return null. */
function openTarget(target: TreeTarget, collector: Collector): number | null {
  const { stats } = collector;
  try {
    if (OPEN_FLAGS === null) {
      const st = lstatSync(target.abs);
      if (st.isSymbolicLink()) {
        stats.skippedSymlinks++;
        return null;
      }
      if (st.isDirectory()) {
        stats.skippedSubmodules++;
        return null;
      }
      if (!st.isFile()) return null;
    }
    return openSync(target.abs, OPEN_FLAGS ?? 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // Tracked but deleted in the work tree: nothing to read.
    if (code === 'ENOENT') return null;
    if (code === 'ELOOP') {
      // Never followed: a link inside the repository points at a file scanned on its own,
      // one outside it points at something that is not the repository's to report.
      stats.skippedSymlinks++;
      return null;
    }
    collector.unreadable(target.file, code ?? String(e));
    return null;
  }
}

/**
 * Scan one file with synchronous reads into a shared buffer: a first pass only
 * looks for the bytes of a key prefix (what nearly every file lacks); only a
 * file that has one (or is UTF-16) is read again and decoded.
 */
export function scanFile(target: TreeTarget, collector: Collector): void {
  const { stats } = collector;
  const fd = openTarget(target, collector);
  if (fd === null) return;
  try {
    const buf = (shared ??= Buffer.allocUnsafe(CHUNK_BYTES));
    const keep = PREFILTER_OVERLAP;
    let n;
    try {
      n = readSync(fd, buf, 0, CHUNK_BYTES, 0);
    } catch (e) {
      // A folder opens (O_RDONLY) but does not read: a submodule's checkout.
      if ((e as NodeJS.ErrnoException).code !== 'EISDIR') throw e;
      stats.skippedSubmodules++;
      return;
    }
    const encoding = sniffEncoding(buf.subarray(0, n));
    if (encoding === null) {
      stats.skippedBinary++;
      return;
    }
    stats.files++;
    stats.bytes += n;
    // The prefilter knows UTF-8 bytes only; UTF-16 files are rare enough to decode whole.
    let hit = encoding !== 'utf-8' || mayContainKey(buf.subarray(0, n));
    let pos = n;
    while (!hit && n === CHUNK_BYTES) {
      // Keep the tail so a prefix split across reads is still seen.
      buf.copy(buf, 0, CHUNK_BYTES - keep, CHUNK_BYTES);
      n = readSync(fd, buf, keep, CHUNK_BYTES - keep, pos);
      if (n === 0) break;
      pos += n;
      stats.bytes += n;
      hit = mayContainKey(buf.subarray(0, n + keep));
      n += keep;
    }
    if (!hit) return;
    const detector = new StreamDetector({ keepSecrets: collector.keepSecrets });
    let at = 0;
    for (;;) {
      const m = readSync(fd, buf, 0, CHUNK_BYTES, at);
      if (m === 0) break;
      if (at >= pos) stats.bytes += m;
      at += m;
      detector.push(buf.subarray(0, m));
    }
    collector.detections(target.file, null, detector.end());
  } catch (e) {
    collector.unreadable(target.file, (e as NodeJS.ErrnoException).code ?? String(e));
  } finally {
    closeSync(fd);
  }
}

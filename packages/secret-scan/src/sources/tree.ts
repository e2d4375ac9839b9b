import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { monotonicMs } from '../clock.js';
import type { Collector } from '../collector.js';
import { ScanError } from '../errors.js';
import { findRepo, type Repo, splitZ } from '@dhmad/git-facts';
import { gitOk } from '../git.js';
import type { Source, SourceContext } from './source.js';
import type { ScanPool } from './tree-parallel.js';
import type { TreeTarget } from './tree-file.js';


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

import { gitEnv, gitFailed, type Repo, runGit, splitZ } from '@dhmad/git-facts';
import type { Collector } from '../collector.js';
import { catFileBatch } from '../git.js';
import { looseObjectsDir, readLooseBlob } from '../loose-object.js';
import { BlobScanner } from './blobs.js';
import type { Source, SourceContext } from './source.js';

const GITLINK = '160000';
const SYMLINK = '120000';

export interface StagedEntry {
  path: string;
  oid: string;
  /** False for a submodule or a symlink: only its name is checked. */
  read: boolean;
}

const DIFF_ARGS = ['diff', '--cached', '--raw', '-z', '--no-abbrev', '--no-renames', '--no-relative', '--no-ext-diff', '--diff-filter=ACMT'];

/**
 * What the next commit changes, read from the index: added, modified and
 * type-changed paths with the staged blob, never the work-tree file. On a
 * repository's first commit `diff --cached` compares with the empty tree.
 * Paths are relative to the repository root from any folder in it.
 */
export async function listStaged(cwd: string, collector: Collector): Promise<StagedEntry[]> {
  const out = await runGit(cwd, DIFF_ARGS, gitEnv('environment'));
  if (out.status !== 0) throw gitFailed('Reading the staged changes', DIFF_ARGS, out);
  const parts = splitZ(out.stdout);
  const entries: StagedEntry[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) {
    // :<old mode> <new mode> <old oid> <new oid> <status>
    const [, newMode, , newOid] = parts[i]!.slice(1).split(' ');
    const file = parts[i + 1]!;
    if (newMode === GITLINK) collector.stats.skippedSubmodules++;
    else if (newMode === SYMLINK) collector.stats.skippedSymlinks++;
    entries.push({ path: file, oid: newOid!, read: newMode !== GITLINK && newMode !== SYMLINK });
  }
  return entries;
}

/**
 * The index as a source. It needs no repository lookup first: `prepare`
 * starts the diff from `cwd`, side by side with the caller's lookup. `scan`
 * reads the staged blobs the sink wants: loose objects straight from the
 * object folder, the rest (packed, or out of the plain case) through one
 * `cat-file`. The caller checks that `cwd` is in a work tree, and reports
 * that error first.
 */
export class StagedSource implements Source {
  readonly roots: string[] = [];
  private readonly scanner: BlobScanner;
  private entries: StagedEntry[] = [];
  private repo: Repo | null = null;

  constructor(private readonly ctx: SourceContext) {
    this.scanner = new BlobScanner(ctx.sink);
  }

  prepare(): Promise<void> {
    const { ctx } = this;
    const listed = listStaged(ctx.cwd, ctx.sink).then(
      (entries) => {
        this.entries = entries;
      },
      async (e: unknown) => {
        // In a repository git refuses to read, diff falls back to comparing two files and only says
        // "unknown option"; cat-file says why: prefer its error.
        await catFileBatch(ctx.cwd, [], this.scanner);
        throw e;
      },
    );
    const root = ctx.repo.then((r) => {
      this.repo = r;
      if (!r?.root) return;
      this.roots.push(r.root);
      // The .env checks' git runs go side by side with the diff.
      ctx.onRepo?.(r.root);
    });
    return Promise.all([listed, root]).then(() => undefined);
  }

  async scan(sink: Collector): Promise<void> {
    // Every staged path is asked about, for a key in its name; only files are read.
    const entries = this.entries.filter((e) => sink.wants(e.path) && e.read);
    const objects = this.repo ? looseObjectsDir(this.repo) : null;
    const packed = new Set<string>();
    for (const oid of new Set(entries.map((e) => e.oid))) {
      const blob = objects === null ? null : readLooseBlob(objects, oid);
      if (blob === null) packed.add(oid);
      else this.scanner.whole(oid, blob);
    }
    if (packed.size > 0) await catFileBatch(this.ctx.cwd, packed, this.scanner);
    for (const e of entries) {
      const found = this.scanner.hits.get(e.oid);
      if (found) sink.detections(e.path, null, found);
    }
  }

  close(): void {}
}

import type { Collector } from '../collector.js';
import { gitEnv, gitFailed, runGit, splitZ } from '@dhmad/git-facts';
import { catFileBatch } from '../git.js';
import { BlobScanner } from './blobs.js';

const GITLINK = '160000';
const SYMLINK = '120000';

export interface StagedEntry {
  path: string;
  oid: string;
}

/**
 * What the next commit changes, read from the index: added, modified and
 * type-changed paths with the staged blob, never the work-tree file. On a
 * repository's first commit `diff --cached` compares with the empty tree.
 * Paths are relative to the repository root from any folder in it.
 */
export async function listStaged(cwd: string, collector: Collector): Promise<StagedEntry[]> {
  const args = ['diff', '--cached', '--raw', '-z', '--no-abbrev', '--no-renames', '--no-relative', '--no-ext-diff', '--diff-filter=ACMT'];
  const out = await runGit(cwd, args, gitEnv('environment'));
  if (out.status !== 0) throw gitFailed('Reading the staged changes', args, out);
  const parts = splitZ(out.stdout);
  const entries: StagedEntry[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) {
    // :<old mode> <new mode> <old oid> <new oid> <status>
    const [, newMode, , newOid] = parts[i]!.slice(1).split(' ');
    const file = parts[i + 1]!;
    if (newMode === GITLINK) collector.stats.skippedSubmodules++;
    else if (newMode === SYMLINK) collector.stats.skippedSymlinks++;
    else entries.push({ path: file, oid: newOid! });
  }
  return entries;
}

/**
 * Scan the staged blobs. It needs no repository lookup first: the diff and
 * the `cat-file` that reads the blobs start at once from `cwd`, side by side
 * with the caller's lookup, and `include` (which depends on the config found
 * at the repository root) is awaited only when the list is ready. The caller
 * checks that `cwd` is in a work tree and reports that error first.
 */
export async function scanStaged(cwd: string, collector: Collector, include: Promise<(file: string) => boolean>): Promise<void> {
  const listing = (async () => {
    const [all, keep] = await Promise.all([listStaged(cwd, collector), include]);
    return all.filter((e) => {
      if (keep(e.path)) return true;
      collector.stats.excluded++;
      return false;
    });
  })();
  async function* oids(): AsyncGenerator<string> {
    yield* new Set((await listing).map((e) => e.oid));
  }
  const scanner = new BlobScanner(collector);
  const [entries] = await Promise.all([listing, catFileBatch(cwd, oids(), scanner)]);
  for (const e of entries) {
    const found = scanner.hits.get(e.oid);
    if (found) collector.addDetections(e.path, null, found);
  }
}

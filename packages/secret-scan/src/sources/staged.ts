import type { Collector } from '../collector.js';
import { ScanError } from '../errors.js';
import { catFileBatch, gitAsyncOk, splitZ, type RepoInfo } from '../git.js';
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
 */
export async function listStaged(repo: RepoInfo, collector: Collector): Promise<StagedEntry[]> {
  if (!repo.root) throw new ScanError('--staged needs a work tree; this is a bare repository. Use --history instead.');
  // Not blocking: the .env checks start their git runs meanwhile.
  const out = await gitAsyncOk(
    repo.root,
    ['diff', '--cached', '--raw', '-z', '--no-abbrev', '--no-renames', '--no-ext-diff', '--diff-filter=ACMT'],
    'Reading the staged changes',
  );
  const parts = splitZ(out);
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

export async function scanStaged(repo: RepoInfo, collector: Collector, include: (file: string) => boolean): Promise<void> {
  const entries = (await listStaged(repo, collector)).filter((e) => {
    if (include(e.path)) return true;
    collector.stats.excluded++;
    return false;
  });
  if (entries.length === 0) return;
  const scanner = new BlobScanner(collector);
  await catFileBatch(repo.root!, new Set(entries.map((e) => e.oid)), scanner);
  for (const e of entries) {
    const found = scanner.hits.get(e.oid);
    if (found) collector.addDetections(e.path, null, found);
  }
}

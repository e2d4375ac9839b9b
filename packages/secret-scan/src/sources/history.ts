import type { Collector } from '../collector.js';
import type { Detection } from '../detect.js';
import { ScanError } from '../errors.js';
import type { Repo as RepoInfo } from '@dhmad/git-facts';
import { catFileBatch, gitLines, gitSync } from '../git.js';
import { BlobScanner } from './blobs.js';

interface Introduction {
  commit: string;
  path: string;
  /** Position in oldest-first order, to keep the earliest of several. */
  order: number;
}

function revisionArgs(range: string | null): string[] {
  return range ? [range] : ['--all'];
}

/**
 * Every distinct blob reachable from all refs (or `range`), each scanned once:
 * `rev-list --objects` names the blobs and one `cat-file --batch` streams them.
 * Only for blobs with findings is the history walked again to name the commit
 * and path that introduced them.
 */
export async function scanHistory(
  repo: RepoInfo,
  range: string | null,
  collector: Collector,
  include: (file: string) => boolean,
): Promise<void> {
  const cwd = repo.gitDir;
  if (range) {
    const ends = range.split(/\.\.\.?/).filter(Boolean);
    for (const rev of ends) {
      if (gitSync(cwd, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]).status !== 0) {
        throw new ScanError(`--history range ${range}: ${rev} is not a commit in this repository.`);
      }
    }
  }
  const scanner = new BlobScanner(collector);
  const names = gitLines(
    cwd,
    ['rev-list', '--objects', '--no-object-names', '--filter=object:type=blob', ...revisionArgs(range)],
    'Listing the history',
  );
  // rev-list's blob filter leaves some commits out of its listing, so they are counted apart.
  const count = gitSync(cwd, ['rev-list', '--count', ...revisionArgs(range)]);
  collector.stats.commits = count.status === 0 ? Number(count.stdout.toString('utf8').trim()) : 0;
  await catFileBatch(cwd, names, scanner);
  if (scanner.hits.size === 0) return;

  const intro = await findIntroductions(cwd, range, new Set(scanner.hits.keys()));
  const ordered = [...scanner.hits.entries()]
    .map(([oid, found]): [Introduction, Detection[]] => [intro.get(oid) ?? { commit: '', path: '', order: Infinity }, found])
    .sort((a, b) => a[0].order - b[0].order);
  const reported = new Set<string>();
  for (const [where, found] of ordered) {
    if (where.order === Infinity) continue; // only reachable through objects outside the range's commits
    if (!include(where.path)) {
      collector.stats.excluded++;
      continue;
    }
    // A key that stays in a file across later edits is the same finding: keep its first commit.
    const fresh = found.filter((d) => {
      const id = `${d.digest}\0${where.path}`;
      if (reported.has(id)) return false;
      reported.add(id);
      return true;
    });
    collector.addDetections(where.path, where.commit, fresh);
  }
}

/**
 * Walk the commits oldest first with `log --raw -z` (tree diffs only, no
 * content) and record, for each wanted blob, the first commit and path that
 * added it. `-m` shows merges against each parent, so a blob first written in
 * a merge's conflict resolution is found too.
 */
async function findIntroductions(cwd: string, range: string | null, wanted: Set<string>): Promise<Map<string, Introduction>> {
  const found = new Map<string, Introduction>();
  const tokens = gitLines(
    cwd,
    ['log', '--reverse', '-m', '--raw', '-z', '--no-abbrev', '--no-renames', '--format=%x01%H', ...revisionArgs(range), '--'],
    'Finding the commits that introduced the findings',
    '\0',
  );
  let commit = '';
  let order = 0;
  let pendingOid: string | null = null;
  let expectPath = false;
  for await (let token of tokens) {
    if (expectPath) {
      expectPath = false;
      if (pendingOid !== null && !found.has(pendingOid)) found.set(pendingOid, { commit, path: token, order: order++ });
      pendingOid = null;
      continue;
    }
    if (token.startsWith('\n')) token = token.slice(1);
    if (token.startsWith('\x01')) {
      commit = token.slice(1).trim();
    } else if (token.startsWith(':')) {
      // :<old mode> <new mode> <old oid> <new oid> <status>
      const fields = token.slice(1).split(' ');
      const status = fields[4] ?? '';
      const oid = fields[3] ?? '';
      expectPath = true;
      pendingOid = status !== 'D' && wanted.has(oid) ? oid : null;
    }
  }
  return found;
}

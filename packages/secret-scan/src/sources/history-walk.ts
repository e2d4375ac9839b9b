import { KEY_MARKER } from '@dhmad/sdk/key-format';
import type { Appearance as StoredAppearance } from '../checkpoint.js';
import type { Collector } from '../collector.js';
import type { Detection } from '../detect.js';
import { ScanError } from '../errors.js';
import { catFileBatch, gitLines, gitSync } from '../git.js';
import { BlobScanner } from './blobs.js';

// What a scan of history reads with git: the blobs of every ref through one cat-file, and the
// walks that say where each blob appears and which commit put it there. history.ts runs them
// for a scan; history-checkpoint.ts for the part of one that is new since a checkpoint.

/** Where a blob (or a submodule, for its name) appears, with its position in oldest-first order. */
export interface Appearance extends StoredAppearance {
  order: number;
  gitlink?: true;
}

const OID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/** Every ref: what `git log --all` and `rev-list --all` walk. */
const ALL: readonly string[] = ['--all'];

/**
 * Every blob of every ref scanned, and each finding at every path with its first commit. Beside
 * the scan, only the paths with a key in their name are walked, until a blob has a finding: then
 * that walk stops, and the walk that names every path of every blob starts beside the rest of the
 * scan (a blob found later is among them), unless it would hold more than `walkLimit`
 * appearances; then it is run after the scan, for the blobs with findings only. Starting it at
 * the first finding instead of after the scan took 8% off a scan of the bench's eslint history.
 */
export async function scanEveryRef(cwd: string, sink: Collector, walkLimit = WALK_LIMIT): Promise<void> {
  let early: Promise<Appearance[] | null> | null = null;
  const named = walk(cwd, ALL, NO_BLOBS, [], KEY_NAMES, { stopped: () => early !== null });
  // Both walks are awaited after the scan; a git failure in the meantime must not go unhandled.
  named.catch(() => undefined);
  const hits = await scanBlobs(cwd, sink, [], () => {
    early = walk(cwd, ALL, null, [], [], { limit: walkLimit });
    early.catch(() => undefined);
  });
  if (hits.size === 0) report((await named)!, hits, sink);
  else report((await early) ?? (await walkAppearances(cwd, ALL, new Set(hits.keys()))), hits, sink);
}

export function countCommits(cwd: string, revisions: readonly string[]): number {
  const count = gitSync(cwd, ['rev-list', '--count', ...revisions]);
  if (count.status !== 0) throw new ScanError(`Counting the commits failed (git rev-list): ${count.stderr}`);
  return Number(count.stdout.toString('utf8').trim());
}

/**
 * Scan every blob reachable from all refs, or (with `exclude`, tips whose history was
 * scanned before) only those not reachable from them: each distinct blob once.
 */
export async function scanBlobs(cwd: string, sink: Collector, exclude: readonly string[] = [], onFirstHit?: () => void): Promise<Map<string, Detection[]>> {
  const scanner = new BlobScanner(sink, onFirstHit);
  const input = exclude.length > 0 ? exclude.map((tip) => `^${tip}\n`).join('') : undefined;
  async function* blobs(): AsyncGenerator<string> {
    const args = ['rev-list', '--objects', '--filter=object:type=blob', '--all', ...(input ? ['--stdin'] : [])];
    for await (const line of gitLines(cwd, args, 'Listing the history', '\n', input)) {
      const space = line.indexOf(' ');
      const oid = space === -1 ? line : line.slice(0, space);
      if (OID.test(oid)) yield oid;
    }
  }
  await catFileBatch(cwd, blobs(), scanner);
  return scanner.hits;
}

/** Each path a blob appears at, oldest first: a finding per path the sink wants, with the commit that put the key there. */
export function report(appearances: readonly StoredAppearance[], hits: ReadonlyMap<string, Detection[]>, sink: Collector): void {
  const wanted = new Map<string, boolean>();
  const reported = new Set<string>();
  for (const a of appearances) {
    let wants = wanted.get(a.path);
    if (wants === undefined) {
      wants = sink.wants(a.path, a.commit);
      wanted.set(a.path, wants);
    }
    const found = hits.get(a.oid);
    if (!wants || !found) continue;
    // A key that stays in a file across later edits is the same finding: keep its first commit.
    const fresh = found.filter((d) => {
      const id = `${d.digest}\0${a.path}`;
      if (reported.has(id)) return false;
      reported.add(id);
      return true;
    });
    sink.detections(a.path, a.commit, fresh);
  }
}

const NO_BLOBS: ReadonlySet<string> = new Set();
/** The most appearances a walk of every blob keeps (about 200 bytes each) before it gives up. */
const WALK_LIMIT = 250_000;
/** Every path with a key marker anywhere in it (`*` spans folders here), from the top of the repository. */
const KEY_NAMES: readonly string[] = [`:(top)*${KEY_MARKER}*`];

/**
 * The paths with a key marker in their name, and the first commit that put each there: the
 * walk {@link walkAppearances} does, for names alone, with a pathspec so that git diffs only
 * those paths and sends nothing else (`--full-history`: a commit on a merged side branch counts).
 */
export async function walkKeyNames(cwd: string, revisions: readonly string[], exclude: readonly string[] = []): Promise<Appearance[]> {
  return (await walk(cwd, revisions, NO_BLOBS, exclude, KEY_NAMES))!;
}

/**
 * Walk the commits oldest first with `log --raw -z` (tree diffs only, no
 * content), leaving out those reachable from `exclude` (tips scanned before),
 * and record, for each blob (each of `wanted`, or every one), every
 * path it is added or changed at and the first commit that did; and every
 * path with a key marker in its name, whatever is there (a submodule too),
 * for the finding about the name. `-m` shows merges against each parent, so
 * a blob first written in a merge's conflict resolution is found too.
 */
export async function walkAppearances(cwd: string, revisions: readonly string[], wanted: ReadonlySet<string> | null, exclude: readonly string[] = []): Promise<Appearance[]> {
  return (await walk(cwd, revisions, wanted, exclude, []))!;
}

interface WalkLimits {
  /** Give up (answer null) once the caller no longer needs the walk. */
  stopped?: (() => boolean) | undefined;
  /** Give up (answer null) past this many appearances. */
  limit?: number;
}

/** The walk of {@link walkAppearances}; null when it gave up (see {@link WalkLimits}), which ends git. */
async function walk(
  cwd: string,
  revisions: readonly string[],
  wanted: ReadonlySet<string> | null,
  exclude: readonly string[],
  pathspec: readonly string[],
  { stopped, limit = Infinity }: WalkLimits = {},
): Promise<Appearance[] | null> {
  const seen = new Set<string>();
  const out: Appearance[] = [];
  const input = exclude.length > 0 ? exclude.map((tip) => `^${tip}\n`).join('') : undefined;
  const tokens = gitLines(
    cwd,
    [
      'log', '--reverse', '-m', '--raw', '-z', '--no-abbrev', '--no-renames', '--format=%x01%H', ...(pathspec.length > 0 ? ['--full-history'] : []),
      ...revisions, ...(input ? ['--stdin'] : []), '--', ...pathspec,
    ],
    'Finding the commits that introduced the findings',
    '\0',
    input,
  );
  let commit = '';
  let pending: { oid: string; gitlink: boolean; blob: boolean } | null = null;
  let expectPath = false;
  for await (let token of tokens) {
    // Leaving the loop ends the generator, which ends its git.
    if (out.length > limit || stopped?.()) return null;
    if (expectPath) {
      expectPath = false;
      if (pending !== null && (pending.blob || token.includes(KEY_MARKER))) {
        const id = `${pending.oid}\0${token}`;
        if (!seen.has(id)) {
          seen.add(id);
          out.push({ oid: pending.oid, path: token, commit, order: out.length, ...(pending.gitlink ? { gitlink: true } : {}) });
        }
      }
      pending = null;
      continue;
    }
    if (token.startsWith('\n')) token = token.slice(1);
    if (token.startsWith('\x01')) {
      commit = token.slice(1).trim();
    } else if (token.startsWith(':')) {
      // :<old mode> <new mode> <old oid> <new oid> <status>
      const fields = token.slice(1).split(' ');
      const mode = fields[1] ?? '';
      const oid = fields[3] ?? '';
      const status = fields[4] ?? '';
      expectPath = true;
      // A submodule's commit (160000) is not this repository's to read: only its name counts.
      const gitlink = mode === '160000';
      pending = status === 'D' ? null : { oid, gitlink, blob: !gitlink && (wanted === null || wanted.has(oid)) };
    }
  }
  return out;
}

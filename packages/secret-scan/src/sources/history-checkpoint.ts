import path from 'node:path';
import { KEY_MARKER } from '@dhmad/sdk/key-format';
import { type Appearance, type Checkpoint, readCheckpoint, storable, writeCheckpoint } from '../checkpoint.js';
import type { Collector } from '../collector.js';
import type { Detection } from '../detect.js';
import { ScanError } from '../errors.js';
import { gitAsync } from '../git.js';
import { report, scanBlobs, walkAppearances, walkKeyNames } from './history-walk.js';

const lines = (buf: Buffer): string[] => buf.toString('utf8').split('\n').filter(Boolean);

async function gitList(cwd: string, args: readonly string[], what: string, input?: string): Promise<string[]> {
  const r = await gitAsync(cwd, args, input);
  if (r.status !== 0) throw new ScanError(`${what} failed (git ${args[0]}): ${r.stderr}`);
  return lines(r.stdout);
}

/** What every ref (and HEAD) points at now: the tips a scan of `--all` covers. */
async function currentTips(cwd: string): Promise<string[]> {
  const [refs, head] = await Promise.all([gitList(cwd, ['for-each-ref', '--format=%(objectname)'], 'Listing the refs'), gitAsync(cwd, ['rev-parse', '--verify', '--quiet', 'HEAD'])]);
  if (head.status === 0) refs.push(...lines(head.stdout));
  return [...new Set(refs)].sort();
}

const negated = (tips: readonly string[]): string => tips.map((t) => `^${t}\n`).join('');

/** The largest of `xs` and `floor`, for arrays too long to spread into Math.max. */
function newestOf(xs: readonly number[], floor: number): number {
  let m = floor;
  for (const x of xs) if (x > m) m = x;
  return m;
}

/** The commits of every ref not reachable from `exclude`: their committer dates (Unix seconds), and which are root commits. */
async function commitsSince(cwd: string, exclude: readonly string[]): Promise<{ dates: number[]; roots: string[] }> {
  const input = exclude.length > 0 ? negated(exclude) : undefined;
  const out = await gitList(cwd, ['log', '--format=%ct %H %P', '--all', ...(input ? ['--stdin'] : []), '--'], 'Listing the commits', input);
  const dates: number[] = [];
  const roots: string[] = [];
  for (const line of out) {
    const [date, commit, parent] = line.split(' ');
    dates.push(Number(date));
    if (!parent) roots.push(commit!);
  }
  return { dates, roots };
}

/** Whether some commit the checkpoint covered is no longer reachable from any ref (or no longer exists). */
async function lostCommits(cwd: string, tips: readonly string[]): Promise<boolean> {
  const r = await gitAsync(cwd, ['rev-list', '--count', '--stdin', '--not', '--all'], tips.map((t) => `${t}\n`).join(''));
  return r.status !== 0 || lines(r.stdout)[0] !== '0';
}

/** What a finished scan covered, as the next run's checkpoint. */
function nextCheckpoint(covered: Omit<Checkpoint, 'hits' | 'named' | 'appearances' | 'rewalk'>, hits: ReadonlyMap<string, Detection[]>, named: ReadonlySet<string>, appearances: readonly Appearance[]): Checkpoint {
  const kept: Appearance[] = [];
  const rewalk = new Set<string>();
  for (const a of appearances) {
    const s = storable(a);
    if (s) kept.push(s);
    else rewalk.add(a.oid);
  }
  return { ...covered, hits: Object.fromEntries(hits), named: [...named], appearances: kept, rewalk: [...rewalk] };
}

/** Write the checkpoint only for a complete scan: what could not be read must be read next time. */
function record(sink: Collector, file: string, checkpoint: Checkpoint): void {
  if (sink.stats.unreadable.length === 0) {
    writeCheckpoint(file, checkpoint);
  } else if (sink.stats.checkpoint) {
    sink.stats.checkpoint.note += '; the checkpoint was not updated, since the scan is incomplete';
  }
}

/**
 * A checkpoint is this machine's record of what it scanned. One that git tracks came with the
 * commits, and a commit can hold a forged one that claims its own tips were scanned, so that a
 * scan reads nothing of what it adds: refused, whatever it holds.
 */
async function refuseTracked(workTree: string, file: string): Promise<void> {
  // Outside the work tree, git refuses the path (exit 128): then it is not the repository's.
  const r = await gitAsync(workTree, ['ls-files', '-z', '--', path.resolve(file)]);
  if (r.status === 0 && r.stdout.length > 0) {
    throw new ScanError(
      `--checkpoint ${file} is a file of the repository (git tracks it), and a checkpoint that comes with the commits could claim anything was scanned. ` +
        'Keep it outside the repository, or untracked (as a CI cache restores it).',
    );
  }
}

/** Why `checkpoint` cannot serve as the base of this scan (see {@link scanWithCheckpoint}), or null. */
async function unusable(cwd: string, checkpoint: Checkpoint): Promise<string | null> {
  if (!(await lostCommits(cwd, checkpoint.tips))) return null;
  // Only now are the root commits listed: they tell another repository from a rewritten one.
  const { roots } = await commitsSince(cwd, []);
  if (!checkpoint.roots.some((r) => roots.includes(r))) return 'it is of another repository (other root commits)';
  return 'commits it covered are gone (history was rewritten by a force-push, or a branch was deleted)';
}

/**
 * `--history --checkpoint FILE`: with a usable checkpoint, scan only the blobs not
 * reachable from the tips it covered, walk only the new commits for where the
 * blobs with findings appear, and give the findings and introducing commits a
 * full scan gives; otherwise scan everything and say why. A checkpoint is usable
 * when every commit it covered is still reachable: a force-push or a deleted
 * branch takes commits away (a full scan no longer reports what they held), and
 * a checkpoint of another repository covers commits this one lacks. Either way,
 * once the scan is complete, FILE records it.
 */
export async function scanWithCheckpoint(cwd: string, file: string, sink: Collector, workTree: string | null = null): Promise<void> {
  if (workTree !== null) await refuseTracked(workTree, file);
  const read = readCheckpoint(file);
  // The tips are taken before anything is read: a ref that moves during the scan is read again next time.
  const tipsNow = currentTips(cwd);
  const why = 'checkpoint' in read ? await unusable(cwd, read.checkpoint) : null;
  const base = 'checkpoint' in read && why === null ? read.checkpoint : null;
  if ('missing' in read) sink.stats.checkpoint = { incremental: false, note: `no checkpoint at ${file} yet: scanned the whole history` };
  else if ('unusable' in read) sink.stats.checkpoint = { incremental: false, note: `the checkpoint ${file} was not used (${read.unusable}): scanned the whole history` };
  else if (why) sink.stats.checkpoint = { incremental: false, note: `the checkpoint ${file} no longer matches (${why}): scanned the whole history` };

  const exclude = base?.tips ?? [];
  // The new commits, their blobs, and their appearances (every one, or, for a full scan, those
  // with a key in the path's name), side by side.
  const [tips, since, found, walked] = await Promise.all([
    tipsNow,
    commitsSince(cwd, exclude),
    scanBlobs(cwd, sink, exclude),
    base ? walkAppearances(cwd, ['--all'], null, exclude) : walkKeyNames(cwd, ['--all']),
  ]);
  const hits = new Map<string, Detection[]>(Object.entries(base?.hits ?? {}));
  for (const [oid, ds] of found) hits.set(oid, ds);
  const named = new Set([...(base?.named ?? []), ...walked.filter((a) => a.path.includes(KEY_MARKER)).map((a) => a.oid)]);
  const wanted = new Set([...hits.keys(), ...named]);
  sink.stats.commits = (base?.commits ?? 0) + since.dates.length;
  let appearances: Appearance[];
  if (!base) {
    // Without detections, the names are all there is to report, and the walk beside the scan found them.
    appearances = hits.size === 0 ? walked : await walkAppearances(cwd, ['--all'], wanted);
  } else {
    const fresh = walked.filter((a) => wanted.has(a.oid));
    // New commits come after the old ones in the walk a full scan does, unless some are dated
    // no later than the newest old one; only then can a new commit put a blob at a path first,
    // and only then (or when a stored path was left out for holding a key) is the whole history walked.
    const oldPaths = new Set(base.appearances.map((a) => a.path));
    const ambiguous = since.dates.some((d) => d <= base.newest) && fresh.some((a) => oldPaths.has(a.path));
    if (ambiguous || base.rewalk.length > 0) {
      appearances = await walkAppearances(cwd, ['--all'], wanted);
    } else {
      const seen = new Set(base.appearances.map((a) => `${a.oid}\0${a.path}`));
      appearances = [...base.appearances, ...fresh.filter((a) => !seen.has(`${a.oid}\0${a.path}`))];
    }
    sink.stats.checkpoint = { incremental: true, note: `scanned the ${since.dates.length} commits new since the checkpoint ${file}` };
  }
  report(appearances, hits, sink);
  const covered = {
    tips,
    roots: [...new Set([...(base?.roots ?? []), ...since.roots])].sort(),
    newest: newestOf(since.dates, base?.newest ?? 0),
    commits: sink.stats.commits,
  };
  record(sink, file, nextCheckpoint(covered, hits, named, appearances));
}

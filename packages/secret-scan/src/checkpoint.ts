import { randomBytes } from 'node:crypto';
import { closeSync, constants, lstatSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { redactText } from '@dhmad/sdk/key-format';
import type { Detection } from './detect.js';
import { ScanError } from './errors.js';
import { refuseLinkedFolder } from './safe-write.js';

/** Bumped whenever what a checkpoint holds, or what the detector finds, changes: an older one is not reused. */
const FORMAT = 2;

/** Where a blob appears: a path, and the first commit (oldest first) that put it there. */
export interface Appearance {
  oid: string;
  path: string;
  commit: string;
}

/**
 * What a complete `--history` scan covered, so the next one reads only what is new:
 * the refs' tips it scanned, the root commits (which tell one repository from
 * another), the detections of every blob that had any, and where those blobs
 * appear. It never holds a key: detections carry a digest and the printable
 * keyPrefix, and a path with a key in it is not stored (the blob is walked again).
 */
export interface Checkpoint {
  tips: string[];
  roots: string[];
  /** Newest committer date (Unix seconds) of the commits covered, and how many they are. */
  newest: number;
  commits: number;
  hits: Record<string, Detection[]>;
  /** Blobs (and submodule commits) at a path with a key marker in its name: walked even without detections. */
  named: string[];
  appearances: Appearance[];
  /** Blobs with an appearance at a path that was not stored because it holds a key. */
  rewalk: string[];
}

interface Stored extends Omit<Checkpoint, 'hits'> {
  dhmadScanCheckpoint: number;
  hits: Record<string, Omit<Detection, 'secret'>[]>;
}

export type CheckpointRead = { checkpoint: Checkpoint } | { missing: true } | { unusable: string };

function refuseLink(file: string): void {
  let st;
  try {
    st = lstatSync(file);
  } catch {
    return;
  }
  if (st.isSymbolicLink()) {
    throw new ScanError(`--checkpoint ${file} is a symlink, and dhmad-scan never reads or writes a checkpoint through one. Give the path of a regular file.`);
  }
}

/** The checkpoint at `file`, or why it cannot be used. A symlink is an error. */
export function readCheckpoint(file: string): CheckpointRead {
  refuseLink(file);
  let text: string;
  try {
    const fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    try {
      text = readFileSync(fd, 'utf8');
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { missing: true };
    return { unusable: `it cannot be read (${code ?? String(e)})` };
  }
  let data: Partial<Stored>;
  try {
    data = JSON.parse(text) as Partial<Stored>;
  } catch {
    return { unusable: 'it is not a dhmad-scan checkpoint (not JSON)' };
  }
  if (data.dhmadScanCheckpoint !== FORMAT) {
    return { unusable: data.dhmadScanCheckpoint === undefined ? 'it is not a dhmad-scan checkpoint' : 'it was written by another version of dhmad-scan' };
  }
  const { tips, roots, newest, commits, hits, named, appearances, rewalk } = data;
  if (!Array.isArray(tips) || !Array.isArray(roots) || typeof newest !== 'number' || typeof commits !== 'number' || typeof hits !== 'object' || hits === null || !Array.isArray(named) || !Array.isArray(appearances) || !Array.isArray(rewalk)) {
    return { unusable: 'it is incomplete' };
  }
  return { checkpoint: { tips, roots, newest, commits, hits: hits as Record<string, Detection[]>, named, appearances, rewalk } };
}

/**
 * Write the checkpoint atomically (a temporary file beside it, then a rename), so a
 * crash leaves the previous one or the new one, never half of one; never through a symlink.
 */
export function writeCheckpoint(file: string, checkpoint: Checkpoint): void {
  refuseLink(file);
  refuseLinkedFolder(process.cwd(), file, '--checkpoint');
  const hits: Stored['hits'] = {};
  // Only the enumerable fields: a kept key (for --verify) is never one of them.
  for (const [oid, ds] of Object.entries(checkpoint.hits)) hits[oid] = ds.map((d) => ({ ...d }));
  const stored: Stored = { dhmadScanCheckpoint: FORMAT, ...checkpoint, hits };
  const text = JSON.stringify(stored);
  if (redactText(text) !== text) throw new ScanError('Internal error: a checkpoint would hold a key, so none was written.');
  const tmp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number;
  try {
    fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o600);
  } catch (e) {
    throw new ScanError(`--checkpoint: cannot write beside ${file} (${(e as NodeJS.ErrnoException).code ?? String(e)}).`);
  }
  try {
    writeSync(fd, text);
    closeSync(fd);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new ScanError(`--checkpoint: cannot write ${file} (${(e as NodeJS.ErrnoException).code ?? String(e)}).`);
  }
}

/** An appearance as a checkpoint may store it: null when its path holds a key. */
export function storable(a: Appearance): Appearance | null {
  return redactText(a.path) === a.path ? { oid: a.oid, path: a.path, commit: a.commit } : null;
}

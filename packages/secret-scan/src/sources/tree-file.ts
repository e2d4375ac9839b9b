import { closeSync, constants, lstatSync, openSync, readSync } from 'node:fs';
import type { Collector } from '../collector.js';
import { CHUNK_BYTES, mayContainKey, PREFILTER_OVERLAP, sniffEncoding, StreamDetector } from '../detect.js';

// Reading one listed file of a tree, on whichever thread claims it (tree.ts lists, tree-parallel.ts shares out).

export interface TreeTarget {
  /** Absolute path of the file to read. */
  abs: string;
  /** Path as reported: relative to the repository root (or the scan root), `/`-separated. */
  file: string;
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

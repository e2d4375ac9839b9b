import { closeSync, openSync, readSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ScanStats } from '../collector.js';
import type { Finding } from '../findings.js';

/*
 * Starting the helper threads of a tree scan, apart from their scanning code:
 * the CLI loads this small module first and can start the threads while node
 * is still loading the scanner (a thread takes about as long to boot).
 */

/** Below this many files a second thread costs more than it saves. */
export const PARALLEL_MIN_FILES = 512;

/** Tells this package's scan threads from a user's own worker thread that imports the library. */
export interface Marker {
  dhmadScanJob: true;
}

export interface JobResult {
  findings: Finding[];
  /** The key of each finding, only when secrets are kept (for --verify); never leaves the process. */
  secrets: (string | null)[];
  stats: ScanStats;
}

export interface Helper {
  worker: Worker;
  result: Promise<JobResult>;
}

/**
 * How many entries the repository's index holds (the header of
 * `<git dir>/index`), 0 when it cannot tell: a hint of the tree's size
 * that costs one small read instead of a git run.
 */
export function indexEntries(gitDir: string): number {
  const head = Buffer.alloc(12);
  try {
    const fd = openSync(path.join(gitDir, 'index'), 'r');
    try {
      if (readSync(fd, head, 0, 12, 0) < 12) return 0;
    } finally {
      closeSync(fd);
    }
  } catch {
    return 0;
  }
  return head.toString('latin1', 0, 4) === 'DIRC' ? head.readUInt32BE(8) : 0;
}

/** One helper per extra core (at most 3), booting at once. */
export function startHelpers(): Helper[] {
  const helpers: Helper[] = [];
  const extra = Math.min(os.availableParallelism(), 4) - 1;
  for (let w = 0; w < extra; w++) {
    const marker: Marker = { dhmadScanJob: true };
    const worker = new Worker(new URL('./tree-parallel.js', import.meta.url), { workerData: marker });
    const result = new Promise<JobResult>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`A scan thread stopped (exit code ${code}) before it reported.`)));
    });
    // Rejections of helpers stopped unused are nobody's concern; used ones are awaited.
    result.catch(() => undefined);
    helpers.push({ worker, result });
  }
  return helpers;
}

let early: Helper[] = [];

/**
 * Start the helpers before the scan asks for them (once). Until a scan takes
 * them they do not keep the process alive, so a run that ends early (an error,
 * a small tree) is not held up by them.
 */
export function startHelpersEarly(): readonly Helper[] {
  if (early.length > 0) return early;
  early = startHelpers();
  for (const h of early) h.worker.unref();
  return early;
}

/** The helpers {@link startHelpersEarly} started, now the caller's to use or stop. */
export function takeEarlyHelpers(): Helper[] {
  const taken = early;
  early = [];
  for (const h of taken) h.worker.ref();
  return taken;
}

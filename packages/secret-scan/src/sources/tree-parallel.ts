import { closeSync, openSync, readSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { Collector, type ScanStats, secretOf } from '../collector.js';
import type { Finding } from '../findings.js';
import { SCAN_THREAD_ARG } from '../scan-thread.js';
import { scanFile, type TreeTarget } from './tree-file.js';

/**
 * Below this many files a second thread costs more than it saves: it takes about 40 ms of
 * CPU to boot (loading the bundle again), as long as reading ~3,000 small files, and on a
 * machine whose cores are busy that CPU is taken from the scan. Measured on a 2,300-file
 * checkout (bench/run.mjs): 247 ms single-threaded against 286 ms with the helper.
 */
export const PARALLEL_MIN_FILES = 4096;

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

/** Tells this module's worker code from a user's own worker thread that imports the library. */
interface Marker {
  dhmadScanJob: true;
}

interface Job {
  targets: TreeTarget[];
  /** Index of the next unclaimed target, shared by all threads (Int32Array over a SharedArrayBuffer). */
  next: SharedArrayBuffer;
  keepSecrets: boolean;
}

interface JobResult {
  findings: Finding[];
  /** The key of each finding, only when secrets are kept (for --verify); never leaves the process. */
  secrets: (string | null)[];
  stats: ScanStats;
}

/** Claim targets one at a time until none are left; the threads share the counter, so a thread stuck on a big file does not hold up the rest. */
function drain(targets: readonly TreeTarget[], next: Int32Array, collector: Collector, tick?: () => void): void {
  for (;;) {
    const i = Atomics.add(next, 0, 1);
    if (i >= targets.length) return;
    scanFile(targets[i]!, collector);
    tick?.();
  }
}

interface Helper {
  worker: Worker;
  result: Promise<JobResult>;
}

/**
 * Threads that help scan a large tree, one per extra core. A thread takes
 * about as long to start as git takes to list a big tree, so when the
 * repository is known to be big (see {@link indexEntries}) they are started
 * before the listing and are ready when it is; otherwise only once the
 * listing shows enough files, so a small tree never pays for them.
 */
export class ScanPool {
  private readonly helpers: Helper[] = [];
  /** Set by the first start, and by close: a closed pool never starts threads. */
  private started = false;

  /** Start the helpers now when the repository's index already lists enough files. */
  startIfBig(gitDir: string): void {
    if (indexEntries(gitDir) >= PARALLEL_MIN_FILES) this.start();
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    const extra = Math.min(os.availableParallelism(), 4) - 1;
    for (let w = 0; w < extra; w++) {
      const marker: Marker = { dhmadScanJob: true };
      const worker = new Worker(new URL(import.meta.url), { workerData: marker, argv: [SCAN_THREAD_ARG] });
      const result = new Promise<JobResult>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`A scan thread stopped (exit code ${code}) before it reported.`)));
      });
      // Rejections of helpers stopped unused are nobody's concern; used ones are awaited.
      result.catch(() => undefined);
      this.helpers.push({ worker, result });
    }
  }

  /** Start the helpers if `files` are enough to need them (else {@link scan} stops them). */
  prepare(files: number): void {
    if (files >= PARALLEL_MIN_FILES) this.start();
  }

  /** Scan the listed files on this thread and, when there are enough of them, on the helpers too. */
  async scan(targets: TreeTarget[], collector: Collector, tick: () => void): Promise<void> {
    this.prepare(targets.length);
    const helpers = targets.length >= PARALLEL_MIN_FILES ? this.helpers.splice(0) : [];
    this.close();
    const next = new SharedArrayBuffer(4);
    for (const h of helpers) {
      const job: Job = { targets, next, keepSecrets: collector.keepSecrets };
      h.worker.postMessage(job);
    }
    drain(targets, new Int32Array(next), collector, tick);
    for (const result of await Promise.all(helpers.map((h) => h.result))) {
      result.findings.forEach((f, i) => collector.adopt(f, result.secrets[i] ?? undefined));
      collector.merge(result.stats);
    }
  }

  /** Stop the helpers that were not used; none start after this (a listing still running after an error). */
  close(): void {
    this.started = true;
    for (const h of this.helpers.splice(0)) void h.worker.terminate();
  }
}

if (!isMainThread && parentPort && (workerData as Partial<Marker> | null)?.dhmadScanJob === true) {
  const port = parentPort;
  port.once('message', (job: Job) => {
    const collector = new Collector({ keepSecrets: job.keepSecrets });
    drain(job.targets, new Int32Array(job.next), collector);
    const result: JobResult = {
      findings: collector.findings,
      secrets: collector.findings.map((f) => secretOf(f) ?? null),
      stats: collector.stats,
    };
    port.postMessage(result);
    port.close();
  });
}

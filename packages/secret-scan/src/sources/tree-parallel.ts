import os from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { Collector, type ScanStats, secretOf } from '../collector.js';
import type { Finding } from '../findings.js';
import { scanFile, type TreeTarget } from './tree.js';

/** Below this many files a second thread costs more to start than it saves. */
const PARALLEL_MIN_FILES = 512;

interface Job {
  /** Tells this module's worker code from a user's own worker thread that imports the library. */
  dhmadScanJob: true;
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

/**
 * Scan the listed files on this thread and, for a large tree, on worker
 * threads too (one per extra core): reading from the page cache and the
 * byte prefilter are both CPU-bound.
 */
export async function scanTargets(targets: TreeTarget[], collector: Collector, tick: () => void): Promise<void> {
  const extra = targets.length >= PARALLEL_MIN_FILES ? Math.min(os.availableParallelism(), 4) - 1 : 0;
  const next = new SharedArrayBuffer(4);
  const workers: Promise<JobResult>[] = [];
  for (let w = 0; w < extra; w++) {
    const job: Job = { dhmadScanJob: true, targets, next, keepSecrets: collector.keepSecrets };
    workers.push(
      new Promise((resolve, reject) => {
        const worker = new Worker(new URL(import.meta.url), { workerData: job });
        worker.once('message', resolve);
        worker.once('error', reject);
      }),
    );
  }
  drain(targets, new Int32Array(next), collector, tick);
  for (const result of await Promise.all(workers)) {
    result.findings.forEach((f, i) => collector.adopt(f, result.secrets[i] ?? undefined));
    collector.merge(result.stats);
  }
}

if (!isMainThread && parentPort && (workerData as Partial<Job> | null)?.dhmadScanJob === true) {
  const job = workerData as Job;
  const collector = new Collector({ keepSecrets: job.keepSecrets });
  drain(job.targets, new Int32Array(job.next), collector);
  const result: JobResult = {
    findings: collector.findings,
    secrets: collector.findings.map((f) => secretOf(f) ?? null),
    stats: collector.stats,
  };
  parentPort.postMessage(result);
}

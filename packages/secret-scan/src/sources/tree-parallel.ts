import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { Collector, secretOf } from '../collector.js';
import { type Helper, indexEntries, type JobResult, type Marker, PARALLEL_MIN_FILES, startHelpers, takeEarlyHelpers } from './helpers.js';
import { scanFile, type TreeTarget } from './tree.js';

interface Job {
  targets: TreeTarget[];
  /** Index of the next unclaimed target, shared by all threads (Int32Array over a SharedArrayBuffer). */
  next: SharedArrayBuffer;
  keepSecrets: boolean;
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
 * Threads that help scan a large tree, one per extra core. A thread takes
 * about as long to start as git takes to list a big tree, so when the
 * repository is known to be big (see {@link indexEntries}) they are started
 * before the listing and are ready when it is; otherwise only once the
 * listing shows enough files, so a small tree never pays for them.
 */
export class ScanPool {
  private readonly helpers: Helper[] = [];
  private started = false;

  /** Start the helpers now when the repository's index already lists enough files. */
  startIfBig(gitDir: string): void {
    if (indexEntries(gitDir) >= PARALLEL_MIN_FILES) this.start();
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    // The CLI may have started them already, while the scanner loaded.
    const early = takeEarlyHelpers();
    this.helpers.push(...(early.length > 0 ? early : startHelpers()));
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

  /** Stop the helpers that were not used. */
  close(): void {
    for (const h of [...this.helpers.splice(0), ...takeEarlyHelpers()]) void h.worker.terminate();
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

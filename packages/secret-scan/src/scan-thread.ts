/**
 * On a scan thread's command line (tree-parallel.ts starts the threads of a big tree on the
 * bundle the bin runs): the bundle then does the thread's work, not the CLI's. Asked without
 * loading node:worker_threads (2 ms of every run's start, a `--staged` hook's too); a main thread
 * given the argument on its command line is still told apart, by `isMainThread`.
 */
export const SCAN_THREAD_ARG = '--dhmad-scan-thread';

/** Whether this thread is a scan thread of a big tree. */
export function isScanThread(): boolean {
  return process.argv.includes(SCAN_THREAD_ARG) && !process.getBuiltinModule('node:worker_threads').isMainThread;
}

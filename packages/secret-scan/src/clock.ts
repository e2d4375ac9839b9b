/**
 * Milliseconds on a monotonic clock. Not `performance.now()`: the `performance` global loads
 * node:perf_hooks on first use, half a millisecond of a pre-commit run's start.
 */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

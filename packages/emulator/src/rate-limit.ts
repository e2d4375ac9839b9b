const WINDOW_MS = 60_000;

type RateDecision = { allowed: true; remaining: number; resetMs: number } | { allowed: false; retryAfter: number; resetMs: number };

/**
 * Fixed one-minute windows per bucket (an IP, a key), on the emulator clock so
 * tests can cross a window with `advanceTime` instead of waiting.
 */
export class RateLimiter {
  #windows = new Map<string, { start: number; count: number }>();

  hit(bucket: string, limit: number, nowMs: number): RateDecision {
    let w = this.#windows.get(bucket);
    if (!w || nowMs - w.start >= WINDOW_MS || nowMs < w.start) {
      w = { start: nowMs, count: 0 };
      this.#windows.set(bucket, w);
    }
    const resetMs = w.start + WINDOW_MS;
    if (w.count >= limit) {
      return { allowed: false, retryAfter: Math.max(1, Math.ceil((resetMs - nowMs) / 1000)), resetMs };
    }
    w.count++;
    return { allowed: true, remaining: limit - w.count, resetMs };
  }

  clear(): void {
    this.#windows.clear();
  }
}

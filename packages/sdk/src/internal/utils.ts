import { DhmadConfigError } from '../core/errors.js';

/**
 * One path segment from a caller-supplied id: percent-encoded, and `.`/`..`
 * refused, so an id can never walk to another endpoint (`../../me`).
 */
export function pathSegment(name: string, value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new DhmadConfigError(`\`${name}\` must be a non-empty string; got ${value === '' ? 'an empty string' : typeof value}.`);
  }
  if (value === '.' || value === '..') {
    throw new DhmadConfigError(`\`${name}\` may not be "${value}".`);
  }
  return encodeURIComponent(value);
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function isPlainNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Durations as inputs spell them: `0`, `90s`, `30m`, `12h`, `7d`, `2w`. */

const UNITS: Readonly<Record<string, number>> = {
  s: 1000,
  m: 60 * 1000,
  h: 60 * 60 * 1000,
  d: 24 * 60 * 60 * 1000,
  w: 7 * 24 * 60 * 60 * 1000,
};

export class DurationError extends Error {
  override readonly name = 'DurationError';
}

/** Milliseconds of a duration such as `7d`; throws {@link DurationError} naming the input. */
export function parseDuration(input: string, value: string): number {
  const v = value.trim();
  if (v === '0') return 0;
  const m = /^(\d+)\s*([smhdw])$/.exec(v);
  if (!m) {
    throw new DurationError(
      `Input ${input} must be a duration like 0, 30m, 12h, 7d or 2w (a whole number and one of s, m, h, d, w); got "${value}".`,
    );
  }
  return Number(m[1]) * UNITS[m[2]!]!;
}

/** The largest whole unit that fits, for messages: `7d`, `36h`, `0s`. */
export function formatDuration(ms: number): string {
  for (const unit of ['w', 'd', 'h', 'm', 's']) {
    const size = UNITS[unit]!;
    if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  }
  if (ms >= UNITS.h!) return `${Math.floor(ms / UNITS.h!)}h${Math.floor((ms % UNITS.h!) / UNITS.m!)}m`;
  if (ms >= UNITS.m!) return `${Math.floor(ms / UNITS.m!)}m`;
  return `${Math.floor(ms / 1000)}s`;
}

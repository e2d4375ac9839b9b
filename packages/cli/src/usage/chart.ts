import type { Paint } from '../terminal.js';
import type { UsageDay, UsageFlag } from './rules.js';

const MAX_BAR = 40;
const MIN_BAR = 10;
/** Runs of at least this many days without a request are one line: thirty rows of zeros say nothing. */
const QUIET_RUN = 3;

/**
 * One row per day: the date, a bar as long as the day's requests (`█` that succeeded, `▒` errors,
 * scaled to the busiest day), the counts, and the rules that flagged the day. The bars are as long as
 * `width` allows (a terminal's, or 80), at most 40; quiet stretches of three days or more are one line.
 */
export function usageChart(days: readonly UsageDay[], flags: readonly UsageFlag[], paint: Paint, width: number): string {
  const max = Math.max(1, ...days.map((d) => d.requests));
  const countWidth = String(max).length;
  const errWidth = String(Math.max(0, ...days.map((d) => d.errors))).length;
  const marks = new Map(days.map((d) => [d.date, flags.filter((f) => f.date === d.date).map((f) => f.rule)]));
  const markWidth = Math.max(0, ...[...marks.values()].map((rules) => (rules.length > 0 ? `  ◀ ${rules.join(', ')}`.length : 0)));
  // date, two spaces, bar, two spaces, "1450 req", two spaces, "61 err", mark.
  const fixed = 10 + 2 + 2 + countWidth + 4 + 2 + errWidth + 4;
  // Too narrow for the rules' names: the mark alone, the flags below name them.
  const named = width - fixed - markWidth >= MIN_BAR;
  const barWidth = Math.max(MIN_BAR, Math.min(MAX_BAR, width - fixed - (named ? markWidth : markWidth > 0 ? 3 : 0)));

  const rows: string[] = [];
  for (let i = 0; i < days.length; ) {
    let quiet = 0;
    while (i + quiet < days.length && days[i + quiet]!.requests === 0) quiet++;
    if (quiet >= QUIET_RUN) {
      rows.push(paint('dim', `${days[i]!.date}  · no requests for ${quiet} days, to ${days[i + quiet - 1]!.date}`));
      i += quiet;
      continue;
    }
    const d = days[i++]!;
    const length = d.requests === 0 ? 0 : Math.max(1, Math.round((d.requests / max) * barWidth));
    // Errors get at least one cell, unless that cell would be the whole bar of a day that mostly succeeded.
    const share = Math.round((d.errors / d.requests) * length);
    const errLength = d.errors === 0 ? 0 : share > 0 ? share : length > 1 ? 1 : 0;
    const bar = paint('green', '█'.repeat(length - errLength)) + paint('red', '▒'.repeat(errLength)) + ' '.repeat(barWidth - length);
    const rules = marks.get(d.date) ?? [];
    const mark = rules.length > 0 ? paint('yellow', named ? `  ◀ ${rules.join(', ')}` : '  ◀') : '';
    rows.push(`${d.date}  ${bar}  ${String(d.requests).padStart(countWidth)} req  ${String(d.errors).padStart(errWidth)} err${mark}`);
  }
  return rows.join('\n') + '\n';
}

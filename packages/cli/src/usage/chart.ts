import type { Paint } from '../terminal.js';
import type { UsageDay, UsageFlag } from './rules.js';

const WIDTH = 40;

/**
 * One row per day: the date, a bar as long as the day's requests (`█` that succeeded, `▒` errors,
 * scaled to the busiest day), the counts, and the rules that flagged the day.
 */
export function usageChart(days: readonly UsageDay[], flags: readonly UsageFlag[], paint: Paint): string {
  const max = Math.max(1, ...days.map((d) => d.requests));
  const countWidth = String(max).length;
  const errWidth = String(Math.max(0, ...days.map((d) => d.errors))).length;
  const rows = days.map((d) => {
    const length = d.requests === 0 ? 0 : Math.max(1, Math.round((d.requests / max) * WIDTH));
    const errLength = d.errors === 0 ? 0 : Math.min(length, Math.max(1, Math.round((d.errors / d.requests) * length)));
    const bar = paint('green', '█'.repeat(length - errLength)) + paint('red', '▒'.repeat(errLength)) + ' '.repeat(WIDTH - length);
    const rules = flags.filter((f) => f.date === d.date).map((f) => f.rule);
    const mark = rules.length > 0 ? paint('yellow', `  ◀ ${rules.join(', ')}`) : '';
    return `${d.date}  ${bar}  ${String(d.requests).padStart(countWidth)} req  ${String(d.errors).padStart(errWidth)} err${mark}`;
  });
  return rows.join('\n') + '\n';
}

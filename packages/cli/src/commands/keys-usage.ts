import wrapAnsi from 'wrap-ansi';
import { openAccount } from '../client.js';
import { count, json, keyLabel } from '../format.js';
import { resolveKey } from '../resolve-key.js';
import { colorEnabled, painter, type Terminal } from '../terminal.js';
import { usageChart } from '../usage/chart.js';
import { flagUsage, USAGE_RULES, usageTotals } from '../usage/rules.js';

/** `dhmad keys usage <key>`: requests and errors per day as a chart, the totals, and the flags the usage rules raise. */
export async function keyUsage(t: Terminal, options: { key: string; days: number; json: boolean }): Promise<void> {
  const account = openAccount(t);
  const key = await resolveKey(account, options.key);
  const { usage } = await account.client.apiKeys.usage(key.id, { days: options.days });
  const totals = usageTotals(usage.days);
  const flags = flagUsage(key, usage.days);
  if (options.json) {
    const { id, keyPrefix, name, environment, isActive } = key;
    t.stdout.write(json({ key: { id, keyPrefix, name, environment, isActive }, usage, totals, flags }));
    return;
  }
  const paint = painter(colorEnabled(t, 'stdout'));
  // A terminal's width; piped, 80, so a file or a pager shows each line whole.
  const width = t.stdout.columns ?? 80;
  const wrap = (text: string, indent: number): string => wrapAnsi(text, width - indent, { hard: true }).replace(/\n/g, `\n${' '.repeat(indent)}`);
  const first = usage.days[0]?.date ?? '';
  const last = usage.days[usage.days.length - 1]?.date ?? '';
  const lines = [wrap(`${keyLabel(key)}, ${key.environment}${key.isActive ? '' : ', inactive'}`, 0)];
  if (totals.requests === 0) {
    lines.push(wrap(`No requests in ${totals.days === 1 ? 'this day' : `these ${totals.days} days`} (${first} to ${last}, UTC).`, 0));
  } else {
    lines.push(wrap(`Requests per day, ${first} to ${last} (UTC): █ succeeded, ▒ failed`, 0), '', usageChart(usage.days, flags, paint, width));
    lines.push(
      wrap(
        `Total: ${count(totals.requests, 'request')}, ${count(totals.errors, 'error')} (${(totals.errorRate * 100).toFixed(1)}%) in ${count(totals.days, 'day')}; ` +
          `busiest ${totals.busiest!.date} (${totals.busiest!.requests}); median ${totals.medianActiveDay} on the days it was used.`,
        0,
      ),
    );
  }
  if (flags.length === 0) {
    lines.push(wrap(`No flags: ${Object.keys(USAGE_RULES).join(', ')} found nothing.`, 0));
  } else {
    // Each flag and rule on its own lines, wrapped under its text, so a narrow terminal keeps the columns.
    const ruleWidth = Math.max(...flags.map((f) => f.rule.length)) + 1;
    lines.push('', paint('yellow', `Flags (${flags.length}):`));
    for (const f of flags) lines.push(`  ${paint('bold', f.rule.padEnd(ruleWidth))} ${wrap(`${f.date}: ${f.message}.`, ruleWidth + 3)}`);
    lines.push('', 'The rules:');
    for (const rule of new Set(flags.map((f) => f.rule))) lines.push(`  ${rule.padEnd(ruleWidth)} ${wrap(USAGE_RULES[rule], ruleWidth + 3)}`);
  }
  t.stdout.write(lines.join('\n') + '\n');
}

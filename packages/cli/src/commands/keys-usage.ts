import { openAccount } from '../client.js';
import { json, keyLabel } from '../format.js';
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
  const first = usage.days[0]?.date ?? '';
  const last = usage.days[usage.days.length - 1]?.date ?? '';
  const lines = [
    `${keyLabel(key)}, ${key.environment}${key.isActive ? '' : ', inactive'}: requests per day, ${first} to ${last} (UTC; █ succeeded, ▒ failed)`,
    '',
    usageChart(usage.days, flags, paint),
    `Total: ${totals.requests} requests, ${totals.errors} errors (${(totals.errorRate * 100).toFixed(1)}%) in ${totals.days} days` +
      (totals.busiest ? `; busiest ${totals.busiest.date} (${totals.busiest.requests}); median ${totals.medianActiveDay} on the days it was used.` : '; not used.'),
  ];
  if (flags.length === 0) {
    lines.push(`No flags: ${Object.keys(USAGE_RULES).join(', ')} found nothing.`);
  } else {
    lines.push('', paint('yellow', `Flags (${flags.length}):`));
    for (const f of flags) lines.push(`  ${paint('bold', f.rule.padEnd(15))} ${f.date}: ${f.message}.`);
    lines.push('', 'The rules:');
    for (const rule of new Set(flags.map((f) => f.rule))) lines.push(`  ${rule.padEnd(15)} ${USAGE_RULES[rule]}`);
  }
  t.stdout.write(lines.join('\n') + '\n');
}

/** The job summary: what happened to each target, keys named by keyPrefix only. */
import { redactText } from '@dhmad/sdk/key-format';
import { formatDuration } from '../core/duration.js';
import type { RotationOutcome, RotationPlan, RotationReport, TargetReport } from '../core/types.js';

const HEADLINE: Readonly<Record<RotationOutcome, string>> = {
  rotated: 'Rotated',
  regenerated: 'Regenerated (the old secret stopped working at once)',
  'completed-pending': 'Finished a rotation left halfway',
  created: 'Created the key (create-if-missing) and wrote it to every target',
  compromised: 'Replaced a compromised key: its secret no longer works',
  'rolled-back': 'Rolled back: every target holds the previous key again',
  'skipped-min-age': 'Not rotated: the key is younger than min-age',
  'skipped-grace': 'Not rotated: the previous key is still in its grace period',
  'skipped-in-use': 'Not rotated: the previous key is still in use',
  'in-use-alert': 'Alert: the previous key is still in use past alert-after',
  'dry-run': 'Dry run: nothing was changed',
  'preflight-failed': 'Failed in preflight: nothing was created or changed',
  'targets-failed': 'Some targets could not be written',
  failed: 'Failed',
};

const RESULT: Readonly<Record<string, string>> = {
  updated: '✅ updated',
  failed: '❌ failed',
  planned: '📝 would update',
  unchanged: '— unchanged',
};

const cell = (s: string): string => redactText(s).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** From when the target's secret died to when it was written; open while it still holds the dead one. */
function deadWindow(t: TargetReport): string {
  if (!t.deadFrom) return '—';
  if (t.result !== 'updated' || !t.at) return `${t.deadFrom} → still dead`;
  return `${t.deadFrom} → ${t.at} (${formatDuration(Math.max(0, Date.parse(t.at) - Date.parse(t.deadFrom)))})`;
}

export function renderSummary(report: RotationReport, plan: RotationPlan): string {
  const lines = [`## DHMAD key rotation: ${HEADLINE[report.outcome]}`, ''];
  const key = report.keyPrefix ? `\`${report.keyPrefix}\` (id \`${report.keyId}\`)` : '—';
  lines.push(`- Secret: \`${plan.secretName}\`, strategy \`${plan.strategy}\``);
  lines.push(`- Key the targets hold: ${key}`);
  if (report.oldKeyPrefix) lines.push(`- ${report.outcome === 'rolled-back' ? 'Rolled back from' : 'Replaced key'}: \`${report.oldKeyPrefix}\` (id \`${report.oldKeyId}\`)`);
  for (const action of report.actions) lines.push(`- ${cell(action)}`);

  const windows = report.targets.some((t) => t.deadFrom);
  lines.push('', `| Target | Scope | Result | Time |${windows ? ' Dead-key window |' : ''}`, `| --- | --- | --- | --- |${windows ? ' --- |' : ''}`);
  for (const t of report.targets) {
    const result = (RESULT[t.result] ?? t.result) + (t.error ? `: ${t.error}` : '');
    lines.push(`| ${cell(t.label)} | ${t.scope} | ${cell(result)} | ${t.at ?? '—'} |${windows ? ` ${deadWindow(t)} |` : ''}`);
  }

  const p = report.predecessor;
  if (p) {
    lines.push('', `### The replaced key \`${p.keyPrefix}\``, '');
    lines.push(`- Replaced on every target at ${p.switchedAt}; ${p.lastUsedAt === null ? 'never used' : `last used ${p.lastUsedAt}`}.`);
    if (p.requestsSinceSwitch !== null) lines.push(`- ${p.requestsSinceSwitch} request(s) from ${p.countedFrom} (the day of the switch, counted whole) to today.`);
    if (p.usedSinceSwitch) {
      lines.push('- ⚠️ Used after the switch: something outside the targets still holds it (a service deployed with it, a job queued before the switch, a copy elsewhere).');
    }
    lines.push(p.retire ? '- Unused long enough: retired.' : `- Kept active: ${cell(p.waitingFor.join('; '))}. A run at or after ${p.retireFrom} may retire it.`);
  }

  if (report.leaked.length > 0) {
    const window = report.leaked[0]!.window;
    lines.push('', `### Use of the compromised key(s), last ${window} days`, '', '| Key | Last used | Requests | Days with requests |', '| --- | --- | --- | --- |');
    for (const u of report.leaked) {
      const days = u.days === null ? 'usage could not be read' : u.days.map((d) => `${d.date}: ${d.requests}${d.errors ? ` (${d.errors} errors)` : ''}`).join(', ') || 'none';
      lines.push(`| \`${u.keyPrefix}\` | ${u.lastUsedAt ?? 'never'} | ${u.total ?? '?'} | ${cell(days)} |`);
    }
  }

  if (report.plan.length > 0) {
    lines.push('', '### The plan (nothing was changed)', '', ...report.plan.map((s, i) => `${i + 1}. ${cell(s)}`));
  }
  if (report.errors.length > 0) {
    lines.push('', '### What went wrong', '');
    for (const e of report.errors) lines.push(...redactText(e).split('\n').map((l) => `> ${l}`), '');
  }
  return redactText(lines.join('\n')) + '\n';
}

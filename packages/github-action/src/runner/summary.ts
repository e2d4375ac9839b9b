/** The job summary: what happened to each target, keys named by keyPrefix only. */
import { redactText } from '@dhmad/sdk/key-format';
import type { RotationOutcome, RotationPlan, RotationReport } from '../core/types.js';

const HEADLINE: Readonly<Record<RotationOutcome, string>> = {
  rotated: 'Rotated',
  regenerated: 'Regenerated (the old secret stopped working at once)',
  'completed-pending': 'Finished a rotation left halfway',
  'skipped-min-age': 'Not rotated: the key is younger than min-age',
  'skipped-grace': 'Not rotated: the previous key is still in its grace period',
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

export function renderSummary(report: RotationReport, plan: RotationPlan): string {
  const lines = [`## DHMAD key rotation: ${HEADLINE[report.outcome]}`, ''];
  const key = report.keyPrefix ? `\`${report.keyPrefix}\` (id \`${report.keyId}\`)` : '—';
  lines.push(`- Secret: \`${plan.secretName}\`, strategy \`${plan.strategy}\``);
  lines.push(`- Key the targets hold: ${key}`);
  if (report.oldKeyPrefix) lines.push(`- Replaced key: \`${report.oldKeyPrefix}\` (id \`${report.oldKeyId}\`)`);
  for (const action of report.actions) lines.push(`- ${cell(action)}`);
  lines.push('', '| Target | Scope | Result | Time |', '| --- | --- | --- | --- |');
  for (const t of report.targets) {
    const result = (RESULT[t.result] ?? t.result) + (t.error ? `: ${t.error}` : '');
    lines.push(`| ${cell(t.label)} | ${t.scope} | ${cell(result)} | ${t.at ?? '—'} |`);
  }
  if (report.errors.length > 0) {
    lines.push('', '### What went wrong', '');
    for (const e of report.errors) lines.push(...redactText(e).split('\n').map((l) => `> ${l}`), '');
  }
  return redactText(lines.join('\n')) + '\n';
}

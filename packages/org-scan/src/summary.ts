import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { redactText } from '@dhmad/sdk/key-format';
import { artifactName } from './repositories.js';
import type { RepositoryResult } from './scan-repository.js';
import { countResults, type Sarif } from './sarif.js';

export interface OrganizationSummary {
  organization: string;
  repositories: number;
  scanned: number;
  withFindings: number;
  errors: number;
  warnings: number;
  rules: Record<string, number>;
  /** Repositories whose scan failed or never reported: the organization's scan is incomplete. */
  incomplete: { repository: string; problem: string }[];
  results: RepositoryResult[];
}

/**
 * Merge the result files and SARIF logs the repository jobs left in `dir` (the counts come
 * from the SARIF, the status from the result file), with `expected` (the matrix's list) to
 * tell a job that never reported from a repository that was not in the run.
 */
export function mergeResults(dir: string, organization: string, expected: readonly string[] | null): OrganizationSummary {
  const results = new Map<string, RepositoryResult>();
  for (const name of existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.json')).sort() : []) {
    const r = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as RepositoryResult;
    if (typeof r.repository !== 'string') continue;
    const sarif = path.join(dir, `${artifactName(r.repository)}.sarif`);
    if (r.status === 'scanned') {
      if (existsSync(sarif)) Object.assign(r, countResults(JSON.parse(readFileSync(sarif, 'utf8')) as Sarif));
      else Object.assign(r, { status: 'failed', problem: 'its SARIF log is missing' });
    }
    results.set(r.repository, r);
  }
  const incomplete: OrganizationSummary['incomplete'] = [];
  for (const repository of expected ?? []) {
    if (!results.has(repository)) incomplete.push({ repository, problem: 'its job did not report (cancelled, timed out, or failed before scanning)' });
  }
  const rules: Record<string, number> = {};
  let errors = 0;
  let warnings = 0;
  for (const r of results.values()) {
    if (r.status !== 'scanned') incomplete.push({ repository: r.repository, problem: r.problem ?? 'the scan failed' });
    errors += r.errors;
    warnings += r.warnings;
    for (const [rule, n] of Object.entries(r.rules ?? {})) rules[rule] = (rules[rule] ?? 0) + n;
  }
  const list = [...results.values()];
  return {
    organization,
    repositories: new Set([...(expected ?? []), ...results.keys()]).size,
    scanned: list.filter((r) => r.status === 'scanned').length,
    withFindings: list.filter((r) => r.errors + r.warnings > 0).length,
    errors,
    warnings,
    rules,
    incomplete: incomplete.sort((a, b) => a.repository.localeCompare(b.repository)),
    results: list.sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || a.repository.localeCompare(b.repository)),
  };
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The summary as the workflow run's page shows it: totals, what is incomplete, and each repository with findings. */
export function summaryMarkdown(s: OrganizationSummary): string {
  const lines = [
    `## DHMAD keys across ${s.organization}`,
    '',
    `${s.scanned} of ${s.repositories} repositories scanned; ${s.withFindings} with findings: ${s.errors} errors, ${s.warnings} warnings.`,
  ];
  if (Object.keys(s.rules).length > 0) lines.push('', `By rule: ${Object.entries(s.rules).sort().map(([rule, n]) => `${rule} ${n}`).join(', ')}.`);
  if (s.incomplete.length > 0) {
    lines.push('', `**Incomplete**: ${s.incomplete.length} repositories were not scanned, so this is not a clean bill for them.`, '', '| repository | why |', '| --- | --- |');
    for (const i of s.incomplete) lines.push(`| ${cell(i.repository)} | ${cell(i.problem)} |`);
  }
  const found = s.results.filter((r) => r.errors + r.warnings > 0);
  if (found.length > 0) {
    lines.push('', '| repository | errors | warnings | history | code scanning |', '| --- | ---: | ---: | --- | --- |');
    for (const r of found) lines.push(`| ${cell(r.repository)} | ${r.errors} | ${r.warnings} | ${cell(r.history)} | ${cell(r.codeScanning)} |`);
  }
  const refused = s.results.filter((r) => r.status === 'scanned' && r.codeScanning !== 'uploaded' && r.errors + r.warnings === 0);
  if (refused.length > 0) lines.push('', `Code scanning did not take the SARIF of ${refused.length} clean repositories: ${refused.map((r) => `${r.repository} (${r.codeScanning})`).join('; ')}.`);
  // Nothing here should hold a key (SARIF names keys by keyPrefix), and nothing printed ever does.
  return redactText(lines.join('\n') + '\n');
}

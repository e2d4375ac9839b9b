import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertNoKeys, makeKey, orgScan, tempDir } from './helpers.js';

/** A SARIF log as dhmad-scan writes one, with results at the given levels. */
function sarif(results: { ruleId: string; level: string }[]): string {
  return JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'dhmad-scan', rules: [] } }, results: results.map((r) => ({ ...r, message: { text: 'x' } })) }] });
}

function result(repository: string, fields: Record<string, unknown> = {}): string {
  return JSON.stringify({ repository, defaultBranch: 'main', commit: 'a'.repeat(40), status: 'scanned', errors: 0, warnings: 0, rules: {}, history: 'scanned the 2 commits new since the checkpoint', codeScanning: 'uploaded', ...fields });
}

function jobs(dir: string, entries: Record<string, { sarif?: string; result: string }>): void {
  for (const [artifact, e] of Object.entries(entries)) {
    writeFileSync(path.join(dir, `${artifact}.json`), e.result);
    if (e.sarif) writeFileSync(path.join(dir, `${artifact}.sarif`), e.sarif);
  }
}

async function summary(dir: string, args: string[] = []) {
  const page = path.join(tempDir(), 'summary.md');
  writeFileSync(page, '');
  const run = await orgScan(['summary', '--dir', dir, '--org', 'acme', ...args], { cwd: dir, env: { GITHUB_STEP_SUMMARY: page } });
  return { run, page: readFileSync(page, 'utf8') };
}

describe('dhmad-org-scan summary', () => {
  it('merges the SARIF of every repository into one page of the organization, and fails on error-level findings', async () => {
    const dir = tempDir();
    const key = makeKey();
    jobs(dir, {
      acme__api: { result: result('acme/api'), sarif: sarif([{ ruleId: 'live-key', level: 'error' }, { ruleId: 'live-key', level: 'error' }, { ruleId: 'sandbox-key', level: 'warning' }]) },
      acme__web: { result: result('acme/web', { history: 'no checkpoint yet: scanned the whole history' }), sarif: sarif([{ ruleId: 'sandbox-key', level: 'warning' }]) },
      acme__docs: { result: result('acme/docs', { codeScanning: `not uploaded (403: Advanced Security must be enabled; token ${key})` }), sarif: sarif([]) },
    });
    const repos = path.join(tempDir(), 'repos.json');
    writeFileSync(repos, JSON.stringify(['acme/api', 'acme/docs', 'acme/web']));
    const json = path.join(tempDir(), 'org.json');
    const { run, page } = await summary(dir, ['--repositories', `@${repos}`, '--json', json]);
    expect(run.code).toBe(1);
    expect(page).toContain('## DHMAD keys across acme');
    expect(page).toContain('3 of 3 repositories scanned; 2 with findings: 2 errors, 2 warnings.');
    expect(page).toContain('By rule: live-key 2, sandbox-key 2.');
    expect(page.indexOf('| acme/api | 2 | 1 |')).toBeLessThan(page.indexOf('| acme/web | 0 | 1 |'));
    expect(page).toContain('Code scanning did not take the SARIF of 1 clean repositories: acme/docs');
    assertNoKeys([page, readFileSync(json, 'utf8'), run.stderr], [key]);
    expect(JSON.parse(readFileSync(json, 'utf8'))).toMatchObject({ organization: 'acme', repositories: 3, scanned: 3, errors: 2, warnings: 2 });
    expect((await summary(dir, ['--no-fail-on-findings'])).run.code).toBe(0);
  });

  it('is incomplete (exit 2), never clean, when a repository failed or its job never reported', async () => {
    const dir = tempDir();
    jobs(dir, {
      acme__api: { result: result('acme/api'), sarif: sarif([]) },
      acme__broken: { result: result('acme/broken', { status: 'failed', problem: 'git clone failed: repository not found' }) },
    });
    const { run, page } = await summary(dir, ['--repositories', JSON.stringify(['acme/api', 'acme/broken', 'acme/slow'])]);
    expect(run.code).toBe(2);
    expect(page).toContain('1 of 3 repositories scanned; 0 with findings');
    expect(page).toContain('**Incomplete**: 2 repositories were not scanned');
    expect(page).toContain('| acme/broken | git clone failed: repository not found |');
    expect(page).toContain('| acme/slow | its job did not report (cancelled, timed out, or failed before scanning) |');
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitHubStandIn, orgScan, parseOutputs, tempDir, type OrgRepository } from './helpers.js';

const standIn = new GitHubStandIn();
beforeAll(async () => {
  await standIn.start();
});
afterAll(() => standIn.close());

function repos(org: string, n: number, extra: Partial<OrgRepository> = {}): OrgRepository[] {
  return Array.from({ length: n }, (_, i) => {
    const name = `repo-${String(i).padStart(4, '0')}`;
    return { name, full_name: `${org}/${name}`, default_branch: i % 2 ? 'main' : 'trunk', archived: false, fork: false, size: 10, ...extra };
  });
}

async function matrix(args: string[]) {
  const dir = tempDir();
  const outputFile = path.join(dir, 'output');
  writeFileSync(outputFile, '');
  const run = await orgScan(['matrix', ...args], { cwd: dir, env: { GITHUB_API_URL: standIn.url, GITHUB_OUTPUT: outputFile, DHMAD_ORG_SCAN_TOKEN: standIn.token } });
  return { run, outputs: parseOutputs(readFileSync(outputFile, 'utf8')) };
}

describe('dhmad-org-scan matrix', () => {
  it('lists every page of the organization and cuts it into batches of at most 256', async () => {
    standIn.orgRepositories.set('acme', repos('acme', 600));
    standIn.requests.length = 0;
    const { run, outputs } = await matrix(['--org', 'acme']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('600 repositories of acme in 3 batches');
    const pages = standIn.requests.filter((r) => r.path === '/orgs/acme/repos');
    expect(pages).toHaveLength(6);
    expect(pages.every((r) => r.authorization === `token ${standIn.token}`)).toBe(true);
    const batches = JSON.parse(outputs.batches!) as { batch: number; repositories: string }[];
    const inBatches = batches.map((b) => JSON.parse(b.repositories) as { repository: string; defaultBranch: string; artifact: string }[]);
    expect(batches.map((b) => b.batch)).toEqual([1, 2, 3]);
    expect(inBatches.map((b) => b.length)).toEqual([256, 256, 88]);
    expect(inBatches.flat().map((r) => r.repository)).toEqual(JSON.parse(outputs.repositories!));
    expect(inBatches[0]![1]).toEqual({ repository: 'acme/repo-0001', defaultBranch: 'main', artifact: 'acme__repo-0001' });
    expect(outputs.count).toBe('600');
  });

  it('leaves out archived repositories and forks unless asked, and disabled or empty ones always', async () => {
    standIn.orgRepositories.set('beta', [
      ...repos('beta', 3),
      { name: 'old', full_name: 'beta/old', default_branch: 'main', archived: true, fork: false, size: 5 },
      { name: 'copy', full_name: 'beta/copy', default_branch: 'main', archived: false, fork: true, size: 5 },
      { name: 'off', full_name: 'beta/off', default_branch: 'main', archived: false, fork: false, disabled: true, size: 5 },
      { name: 'empty', full_name: 'beta/empty', default_branch: 'main', archived: false, fork: false, size: 0 },
    ]);
    const names = async (args: string[]) => JSON.parse((await matrix(['--org', 'beta', ...args])).outputs.repositories!) as string[];
    expect(await names([])).toEqual(['beta/repo-0000', 'beta/repo-0001', 'beta/repo-0002']);
    expect(await names(['--archived'])).toContain('beta/old');
    expect(await names(['--forks', '--archived=false'])).toEqual(['beta/copy', 'beta/repo-0000', 'beta/repo-0001', 'beta/repo-0002']);
    const small = JSON.parse((await matrix(['--org', 'beta', '--batch-size', '2'])).outputs.batches!) as unknown[];
    expect(small).toHaveLength(2);
  });

  it('fails on one line for an unknown organization or a missing token', async () => {
    const unknown = await matrix(['--org', 'nobody']);
    expect(unknown.run.code).toBe(2);
    expect(unknown.run.stderr.trim().split('\n')).toHaveLength(1);
    const dir = tempDir();
    const noToken = await orgScan(['matrix', '--org', 'acme'], { cwd: dir, env: { GITHUB_API_URL: standIn.url, GITHUB_TOKEN: '' } });
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('No token: set DHMAD_ORG_SCAN_TOKEN');
  });
});

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertNoKeys, commitAll, git, GitHubStandIn, initRepo, makeKey, orgScan, tempDir, write } from './helpers.js';

const standIn = new GitHubStandIn();
beforeAll(async () => {
  await standIn.start();
});
afterAll(() => standIn.close());

/** A "server" folder holding `<owner>/<name>.git`, as the clone URL names them; the work happens in a clone pushed there. */
function hosted(owner: string, name: string) {
  const server = tempDir();
  const work = initRepo();
  const keys = [makeKey(), makeKey('sandbox')];
  write(work, 'src/app.js', `const key = '${keys[0]}';\n`);
  commitAll(work, 'key');
  write(work, 'src/app.js', 'const key = process.env.DHMAD_API_KEY;\n');
  commitAll(work, 'key moved to the environment');
  const bare = path.join(server, owner, `${name}.git`);
  git(server, ['clone', '-q', '--bare', '--no-local', work, bare]);
  git(work, ['remote', 'add', 'origin', bare]);
  return { server, work, bare, keys };
}

async function scanRepo(server: string, repository: string, dir: string, extra: string[] = []) {
  return orgScan(['scan-repository', '--repository', repository, '--default-branch', 'main', '--checkpoint', '.dhmad-scan/checkpoint.json', '--out', 'results', '--server-url', `file://${server}`, ...extra], {
    cwd: dir,
    env: { GITHUB_API_URL: standIn.url, DHMAD_ORG_SCAN_TOKEN: standIn.token, RUNNER_TEMP: tempDir() },
  });
}

describe('dhmad-org-scan scan-repository', () => {
  it('scans every commit of a real repository, uploads the SARIF for the default branch head, and leaves a result', async () => {
    const { server, bare, keys } = hosted('acme', 'app');
    const job = tempDir();
    const run = await scanRepo(server, 'acme/app', job);
    expect(run.code, run.stderr).toBe(0);
    assertNoKeys([run.stdout, run.stderr, readFileSync(path.join(job, 'results', 'acme__app.json'), 'utf8')], keys);
    expect(run.stderr).toContain('acme/app: 1 errors, 0 warnings; no checkpoint at');
    const upload = standIn.sarifUploads.at(-1)!;
    expect(upload).toMatchObject({ repository: 'acme/app', ref: 'refs/heads/main', commitSha: git(bare, ['rev-parse', 'main']).trim(), toolName: 'dhmad-scan' });
    const results = (upload.sarif as { runs: { results: { ruleId: string; partialFingerprints: Record<string, string> }[] }[] }).runs[0]!.results;
    expect(results.map((r) => r.ruleId)).toEqual(['live-key']);
    const result = JSON.parse(readFileSync(path.join(job, 'results', 'acme__app.json'), 'utf8')) as Record<string, unknown>;
    expect(result).toMatchObject({ repository: 'acme/app', status: 'scanned', errors: 1, warnings: 0, codeScanning: 'uploaded', rules: { 'live-key': 1 } });
    expect(existsSync(path.join(job, 'results', 'acme__app.sarif'))).toBe(true);
    expect(existsSync(path.join(job, '.dhmad-scan', 'checkpoint.json'))).toBe(true);
  });

  it('with the cached checkpoint, the next night reads only the new commits and reports the same and the new findings', async () => {
    const { server, work, keys } = hosted('acme', 'nightly');
    const job = tempDir();
    expect((await scanRepo(server, 'acme/nightly', job)).code).toBe(0);
    write(work, 'deploy/env.txt', `KEY=${keys[1]}\n`);
    commitAll(work, 'a sandbox key slips in');
    git(work, ['push', '-q', 'origin', 'main']);
    const next = await scanRepo(server, 'acme/nightly', job);
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).toContain('acme/nightly: 2 errors, 0 warnings; scanned the 1 commits new since the checkpoint');
    const result = JSON.parse(readFileSync(path.join(job, 'results', 'acme__nightly.json'), 'utf8')) as { rules: Record<string, number> };
    expect(result.rules).toEqual({ 'live-key': 1, 'sandbox-key': 1 });
  });

  it('says why code scanning did not take the SARIF, and fails (exit 2) for a repository it cannot clone', async () => {
    const { server } = hosted('acme', 'private');
    standIn.fail({ method: 'POST', path: /code-scanning\/sarifs$/, status: 403, body: { message: 'Advanced Security must be enabled for this repository to use code scanning.' } });
    const job = tempDir();
    const refused = await scanRepo(server, 'acme/private', job);
    expect(refused.code).toBe(0);
    expect(refused.stderr).toContain('code scanning: not uploaded (403: Advanced Security must be enabled for this repository to use code scanning.)');
    const missing = await scanRepo(server, 'acme/missing', job);
    expect(missing.code).toBe(2);
    // git's reason, its first fatal line: not the last line of the advice git prints after it.
    const reason = `git clone failed: fatal: '${path.join(server, 'acme', 'missing.git')}' does not appear to be a git repository`;
    expect(missing.stderr).toContain(`acme/missing: not scanned: ${reason}`);
    expect(JSON.parse(readFileSync(path.join(job, 'results', 'acme__missing.json'), 'utf8'))).toMatchObject({ status: 'failed', problem: expect.stringContaining(reason) });
  });
});

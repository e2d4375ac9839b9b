import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { gitEnv, gitReason, runGitSync } from '@dhmad/git-facts';
import { redactText } from '@dhmad/sdk/key-format';
import type { GitHub } from './github.js';
import { artifactName } from './repositories.js';
import { countResults, type Sarif } from './sarif.js';

/** What one repository's job found and did: the summary job merges these. */
export interface RepositoryResult {
  repository: string;
  defaultBranch: string;
  /** The default branch's commit the SARIF was uploaded for. */
  commit: string | null;
  status: 'scanned' | 'failed';
  errors: number;
  warnings: number;
  /** Findings per rule (`live-key`, `malformed-key`, ...). */
  rules: Record<string, number>;
  /** What --checkpoint said: the whole history, or only what is new since the last run. */
  history: string;
  /** Whether code scanning took the SARIF, or why not. */
  codeScanning: string;
  /** Why the scan failed (one line, redacted). */
  problem?: string;
}

export interface ScanRepositoryOptions {
  repository: string;
  defaultBranch: string;
  token: string;
  /** Where repositories are cloned from: GITHUB_SERVER_URL (`https://github.com`), or any git URL base. */
  serverUrl: string;
  /** Folder for the clone (removed afterwards) and the results (`<owner__name>.sarif`, `.json`). */
  workDir: string;
  outDir: string;
  checkpoint: string | null;
  /** Upload the SARIF to the repository's code scanning. */
  upload: boolean;
  gh: GitHub;
}

/** The dhmad-scan bin of the @dhmad/secret-scan this package depends on. */
function scanBin(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('@dhmad/secret-scan/package.json');
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: Record<string, string> };
  return path.join(path.dirname(manifest), bin['dhmad-scan']!);
}

const oneLine = (s: string): string => redactText(s.trim().split('\n').filter(Boolean).pop() ?? '').replace(/^dhmad-scan: /, '');

/**
 * Git's environment for the clone (git-facts' own: no prompt, untranslated messages, no
 * GIT_DIR of the caller's), and for an http(s) server the token as an Authorization header
 * in git's config from the environment (never in the URL, the command line or a file), as
 * actions/checkout does.
 */
function cloneEnv(serverUrl: string, token: string): NodeJS.ProcessEnv {
  const env = gitEnv('path');
  if (/^https?:/.test(serverUrl)) {
    env.GIT_CONFIG_COUNT = '1';
    env.GIT_CONFIG_KEY_0 = `http.${new URL(serverUrl).origin}/.extraheader`;
    env.GIT_CONFIG_VALUE_0 = `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`;
  }
  return env;
}

async function uploadSarif(gh: GitHub, repository: string, commit: string, ref: string, sarifText: string): Promise<string> {
  const [owner, repo] = repository.split('/') as [string, string];
  try {
    await gh.rest.codeScanning.uploadSarif({ owner, repo, commit_sha: commit, ref, sarif: gzipSync(sarifText).toString('base64'), tool_name: 'dhmad-scan' });
    return 'uploaded';
  } catch (e) {
    const err = e as { status?: number; message?: string };
    // 403 without GitHub Advanced Security on a private repository, 404 without access: the scan stands.
    return `not uploaded (${err.status ?? 'error'}: ${oneLine(err.message ?? String(e))})`;
  }
}

/**
 * One repository's job: a bare clone of every branch and tag, `dhmad-scan --history`
 * (with the checkpoint the workflow caches for this repository, so a nightly run reads only
 * what is new), the SARIF to code scanning for the default branch's head, and a result file
 * for the summary. Returns the exit code: 2 when the repository could not be scanned.
 */
export async function scanRepository(o: ScanRepositoryOptions): Promise<{ result: RepositoryResult; exitCode: number }> {
  const artifact = artifactName(o.repository);
  mkdirSync(o.outDir, { recursive: true });
  const clone = path.join(o.workDir, `${artifact}.git`);
  const sarifFile = path.join(path.resolve(o.outDir), `${artifact}.sarif`);
  const result: RepositoryResult = { repository: o.repository, defaultBranch: o.defaultBranch, commit: null, status: 'failed', errors: 0, warnings: 0, rules: {}, history: '', codeScanning: 'not uploaded (no scan)' };
  const finish = (exitCode: number) => {
    writeFileSync(path.join(o.outDir, `${artifact}.json`), JSON.stringify(result, null, 2) + '\n');
    rmSync(clone, { recursive: true, force: true });
    return { result, exitCode };
  };
  rmSync(clone, { recursive: true, force: true });
  const url = `${o.serverUrl.replace(/\/+$/, '')}/${o.repository}.git`;
  const cloned = runGitSync(process.cwd(), ['clone', '--bare', '--quiet', '--', url, clone], cloneEnv(o.serverUrl, o.token));
  if (cloned.status !== 0) {
    result.problem = `git clone failed: ${redactText(gitReason(cloned.stderr, cloned.status))}`;
    return finish(2);
  }
  const head = runGitSync(clone, ['rev-parse', '--verify', '--quiet', `refs/heads/${o.defaultBranch}^{commit}`], gitEnv('path'));
  result.commit = head.status === 0 ? head.stdout.toString('utf8').trim() : null;
  if (o.checkpoint) mkdirSync(path.dirname(path.resolve(o.checkpoint)), { recursive: true });
  const args = [scanBin(), '--history', '--format', 'sarif', '--output', sarifFile, ...(o.checkpoint ? ['--checkpoint', path.resolve(o.checkpoint)] : [])];
  const scan = spawnSync(process.execPath, args, { cwd: clone, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  result.history = /--checkpoint: (.*)/.exec(scan.stderr)?.[1] ?? 'scanned the whole history';
  if (scan.status !== 0 && scan.status !== 1) {
    result.problem = oneLine(scan.stderr) || `dhmad-scan exited ${scan.status}`;
    return finish(2);
  }
  const sarifText = readFileSync(sarifFile, 'utf8');
  Object.assign(result, { status: 'scanned' }, countResults(JSON.parse(sarifText) as Sarif));
  result.codeScanning = !o.upload ? 'not uploaded (upload off)' : result.commit ? await uploadSarif(o.gh, o.repository, result.commit, `refs/heads/${o.defaultBranch}`, sarifText) : `not uploaded (no branch ${o.defaultBranch})`;
  return finish(0);
}

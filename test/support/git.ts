// Real git repositories in temp folders, with git isolated from the user's and the system's
// config, for every test that needs one.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

/** A fixed identity and no user or system config: nothing outside the test changes what git reports. */
export const GIT_ENV = {
  GIT_AUTHOR_NAME: 'DHMAD Test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'DHMAD Test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
  GIT_CONFIG_GLOBAL: os.devNull,
  GIT_CONFIG_NOSYSTEM: '1',
} as const;

/** This process's environment without any `GIT_*` or `DHMAD_*` variable, plus {@link GIT_ENV}, `NO_COLOR` and `extra`. */
export function isolatedEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('GIT_') || k.startsWith('DHMAD_')) delete env[k];
  return { ...env, ...GIT_ENV, NO_COLOR: '1', ...extra };
}

/** Run git in `cwd`; throws with git's stderr when it fails. */
export function git(cwd: string, args: readonly string[], env?: NodeJS.ProcessEnv): string {
  const r = spawnSync('git', args, { cwd, env: env ?? isolatedEnv(), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

const temps: string[] = [];
afterAll(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});

/** A new folder under the system's temp folder, removed after the test file. */
export function tempDir(prefix = 'dhmad-test-'): string {
  const d = mkdtempSync(path.join(os.tmpdir(), prefix));
  temps.push(d);
  return d;
}

/** Write `content` at `file` under `root`, making folders as needed. */
export function write(root: string, file: string, content: string | Buffer): void {
  const abs = path.join(root, file);
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileSync(abs, content);
}

export function writeFiles(root: string, files: Readonly<Record<string, string>>): void {
  for (const [name, content] of Object.entries(files)) write(root, name, content);
}

/** `git init` (branch `main`) in a new temp folder, or in `dir` when given. */
export function initRepo(options: { bare?: boolean; dir?: string } = {}): string {
  const dir = options.dir ?? tempDir();
  mkdirSync(dir, { recursive: true });
  git(dir, ['init', '-q', '-b', 'main', ...(options.bare ? ['--bare'] : [])]);
  return dir;
}

/** Stage everything and commit (empty commits allowed); returns the commit id. */
export function commitAll(root: string, message: string): string {
  git(root, ['add', '-A']);
  git(root, ['commit', '-q', '--allow-empty', '-m', message]);
  return git(root, ['rev-parse', 'HEAD']).trim();
}

/**
 * A repository in a new folder `name` under `parent`: `files` are written, those in `commit`
 * (all by default) are added, even when ignored, and committed.
 */
export function makeRepo(parent: string, name: string, files: Readonly<Record<string, string>>, commit: readonly string[] = Object.keys(files)): string {
  const root = initRepo({ dir: path.join(parent, name) });
  writeFiles(root, files);
  if (commit.length > 0) {
    git(root, ['add', '-f', '--', ...commit]);
    git(root, ['commit', '-q', '-m', 'initial']);
  }
  return root;
}

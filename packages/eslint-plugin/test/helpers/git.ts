import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { devNull, tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Identity and config isolation for every git process of a test, including the
 * ones the rule under test starts (they inherit `process.env`): no user or
 * system config can change what git reports.
 */
export const GIT_ENV = {
  GIT_AUTHOR_NAME: 'DHMAD Test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'DHMAD Test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
  GIT_CONFIG_GLOBAL: devNull,
  GIT_CONFIG_NOSYSTEM: '1',
} as const;

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export function writeFiles(root: string, files: Readonly<Record<string, string>>): void {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(root, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

/**
 * A real repository in a new folder under `parent`: `files` are written, those in
 * `commit` (all of them by default) are added and committed.
 */
export function makeRepo(
  parent: string,
  name: string,
  files: Readonly<Record<string, string>>,
  commit: readonly string[] = Object.keys(files),
): string {
  const root = path.join(parent, name);
  mkdirSync(root, { recursive: true });
  git(root, 'init', '-q', '-b', 'main');
  writeFiles(root, files);
  if (commit.length > 0) {
    git(root, 'add', '-f', '--', ...commit);
    git(root, 'commit', '-q', '-m', 'initial');
  }
  return root;
}

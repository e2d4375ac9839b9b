import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertNoKeys, CLI, commitAll, git, initRepo, isolatedEnv, makeKey, prefixOf, runCli, tempDir, write } from './helpers.js';

function commit(repo: string): { code: number | null; out: string } {
  const r = spawnSync('git', ['commit', '-q', '-m', 'attempt'], { cwd: repo, env: isolatedEnv(), encoding: 'utf8' });
  return { code: r.status, out: r.stdout + r.stderr };
}

describe('install-hook', () => {
  it('installs a pre-commit hook that blocks a commit of a staged key and lets a clean one through', () => {
    const repo = initRepo();
    write(repo, '.gitignore', '.env\n.env.*\n');
    commitAll(repo, 'init');
    const install = runCli(['install-hook'], { cwd: repo });
    expect(install.code).toBe(0);
    expect(install.stdout).toContain(path.join(repo, '.git', 'hooks', 'pre-commit'));
    // The hook runs the very bin that installed it (the fast bundle), not a lookup through npx.
    expect(readFileSync(path.join(repo, '.git', 'hooks', 'pre-commit'), 'utf8')).toContain(`cli='${CLI}'`);

    const key = makeKey();
    write(repo, 'config.js', `module.exports = '${key}';\n`);
    git(repo, ['add', 'config.js']);
    const blocked = commit(repo);
    expect(blocked.code).not.toBe(0);
    expect(blocked.out).toContain(`config.js`);
    expect(blocked.out).toContain(prefixOf(key));
    assertNoKeys([blocked.out], [key]);
    expect(git(repo, ['rev-list', '--count', 'HEAD']).trim()).toBe('1');

    write(repo, 'config.js', 'module.exports = process.env.DHMAD_API_KEY;\n');
    git(repo, ['add', 'config.js']);
    expect(commit(repo).code).toBe(0);
    expect(git(repo, ['rev-list', '--count', 'HEAD']).trim()).toBe('2');
  });

  it('keeps an existing hook, which still runs first, and honours core.hooksPath', () => {
    const repo = initRepo();
    write(repo, '.gitignore', '.env\n.env.*\n');
    commitAll(repo, 'init');
    git(repo, ['config', 'core.hooksPath', '.githooks']);
    write(repo, '.githooks/pre-commit', '#!/bin/sh\necho "existing hook ran" >> "$(git rev-parse --show-toplevel)/hook.log"\n');
    spawnSync('chmod', ['+x', path.join(repo, '.githooks/pre-commit')]);

    const install = runCli(['install-hook'], { cwd: repo });
    expect(install.code).toBe(0);
    expect(install.stdout).toContain('The hook that was there runs first');
    expect(existsSync(path.join(repo, '.githooks/pre-commit.before-dhmad-scan'))).toBe(true);
    expect(existsSync(path.join(repo, '.git/hooks/pre-commit'))).toBe(false);
    // Installing again updates ours and does not wrap it around itself.
    expect(runCli(['install-hook'], { cwd: repo }).stdout).toContain('Updated');

    const key = makeKey('sandbox');
    write(repo, 'x.txt', key);
    git(repo, ['add', 'x.txt']);
    expect(commit(repo).code).not.toBe(0);
    expect(readFileSync(path.join(repo, 'hook.log'), 'utf8')).toBe('existing hook ran\n');
  });

  it('in a husky 9 layout (core.hooksPath .husky/_), adds the scan to .husky/pre-commit and says what the project lacks', () => {
    const repo = initRepo();
    write(repo, '.gitignore', '.env\n.env.*\n');
    write(repo, '.husky/pre-commit', 'npx lint-staged');
    commitAll(repo, 'init');
    git(repo, ['config', 'core.hooksPath', '.husky/_']);
    const install = runCli(['install-hook'], { cwd: path.join(repo, '.husky') });
    expect(install.code).toBe(0);
    expect(install.stdout).toContain(`Added \`dhmad-scan --staged\` in ${path.join(repo, '.husky/pre-commit')}`);
    expect(install.stdout).toContain('npm install --save-dev @dhmad/secret-scan');
    expect(readFileSync(path.join(repo, '.husky/pre-commit'), 'utf8')).toMatch(/^npx lint-staged\n# .*\ndhmad-scan --staged\n$/);
    expect(existsSync(path.join(repo, '.husky/_/pre-commit'))).toBe(false);
  });

  it('refuses to write through a symlinked .husky/pre-commit (exit 2)', () => {
    const repo = initRepo();
    const outside = path.join(tempDir(), 'elsewhere');
    write(path.dirname(outside), 'elsewhere', 'echo hi\n');
    write(repo, '.gitignore', '.env\n');
    commitAll(repo, 'init');
    write(repo, '.husky/.keep', '');
    symlinkSync(outside, path.join(repo, '.husky/pre-commit'));
    git(repo, ['config', 'core.hooksPath', '.husky/_']);
    const r = runCli(['install-hook'], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is a symbolic link; dhmad-scan does not write through one');
    expect(readFileSync(outside, 'utf8')).toBe('echo hi\n');
  });

  it('fails clearly outside a repository', () => {
    const r = runCli(['install-hook'], { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not inside a git repository; run install-hook from your repository');
  });
});

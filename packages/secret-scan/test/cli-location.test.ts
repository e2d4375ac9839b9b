// Where the CLI is run from must not change what is scanned or how paths are named.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, initRepo, runCli, scanJson, tempDir, write } from './helpers.js';

describe('a working-tree scan from the CLI, run from outside the repository', () => {
  it('reports the .env files of a repository scanned from outside it, by root-relative path', () => {
    const repo = initRepo();
    write(repo, 'app/.env.local', 'DHMAD_API_KEY=\n');
    write(repo, 'app/index.js', 'module.exports = 1;\n');
    const { run, out } = scanJson([path.join(repo, 'app')], { cwd: tempDir() });
    expect(run.code).toBe(1);
    expect(out.findings.map((f) => [f.ruleId, f.file])).toEqual([['env-not-ignored', 'app/.env.local']]);
  });
});

describe('a --staged run from the CLI', () => {
  it('reports a staged .env file from a subfolder, and a --staged run outside a repository fails clearly', () => {
    const repo = initRepo();
    write(repo, '.gitignore', 'node_modules/\n');
    write(repo, 'web/.env', 'DHMAD_API_KEY=\n');
    git(repo, ['add', '-A']);
    const { run, out } = scanJson(['--staged'], { cwd: path.join(repo, 'web') });
    expect(run.code).toBe(1);
    expect(out.findings.filter((f) => f.severity === 'error').map((f) => [f.ruleId, f.file])).toEqual([['env-tracked', 'web/.env']]);
    const outside = runCli(['--staged'], { cwd: tempDir() });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/--staged needs a git repository/);
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitAsync, startEarly } from '../src/git.js';
import { commitAll, git, initRepo, runCli, scanJson, tempDir, write } from './helpers.js';

describe('git runs started early', () => {
  it('are taken over once by the same query, which then runs afresh', async () => {
    const repo = initRepo();
    const query = ['rev-parse', '--verify', '-q', 'HEAD'];
    const early = startEarly(repo, query);
    expect((await early).status).toBe(1); // no commit yet
    const head = commitAll(repo, 'first');
    // The early run answered before the commit: taking it over gives that answer, not a new one.
    expect(await gitAsync(repo, query)).toBe(await early);
    const fresh = await gitAsync(repo, query);
    expect(fresh.status).toBe(0);
    expect(fresh.stdout.toString('utf8').trim()).toBe(head);
  });

  it('are told apart by folder, arguments and input', async () => {
    const repo = initRepo();
    write(repo, '.gitignore', '.env\n');
    const early = startEarly(repo, ['check-ignore', '--stdin', '-z'], '.env\0');
    const other = await gitAsync(repo, ['check-ignore', '--stdin', '-z'], 'app.js\0');
    expect(other.status).toBe(1);
    const taken = await gitAsync(repo, ['check-ignore', '--stdin', '-z'], '.env\0');
    expect(taken).toBe(await early);
    expect(taken.stdout.toString('utf8')).toBe('.env\0');
  });
});

describe('the CLI starts its git runs before the scanner loads', () => {
  it('reports the .env files of a repository scanned from outside it, by root-relative path', () => {
    const repo = initRepo();
    write(repo, 'app/.env.local', 'DHMAD_API_KEY=\n');
    write(repo, 'app/index.js', 'module.exports = 1;\n');
    const { run, out } = scanJson([path.join(repo, 'app')], { cwd: tempDir() });
    expect(run.code).toBe(1);
    expect(out.findings.map((f) => [f.ruleId, f.file])).toEqual([['env-not-ignored', 'app/.env.local']]);
  });

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

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isEnvFile } from '../src/env-files.js';
import { commitAll, git, initRepo, scanJson, tempDir, write } from './helpers.js';

const envFindings = (out: { findings: { ruleId: string; severity: string; file: string }[] }) =>
  out.findings.filter((f) => f.ruleId.startsWith('env-')).map((f) => [f.ruleId, f.severity, f.file]);

describe('which files are .env files', () => {
  it('takes .env and its variants, not templates', () => {
    expect(['.env', '.env.local', 'a/b/.env.production', '.env.development.local'].every(isEnvFile)).toBe(true);
    expect(['.env.example', 'x/.env.sample', '.env.template', '.envrc', 'env', '.env.', 'my.env'].some(isEnvFile)).toBe(false);
  });
});

describe('env-not-ignored: only the repository’s own .gitignore files count', () => {
  it('is an error when a .env file exists and nothing ignores it', () => {
    const repo = initRepo();
    write(repo, '.env', 'A=1\n');
    const { run, out } = scanJson([], { cwd: repo });
    expect(envFindings(out)).toEqual([['env-not-ignored', 'error', '.env']]);
    expect(run.code).toBe(1);
  });

  it('does not count ignoring through .git/info/exclude', () => {
    const repo = initRepo();
    write(repo, '.env', 'A=1\n');
    write(repo, '.git/info/exclude', '.env\n');
    expect(git(repo, ['status', '--porcelain'])).toBe(''); // git itself now hides it locally
    const { run, out } = scanJson([], { cwd: repo });
    expect(envFindings(out)).toEqual([['env-not-ignored', 'error', '.env']]);
    expect(run.code).toBe(1);
  });

  it('does not count ignoring through a global excludes file', () => {
    const repo = initRepo();
    const home = tempDir();
    write(home, 'gitconfig', `[core]\n\texcludesFile = ${path.join(home, 'ignore')}\n`);
    write(home, 'ignore', '.env\n.env.*\n');
    const env = { GIT_CONFIG_GLOBAL: path.join(home, 'gitconfig') };
    write(repo, '.env.local', 'A=1\n');
    expect(git(repo, ['status', '--porcelain'], { ...process.env, ...env })).toBe('');
    const { run, out } = scanJson([], { cwd: repo, env });
    expect(envFindings(out)).toEqual([['env-not-ignored', 'error', '.env.local']]);
    expect(run.code).toBe(1);
  });

  it('is satisfied by a committed .gitignore entry', () => {
    const repo = initRepo();
    write(repo, '.gitignore', '.env\n.env.*\n!.env.example\n');
    write(repo, '.env', 'A=1\n');
    write(repo, '.env.example', 'A=\n');
    commitAll(repo, 'init');
    const { run, out } = scanJson([], { cwd: repo });
    expect(out.findings).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('follows negations as git does', () => {
    const repo = initRepo();
    write(repo, '.gitignore', '.env*\n!.env.local\n');
    write(repo, '.env', 'A=1\n');
    write(repo, '.env.local', 'A=1\n');
    const { out } = scanJson([], { cwd: repo });
    expect(envFindings(out)).toEqual([['env-not-ignored', 'error', '.env.local']]);
  });

  it('follows nested .gitignore files, which outrank the root one', () => {
    const repo = initRepo();
    write(repo, '.gitignore', '.env\n.env.*\n');
    write(repo, 'app/.gitignore', '!.env\n');
    write(repo, 'app/.env', 'A=1\n');
    write(repo, 'lib/.env', 'A=1\n');
    const { out } = scanJson([], { cwd: repo });
    expect(envFindings(out)).toEqual([['env-not-ignored', 'error', 'app/.env']]);

    const other = initRepo();
    write(other, 'svc/.gitignore', '.env\n');
    write(other, 'svc/.env', 'A=1\n');
    // The nested entry protects svc/.env; the root still misses one: a warning only.
    const second = scanJson([], { cwd: other });
    expect(envFindings(second.out)).toEqual([['env-not-ignored', 'warning', '.gitignore']]);
    expect(second.run.code).toBe(0);
  });

  it('warns, without failing, when the entry is missing but no .env file exists', () => {
    const repo = initRepo();
    write(repo, 'a.txt', 'a\n');
    const { run, out } = scanJson([], { cwd: repo });
    expect(envFindings(out)).toEqual([['env-not-ignored', 'warning', '.gitignore']]);
    expect(run.code).toBe(0);
  });

  it('still warns when only .git/info/exclude or a negated .gitignore line covers the missing entry', () => {
    const local = initRepo();
    write(local, '.git/info/exclude', '.env\n.env.local\n');
    expect(envFindings(scanJson([], { cwd: local }).out)).toEqual([['env-not-ignored', 'warning', '.gitignore']]);
    const negated = initRepo();
    write(negated, '.gitignore', '.env*\n!.env\n');
    const out = scanJson([], { cwd: negated }).out as { findings: { ruleId: string; severity: string; file: string; message: string }[] };
    expect(envFindings(out)).toEqual([['env-not-ignored', 'warning', '.gitignore']]);
    expect(out.findings[0]!.message).toMatch(/does not ignore \.env;/);
  });

  it('lets a .gitignore entry win over a local negation in .git/info/exclude, as git does', () => {
    const repo = initRepo();
    write(repo, '.gitignore', '.env\n.env.local\n');
    write(repo, '.git/info/exclude', '!.env\n!.env.local\n');
    expect(envFindings(scanJson([], { cwd: repo }).out)).toEqual([]);
  });
});

describe('env-tracked', () => {
  it('flags tracked .env files in any folder, not templates, even when .gitignore now ignores them', () => {
    const repo = initRepo();
    write(repo, 'deploy/.env.production', 'A=1\n');
    write(repo, '.env.example', 'A=\n');
    commitAll(repo, 'oops');
    write(repo, '.gitignore', '.env\n.env.*\n!.env.example\n');
    const { run, out } = scanJson([], { cwd: repo });
    expect(envFindings(out)).toEqual([['env-tracked', 'error', 'deploy/.env.production']]);
    expect(run.code).toBe(1);
  });
});

describe('--fix', () => {
  it('adds the missing entries, including where a nested negation needs one, and the scan passes after', () => {
    const repo = initRepo();
    write(repo, '.gitignore', 'node_modules/');
    write(repo, '.env', 'A=1\n');
    write(repo, 'app/.gitignore', '!.env\n');
    write(repo, 'app/.env', 'A=1\n');
    write(repo, '.env.example', 'A=\n');
    const { run, out } = scanJson(['--fix'], { cwd: repo });
    expect(out.findings).toEqual([]);
    expect(out.summary.fixed).toEqual(['.gitignore', 'app/.gitignore']);
    expect(run.code).toBe(0);
    const root = readFileSync(path.join(repo, '.gitignore'), 'utf8');
    expect(root.startsWith('node_modules/\n')).toBe(true);
    expect(root).toContain('\n.env\n.env.*\n!.env.example\n');
    expect(readFileSync(path.join(repo, 'app/.gitignore'), 'utf8')).toBe('!.env\n/.env\n');
    // git itself agrees: only the template and the .gitignore files would be added.
    git(repo, ['add', '.']);
    expect(git(repo, ['diff', '--cached', '--name-only']).split('\n').filter(Boolean).sort()).toEqual(['.env.example', '.gitignore', 'app/.gitignore']);
    expect(scanJson(['--staged'], { cwd: repo }).run.code).toBe(0);
  });
});

// One meaning for "tracked", "ignored" and "env file", checked against git itself in real repositories.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { fileGitStatus, ignoredByRepoRules, ignoredByRepoRulesSync, isEnvFile, isEnvTemplate, listEnvFiles, unignoredProbes } from '../src/index.js';
import { GIT_ENV, git, makeRepo, tempDir, write } from '../../../test/support/git.js';

for (const [name, value] of Object.entries(GIT_ENV)) vi.stubEnv(name, value);
afterAll(() => vi.unstubAllEnvs());

describe('env file names', () => {
  it('takes .env and its variants as env files, templates apart', () => {
    expect(['.env', '.env.local', 'a/b/.env.production', '.env.development.local'].every(isEnvFile)).toBe(true);
    expect(['.env.example', 'x/.env.sample', '.env.template', '.env.dist', '.env.local.defaults'].every(isEnvTemplate)).toBe(true);
    expect(['.env.example', '.envrc', 'env', '.env.', 'my.env', 'a/.env/b'].some(isEnvFile)).toBe(false);
    expect(['.env', '.envrc', '.env.'].some(isEnvTemplate)).toBe(false);
  });
});

describe('what the repository’s .gitignore files ignore', () => {
  it('a folder the root ignores hides a file that a .gitignore inside it re-includes, as git says', async () => {
    const repo = makeRepo(tempDir(), 'secret', { '.gitignore': 'secret/\n', 'secret/.gitignore': '!.env\n', 'secret/.env': 'A=1\n' }, ['.gitignore', 'secret/.gitignore']);
    expect(git(repo, ['check-ignore', '-v', 'secret/.env']).trim()).toBe('.gitignore:1:secret/\tsecret/.env');
    expect(ignoredByRepoRulesSync(repo, ['secret/.env'])).toEqual(new Set(['secret/.env']));
    expect(await ignoredByRepoRules(repo, ['secret/.env'])).toEqual(new Set(['secret/.env']));
    expect((await listEnvFiles(repo)).exposed).toEqual([]);
  });

  it('counts a .gitignore that is not committed yet: the `git add .` that would take the .env takes it too', async () => {
    const repo = makeRepo(tempDir(), 'uncommitted', { 'package.json': '{}\n', '.gitignore': '.env\n', '.env': 'A=1\n' }, ['package.json']);
    expect(git(repo, ['ls-files', '--cached']).trim()).toBe('package.json');
    expect(ignoredByRepoRulesSync(repo, ['.env'])).toEqual(new Set(['.env']));
    expect(await unignoredProbes(repo)).toEqual(['.env.local']);
    expect(await listEnvFiles(repo)).toEqual({ tracked: [], exposed: [] });
    git(repo, ['add', '.']);
    expect(git(repo, ['diff', '--cached', '--name-only']).trim().split('\n')).toEqual(['.gitignore']);
  });

  it('does not count .git/info/exclude or core.excludesFile, which no commit carries', async () => {
    const repo = makeRepo(tempDir(), 'local-only', { 'package.json': '{}\n' });
    appendFileSync(path.join(repo, '.git', 'info', 'exclude'), '.env\n');
    const home = tempDir();
    write(home, 'ignore', '.env.local\n');
    write(home, 'gitconfig', `[core]\n\texcludesFile = ${path.join(home, 'ignore')}\n`);
    vi.stubEnv('GIT_CONFIG_GLOBAL', path.join(home, 'gitconfig'));
    try {
      expect(git(repo, ['check-ignore', '.env', '.env.local'], { ...process.env }).trim().split('\n')).toEqual(['.env', '.env.local']);
      expect(ignoredByRepoRulesSync(repo, ['.env', '.env.local'])).toEqual(new Set());
      expect(await unignoredProbes(repo)).toEqual(['.env', '.env.local']);
    } finally {
      vi.stubEnv('GIT_CONFIG_GLOBAL', GIT_ENV.GIT_CONFIG_GLOBAL);
    }
  });

  it('follows negations, nesting and paths that do not exist yet', () => {
    const repo = makeRepo(tempDir(), 'nested', { '.gitignore': '.env*\n!.env.example\n', 'api/.gitignore': '!.env\n' });
    expect(ignoredByRepoRulesSync(repo, ['.env', '.env.example', 'api/.env', 'web/.env', 'deep/er/.env.local'])).toEqual(new Set(['.env', 'web/.env', 'deep/er/.env.local']));
  });
});

describe('the cached status of one file', () => {
  it('is git’s answer, and follows edits of the index and of each .gitignore on the way', () => {
    const repo = makeRepo(tempDir(), 'cached', { 'package.json': '{}\n' });
    const env = path.join(repo, 'app', '.env');
    mkdirSync(path.dirname(env));
    expect(fileGitStatus(env)).toEqual({ root: repo, relPath: 'app/.env', tracked: false, ignored: false });
    writeFileSync(path.join(repo, 'app', '.gitignore'), '.env\n');
    expect(fileGitStatus(env)?.ignored).toBe(true);
    writeFileSync(path.join(repo, '.gitignore'), 'app/\n');
    writeFileSync(path.join(repo, 'app', '.gitignore'), '!.env\n');
    expect(fileGitStatus(env)?.ignored).toBe(true);
    writeFileSync(path.join(repo, '.gitignore'), '\n');
    expect(fileGitStatus(env)?.ignored).toBe(false);
    writeFileSync(env, 'A=1\n');
    git(repo, ['add', '-f', 'app/.env']);
    expect(fileGitStatus(env)?.tracked).toBe(true);
    expect(fileGitStatus(path.join(tempDir(), '.env'))).toBeNull();
  });

  it('runs no git while nothing changed: a later query is answered from stats alone', () => {
    const repo = makeRepo(tempDir(), 'no-git-per-keystroke', { '.gitignore': '.env\n' });
    const env = path.join(repo, '.env');
    const first = fileGitStatus(env);
    expect(first).toMatchObject({ tracked: false, ignored: true });
    // Without git on PATH a query that ran git would get no answer (null).
    vi.stubEnv('PATH', tempDir());
    try {
      for (let i = 0; i < 3; i++) expect(fileGitStatus(env)).toEqual(first);
      writeFileSync(path.join(repo, '.gitignore'), '# nothing\n');
      expect(fileGitStatus(env)).toBeNull();
    } finally {
      vi.unstubAllEnvs();
      for (const [name, value] of Object.entries(GIT_ENV)) vi.stubEnv(name, value);
    }
    expect(fileGitStatus(env)).toMatchObject({ ignored: false });
  });
});

import { chmodSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { assertNoKeys, commitAll, git, initRepo, keyFindings, makeKey, prefixOf, runCli, scanJson, tempDir, write } from './helpers.js';

const IGNORE_ENV = '.env\n.env.*\n';

describe('--staged reads the index, not the working tree', () => {
  it('works on the first commit of a repository', () => {
    const repo = initRepo();
    const key = makeKey();
    write(repo, '.gitignore', IGNORE_ENV);
    write(repo, 'app.js', `\n\nconst k = "${key}";\n`);
    git(repo, ['add', '-A']);
    const { run, out } = scanJson(['--staged'], { cwd: repo }, [key]);
    expect(run.code).toBe(1);
    expect(out.findings.map((f) => [f.file, f.line, f.column, f.keyPrefix])).toEqual([['app.js', 3, 12, prefixOf(key)]]);
  });

  it('blocks a staged key even after the file was cleaned in the working tree, with staged line numbers', () => {
    const repo = initRepo();
    write(repo, '.gitignore', IGNORE_ENV);
    commitAll(repo, 'init');
    const key = makeKey('sandbox');
    write(repo, 'cfg.txt', `a\nb\nkey=${key}\n`);
    git(repo, ['add', 'cfg.txt']);
    write(repo, 'cfg.txt', 'x\n'.repeat(10) + 'key=from-env\n');
    const { run, out } = scanJson(['--staged'], { cwd: repo }, [key]);
    expect(run.code).toBe(1);
    expect(out.findings.map((f) => [f.file, f.line])).toEqual([['cfg.txt', 3]]);
  });

  it('tells the user whose commit it blocked what to do: remove the key, rotate it, that history keeps it, how to allow a fixture, how to unstage an env file', () => {
    const repo = initRepo();
    write(repo, '.gitignore', 'node_modules\n');
    commitAll(repo, 'init');
    const key = makeKey();
    write(repo, 'src/pay.js', `const k = '${key}';\n`);
    write(repo, '.env.local', 'DHMAD_API_KEY=from-the-vault\n');
    git(repo, ['add', '-A']);
    const run = runCli(['--staged'], { cwd: repo });
    expect(run.code).toBe(1);
    assertNoKeys([run.stdout, run.stderr], [key]);
    const advice = run.stderr.split('\n');
    expect(advice).toContain('dhmad-scan: the staged changes cannot be committed as they are.');
    const said = (pattern: RegExp) => expect(advice.some((l) => pattern.test(l)), String(pattern)).toBe(true);
    said(new RegExp(`^  - Remove the key from the staged file \\(${prefixOf(key)}…\\); load it from the environment`));
    said(/^ {2}- Rotate it \(regenerate at developer\.dhmad\.tn\)/);
    said(/removing it now does not take it out of history; only rotating does\. `dhmad-scan --history` lists every commit that holds it\.$/);
    said(/^ {2}- Not a real key \(a test fixture\)\? Add `dhmad-scan:allow` to its line\.$/);
    said(/^ {2}- Unstage the env file and keep it out of git: git rm --cached -- '?\.env\.local'?, then dhmad-scan --fix/);
    // The advice works as pasted: the env file leaves the index, and the rescan passes the key check only once the key is gone.
    git(repo, ['rm', '-q', '--cached', '--', '.env.local']);
    write(repo, 'src/pay.js', 'const k = process.env.DHMAD_API_KEY;\n');
    git(repo, ['add', 'src/pay.js']);
    expect(runCli(['--staged', '--fix'], { cwd: repo }).code).toBe(0);
  });

  it('does not block on a key that is only in unstaged edits', () => {
    const repo = initRepo();
    write(repo, '.gitignore', IGNORE_ENV);
    write(repo, 'cfg.txt', 'clean\n');
    git(repo, ['add', '-A']);
    const key = makeKey();
    write(repo, 'cfg.txt', `clean\n${key}\n`);
    write(repo, 'untracked.txt', key);
    const { run, out } = scanJson(['--staged'], { cwd: repo }, [key]);
    expect(out.findings).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('does not report a staged deletion of a file holding a key', () => {
    const repo = initRepo();
    const key = makeKey();
    write(repo, '.gitignore', IGNORE_ENV);
    write(repo, 'old.txt', key);
    commitAll(repo, 'leak');
    git(repo, ['rm', '-q', 'old.txt']);
    const { run, out } = scanJson(['--staged'], { cwd: repo }, [key]);
    expect(out.findings).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('reports a renamed file under its new name', () => {
    const repo = initRepo();
    const key = makeKey();
    write(repo, '.gitignore', IGNORE_ENV);
    write(repo, 'old name.txt', `${key} // dhmad-scan:allow\n`);
    commitAll(repo, 'init');
    git(repo, ['mv', 'old name.txt', 'new name.txt']);
    write(repo, 'new name.txt', `${key}\n`);
    git(repo, ['add', '-A']);
    const { out } = scanJson(['--staged'], { cwd: repo }, [key]);
    expect(keyFindings(out).map((f) => f.file)).toEqual(['new name.txt']);
  });

  it('flags a staged .env file, and skips staged submodule pointers and symlinks', () => {
    const repo = initRepo();
    write(repo, '.gitignore', IGNORE_ENV);
    write(repo, 'config/.env.production', 'A=1\n');
    git(repo, ['add', '-f', 'config/.env.production']);
    const { run, out } = scanJson(['--staged'], { cwd: repo });
    expect(run.code).toBe(1);
    expect(out.findings.map((f) => [f.ruleId, f.file])).toEqual([['env-tracked', 'config/.env.production']]);
    rmSync(path.join(repo, 'config'), { recursive: true });
    git(repo, ['rm', '-q', '--cached', 'config/.env.production']);
    expect(scanJson(['--staged'], { cwd: repo }).run.code).toBe(0);
  });

  it('gives root-relative paths and applies the root config when run from a subfolder, even with diff.relative set', () => {
    const repo = initRepo();
    const key = makeKey('sandbox');
    write(repo, '.gitignore', IGNORE_ENV);
    write(repo, '.dhmad-scan.json', JSON.stringify({ exclude: ['fixtures/'] }));
    write(repo, 'app/src/cfg.js', `const k = '${key}';\n`);
    write(repo, 'fixtures/cfg.js', `const k = '${key}';\n`);
    git(repo, ['add', '-A']);
    git(repo, ['config', 'diff.relative', 'true']);
    const { run, out } = scanJson(['--staged'], { cwd: path.join(repo, 'app') }, [key]);
    expect(run.code).toBe(1);
    expect(keyFindings(out).map((f) => [f.ruleId, f.file, f.line, f.column, f.keyPrefix])).toEqual([['sandbox-key', 'app/src/cfg.js', 1, 12, prefixOf(key)]]);
    expect(out.summary.excluded).toBe(1);
  });

  it('says what to do outside a repository and in a bare one', () => {
    const bare = initRepo({ bare: true });
    const inBare = runCli(['--staged'], { cwd: bare });
    expect(inBare.code).toBe(2);
    expect(inBare.stderr).toMatch(/--staged needs a work tree, and this is a bare repository, which has no working tree\. Run it from the working tree, or use --history\./);
    const outside = runCli(['--staged'], { cwd: tempDir() });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/--staged needs a git repository, and .* is not inside one/);
  });
});

describe('--staged reads every staged blob, wherever git keeps it', () => {
  const looseFile = (gitDir: string, oid: string): string => path.join(gitDir, 'objects', oid.slice(0, 2), oid.slice(2));

  it('finds a key in a blob git keeps packed (content staged again after a gc), and in a linked worktree', () => {
    const repo = initRepo();
    const key = makeKey();
    write(repo, '.gitignore', IGNORE_ENV);
    write(repo, 'cfg.txt', `key=${key}\n`);
    commitAll(repo, 'leak');
    git(repo, ['gc', '-q']);
    write(repo, 'cfg.txt', 'key=from-env\n');
    commitAll(repo, 'fix');
    write(repo, 'cfg.txt', `key=${key}\n`);
    git(repo, ['add', 'cfg.txt']);
    const oid = git(repo, ['rev-parse', ':cfg.txt']).trim();
    expect(existsSync(looseFile(path.join(repo, '.git'), oid))).toBe(false);
    const packed = scanJson(['--staged'], { cwd: repo }, [key]);
    expect(packed.run.code).toBe(1);
    expect(packed.out.findings.map((f) => [f.file, f.line, f.keyPrefix])).toEqual([['cfg.txt', 1, prefixOf(key)]]);

    const worktree = path.join(tempDir(), 'wt');
    git(repo, ['worktree', 'add', '-q', '-b', 'other', worktree]);
    const other = makeKey('sandbox');
    write(worktree, 'other.txt', `${other}\n`);
    git(worktree, ['add', 'other.txt']);
    expect(existsSync(looseFile(path.join(repo, '.git'), git(worktree, ['rev-parse', ':other.txt']).trim()))).toBe(true);
    const linked = scanJson(['--staged'], { cwd: worktree }, [other]);
    expect(linked.run.code).toBe(1);
    expect(linked.out.findings.map((f) => [f.file, f.keyPrefix])).toEqual([['other.txt', prefixOf(other)]]);
  });

  it('fails (exit 2) on a staged blob whose object is corrupt, never passing it as clean', () => {
    const repo = initRepo();
    write(repo, '.gitignore', IGNORE_ENV);
    commitAll(repo, 'init');
    for (const damage of ['not zlib', deflateSync('blob 999\0short')]) {
      write(repo, 'cfg.txt', `key=${makeKey()}\n`);
      git(repo, ['add', 'cfg.txt']);
      const file = looseFile(path.join(repo, '.git'), git(repo, ['rev-parse', ':cfg.txt']).trim());
      chmodSync(file, 0o644);
      writeFileSync(file, damage);
      const run = runCli(['--staged'], { cwd: repo });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('git fsck');
      expect(run.stdout).toContain('Incomplete scan');
    }
  });
});

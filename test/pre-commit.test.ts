// The hooks of .pre-commit-hooks.yaml, run by the real pre-commit framework (the oldest version
// we support is Debian's 3.0.4, which .ci/run installs) against a clone of this repository, as a
// user's `.pre-commit-config.yaml` would fetch it. The clone holds what is committed: commit the
// standalone bundle before running this test on a change of your own.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { commitAll, git, initRepo, isolatedEnv, tempDir, write } from './support/git.js';
import { assertNoKeys, liveKey, prefixOf } from './support/keys.js';
import { codeBlockUnder } from './support/markdown.js';
import { repoRoot } from './support/workspace.js';

const home = tempDir('dhmad-pre-commit-home-');
let hookRepo: string;

beforeAll(() => {
  hookRepo = path.join(tempDir('dhmad-pre-commit-hooks-'), 'dhmad-toolkit');
  git(repoRoot, ['clone', '-q', '--no-hardlinks', repoRoot, hookRepo]);
});

/** A repository of a user's, with a committed .gitignore that ignores env files. */
function userRepo(): string {
  const repo = initRepo();
  write(repo, '.gitignore', '.env\n.env.*\n!.env.example\n');
  commitAll(repo, 'init');
  return repo;
}

function run(cwd: string, cmd: string, args: string[]): { code: number | null; out: string } {
  const r = spawnSync(cmd, args, { cwd, env: isolatedEnv({ PRE_COMMIT_HOME: home }), encoding: 'utf8' });
  return { code: r.status, out: r.stdout + r.stderr };
}

describe('the standalone bundle the hook runs', () => {
  const file = path.join(repoRoot, 'packages/secret-scan/standalone/dhmad-scan.cjs');

  it('is a build of scripts/bundle.mjs, committed executable, and reports the package version', () => {
    expect(git(repoRoot, ['ls-files', '-s', '--', 'packages/secret-scan/standalone/dhmad-scan.cjs'])).toMatch(/^100755 /);
    expect(readFileSync(file, 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n\/\/ Built by scripts\/bundle\.mjs --standalone from src\/cli\.ts; inputs sha256 [0-9a-f]{64}\n/);
    const version = (JSON.parse(readFileSync(path.join(repoRoot, 'packages/secret-scan/package.json'), 'utf8')) as { version: string }).version;
    expect(run(repoRoot, file, ['--version']).out.trim()).toBe(version);
  });
});

describe('pre-commit try-repo with the dhmad-scan hook', () => {
  it('blocks a staged key with a message that names it by prefix and says what to do', () => {
    const repo = userRepo();
    const key = liveKey();
    write(repo, 'src/pay.js', `export const apiKey = '${key}';\n`);
    git(repo, ['add', 'src/pay.js']);
    const r = run(repo, 'pre-commit', ['try-repo', hookRepo, 'dhmad-scan']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/dhmad-scan \(DHMAD secret keys and \.env files\)\.+Failed/);
    expect(r.out).toContain('src/pay.js');
    expect(r.out).toContain(prefixOf(key));
    expect(r.out).toMatch(/remove the key from the staged file/i);
    expect(r.out).toMatch(/rotate/i);
    assertNoKeys([r.out], [key]);
  });

  it('passes a clean commit', () => {
    const repo = userRepo();
    write(repo, 'src/pay.js', 'export const apiKey = process.env.DHMAD_API_KEY;\n');
    git(repo, ['add', 'src/pay.js']);
    const r = run(repo, 'pre-commit', ['try-repo', hookRepo, 'dhmad-scan']);
    expect(r.out).toMatch(/dhmad-scan \(DHMAD secret keys and \.env files\)\.+Passed/);
    expect(r.code).toBe(0);
  });

  it('scans the index, not the work tree: a key removed only from the work tree still blocks', () => {
    const repo = userRepo();
    const key = liveKey();
    write(repo, 'a.txt', `${key}\n`);
    git(repo, ['add', 'a.txt']);
    write(repo, 'a.txt', 'nothing here\n');
    const r = run(repo, 'pre-commit', ['try-repo', hookRepo, 'dhmad-scan']);
    expect(r.code).toBe(1);
    expect(r.out).toContain(prefixOf(key));
  });
});

describe("the scanner README's .pre-commit-config.yaml", () => {
  const readme = readFileSync(path.join(repoRoot, 'packages/secret-scan/README.md'), 'utf8');
  const config = codeBlockUnder(readme, 'pre-commit framework', 'yaml');
  const rev = /^\s*rev: ['"]?([^'"\s]+)/m.exec(config)?.[1];

  it('pins a ref that exists in this repository and has the hook', () => {
    expect(rev).toBeDefined();
    const manifest = git(repoRoot, ['show', `${rev}:.pre-commit-hooks.yaml`]);
    expect(manifest).toContain('- id: dhmad-scan\n');
    expect(git(repoRoot, ['ls-tree', rev!, 'packages/secret-scan/standalone/dhmad-scan.cjs'])).toMatch(/^100755 blob /);
  });

  it('installed with `pre-commit install`, blocks `git commit` of a key and lets a clean commit through', () => {
    const repo = userRepo();
    // As written, with the repository's URL pointing at the local clone (no network here).
    write(repo, '.pre-commit-config.yaml', config.replace('https://github.com/dhmad/dhmad-toolkit', hookRepo));
    commitAll(repo, 'pre-commit config');
    expect(run(repo, 'pre-commit', ['install']).code).toBe(0);
    const key = liveKey();
    write(repo, 'config.js', `module.exports = '${key}';\n`);
    git(repo, ['add', 'config.js']);
    const blocked = run(repo, 'git', ['commit', '-q', '-m', 'add config']);
    expect(blocked.code).not.toBe(0);
    expect(blocked.out).toContain(prefixOf(key));
    assertNoKeys([blocked.out], [key]);
    expect(git(repo, ['rev-list', '--count', 'HEAD']).trim()).toBe('2');

    write(repo, 'config.js', 'module.exports = process.env.DHMAD_API_KEY;\n');
    git(repo, ['add', 'config.js']);
    expect(run(repo, 'git', ['commit', '-q', '-m', 'add config']).code).toBe(0);
    expect(git(repo, ['rev-list', '--count', 'HEAD']).trim()).toBe('3');
  });
});

// Where the repository is: the lookup that skips `git rev-parse` must give git's own answer or none (then git is asked),
// and git's answer must be the work tree git itself would use.
import { mkdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverRepo, findRepoSync as findRepo, gitEnv, runGit, type Repo as RepoInfo } from '../src/index.js';
import { commitAll, git, initRepo, isolatedEnv, tempDir, write } from '../../../test/support/git.js';

const real = (r: RepoInfo | null | undefined): unknown => r && { bare: r.bare, root: r.root && realpathSync(r.root), gitDir: realpathSync(r.gitDir) };

/** discoverRepo's answer for `dir`, checked against git's: the same, or undefined when `fast` is false. */
function expectGitsAnswer(dir: string, fast: boolean, env = isolatedEnv()): void {
  const mine = discoverRepo(dir, 'environment', env);
  if (!fast) {
    expect(mine).toBeUndefined();
    return;
  }
  expect(mine).toBeDefined();
  expect(real(mine)).toEqual(real(findRepo(dir)));
}

describe('finding the repository without starting git', () => {
  it('gives git’s root and git dir from the root, a subfolder and a nested repository', () => {
    const repo = initRepo();
    write(repo, 'a/b/c.txt', 'x\n');
    commitAll(repo, 'one');
    expectGitsAnswer(repo, true);
    expectGitsAnswer(path.join(repo, 'a', 'b'), true);
    const inner = path.join(repo, 'vendor', 'inner');
    mkdirSync(inner, { recursive: true });
    git(inner, ['init', '-q']);
    mkdirSync(path.join(inner, 'src'));
    expectGitsAnswer(path.join(inner, 'src'), true);
  });

  it('follows a linked worktree’s .git file to its git dir', () => {
    const repo = initRepo();
    write(repo, 'f.txt', 'x\n');
    commitAll(repo, 'one');
    const wt = path.join(tempDir(), 'wt');
    git(repo, ['worktree', 'add', '-q', wt]);
    expectGitsAnswer(wt, true);
    const found = discoverRepo(wt, 'environment', isolatedEnv())!;
    expect(realpathSync(found.gitDir)).toBe(realpathSync(path.join(repo, '.git', 'worktrees', 'wt')));
  });

  it('leaves the unusual cases to git: inside .git, bare, submodules, core.worktree, a broken .git or gitdir file, no repository', () => {
    const repo = initRepo();
    write(repo, 'f.txt', 'x\n');
    commitAll(repo, 'one');
    expectGitsAnswer(path.join(repo, '.git'), false);
    expectGitsAnswer(path.join(repo, '.git', 'refs'), false);
    expectGitsAnswer(initRepo({ bare: true }), false);

    const sub = initRepo();
    write(sub, 's.txt', 's\n');
    commitAll(sub, 'sub');
    git(repo, ['-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', sub, 'vendor/sub']);
    // A submodule's git dir sets core.worktree.
    expectGitsAnswer(path.join(repo, 'vendor', 'sub'), false);

    const moved = initRepo();
    const elsewhere = tempDir();
    git(moved, ['config', 'core.worktree', elsewhere]);
    expectGitsAnswer(moved, false);

    const broken = tempDir();
    mkdirSync(path.join(broken, '.git'));
    expectGitsAnswer(broken, false);

    // A gitdir: file that names a file, not a folder: looking inside it fails with ENOTDIR.
    const misnamed = tempDir();
    write(misnamed, 'elsewhere', 'not a git dir\n');
    write(misnamed, '.git', `gitdir: ${path.join(misnamed, 'elsewhere')}\n`);
    expectGitsAnswer(misnamed, false);

    expectGitsAnswer(tempDir(), false);
  });

  it('asks git whenever the environment tells git where to look', () => {
    const repo = initRepo();
    for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_CEILING_DIRECTORIES']) {
      expectGitsAnswer(repo, false, isolatedEnv({ [name]: repo }));
    }
    expectGitsAnswer(repo, true);
  });
});

describe('a git that exits before reading its input', () => {
  // Outside a repository these git commands fail at once, before reading stdin; the writes then meet a closed pipe.
  const names = Array.from({ length: 200_000 }, (_, i) => i.toString(16).padStart(40, '0'));

  it('gives git’s status and message, not an EPIPE crash', async () => {
    const r = await runGit(tempDir(), ['check-ignore', '--stdin'], gitEnv('environment', isolatedEnv()), names.join('\n'));
    expect(r.status).toBe(128);
    expect(r.stderr).toMatch(/not a git repository/);
  });

});

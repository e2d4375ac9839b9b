import { readFileSync, type Stats, statSync } from 'node:fs';
import path from 'node:path';
import { ask, askSync, type Question } from './ask.js';
import { DISCOVERY_VARIABLES, GitError, gitEnv, gitReason, type Whose } from './run.js';

export interface Repo {
  /** The work tree's root, or null where there is none (a bare repository, or inside `.git`). */
  root: string | null;
  /** The repository's git folder (`.git`, a worktree's folder under it, or the bare repository). */
  gitDir: string;
  bare: boolean;
}

/** A path's stat, or undefined when it is missing or cannot be looked at (ENOTDIR, EACCES): a path must never crash a lookup. */
export function statIfAny(p: string): Stats | undefined {
  try {
    return statSync(p, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** The stamp of a file for caches: changes whenever its content (or its existence) does. */
export function stampOf(file: string): string {
  const s = statIfAny(file);
  return s === undefined ? 'missing' : `${s.mtimeMs}:${s.size}:${s.ino}`;
}

const readIfFile = (p: string): string | null => {
  try {
    return readFileSync(p, 'utf8');
  } catch {
    return null;
  }
};

const kindOf = (p: string): 'dir' | 'file' | null => {
  const st = statIfAny(p);
  return st?.isDirectory() ? 'dir' : st?.isFile() ? 'file' : null;
};

/**
 * The work tree that holds `dir`, found as git finds it (the nearest ancestor
 * with a `.git` folder or `gitdir:` file) without starting git, which costs
 * more than the stats. Undefined whenever the answer is not plain, and then
 * only git can say: a discovery variable set (for `environment` questions), no
 * `.git` on the way up, a folder on the way that is itself a git folder (bare,
 * or inside `.git`), a file-system boundary, or a config that could move the
 * work tree (`core.worktree`, `core.bare`, includes).
 */
export function discoverRepo(dir: string, whose: Whose = 'environment', env: NodeJS.ProcessEnv = process.env): Repo | undefined {
  if (whose === 'environment' && DISCOVERY_VARIABLES.some((v) => env[v] !== undefined)) return undefined;
  let dev: number | undefined;
  for (let at = path.resolve(dir); ; ) {
    const st = statIfAny(at);
    if (!st?.isDirectory() || (dev !== undefined && st.dev !== dev)) return undefined;
    dev = st.dev;
    const dotGit = path.join(at, '.git');
    const kind = kindOf(dotGit);
    if (kind !== null) {
      let gitDir = dotGit;
      if (kind === 'file') {
        const m = /^gitdir: (.+?)\r?\n?$/.exec(readIfFile(dotGit) ?? '');
        if (!m) return undefined;
        gitDir = path.resolve(at, m[1]!);
      }
      if (kindOf(path.join(gitDir, 'HEAD')) !== 'file') return undefined;
      // A linked worktree's config is the main repository's.
      const commonDir = readIfFile(path.join(gitDir, 'commondir'));
      const common = commonDir === null ? gitDir : path.resolve(gitDir, commonDir.trim());
      const config = readIfFile(path.join(common, 'config'));
      if (config === null) return undefined;
      if (/worktree|bare\s*=\s*(true|yes|on|1)\b|^\s*\[\s*include/im.test(config) || kindOf(path.join(gitDir, 'config.worktree')) !== null) return undefined;
      return { bare: false, gitDir, root: at };
    }
    if (kindOf(path.join(at, 'HEAD')) !== null) return undefined;
    const up = path.dirname(at);
    if (up === at) return undefined;
    at = up;
  }
}

/**
 * git's own answer. `--show-toplevel` rather than `--show-cdup`, so that a
 * `GIT_WORK_TREE` elsewhere than the working folder is the root; it fails
 * where there is no work tree, which is asked first.
 */
const REPO_QUESTION: Question<Repo | null | 'no-work-tree'> = {
  args: ['rev-parse', '--is-bare-repository', '--absolute-git-dir', '--is-inside-work-tree', '--show-cdup'],
  read(out, cwd) {
    if (out.status !== 0) {
      // A repository git refuses to read must say so, not pass for a plain folder.
      if (/safe\.directory|dubious ownership/.test(out.stderr)) throw new GitError(gitReason(out.stderr, out.status), 'failed');
      return null;
    }
    const [bare, gitDir, inside, cdup] = out.stdout.toString('utf8').split('\n');
    if (bare === 'true') return { bare: true, gitDir: gitDir!, root: null };
    if (inside === 'true') return { bare: false, gitDir: gitDir!, root: path.resolve(cwd, cdup ?? '') };
    return 'no-work-tree';
  },
};

const TOPLEVEL_QUESTION: Question<string | null> = {
  args: ['rev-parse', '--show-toplevel'],
  read: (out) => (out.status === 0 ? out.stdout.toString('utf8').trim() : null),
};

const GIT_DIR_QUESTION: Question<string> = {
  args: ['rev-parse', '--absolute-git-dir'],
  read: (out) => out.stdout.toString('utf8').trim(),
};

/** The repository git would use in `dir`, or null outside any; asks git only when the answer is not plain. */
export async function findRepo(dir: string, whose: Whose = 'environment'): Promise<Repo | null> {
  const plain = discoverRepo(dir, whose);
  if (plain) return plain;
  const env = gitEnv(whose);
  const r = await ask(dir, REPO_QUESTION, env);
  if (r !== 'no-work-tree') return r;
  // Outside the work tree that GIT_WORK_TREE names, or inside `.git` itself.
  const [root, gitDir] = await Promise.all([ask(dir, TOPLEVEL_QUESTION, env), ask(dir, GIT_DIR_QUESTION, env)]);
  return { bare: false, gitDir, root };
}

/** {@link findRepo}, blocking: for the ESLint rules. */
export function findRepoSync(dir: string, whose: Whose = 'environment'): Repo | null {
  const plain = discoverRepo(dir, whose);
  if (plain) return plain;
  const env = gitEnv(whose);
  const r = askSync(dir, REPO_QUESTION, env);
  if (r !== 'no-work-tree') return r;
  return { bare: false, gitDir: askSync(dir, GIT_DIR_QUESTION, env), root: askSync(dir, TOPLEVEL_QUESTION, env) };
}

/** The index file of `repo`: what `git add` changes, so its stamp says when the tracked files may have. */
export function indexPath(repo: Repo, env: NodeJS.ProcessEnv = process.env, whose: Whose = 'environment'): string {
  const override = whose === 'environment' ? env.GIT_INDEX_FILE : undefined;
  return override ? path.resolve(repo.root ?? repo.gitDir, override) : path.join(repo.gitDir, 'index');
}

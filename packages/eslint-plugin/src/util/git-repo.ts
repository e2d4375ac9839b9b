import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';

/**
 * What a repository's committed state says about one file: whether git tracks
 * it, and whether the repository's tracked `.gitignore` files ignore it.
 *
 * Only tracked `.gitignore` files count. `.git/info/exclude`, `core.excludesFile`
 * and an untracked `.gitignore` protect one clone, not the teammate who runs
 * `git add .` in theirs.
 *
 * Everything is cached per repository root and re-validated on each query by
 * stamps (mtime and size): the index, which changes whenever the set of tracked
 * files changes, and each `.gitignore` consulted, so an editor session notices an
 * edited `.gitignore` or a `git add` without a restart. A query costs a few
 * `stat` calls when nothing changed; git itself runs only when the index did.
 */
export interface FileGitStatus {
  /** The repository's work tree root. */
  root: string;
  /** The file's path relative to the root, with `/` separators. */
  relPath: string;
  tracked: boolean;
  ignored: boolean;
}

interface RepoState {
  indexPath: string;
  indexStamp: string;
  tracked: ReadonlySet<string>;
  /** Folders (relative, `''` for the root) holding a tracked `.gitignore`, shallowest first. */
  gitignoreDirs: readonly string[];
}

interface IgnoreFile {
  stamp: string;
  matcher: Ignore;
}

// Git matches ignore patterns case-insensitively only where it sets core.ignoreCase,
// which `git init` does on the case-insensitive file systems of macOS and Windows.
const CASE_INSENSITIVE_FS = process.platform === 'darwin' || process.platform === 'win32';

/**
 * A repository git would not read is asked again after this long, not on every
 * check: in an editor that re-lints on each keystroke, a refused repository
 * (a `safe.directory` ownership check in a container) would otherwise cost a
 * git process per loader per keystroke, and fixing it is seen within seconds.
 */
const FAILED_REPO_RETRY_MS = 5000;

const repos = new Map<string, RepoState | { retryAt: number }>();
const ignoreFiles = new Map<string, IgnoreFile>();

/**
 * `stat`, or undefined for any path that is not there, including one that runs
 * through a file (ENOTDIR) or an unreadable folder (EACCES): a path written in
 * the linted code must never crash the lint.
 */
export function statIfPresent(file: string): Stats | undefined {
  try {
    return statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

function stampOf(file: string): string {
  const s = statIfPresent(file);
  return s === undefined ? 'missing' : `${s.mtimeMs}:${s.size}`;
}

/** The work tree root above `dir` (the nearest folder with a `.git` entry), or null. */
export function findRepoRoot(dir: string): string | null {
  for (let current = dir; ; ) {
    if (statIfPresent(path.join(current, '.git')) !== undefined) return current;
    const parent = path.dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}

/** `.git` is a folder in a plain clone and a `gitdir:` file in worktrees and submodules. */
function indexPathOf(root: string): string {
  const dotGit = path.join(root, '.git');
  if (statSync(dotGit).isDirectory()) return path.join(dotGit, 'index');
  const match = /^gitdir:\s*(.+?)\s*$/m.exec(readFileSync(dotGit, 'utf8'));
  if (match?.[1] === undefined) throw new Error(`${dotGit} is neither a folder nor a gitdir file`);
  return path.join(path.resolve(root, match[1]), 'index');
}

// A git hook (pre-commit running ESLint) exports these for its own repository;
// they would point `git -C <other repo>` at the wrong index.
const GIT_LOCATION_VARS = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_COMMON_DIR', 'GIT_PREFIX'];

function gitEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of GIT_LOCATION_VARS) delete env[name];
  return env;
}

function loadRepo(root: string): RepoState | null {
  try {
    const indexPath = indexPathOf(root);
    const indexStamp = stampOf(indexPath);
    const out = execFileSync('git', ['ls-files', '-z', '--full-name'], {
      cwd: root,
      env: gitEnv(),
      encoding: 'utf8',
      maxBuffer: 1024 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const tracked = new Set(out.split('\0').filter((f) => f !== ''));
    const gitignoreDirs: string[] = [];
    for (const f of tracked) {
      if (f === '.gitignore') gitignoreDirs.push('');
      else if (f.endsWith('/.gitignore')) gitignoreDirs.push(f.slice(0, -'/.gitignore'.length));
    }
    gitignoreDirs.sort((a, b) => (a === '' ? -1 : b === '' ? 1 : a.split('/').length - b.split('/').length));
    return { indexPath, indexStamp, tracked, gitignoreDirs };
  } catch {
    // No git on PATH, a repository git refuses (safe.directory), a broken .git:
    // the rule cannot know, so it stays silent rather than guess.
    return null;
  }
}

function repoState(root: string): RepoState | null {
  const cached = repos.get(root);
  if (cached !== undefined) {
    if ('retryAt' in cached) {
      if (Date.now() < cached.retryAt) return null;
    } else if (stampOf(cached.indexPath) === cached.indexStamp) {
      return cached;
    }
  }
  const fresh = loadRepo(root);
  repos.set(root, fresh ?? { retryAt: Date.now() + FAILED_REPO_RETRY_MS });
  return fresh;
}

/** A `.gitignore` this process may not read counts as empty, as it does for git (which warns). */
function readIfReadable(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function ignoreFile(file: string): Ignore {
  const stamp = stampOf(file);
  const cached = ignoreFiles.get(file);
  if (cached !== undefined && cached.stamp === stamp) return cached.matcher;
  const text = stamp === 'missing' ? '' : readIfReadable(file);
  const matcher = ignore({ ignorecase: CASE_INSENSITIVE_FS }).add(text);
  ignoreFiles.set(file, { stamp, matcher });
  return matcher;
}

/**
 * Git's precedence: a `.gitignore` deeper in the tree overrides a shallower one,
 * and within one file the last matching rule wins (negations included).
 */
function isIgnored(root: string, state: RepoState, relPath: string): boolean {
  let ignored = false;
  for (const dir of state.gitignoreDirs) {
    if (dir !== '' && !relPath.startsWith(`${dir}/`)) continue;
    const matcher = ignoreFile(path.join(root, dir, '.gitignore'));
    const result = matcher.test(dir === '' ? relPath : relPath.slice(dir.length + 1));
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}

/** The committed git status of `file`, or null when it is not inside a readable repository. */
export function fileGitStatus(file: string): FileGitStatus | null {
  const root = findRepoRoot(path.dirname(file));
  if (root === null) return null;
  const rel = path.relative(root, file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const state = repoState(root);
  if (state === null) return null;
  const relPath = rel.split(path.sep).join('/');
  return { root, relPath, tracked: state.tracked.has(relPath), ignored: isIgnored(root, state, relPath) };
}

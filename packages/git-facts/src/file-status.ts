import path from 'node:path';
import { ignoredByRepoRulesSync, trackedFilesSync } from './ignore-rules.js';
import { discoverRepo, findRepoSync, indexPath, type Repo, stampOf, statIfAny } from './repo.js';

/** What the repository says about one file: whether git tracks it, and whether its `.gitignore` files ignore it. */
export interface FileGitStatus {
  /** The work tree's root. */
  root: string;
  /** The file's path relative to the root, `/`-separated. */
  relPath: string;
  tracked: boolean;
  ignored: boolean;
}

/**
 * How long an answer git could not give (no git, a repository it refuses) or
 * one about where a repository is that only git could give stays good: in an
 * editor that re-lints on every keystroke, asking again each time would cost
 * a git process per keystroke, and a fix is still seen within seconds.
 */
const RETRY_MS = 5000;

interface Tracked {
  indexFile: string;
  indexStamp: string;
  files: ReadonlySet<string>;
}

interface Ignored {
  /** Stamps of the `.gitignore` files that can bear on the path: one per folder from the root down to it. */
  stamps: string;
  ignored: boolean;
}

const repoLookups = new Map<string, { repo: Repo | null; until: number }>();
const trackedByRoot = new Map<string, Tracked | { retryAt: number }>();
const ignoredByPath = new Map<string, Ignored>();

function repoOf(dir: string): Repo | null {
  // A plain answer costs a few stats and is not kept, so a new `git init` is seen at once.
  const plain = discoverRepo(dir, 'path');
  if (plain) return plain;
  const cached = repoLookups.get(dir);
  if (cached !== undefined && Date.now() < cached.until) return cached.repo;
  let repo: Repo | null;
  try {
    repo = findRepoSync(dir, 'path');
  } catch {
    repo = null;
  }
  repoLookups.set(dir, { repo, until: Date.now() + RETRY_MS });
  return repo;
}

function trackedFiles(root: string, repo: Repo): ReadonlySet<string> | null {
  const cached = trackedByRoot.get(root);
  if (cached !== undefined) {
    if ('retryAt' in cached) {
      if (Date.now() < cached.retryAt) return null;
    } else if (stampOf(cached.indexFile) === cached.indexStamp) {
      return cached.files;
    }
  }
  const indexFile = indexPath(repo, process.env, 'path');
  try {
    const indexStamp = stampOf(indexFile);
    const files = trackedFilesSync(root, 'path');
    trackedByRoot.set(root, { indexFile, indexStamp, files });
    return files;
  } catch {
    // No git on PATH, a repository git refuses (safe.directory), a broken .git: the caller cannot know.
    trackedByRoot.set(root, { retryAt: Date.now() + RETRY_MS });
    return null;
  }
}

function ignoreStamps(root: string, relPath: string): string {
  const parts = relPath.split('/');
  let stamps = stampOf(path.join(root, '.gitignore'));
  for (let i = 1; i < parts.length; i++) stamps += `|${stampOf(path.join(root, ...parts.slice(0, i), '.gitignore'))}`;
  return stamps;
}

function isIgnored(root: string, relPath: string): boolean | null {
  const key = `${root}\0${relPath}`;
  const stamps = ignoreStamps(root, relPath);
  const cached = ignoredByPath.get(key);
  if (cached !== undefined && cached.stamps === stamps) return cached.ignored;
  try {
    const ignored = ignoredByRepoRulesSync(root, [relPath], 'path').has(relPath);
    ignoredByPath.set(key, { stamps, ignored });
    return ignored;
  } catch {
    return null;
  }
}

/**
 * The git status of `file` (which need not exist), or null outside a work
 * tree or where git cannot tell. Made for callers that ask on every
 * keystroke: answers are cached and re-validated by stamps (the index, for
 * what is tracked; each `.gitignore` from the root down to the file, for what
 * is ignored), so a query costs a few `stat` calls and git runs only when one
 * of those files changed.
 */
export function fileGitStatus(file: string): FileGitStatus | null {
  // A file that does not exist yet belongs to the repository of the nearest folder that does.
  let dir = path.dirname(file);
  while (statIfAny(dir) === undefined && path.dirname(dir) !== dir) dir = path.dirname(dir);
  const repo = repoOf(dir);
  if (repo?.root == null) return null;
  const root = repo.root;
  const rel = path.relative(root, file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const relPath = rel.split(path.sep).join('/');
  const tracked = trackedFiles(root, repo);
  if (tracked === null) return null;
  const ignored = isIgnored(root, relPath);
  if (ignored === null) return null;
  return { root, relPath, tracked: tracked.has(relPath), ignored };
}

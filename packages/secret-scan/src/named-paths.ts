import { existsSync } from 'node:fs';
import path from 'node:path';
import { gitEnv, runGitSync, splitZ } from '@dhmad/git-facts';
import { CONFIG_FILE, excluder, globToRegExp, loadConfig } from './config.js';
import { findRepo } from './git.js';

/** A path the user named that a working-tree scan will not read, why, and how to scan it anyway. */
export interface SkippedPath {
  path: string;
  why: string;
  hint?: string;
}

/**
 * Which of the paths named on the command line a working-tree scan skips: those git ignores
 * (a tree scan reads what `git add .` would take) and those the config excludes. A path named
 * outright is a request to scan it, so skipping it must be said, not done in silence.
 * Loaded only when paths are named.
 */
export function skippedNamedPaths(cwd: string, paths: readonly string[], configFile: string | null): SkippedPath[] {
  const repo = findRepo(cwd);
  const root = repo?.root;
  if (!root) return [];
  const inside = paths
    .map((p) => ({ named: p, rel: path.relative(root, path.resolve(cwd, p)).split(path.sep).join('/') }))
    .filter(({ rel, named }) => rel !== '' && !rel.startsWith('../') && rel !== '..' && existsSync(path.resolve(cwd, named)));
  const skipped: SkippedPath[] = [];
  if (inside.length > 0) {
    // git's whole answer, as the tree listing gets it (info/exclude and the global excludes too); tracked files are never ignored.
    const out = runGitSync(root, ['check-ignore', '--verbose', '--stdin', '-z'], gitEnv('environment'), inside.map((p) => p.rel).join('\0') + '\0');
    if (out.status <= 1) {
      const parts = splitZ(out.stdout);
      for (let i = 0; i + 3 < parts.length; i += 4) {
        if (parts[i + 2]!.startsWith('!')) continue;
        const named = inside.find((p) => p.rel === parts[i + 3])?.named ?? parts[i + 3]!;
        skipped.push({
          path: named,
          why: `ignored by git (${parts[i]}:${parts[i + 1]}: ${parts[i + 2]})`,
          hint: `scan it on its own with --stdin --stdin-filename ${named} < ${named}`,
        });
      }
    }
  }
  const { exclude } = loadConfig(configFile, root);
  const isExcluded = excluder(exclude);
  for (const { named, rel } of inside) {
    if (skipped.some((s) => s.path === named) || !(isExcluded(rel) || isExcluded(rel + '/'))) continue;
    const glob = exclude.find((g) => globToRegExp(g).test(rel) || globToRegExp(g).test(rel + '/'));
    skipped.push({ path: named, why: `excluded by ${configFile ?? CONFIG_FILE} (${glob})` });
  }
  return skipped;
}

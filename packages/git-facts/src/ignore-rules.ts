import os from 'node:os';
import path from 'node:path';
import { ask, askSync, type Question } from './ask.js';
import { gitEnv, gitFailed, splitZ, type Whose } from './run.js';

/**
 * What "ignored" means for both tools, decided here once: git's own answer
 * from the repository's `.gitignore` files, wherever they are in the work tree
 * and whether or not they are committed yet, with git's precedence (a folder
 * that is ignored hides everything in it, whatever a `.gitignore` inside it
 * says; deeper files win; the last matching line wins; `!` re-includes).
 * `.git/info/exclude` and `core.excludesFile` do not count: no commit carries
 * them, so they protect one clone and not the teammate who runs `git add .`.
 * An uncommitted `.gitignore` does count: the same `git add .` commits it.
 *
 * git cannot be told to skip `info/exclude`, but it ranks every `.gitignore`
 * above it and names the pattern that decided (`--verbose`): a path counts as
 * ignored when that pattern is a `.gitignore` line that does not start with
 * `!`. `--no-index` asks about the patterns only, tracked or not, which is
 * asked apart ({@link trackedFiles}).
 */
function ignoreQuestion(paths: readonly string[]): Question<Set<string>> {
  const args = ['-c', `core.excludesFile=${os.devNull}`, 'check-ignore', '--no-index', '--verbose', '--stdin', '-z'];
  return {
    args,
    input: paths.join('\0') + '\0',
    read(out) {
      // 0: some matched, 1: none did; anything else is a failure.
      if (out.status > 1) throw gitFailed('Checking the .gitignore rules', args, out);
      // With -z and --verbose: source, line number, pattern, path; each NUL-terminated.
      const parts = splitZ(out.stdout);
      const ignored = new Set<string>();
      for (let i = 0; i + 3 < parts.length; i += 4) {
        if (path.posix.basename(parts[i]!) === '.gitignore' && !parts[i + 2]!.startsWith('!')) ignored.add(parts[i + 3]!);
      }
      return ignored;
    },
  };
}

/** Which of `paths` (relative to the work tree `root`, `/`-separated, existing or not) the repository's `.gitignore` files ignore. */
export async function ignoredByRepoRules(root: string, paths: readonly string[], whose: Whose = 'environment'): Promise<Set<string>> {
  return paths.length === 0 ? new Set() : ask(root, ignoreQuestion(paths), gitEnv(whose));
}

/** {@link ignoredByRepoRules}, blocking: for the ESLint rules. */
export function ignoredByRepoRulesSync(root: string, paths: readonly string[], whose: Whose = 'environment'): Set<string> {
  return paths.length === 0 ? new Set() : askSync(root, ignoreQuestion(paths), gitEnv(whose));
}

const TRACKED_ARGS = ['ls-files', '-z', '--cached', '--full-name'];

const trackedQuestion: Question<Set<string>> = {
  args: TRACKED_ARGS,
  read(out) {
    if (out.status !== 0) throw gitFailed('Listing the tracked files', TRACKED_ARGS, out);
    return new Set(splitZ(out.stdout));
  },
};

/** Every path in the index of the work tree at `root` (tracked, or staged to be), relative to it. */
export function trackedFilesSync(root: string, whose: Whose = 'environment'): Set<string> {
  return askSync(root, trackedQuestion, gitEnv(whose));
}

import { ask, type Question } from './ask.js';
import { ENV_FILE_PATHSPECS, ENV_PROBES, isEnvFile } from './env-names.js';
import { ignoredByRepoRules } from './ignore-rules.js';
import { gitEnv, gitFailed, splitZ, type Whose } from './run.js';

export interface EnvFiles {
  /** Env files in the index: tracked, or staged to be. */
  tracked: string[];
  /** Untracked env files the repository's `.gitignore` files do not ignore: `git add .` would take them. */
  exposed: string[];
}

/*
 * One ls-files gives both lists: env files in the index (tag other than `?`),
 * and untracked ones that the .gitignore files do not ignore (`?`). With
 * `--exclude-per-directory` and without `--exclude-standard`, ls-files leaves
 * out .git/info/exclude and core.excludesFile, as ignore-rules.ts defines
 * "ignored", and it does not descend into the folders the .gitignore files
 * ignore (node_modules/), which keeps this fast in big work trees.
 */
const ENV_LIST_ARGS = ['ls-files', '-z', '-t', '--cached', '--others', '--exclude-per-directory=.gitignore', '--', ...ENV_FILE_PATHSPECS];

const envListQuestion: Question<EnvFiles> = {
  args: ENV_LIST_ARGS,
  read(out) {
    if (out.status !== 0) throw gitFailed('Listing .env files', ENV_LIST_ARGS, out);
    const tracked = new Set<string>();
    const exposed: string[] = [];
    for (const entry of splitZ(out.stdout)) {
      const file = entry.slice(2);
      if (!isEnvFile(file)) continue;
      if (entry.startsWith('? ')) exposed.push(file);
      else tracked.add(file);
    }
    return { tracked: [...tracked], exposed };
  },
};

/** The env files of the work tree at `root` that are tracked, and those `git add .` would commit. */
export function listEnvFiles(root: string, whose: Whose = 'environment'): Promise<EnvFiles> {
  return ask(root, envListQuestion, gitEnv(whose));
}

/** Which of {@link ENV_PROBES} (`.env`, `.env.local` at the root) the repository's `.gitignore` files leave unignored. */
export async function unignoredProbes(root: string, whose: Whose = 'environment'): Promise<string[]> {
  const ignored = await ignoredByRepoRules(root, ENV_PROBES, whose);
  return ENV_PROBES.filter((p) => !ignored.has(p));
}

import { lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { listEnvFiles, unignoredProbes } from '@dhmad/git-facts';
import type { Collector } from './collector.js';
import { envFinding, shownPath } from './findings.js';
import { writeNoFollow } from './safe-write.js';

export { isEnvFile } from '@dhmad/git-facts';

const FIX_BLOCK = ['# Secrets: keep .env files out of git (added by dhmad-scan --fix)', '.env', '.env.*', '!.env.example', '!.env.sample', '!.env.template'];

export interface EnvCheckOptions {
  /** Append the missing entries to `.gitignore` files (`--fix`). */
  fix?: boolean;
  /** Paths (relative to root) that `--fix` changed are reported here. */
  fixed?: string[];
}

/**
 * `env-tracked`: env files in the index (tracked, or staged to be).
 * `env-not-ignored`: env files `git add .` would pick up (error), or no
 * `.gitignore` rule ignoring `.env` at all (warning). What counts as an env
 * file and as ignored is @dhmad/git-facts' answer, the ESLint plugin's too.
 */
export async function checkEnvFiles(root: string, collector: Collector, options: EnvCheckOptions = {}): Promise<void> {
  // The two git runs are independent: start them together.
  const [{ tracked, exposed: firstExposed }, firstMissing] = await Promise.all([listEnvFiles(root), unignoredProbes(root)]);
  for (const file of tracked) collector.add(envFinding('env-tracked', file));
  let exposed = firstExposed;
  let missing = firstMissing;
  if (options.fix && (exposed.length > 0 || missing.length > 0)) {
    appendLines(root, '.gitignore', FIX_BLOCK);
    options.fixed?.push('.gitignore');
    // A nested .gitignore (say with `!.env`) outranks the root one: fix it where it lives.
    for (const file of (await listEnvFiles(root)).exposed) {
      const dir = path.posix.dirname(file);
      const gitignore = dir === '.' ? '.gitignore' : `${dir}/.gitignore`;
      appendLines(root, gitignore, [`/${path.posix.basename(file)}`]);
      if (!options.fixed?.includes(shownPath(gitignore))) options.fixed?.push(shownPath(gitignore));
    }
    [{ exposed }, missing] = await Promise.all([listEnvFiles(root), unignoredProbes(root)]);
  }
  for (const file of exposed) collector.add(envFinding('env-not-ignored', file));
  if (exposed.length === 0 && missing.length > 0) collector.add(envFinding('env-unprotected', '.gitignore', missing));
}

function appendLines(root: string, file: string, lines: readonly string[]): void {
  const abs = path.join(root, file);
  // lstat: the content of a link's target is not this file's.
  const existing = lstatSync(abs, { throwIfNoEntry: false })?.isFile() ? readFileSync(abs, 'utf8') : '';
  const sep = existing.length === 0 || existing.endsWith('\n') ? '' : '\n';
  writeNoFollow(root, file, sep + lines.join('\n') + '\n', 'append', '--fix');
}

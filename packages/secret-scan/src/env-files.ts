import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Collector } from './collector.js';
import { fileFinding } from './findings.js';
import { gitAsync, gitAsyncOk, splitZ } from './git.js';

const TEMPLATE_SUFFIXES = new Set(['example', 'sample', 'template', 'dist', 'defaults']);

/** `.env`, `.env.local`, `.env.production`...: but not templates such as `.env.example`. */
export function isEnvFile(file: string): boolean {
  const base = file.slice(file.lastIndexOf('/') + 1);
  if (base === '.env') return true;
  if (!base.startsWith('.env.') || base.length === 5) return false;
  return !base
    .slice(5)
    .toLowerCase()
    .split('.')
    .some((part) => TEMPLATE_SUFFIXES.has(part));
}

/** Names checked for an entry even when no such file exists yet. */
const PROBES = ['.env', '.env.local'];

const FIX_BLOCK = ['# Secrets: keep .env files out of git (added by dhmad-scan --fix)', '.env', '.env.*', '!.env.example', '!.env.sample', '!.env.template'];

/**
 * Which of `files` (relative to `root`) the repository's own `.gitignore` files
 * ignore, as git evaluates them (nesting, negations, order), leaving out what
 * protects only this clone: `.git/info/exclude` and the global excludes file.
 * git cannot be told to skip `info/exclude`, but it ranks every `.gitignore`
 * above it and names the pattern that decided: a path counts as ignored when
 * that pattern is a `.gitignore` line that does not start with `!`.
 */
export async function ignoredByCommittedRules(root: string, files: readonly string[]): Promise<Set<string>> {
  if (files.length === 0) return new Set();
  const r = await gitAsync(
    root,
    ['-c', `core.excludesFile=${os.devNull}`, 'check-ignore', '--no-index', '--verbose', '--stdin', '-z'],
    files.join('\0') + '\0',
  );
  // 0: some matched, 1: none matched; anything else is a failure.
  if (r.status > 1) throw new Error(`git check-ignore failed: ${r.stderr}`);
  // With -z and --verbose: source, line number, pattern, path; each NUL-terminated.
  const parts = splitZ(r.stdout);
  const ignored = new Set<string>();
  for (let i = 0; i + 3 < parts.length; i += 4) {
    const source = parts[i]!;
    const pattern = parts[i + 2]!;
    if (path.posix.basename(source) === '.gitignore' && !pattern.startsWith('!')) ignored.add(parts[i + 3]!);
  }
  return ignored;
}

export interface EnvCheckOptions {
  /** Append the missing entries to `.gitignore` files (`--fix`). */
  fix?: boolean;
  /** Paths (relative to root) that `--fix` changed are reported here. */
  fixed?: string[];
}

/**
 * `env-tracked`: env files in the index (tracked, or staged to be).
 * `env-not-ignored`: env files `git add .` would pick up (error), or no
 * committed rule ignoring `.env` at all (warning).
 */
export async function checkEnvFiles(root: string, collector: Collector, options: EnvCheckOptions = {}): Promise<void> {
  /*
   * One ls-files gives both lists: env files in the index (tag other than `?`),
   * and untracked ones that the .gitignore files alone do not ignore (`?`):
   * with `--exclude-per-directory` and without `--exclude-standard`, ls-files
   * leaves out .git/info/exclude and core.excludesFile, and it does not descend
   * into directories the .gitignore files exclude (node_modules/), which keeps
   * this fast in big work trees.
   */
  const listEnvFiles = async (): Promise<{ tracked: string[]; exposed: string[] }> => {
    const out = await gitAsyncOk(
      root,
      ['ls-files', '-z', '-t', '--cached', '--others', '--exclude-per-directory=.gitignore', '--', ':(glob)**/.env', ':(glob)**/.env.*'],
      'Listing .env files',
    );
    const tracked = new Set<string>();
    const exposed: string[] = [];
    for (const entry of splitZ(out)) {
      const file = entry.slice(2);
      if (!isEnvFile(file)) continue;
      if (entry.startsWith('? ')) exposed.push(file);
      else tracked.add(file);
    }
    return { tracked: [...tracked], exposed };
  };
  const missingProbes = async (): Promise<string[]> => {
    const ignored = await ignoredByCommittedRules(root, PROBES);
    return PROBES.filter((p) => !ignored.has(p));
  };
  // The two git runs are independent: start them together.
  const [{ tracked, exposed: firstExposed }, firstMissing] = await Promise.all([listEnvFiles(), missingProbes()]);
  for (const file of tracked) {
    collector.add(
      fileFinding(
        'env-tracked',
        'error',
        file,
        `${file} is tracked by git. Remove it from the index (git rm --cached -- '${file}'), ignore it, and regenerate the keys it held.`,
      ),
    );
  }
  let exposed = firstExposed;
  let missing = firstMissing;
  if (options.fix && (exposed.length > 0 || missing.length > 0)) {
    appendLines(root, '.gitignore', FIX_BLOCK);
    options.fixed?.push('.gitignore');
    // A nested .gitignore (say with `!.env`) outranks the root one: fix it where it lives.
    for (const file of (await listEnvFiles()).exposed) {
      const dir = path.posix.dirname(file);
      const gitignore = dir === '.' ? '.gitignore' : `${dir}/.gitignore`;
      appendLines(root, gitignore, [`/${path.posix.basename(file)}`]);
      if (!options.fixed?.includes(gitignore)) options.fixed?.push(gitignore);
    }
    [{ exposed }, missing] = await Promise.all([listEnvFiles(), missingProbes()]);
  }
  for (const file of exposed) {
    collector.add(
      fileFinding(
        'env-not-ignored',
        'error',
        file,
        `${file} is not ignored by the repository's .gitignore, so \`git add .\` would commit it. Add it to .gitignore (dhmad-scan --fix does).`,
      ),
    );
  }
  if (exposed.length === 0 && missing.length > 0) {
    collector.add(
      fileFinding(
        'env-not-ignored',
        'warning',
        '.gitignore',
        `The repository's .gitignore does not ignore ${missing.join(' or ')}; a .env file created later would be committed by \`git add .\`. Add .env and .env.* to .gitignore (dhmad-scan --fix does).`,
      ),
    );
  }
}

function appendLines(root: string, file: string, lines: readonly string[]): void {
  const abs = path.join(root, file);
  const existing = existsSync(abs) ? readFileSync(abs, 'utf8') : '';
  const sep = existing.length === 0 || existing.endsWith('\n') ? '' : '\n';
  appendFileSync(abs, sep + lines.join('\n') + '\n');
}

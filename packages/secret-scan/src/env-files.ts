import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Collector } from './collector.js';
import { fileFingerprint, RULES } from './findings.js';
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
 * git cannot be told to skip `info/exclude`, so it runs against a scratch
 * repository whose `info/exclude` is empty, with this work tree.
 */
export async function ignoredByCommittedRules(root: string, files: readonly string[]): Promise<Set<string>> {
  if (files.length === 0) return new Set();
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'dhmad-scan-ignore-'));
  try {
    // The least git accepts as a repository; much cheaper than `git init`.
    mkdirSync(path.join(scratch, 'objects'));
    mkdirSync(path.join(scratch, 'refs'));
    writeFileSync(path.join(scratch, 'HEAD'), 'ref: refs/heads/main\n');
    const r = await gitAsync(
      root,
      [
        `--git-dir=${scratch}`,
        `--work-tree=${root}`,
        '-c',
        `core.excludesFile=${os.devNull}`,
        'check-ignore',
        '--no-index',
        '--stdin',
        '-z',
      ],
      files.join('\0') + '\0',
    );
    // 0: some ignored, 1: none ignored; anything else is a failure.
    if (r.status > 1) throw new Error(`git check-ignore failed: ${r.stderr}`);
    return new Set(splitZ(r.stdout));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
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
  const envPathspecs = ['--', ':(glob)**/.env', ':(glob)**/.env.*'];
  const exposedFiles = async (): Promise<string[]> =>
    splitZ(await gitAsyncOk(root, ['ls-files', '-z', '--others', '--exclude-per-directory=.gitignore', ...envPathspecs], 'Listing untracked .env files')).filter(isEnvFile);
  const missingProbes = async (): Promise<string[]> => {
    const ignored = await ignoredByCommittedRules(root, PROBES);
    return PROBES.filter((p) => !ignored.has(p));
  };
  // The three git runs are independent: start them together.
  const [index, firstExposed, firstMissing] = await Promise.all([
    gitAsyncOk(root, ['ls-files', '-z', '--cached', ...envPathspecs], 'Listing tracked .env files'),
    exposedFiles(),
    missingProbes(),
  ]);
  const tracked = [...new Set(splitZ(index))].filter(isEnvFile);
  for (const file of tracked) {
    collector.add({
      ruleId: 'env-tracked',
      severity: RULES['env-tracked'].severity,
      file,
      line: null,
      column: null,
      environment: null,
      keyPrefix: null,
      commit: null,
      fingerprint: fileFingerprint('env-tracked', file),
      message: `${file} is tracked by git. Remove it from the index (git rm --cached -- '${file}'), ignore it, and regenerate the keys it held.`,
    });
  }
  /*
   * Untracked env files that the .gitignore files alone do not ignore: with
   * `--exclude-per-directory` and without `--exclude-standard`, ls-files leaves
   * out .git/info/exclude and core.excludesFile, and it does not descend into
   * directories the .gitignore files exclude (node_modules/), which keeps this
   * fast in big work trees.
   */
  let exposed = firstExposed;
  let missing = firstMissing;
  if (options.fix && (exposed.length > 0 || missing.length > 0)) {
    appendLines(root, '.gitignore', FIX_BLOCK);
    options.fixed?.push('.gitignore');
    // A nested .gitignore (say with `!.env`) outranks the root one: fix it where it lives.
    for (const file of await exposedFiles()) {
      const dir = path.posix.dirname(file);
      const gitignore = dir === '.' ? '.gitignore' : `${dir}/.gitignore`;
      appendLines(root, gitignore, [`/${path.posix.basename(file)}`]);
      if (!options.fixed?.includes(gitignore)) options.fixed?.push(gitignore);
    }
    [exposed, missing] = await Promise.all([exposedFiles(), missingProbes()]);
  }
  for (const file of exposed) {
    collector.add({
      ruleId: 'env-not-ignored',
      severity: 'error',
      file,
      line: null,
      column: null,
      environment: null,
      keyPrefix: null,
      commit: null,
      fingerprint: fileFingerprint('env-not-ignored', file),
      message: `${file} is not ignored by the repository's .gitignore, so \`git add .\` would commit it. Add it to .gitignore (dhmad-scan --fix does).`,
    });
  }
  if (exposed.length === 0 && missing.length > 0) {
    collector.add({
      ruleId: 'env-not-ignored',
      severity: 'warning',
      file: '.gitignore',
      line: null,
      column: null,
      environment: null,
      keyPrefix: null,
      commit: null,
      fingerprint: fileFingerprint('env-not-ignored', '.gitignore'),
      message: `The repository's .gitignore does not ignore ${missing.join(' or ')}; a .env file created later would be committed by \`git add .\`. Add .env and .env.* to .gitignore (dhmad-scan --fix does).`,
    });
  }
}

function appendLines(root: string, file: string, lines: readonly string[]): void {
  const abs = path.join(root, file);
  const existing = existsSync(abs) ? readFileSync(abs, 'utf8') : '';
  const sep = existing.length === 0 || existing.endsWith('\n') ? '' : '\n';
  appendFileSync(abs, sep + lines.join('\n') + '\n');
}

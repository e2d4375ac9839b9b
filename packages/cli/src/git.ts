// The git questions --write-env asks: where the repository is, whether a file is tracked, and whether
// the repository's own .gitignore files ignore it (what protects every clone, not just this one).
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { CliError } from './errors.js';

function git(cwd: string, args: readonly string[], input?: string): { status: number; stdout: string; stderr: string } {
  const r = spawnSync('git', args, { cwd, input, encoding: 'utf8', env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } });
  if (r.error) {
    const missing = (r.error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new CliError(missing ? 'git was not found on PATH; install git.' : `Could not run git: ${r.error.message}`);
  }
  return { status: r.status ?? 1, stdout: r.stdout, stderr: r.stderr.trim() };
}

/** The work tree root holding `dir`, or null outside any repository (or in a bare one). */
export function repositoryRoot(dir: string): string | null {
  const r = git(dir, ['rev-parse', '--show-toplevel']);
  return r.status === 0 && r.stdout.trim() !== '' ? r.stdout.trim() : null;
}

const literal = (rel: string): string => `:(literal)${rel}`;

/** Whether `rel` (relative to `root`) is in the index: tracked, or staged to be. */
export function isTracked(root: string, rel: string): boolean {
  return git(root, ['ls-files', '-z', '--', literal(rel)]).stdout !== '';
}

/**
 * Whether the repository's .gitignore files ignore `rel`, as git decides (nesting, `!`, order).
 * `.git/info/exclude` and the global excludes file protect only this clone, so they do not count.
 */
export function ignoredByCommittedRules(root: string, rel: string): boolean {
  const r = git(root, ['-c', `core.excludesFile=${os.devNull}`, 'check-ignore', '--no-index', '--verbose', '-z', '--stdin'], `${rel}\0`);
  if (r.status > 1) throw new CliError(`git check-ignore failed in ${root}: ${r.stderr}`);
  const [source = '', , pattern = ''] = r.stdout.split('\0');
  return r.status === 0 && path.posix.basename(source) === '.gitignore' && !pattern.startsWith('!');
}

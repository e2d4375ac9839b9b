import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ScanError } from './errors.js';
import { findRepo, gitOk } from './git.js';
import { refuseLinkedFolder } from './safe-write.js';

const MARKER = '# dhmad-scan pre-commit hook';
/** Where a hook that was there before ours is kept; ours runs it first. */
export const PREVIOUS_HOOK_SUFFIX = '.before-dhmad-scan';
/**
 * The bin package.json names (bin/dhmad-scan.cjs, which loads the bundle
 * scripts/bundle.mjs builds), found from this module, which is one folder
 * below the package whether it runs as tsc's output or inside a bundle.
 */
function binPath(): string {
  const manifest = new URL('../package.json', import.meta.url);
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: Record<string, string> };
  return fileURLToPath(new URL(bin['dhmad-scan']!, manifest));
}

export interface InstallHookResult {
  hook: string;
  /** The earlier hook, now chained, when there was one. */
  previous: string | null;
  updated: boolean;
  /**
   * Set when the repository uses husky 9: the scan went into husky's own `.husky/pre-commit`,
   * which the project commits; `binMissing` when the project has no dhmad-scan of its own for it.
   */
  husky?: { binMissing: boolean };
}

/** The line a husky hook runs: husky 9 puts the project's node_modules/.bin first on PATH. */
export const HUSKY_LINE = 'dhmad-scan --staged';

const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * Install a pre-commit hook that scans the index (`--staged`). It goes where
 * git looks for hooks (`core.hooksPath` included); an existing hook of someone
 * else's is kept and still runs, before the scan.
 */
export function installHook(cwd: string = process.cwd()): InstallHookResult {
  const repo = findRepo(cwd);
  if (!repo) throw new ScanError(`${cwd} is not inside a git repository; run install-hook from your repository.`);
  const hooksDir = path.resolve(cwd, gitOk(cwd, ['rev-parse', '--git-path', 'hooks'], 'Finding the hooks folder').toString('utf8').trim());
  // husky 9 points core.hooksPath at .husky/_ and rewrites that folder on every install: a
  // hook written there would be gone after the next `npm install`.
  if (repo.root && path.relative(repo.root, hooksDir) === path.join('.husky', '_')) return installHuskyHook(repo.root);
  mkdirSync(hooksDir, { recursive: true });
  const hook = path.join(hooksDir, 'pre-commit');
  const previousPath = hook + PREVIOUS_HOOK_SUFFIX;
  let updated = false;
  let previous: string | null = existsSync(previousPath) ? previousPath : null;
  if (existsSync(hook)) {
    if (readFileSync(hook, 'utf8').includes(MARKER)) {
      updated = true;
    } else {
      if (previous) throw new ScanError(`Both ${hook} and ${previousPath} exist; merge them by hand, then run install-hook again.`);
      renameSync(hook, previousPath);
      previous = previousPath;
    }
  }
  const cli = binPath();
  const script = [
    '#!/bin/sh',
    MARKER,
    '# Scans what is being committed (the index), not the work tree.',
    `prev="$(dirname "$0")/pre-commit${PREVIOUS_HOOK_SUFFIX}"`,
    'if [ -x "$prev" ]; then "$prev" "$@" || exit $?; fi',
    `node=${shellQuote(process.execPath)}`,
    `cli=${shellQuote(cli)}`,
    '# The copy that installed this hook; if it moved (a reinstall, another machine), the project\'s own.',
    'if [ -x "$node" ] && [ -f "$cli" ]; then exec "$node" "$cli" --staged; fi',
    'exec npx --no-install dhmad-scan --staged',
    '',
  ].join('\n');
  writeFileSync(hook, script);
  chmodSync(hook, 0o755);
  return { hook, previous, updated };
}

/**
 * Add the scan to husky's `.husky/pre-commit` (created if missing), after what is there, so it
 * reads the index as lint-staged and other steps leave it. The file is the project's, committed
 * and run on teammates' machines, so it names no path of this one.
 */
function installHuskyHook(root: string): InstallHookResult {
  // A checkout can hold `.husky` itself as a link to a folder of the machine.
  refuseLinkedFolder(root, path.join('.husky', 'pre-commit'), 'install-hook');
  const hook = path.join(root, '.husky', 'pre-commit');
  let before = '';
  if (existsSync(hook)) {
    if (lstatSync(hook).isSymbolicLink()) throw new ScanError(`${hook} is a symbolic link; dhmad-scan does not write through one. Add the line \`${HUSKY_LINE}\` to the file it points to.`);
    before = readFileSync(hook, 'utf8');
  }
  const updated = before.split('\n').some((line) => line.trim() === HUSKY_LINE);
  if (!updated) {
    const sep = before === '' || before.endsWith('\n') ? '' : '\n';
    writeFileSync(hook, `${before}${sep}# Blocks commits that stage a DHMAD key or .env file (scans the index).\n${HUSKY_LINE}\n`);
  }
  return { hook, previous: null, updated, husky: { binMissing: !existsSync(path.join(root, 'node_modules', '.bin', 'dhmad-scan')) } };
}

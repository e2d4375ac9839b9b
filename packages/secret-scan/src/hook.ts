import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ScanError } from './errors.js';
import { findRepo, gitOk } from './git.js';

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
}

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

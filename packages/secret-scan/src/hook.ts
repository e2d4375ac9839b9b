import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ScanError } from './errors.js';
import { findRepo, gitOk } from './git.js';

const MARKER = '# dhmad-scan pre-commit hook';
/** Where a hook that was there before ours is kept; ours runs it first. */
export const PREVIOUS_HOOK_SUFFIX = '.before-dhmad-scan';
/** The CLI's bundled bin in dist/ (scripts/bundle.mjs builds it; package.json `bin` points at it). */
export const BIN_FILE = 'dhmad-scan.cjs';

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
  // The bundled bin, which starts faster than the ES modules; it sits beside this module in dist/ and is this very file once bundled.
  const cli = path.join(path.dirname(fileURLToPath(import.meta.url)), BIN_FILE);
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

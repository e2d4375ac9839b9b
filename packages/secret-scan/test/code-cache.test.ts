// The bin compiles the bundle from the V8 code cache the build writes beside it (bin/dhmad-scan.cjs):
// the cache must be one V8 takes, and a cache of another build must never run as this one's code.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, initRepo, runCli, tempDir } from './helpers.js';

interface Bin {
  BUNDLE: string;
  CACHE: string;
  compileBundle(source: string, cachedData?: Buffer): { cachedDataRejected?: boolean };
  cachedDataFor(source: string): Buffer | undefined;
}
const bin = createRequire(import.meta.url)(CLI) as Bin;
const CLEAN = 'No DHMAD keys';

/** A copy of the bin beside `bundle` as its dist/dhmad-scan.cjs (and the cache as built, if asked); the copy's bin. */
function binBeside(bundle: string, withCache: boolean): string {
  const copy = tempDir();
  mkdirSync(path.join(copy, 'bin'));
  mkdirSync(path.join(copy, 'dist'));
  copyFileSync(CLI, path.join(copy, 'bin', path.basename(CLI)));
  if (withCache) copyFileSync(bin.CACHE, path.join(copy, 'dist', path.basename(bin.CACHE)));
  writeFileSync(path.join(copy, 'dist', path.basename(bin.BUNDLE)), bundle);
  return path.join(copy, 'bin', path.basename(CLI));
}

/** A clean repository's scan by `binPath`. */
function cleanScan(binPath: string) {
  const repo = initRepo();
  writeFileSync(path.join(repo, '.gitignore'), '.env\n.env.*\n');
  return runCli([], { cwd: repo, bin: binPath });
}

describe('the code cache of the bundle', () => {
  it('is one this node accepts for the bundle as built', () => {
    const source = readFileSync(bin.BUNDLE, 'utf8');
    const cached = bin.cachedDataFor(source);
    expect(cached, 'dist/dhmad-scan.cjs.cache is missing or was made from another build').toBeDefined();
    expect(bin.compileBundle(source, cached).cachedDataRejected).toBe(false);
  });

  it('is not used for a bundle rebuilt since, even one of the same length', () => {
    // The bundle changed in place (same length: V8 checks no more) and its build digest with it, as
    // a rebuild would; the cache left from before.
    const source = readFileSync(bin.BUNDLE, 'utf8');
    expect(source).toContain(CLEAN);
    const rebuilt = source.replace(/^(\/\/ dhmad-scan build )([0-9a-f]{64})/, (_, head: string, digest: string) => head + [...digest].reverse().join('')).replaceAll(CLEAN, CLEAN.toUpperCase());
    expect(rebuilt.length).toBe(source.length);
    const run = cleanScan(binBeside(rebuilt, true));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(CLEAN.toUpperCase());
  });

  it('is not needed by a bundle built before the bin took one (a checkout pulled, not rebuilt): node loads it as before', () => {
    const source = readFileSync(bin.BUNDLE, 'utf8');
    const older = `#!/usr/bin/env node\n${source.slice(source.indexOf('\n') + 1)}`;
    const run = cleanScan(binBeside(older, false));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(CLEAN);
  });
});

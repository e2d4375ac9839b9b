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

describe('the code cache of the bundle', () => {
  it('is one this node accepts for the bundle as built', () => {
    const source = readFileSync(bin.BUNDLE, 'utf8');
    const cached = bin.cachedDataFor(source);
    expect(cached, 'dist/dhmad-scan.cjs.cache is missing or was made from another build').toBeDefined();
    expect(bin.compileBundle(source, cached).cachedDataRejected).toBe(false);
  });

  it('is not used for a bundle rebuilt since, even one of the same length', () => {
    // A copy of the bin and its build, the bundle changed in place (same length: V8 checks no more)
    // and its build digest with it, as a rebuild would; the cache left from before.
    const copy = tempDir();
    mkdirSync(path.join(copy, 'bin'));
    mkdirSync(path.join(copy, 'dist'));
    copyFileSync(CLI, path.join(copy, 'bin', path.basename(CLI)));
    copyFileSync(bin.CACHE, path.join(copy, 'dist', path.basename(bin.CACHE)));
    const source = readFileSync(bin.BUNDLE, 'utf8');
    expect(source).toContain(CLEAN);
    const rebuilt = source.replace(/^(\/\/ dhmad-scan build )([0-9a-f]{64})/, (_, head: string, digest: string) => head + [...digest].reverse().join('')).replaceAll(CLEAN, CLEAN.toUpperCase());
    expect(rebuilt.length).toBe(source.length);
    writeFileSync(path.join(copy, 'dist', path.basename(bin.BUNDLE)), rebuilt);

    const repo = initRepo();
    writeFileSync(path.join(repo, '.gitignore'), '.env\n.env.*\n');
    const run = runCli([], { cwd: repo, bin: path.join(copy, 'bin', path.basename(CLI)) });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(CLEAN.toUpperCase());
  });
});

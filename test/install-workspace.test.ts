// The README's set-up (`npm ci && npm run build`) leaves every bin of the workspace runnable
// through `npx`, from the local build and never from the registry, and `tsc -b` at the root
// builds every package.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { docFiles } from '../scripts/release/refs.mjs';
import { git } from './support/git.js';
import { repoRoot as root, workspacePackages } from './support/workspace.js';

const run = promisify(execFile);
const packages = workspacePackages();
const withBins = packages.filter((p) => Object.keys(p.manifest.bin ?? {}).length > 0);

/** `git ls-files -s` mode of a tracked file, or null when git does not track it. */
function trackedMode(file: string): string | null {
  const entry = git(root, ['ls-files', '-s', '--', file]);
  return entry.trim() === '' ? null : entry.split(' ')[0]!;
}

describe('the root tsconfig.json is the solution file', () => {
  it('references every workspace package that has a tsconfig.json, so `tsc -b` builds them all', () => {
    // tsconfig.json allows comments; the file's own comments hold no `//` inside strings.
    const solution = JSON.parse(readFileSync(path.join(root, 'tsconfig.json'), 'utf8').replace(/^\s*\/\/.*$/gm, '')) as {
      files: string[];
      references: Array<{ path: string }>;
    };
    const referenced = solution.references.map((r) => path.normalize(r.path));
    const missing = packages.filter((p) => existsSync(path.join(p.dir, 'tsconfig.json')) && !referenced.includes(p.relDir));
    expect(missing.map((p) => `add { "path": "${p.relDir}" } to the references of the root tsconfig.json`)).toEqual([]);
    expect(solution.files).toEqual([]);
  });

  it('is what the root build runs', () => {
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(manifest.scripts.build).toMatch(/^tsc -b( |&|$)/);
  });
});

describe.each(withBins.flatMap((p) => Object.entries(p.manifest.bin!).map(([name, file]) => ({ pkg: p, name, file }))))(
  'bin $name',
  ({ pkg, name, file }) => {
    const target = path.join(pkg.dir, file);

    it('is a committed, executable file, so npm links it before any build and a rebuild keeps it runnable', () => {
      expect(trackedMode(path.relative(root, target)), `${path.relative(root, target)} must be committed with mode 100755`).toBe('100755');
      expect(readFileSync(target, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    });

    it('is linked in node_modules/.bin by the install', () => {
      expect(realpathSync(path.join(root, 'node_modules/.bin', name))).toBe(realpathSync(target));
    });

    it('runs the local build through `npx --no-install`', async () => {
      const { stdout } = await run('npx', ['--no-install', name, '--help'], { cwd: root });
      expect(stdout).toContain(name);
    });
  },
);

describe('the docs', () => {
  it('run our bins through npx only with --no-install, which never fetches a package of that name from the registry', () => {
    const bins = withBins.flatMap((p) => Object.keys(p.manifest.bin!));
    const docs = docFiles(root);
    const unsafe = new RegExp(`\\bnpx (?!--no-install )(?:${bins.join('|')})\\b`);
    const found = docs.flatMap((f) =>
      readFileSync(path.join(root, f), 'utf8')
        .split('\n')
        .map((line, i) => ({ where: `${f}:${i + 1}`, line }))
        .filter(({ line }) => unsafe.test(line)),
    );
    expect(bins).toContain('dhmad-scan');
    expect(found).toEqual([]);
  });
});

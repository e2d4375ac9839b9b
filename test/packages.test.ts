// Every published package ships what its package.json promises: what `exports` and `bin`
// name is in the tarball npm would publish, with a README, a licence and an engines field.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishablePackages } from './support/workspace.js';

const run = promisify(execFile);
const packagesDir = fileURLToPath(new URL('../packages/', import.meta.url));
const published = publishablePackages().map((p) => path.basename(p.dir));

interface Manifest {
  name: string;
  private?: boolean;
  engines?: { node?: string };
  bin?: Record<string, string>;
  exports: Record<string, unknown>;
}

/** Every file path an `exports` map points at (conditions flattened, at any depth). */
function exportTargets(exports: unknown): string[] {
  return typeof exports === 'string' ? [exports] : Object.values(exports as object).flatMap(exportTargets);
}

const strip = (p: string) => p.replace(/^\.\//, '');

describe.each(published)('packages/%s as npm would publish it', (dir) => {
  const manifest = JSON.parse(readFileSync(`${packagesDir}${dir}/package.json`, 'utf8')) as Manifest;

  it('packs every export, every bin, a README and a licence', async () => {
    const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: `${packagesDir}${dir}` });
    const files = new Set((JSON.parse(stdout) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path));
    const wanted = [...exportTargets(manifest.exports), ...Object.values(manifest.bin ?? {}), 'README.md', 'LICENSE', 'package.json'];
    expect(wanted.map(strip).filter((f) => !files.has(f))).toEqual([]);
    expect([...files].filter((f) => /(^|\/)(test|bench)\//.test(f) || f.endsWith('.tsbuildinfo'))).toEqual([]);
  });

  it('is public, states its Node range, and its bins start with a shebang', () => {
    expect(manifest.private).not.toBe(true);
    expect(manifest.engines?.node).toBe('>=20.19');
    for (const bin of Object.values(manifest.bin ?? {})) {
      expect(readFileSync(`${packagesDir}${dir}/${bin}`, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
    }
  });

  it('can be imported by its name through every export', async () => {
    for (const subpath of Object.keys(manifest.exports).filter((s) => !s.endsWith('.json') && !s.endsWith('.yaml'))) {
      const specifier = manifest.name + subpath.slice(1);
      const mod = (await import(specifier)) as Record<string, unknown>;
      expect(Object.keys(mod).length, specifier).toBeGreaterThan(0);
    }
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
// The built modules: the helper threads run the compiled tree-parallel.js beside them.
import { Collector } from '../dist/collector.js';
import { startHelpersEarly, takeEarlyHelpers } from '../dist/sources/helpers.js';
import { ScanPool } from '../dist/sources/tree-parallel.js';
import { makeKey, prefixOf, tempDir, write } from './helpers.js';

function tree(files: number, key: string): { abs: string; file: string }[] {
  const dir = tempDir();
  const targets = [];
  for (let i = 0; i < files; i++) {
    const file = `src/f${i}.js`;
    write(dir, file, i === files - 1 ? `const k = '${key}';\n` : `export const n = ${i};\n`);
    targets.push({ abs: path.join(dir, file), file });
  }
  return targets;
}

describe('helper threads started before the scan', () => {
  it('are the ones a big scan hands its job to', async () => {
    const key = makeKey();
    const targets = tree(600, key);
    const early = startHelpersEarly();
    expect(early.length).toBeGreaterThan(0);
    const collector = new Collector();
    const pool = new ScanPool();
    await pool.scan(targets, collector, () => undefined);
    pool.close();
    // Each early helper got the job and reported (one stopped unused would reject instead).
    for (const h of early) await expect(h.result).resolves.toMatchObject({ stats: { bytes: expect.any(Number) } });
    expect(collector.stats.files).toBe(600);
    expect(collector.findings.map((f) => [f.file, f.keyPrefix])).toEqual([['src/f599.js', prefixOf(key)]]);
    expect(JSON.stringify(collector.findings)).not.toContain(key);
    expect(takeEarlyHelpers()).toEqual([]);
  });

  it('are stopped when the tree turns out small', async () => {
    const early = startHelpersEarly();
    const collector = new Collector();
    const pool = new ScanPool();
    await pool.scan(tree(3, makeKey('sandbox')), collector, () => undefined);
    for (const h of early) await expect(h.result).rejects.toThrow(/stopped/);
    expect(collector.stats.files).toBe(3);
    expect(collector.findings).toHaveLength(1);
  });
});

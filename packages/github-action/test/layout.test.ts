/**
 * The folders show the architecture: src/core is the rotation, written against the
 * interfaces its caller passes in (key API, secret stores, logger, clock), so it may
 * import nothing that does I/O; src/runner reads the inputs and talks to DHMAD and GitHub.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const core = fileURLToPath(new URL('../src/core/', import.meta.url));
/** What core may import besides its own modules: the SDK's pure key-format helpers. */
const ALLOWED = new Set(['@dhmad/sdk/key-format']);

async function imports(file: string): Promise<string[]> {
  const text = await readFile(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]/gm)].map(
    (m) => m[1] ?? m[2] ?? m[3]!,
  );
}

describe('src/core', () => {
  it('imports only its own modules and the SDK key format: no node:, no Octokit, no @actions/core', async () => {
    const files = (await readdir(core)).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(3);
    const outside: string[] = [];
    for (const f of files) {
      for (const spec of await imports(join(core, f))) {
        const inCore = spec.startsWith('.') && resolve(core, spec).startsWith(core);
        if (!inCore && !ALLOWED.has(spec)) outside.push(`${f}: ${spec}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('is checked by an import reader that sees every form of import', async () => {
    const file = fileURLToPath(new URL('../src/runner/main.ts', import.meta.url));
    expect(await imports(file)).toEqual(expect.arrayContaining(['@actions/core', '../core/rotate.js', './github/client.js']));
  });
});

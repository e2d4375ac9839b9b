import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitAll, git, initRepo, keyFindings, makeKey, runCli, scanJson, write } from './helpers.js';

describe('baseline', () => {
  it('accepts known findings, keeps them accepted when lines shift, and still reports new keys', () => {
    const repo = initRepo();
    const known = makeKey();
    write(repo, '.gitignore', '.env\n.env.*\n');
    write(repo, 'src/legacy.js', `const k = '${known}';\n`);
    commitAll(repo, 'legacy');

    const update = scanJson(['--baseline', '.dhmad-baseline.json', '--update-baseline'], { cwd: repo }, [known]);
    expect(update.run.code).toBe(0);
    expect(update.out.findings).toEqual([]);
    const baseline = readFileSync(path.join(repo, '.dhmad-baseline.json'), 'utf8');
    expect(JSON.parse(baseline)).toEqual({ version: 1, fingerprints: [expect.stringMatching(/^[0-9a-f]{32}$/)] });
    expect(baseline).not.toContain(known.slice(0, 14));

    // Lines added above the known key move it; its fingerprint does not change.
    write(repo, 'src/legacy.js', `// header\n// more\n\nconst k = '${known}';\n`);
    const shifted = scanJson(['--baseline', '.dhmad-baseline.json'], { cwd: repo }, [known]);
    expect(shifted.out.findings).toEqual([]);
    expect(shifted.out.summary.baselined).toBe(1);
    expect(shifted.run.code).toBe(0);

    // The same key in another file, or a new key in the same file, is new.
    const fresh = makeKey();
    write(repo, 'src/legacy.js', `const k = '${known}';\nconst j = '${fresh}';\n`);
    write(repo, 'src/copy.js', `'${known}'\n`);
    const next = scanJson(['--baseline', '.dhmad-baseline.json'], { cwd: repo }, [known, fresh]);
    expect(keyFindings(next.out).map((f) => [f.file, f.line])).toEqual([
      ['src/copy.js', 1],
      ['src/legacy.js', 2],
    ]);
    expect(next.run.code).toBe(1);
  });

  it('gives the same fingerprint in a working-tree, staged and history scan', () => {
    const repo = initRepo();
    const key = makeKey('sandbox');
    write(repo, '.gitignore', '.env\n.env.*\n');
    write(repo, 'a.txt', `${key}\n`);
    git(repo, ['add', '-A']);
    const staged = scanJson(['--staged'], { cwd: repo }, [key]);
    commitAll(repo, 'init');
    const history = scanJson(['--history'], { cwd: repo }, [key]);
    const tree = scanJson([], { cwd: repo }, [key]);
    const prints = (r: typeof tree) => r.out.findings.map((f) => f.fingerprint);
    expect(prints(tree)).toHaveLength(1);
    expect(prints(staged)).toEqual(prints(tree));
    expect(prints(history)).toEqual(prints(tree));
  });

  it('rejects a file that is not a baseline, and --update-baseline without --baseline', () => {
    const repo = initRepo();
    write(repo, 'b.json', '{"findings": []}');
    const bad = runCli(['--baseline', 'b.json'], { cwd: repo });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('is not a dhmad-scan baseline');
    const lonely = runCli(['--update-baseline'], { cwd: repo });
    expect(lonely.code).toBe(2);
    expect(lonely.stderr).toContain('--update-baseline needs --baseline FILE');
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitAll, git, initRepo, keyFindings, makeKey, prefixOf, runCli, scanJson, tempDir, write } from './helpers.js';

/** main: c1 (clean) -> c2 (key A added at line 2) -> c3 (A removed, file renamed) ; branch feature: c4 (key B). */
function historyRepo() {
  const repo = initRepo();
  const a = makeKey();
  const b = makeKey('sandbox');
  write(repo, 'src/app.js', 'const a = 1;\n');
  const c1 = commitAll(repo, 'c1');
  write(repo, 'src/app.js', `const a = 1;\nconst key = '${a}';\n`);
  const c2 = commitAll(repo, 'c2');
  write(repo, 'src/app.js', 'const a = 1;\n// moved up\n');
  git(repo, ['mv', 'src/app.js', 'src/main.js']);
  const c3 = commitAll(repo, 'c3');
  git(repo, ['checkout', '-q', '-b', 'feature']);
  write(repo, 'docs/setup.md', `# Setup\n\nexport DHMAD_API_KEY=${b}\n`);
  const c4 = commitAll(repo, 'c4');
  git(repo, ['checkout', '-q', 'main']);
  return { repo, a, b, c1, c2, c3, c4 };
}

describe('--history', () => {
  it('finds a key added then removed, and one on an unmerged branch, naming the commit that introduced each', () => {
    const { repo, a, b, c2, c4 } = historyRepo();
    const { run, out } = scanJson(['--history'], { cwd: repo }, [a, b]);
    expect(run.code).toBe(1);
    expect(out.findings.map((f) => [f.file, f.line, f.column, f.commit, f.keyPrefix])).toEqual([
      ['docs/setup.md', 3, 22, c4, prefixOf(b)],
      ['src/app.js', 2, 14, c2, prefixOf(a)],
    ]);
    expect(out.summary.commits).toBe(4);
  });

  it('reports a key that stays across later edits once, at the commit that introduced it', () => {
    const repo = initRepo();
    const key = makeKey();
    write(repo, 'a.txt', `${key}\n`);
    const first = commitAll(repo, 'add');
    for (let i = 0; i < 3; i++) {
      write(repo, 'a.txt', `line ${i}\n`.repeat(i + 1) + `${key}\n`);
      commitAll(repo, `edit ${i}`);
    }
    const { out } = scanJson(['--history'], { cwd: repo }, [key]);
    expect(out.findings.map((f) => [f.commit, f.line])).toEqual([[first, 1]]);
  });

  it('limits the scan to a range', () => {
    const { repo, a, b, c4 } = historyRepo();
    const { out } = scanJson(['--history', 'main..feature'], { cwd: repo }, [a, b]);
    expect(out.findings.map((f) => [f.file, f.commit])).toEqual([['docs/setup.md', c4]]);
    const bad = runCli(['--history', 'main..nope'], { cwd: repo });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('nope is not a commit');
  });

  it('works in a bare clone', () => {
    const { repo, a, b, c2, c4 } = historyRepo();
    const bare = tempDir();
    git(bare, ['clone', '-q', '--bare', '--no-local', repo, 'x.git']);
    const { out } = scanJson(['--history'], { cwd: `${bare}/x.git` }, [a, b]);
    // A bare clone copies branches: main and feature both come along.
    expect(out.findings.map((f) => [f.file, f.line, f.commit])).toEqual([
      ['docs/setup.md', 3, c4],
      ['src/app.js', 2, c2],
    ]);
  });

  it('works in a shallow clone, attributing what predates the boundary to the boundary commit', () => {
    const { repo, a, b, c4 } = historyRepo();
    const shallow = tempDir();
    git(shallow, ['clone', '-q', '--depth', '1', '--branch', 'feature', `file://${repo}`, 'x']);
    const dir = `${shallow}/x`;
    expect(git(dir, ['rev-parse', '--is-shallow-repository']).trim()).toBe('true');
    write(dir, 'late.txt', `${a}\n`);
    const late = commitAll(dir, 'reintroduce');
    const { out } = scanJson(['--history'], { cwd: dir }, [a, b]);
    expect(keyFindings(out).map((f) => [f.file, f.commit])).toEqual([
      ['docs/setup.md', c4],
      ['late.txt', late],
    ]);
  });

  it('scans each distinct blob once and skips binary blobs', () => {
    const repo = initRepo();
    const key = makeKey();
    write(repo, 'x.bin', Buffer.concat([Buffer.from(key), Buffer.from([0])]));
    write(repo, 'same1.txt', 'same\n');
    write(repo, 'same2.txt', 'same\n');
    commitAll(repo, 'blobs');
    const { out } = scanJson(['--history'], { cwd: repo }, [key]);
    expect(out.findings).toEqual([]);
    expect(out.summary).toMatchObject({ files: 1, skippedBinary: 1, commits: 1 });
  });
});

describe('--history names every path of a finding, whichever walk names them', () => {
  it('gives the same findings from the walk started at the first finding and from the walk after the scan (past its size limit)', async () => {
    const { Collector } = await import('../src/collector.js');
    const { scanEveryRef } = await import('../src/sources/history-walk.js');
    const repo = initRepo();
    const keys = [makeKey(), makeKey('sandbox'), makeKey()];
    for (let i = 0; i < 30; i++) write(repo, `lib/m${i}.js`, `export const n = ${i};\n`);
    commitAll(repo, 'clean start');
    write(repo, 'config/a.txt', `key=${keys[0]}\n`);
    commitAll(repo, 'first key');
    for (let i = 0; i < 10; i++) {
      write(repo, `lib/m${i}.js`, `export const n = ${i + 100};\n`);
      commitAll(repo, `edit ${i}`);
    }
    // The same blob at a second path, a file renamed away from a key in its name, and a later key.
    write(repo, 'copy/a.txt', `key=${keys[0]}\n`);
    write(repo, `.env.${keys[1]}`, 'X=1\n');
    commitAll(repo, 'copy and name');
    git(repo, ['mv', `.env.${keys[1]}`, '.env.renamed']);
    write(repo, 'late/b.txt', `${keys[2]}\n`);
    commitAll(repo, 'rename and late key');

    const findings = async (walkLimit: number) => {
      const sink = new Collector();
      await scanEveryRef(path.join(repo, '.git'), sink, walkLimit);
      return sink.findings.map((f) => [f.ruleId, f.file, f.line, f.commit, f.keyPrefix]).sort();
    };
    const early = await findings(Number.POSITIVE_INFINITY);
    const files = early.map(([, file]) => String(file)).sort();
    expect(files.slice(1)).toEqual(['config/a.txt', 'copy/a.txt', 'late/b.txt']);
    expect(files[0]).toBe(`.env.${prefixOf(keys[1]!)}…`);
    expect(await findings(0)).toEqual(early);
    // And what the CLI reports, with the commits that introduced each.
    const { out } = scanJson(['--history'], { cwd: repo }, keys);
    expect(out.findings.map((f) => [f.ruleId, f.file, f.line, f.commit, f.keyPrefix]).sort()).toEqual(early);
  });
});

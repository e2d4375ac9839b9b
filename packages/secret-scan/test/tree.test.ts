import { chownSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARALLEL_MIN_FILES } from '../src/sources/tree-parallel.js';
import { commitAll, git, initRepo, keyFindings, makeKey, prefixOf, runCli, scanJson, tempDir, write } from './helpers.js';

describe('working tree: what is read', () => {
  it('scans tracked and untracked-but-not-ignored files, not ignored ones', () => {
    const repo = initRepo();
    const [tracked, untracked, ignored] = [makeKey(), makeKey('sandbox'), makeKey()];
    write(repo, '.gitignore', 'build/\n.env\n');
    write(repo, 'src/config.js', `export const key = '${tracked}';\n`);
    commitAll(repo, 'init');
    write(repo, 'notes.md', `token: ${untracked}\n`);
    write(repo, 'build/bundle.js', `var k="${ignored}"`);
    const { run, out } = scanJson([], { cwd: repo }, [tracked, untracked, ignored]);
    expect(run.code).toBe(1);
    expect(keyFindings(out).map((f) => [f.file, f.ruleId, f.line, f.column, f.keyPrefix])).toEqual([
      ['notes.md', 'sandbox-key', 1, 8, prefixOf(untracked)],
      ['src/config.js', 'live-key', 1, 21, prefixOf(tracked)],
    ]);
  });

  it('reports paths relative to the repository root when run from a subfolder or given a path', () => {
    const repo = initRepo();
    const key = makeKey();
    write(repo, 'a/b/c.txt', key);
    write(repo, 'other/d.txt', makeKey());
    const { out } = scanJson(['b'], { cwd: path.join(repo, 'a') }, [key]);
    expect(keyFindings(out).map((f) => f.file)).toEqual(['a/b/c.txt']);
  });

  it('scans every file outside a git repository, without following symlinks', () => {
    const dir = tempDir();
    const key = makeKey();
    write(dir, 'deep/er/file.env', `KEY=${key}\n`);
    write(dir, 'node_modules/x/index.js', `f("${key}")`);
    const { run, out } = scanJson(['.'], { cwd: dir }, [key]);
    expect(run.code).toBe(1);
    expect(keyFindings(out).map((f) => f.file)).toEqual(['deep/er/file.env', 'node_modules/x/index.js']);
  });

  it('skips binary files and says how many', () => {
    const repo = initRepo();
    const key = makeKey();
    write(repo, 'img.png', Buffer.concat([Buffer.from([0x89, 0x50, 0, 0]), Buffer.from(key)]));
    write(repo, 'data.bin', Buffer.concat([Buffer.from(key), Buffer.from([0, 1, 2])]));
    const { run, out } = scanJson([], { cwd: repo }, [key]);
    expect(run.code).toBe(0);
    expect(keyFindings(out)).toEqual([]);
    expect(out.summary.skippedBinary).toBe(2);
    const text = runCli([], { cwd: repo });
    expect(text.stdout).toContain('2 binary skipped');
  });

  it('handles file names with spaces, newlines and non-ASCII characters', () => {
    const repo = initRepo();
    const key = makeKey();
    const names = ['with space.txt', 'new\nline.txt', 'ünïcødé/日本.txt'];
    for (const n of names) write(repo, n, `k=${key}\n`);
    commitAll(repo, 'names');
    const { out } = scanJson([], { cwd: repo }, [key]);
    expect(keyFindings(out).map((f) => f.file).sort()).toEqual([...names].sort());
    const text = runCli([], { cwd: repo });
    expect(text.stdout).toContain('"new\\nline.txt"');
  });

  it('does not follow a symlink out of the repository', () => {
    const outside = tempDir();
    const key = makeKey();
    write(outside, 'secret.txt', key);
    const repo = initRepo();
    write(repo, 'ok.txt', 'nothing here\n');
    symlinkSync(path.join(outside, 'secret.txt'), path.join(repo, 'link.txt'));
    commitAll(repo, 'link');
    const { run, out } = scanJson([], { cwd: repo }, [key]);
    expect(run.code).toBe(0);
    expect(keyFindings(out)).toEqual([]);
    expect(out.summary.skippedSymlinks).toBe(1);
  });

  it('skips a submodule and says so', () => {
    const sub = initRepo();
    const key = makeKey();
    write(sub, 'leak.txt', key);
    commitAll(sub, 'sub');
    const repo = initRepo();
    write(repo, 'a.txt', 'a\n');
    git(repo, ['-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', sub, 'vendor/sub']);
    commitAll(repo, 'with submodule');
    const { run, out } = scanJson([], { cwd: repo }, [key]);
    expect(run.code).toBe(0);
    expect(keyFindings(out)).toEqual([]);
    expect(out.summary.skippedSubmodules).toBe(1);
    expect(runCli([], { cwd: repo }).stdout).toContain('1 submodule skipped');
  });

  it('scans a tree of many files on several threads with the same result', () => {
    const repo = initRepo();
    const keys = [makeKey(), makeKey('sandbox'), makeKey()];
    const count = PARALLEL_MIN_FILES + 100;
    for (let i = 0; i < count; i++) write(repo, `pkg/m${i % 7}/f${i}.js`, `export const n${i} = ${i};\n`);
    write(repo, 'pkg/m3/f100.js', `x\ny = '${keys[0]}'\n`);
    write(repo, 'pkg/m5/f300.js', `'${keys[1]}' // dhmad-scan:allow\n`);
    write(repo, 'pkg/m6/f699.js', `${keys[2]}\n`);
    write(repo, 'pkg/bin.dat', Buffer.from([1, 0, 2]));
    // Each scan thread counts the files it opened: the helpers must have taken a share, or this is a
    // one-thread test. The main thread sleeps half a millisecond per file it opens, so that on a
    // loaded machine it cannot drain every file before a helper has booted (2 s for them all).
    const dir = tempDir();
    const probe = path.join(dir, 'probe.cjs');
    const counts = path.join(dir, 'opened.txt');
    writeFileSync(
      probe,
      `const fs = require('node:fs');
const open = fs.openSync;
if (require('node:worker_threads').isMainThread) {
  const nap = new Int32Array(new SharedArrayBuffer(4));
  fs.openSync = (...args) => (Atomics.wait(nap, 0, 0, 0.5), open(...args));
} else {
  let opened = 0;
  fs.openSync = (...args) => (opened++, open(...args));
  process.on('exit', () => fs.appendFileSync(${JSON.stringify(counts)}, opened + '\\n'));
}
`,
    );
    const { out } = scanJson([], { cwd: repo, env: { NODE_OPTIONS: `--require ${probe}` } }, keys);
    expect(keyFindings(out).map((f) => [f.file, f.line])).toEqual([
      ['pkg/m3/f100.js', 2],
      ['pkg/m6/f699.js', 1],
    ]);
    expect(out.summary).toMatchObject({ files: count + 2, skippedBinary: 1, allowed: 1 });
    const perThread = readFileSync(counts, 'utf8').trim().split('\n').map(Number);
    expect(perThread.length).toBeGreaterThan(0);
    expect(perThread.some((n) => n > 0)).toBe(true);
  });

  it('reads a large file in chunks and still numbers its lines', () => {
    const repo = initRepo();
    const key = makeKey();
    const filler = 'const x = 1; // padding line\n'.repeat(200_000);
    write(repo, 'big.js', filler + `\n${'y'.repeat(2_500_000)} ${key}\n`);
    const { out } = scanJson([], { cwd: repo }, [key]);
    expect(keyFindings(out).map((f) => [f.line, f.column])).toEqual([[200_002, 2_500_002]]);
  });
});

describe('what counts as a finding', () => {
  it('finds keys wherever they stand and ignores placeholders', () => {
    const repo = initRepo();
    const keys = [makeKey(), makeKey('sandbox'), makeKey(), makeKey(), makeKey('sandbox')];
    write(
      repo,
      'mixed.txt',
      [
        `fetch("https://api.example.com/x?key=${keys[0]}&y=1")`,
        `const ks = ["${keys[1]}","${keys[2]}"];`,
        `client(${keys[3]})`,
        `{"cells":[{"source":["K = '${keys[4]}'\\n"]}]}`,
        'DHMAD_API_KEY=sk_live_your_api_key_here',
        'Keys look like sk_sandbox_... and start with sk_live_.',
      ].join('\n'),
    );
    const { out } = scanJson([], { cwd: repo }, keys);
    expect(keyFindings(out).map((f) => [f.line, f.keyPrefix])).toEqual([
      [1, prefixOf(keys[0]!)],
      [2, prefixOf(keys[1]!)],
      [2, prefixOf(keys[2]!)],
      [3, prefixOf(keys[3]!)],
      [4, prefixOf(keys[4]!)],
    ]);
  });

  it('reports a truncated key as a warning, which does not fail the scan', () => {
    const repo = initRepo();
    const key = makeKey('sandbox');
    write(repo, 'a.txt', `x = ${key.slice(0, 50)}\n`);
    const { run, out } = scanJson([], { cwd: repo }, [key]);
    expect(keyFindings(out).map((f) => [f.ruleId, f.severity, f.environment])).toEqual([['malformed-key', 'warning', 'sandbox']]);
    expect(run.code).toBe(0);
  });

  it('honours an inline dhmad-scan:allow on the same line only', () => {
    const repo = initRepo();
    const key = makeKey();
    write(repo, 'test.js', `const fixture = '${key}'; // dhmad-scan:allow\nconst real = '${key}';\n`);
    const { out } = scanJson([], { cwd: repo }, [key]);
    expect(keyFindings(out).map((f) => f.line)).toEqual([2]);
    expect(out.summary.allowed).toBe(1);
  });

  it('skips paths excluded in .dhmad-scan.json, and rejects a broken config', () => {
    const repo = initRepo();
    const key = makeKey();
    write(repo, 'fixtures/a.txt', key);
    write(repo, 'src/b.min.js', key);
    write(repo, 'src/c.js', key);
    write(repo, '.dhmad-scan.json', JSON.stringify({ exclude: ['fixtures/', '*.min.js'] }));
    const { out } = scanJson([], { cwd: repo }, [key]);
    expect(keyFindings(out).map((f) => f.file)).toEqual(['src/c.js']);
    expect(out.summary.excluded).toBe(2);
    write(repo, '.dhmad-scan.json', '{"exlude": []}');
    const bad = runCli([], { cwd: repo });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown keys: exlude');
  });
});

describe('errors and exit codes', () => {
  it('exits 0 on a clean tree, 1 on a key, 2 on a missing path or a usage error', () => {
    const repo = initRepo();
    write(repo, 'a.txt', 'clean\n');
    write(repo, '.gitignore', '.env\n.env.*\n');
    expect(runCli([], { cwd: repo }).code).toBe(0);
    const missing = runCli(['nope/'], { cwd: repo });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Cannot scan nope/: no such file or directory');
    const usage = runCli(['--format', 'xml'], { cwd: repo });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/format/);
    const staged = runCli(['--staged'], { cwd: tempDir() });
    expect(staged.code).toBe(2);
    expect(staged.stderr).toContain('--staged needs a git repository');
  });

  // Making a folder another user's takes root; the suite runs as root in CI.
  it.runIf(process.getuid?.() === 0)('fails with git’s safe.directory advice in a repository owned by another user, instead of scanning it as a plain folder', () => {
    const repo = initRepo();
    write(repo, 'a.txt', 'clean\n');
    chownSync(repo, 65534, 65534);
    for (const args of [[], ['--staged']]) {
      const run = runCli(args, { cwd: repo });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('dubious ownership');
      expect(run.stderr).toContain('safe.directory');
    }
  });
});

describe('stdin', () => {
  it('scans standard input under the given name', () => {
    const key = makeKey('sandbox');
    const { run, out } = scanJson(['--stdin', '--stdin-filename', 'pasted.env'], { cwd: tempDir(), input: `\nA=1\nKEY=${key}\n` }, [key]);
    expect(run.code).toBe(1);
    expect(out.findings.map((f) => [f.file, f.line, f.column, f.ruleId])).toEqual([['pasted.env', 3, 5, 'sandbox-key']]);
  });
});

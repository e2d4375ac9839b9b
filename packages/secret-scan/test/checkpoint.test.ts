import { chmodSync, existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assertNoKeys, commitAll, git, initRepo, isolatedEnv, makeKey, runCli, scanJson, tempDir, write, type JsonOut } from './helpers.js';

/** What a user compares between two scans: every finding, with its commit, path, place and fingerprint. */
const findings = (out: JsonOut) => out.findings.map(({ ruleId, file, line, column, commit, keyPrefix, fingerprint }) => ({ ruleId, file, line, column, commit, keyPrefix, fingerprint }));

function withCheckpoint(repo: string, file: string, keys: string[]) {
  const { run, out } = scanJson(['--history', '--checkpoint', file], { cwd: repo }, keys);
  return { run, out, note: /--checkpoint: (.*)/.exec(run.stderr)?.[1] ?? '' };
}

/** A history with keys added, edited, removed and on a side branch; then the work of a day on top. */
function busyRepo() {
  const repo = initRepo();
  const keys = [makeKey(), makeKey('sandbox'), makeKey(), makeKey('sandbox')];
  write(repo, 'src/app.js', 'const a = 1;\n');
  commitAll(repo, 'start');
  write(repo, 'src/app.js', `const a = 1;\nconst key = '${keys[0]}';\n`);
  commitAll(repo, 'key in app');
  write(repo, 'config/ci.env.txt', `TOKEN=${keys[1]}\n`);
  commitAll(repo, 'ci config');
  write(repo, 'src/app.js', 'const a = 2;\n');
  commitAll(repo, 'key removed');
  git(repo, ['checkout', '-q', '-b', 'side']);
  write(repo, 'docs/notes.md', `try ${keys[2]} // dhmad-scan:allow\n`);
  commitAll(repo, 'side');
  git(repo, ['checkout', '-q', 'main']);
  const day = () => {
    // An old key's content at a new path, a new key, an edit, and the side branch merged.
    write(repo, 'backup/ci.env.txt', `TOKEN=${keys[1]}\n`);
    commitAll(repo, 'backup');
    write(repo, 'src/new.js', `export const k = "${keys[3]}";\n`);
    commitAll(repo, 'new key');
    git(repo, ['merge', '-q', '--no-edit', '--no-ff', 'side']);
    write(repo, 'README.md', '# app\n');
    commitAll(repo, 'readme');
  };
  return { repo, keys, day };
}

describe('--history --checkpoint FILE', () => {
  it('after new commits, scans only the new blobs and gives the findings and commits of a full scan', () => {
    const { repo, keys, day } = busyRepo();
    const file = path.join(tempDir(), 'checkpoint.json');
    const first = withCheckpoint(repo, file, keys);
    expect(first.note).toBe(`no checkpoint at ${file} yet: scanned the whole history`);
    expect(findings(first.out)).toEqual(findings(scanJson(['--history'], { cwd: repo }, keys).out));
    day();
    const full = scanJson(['--history'], { cwd: repo }, keys);
    const next = withCheckpoint(repo, file, keys);
    expect(next.note).toBe(`scanned the 4 commits new since the checkpoint ${file}`);
    expect(next.run.code).toBe(full.run.code);
    expect(findings(next.out)).toEqual(findings(full.out));
    expect(findings(next.out).map((f) => f.file)).toContain('backup/ci.env.txt');
    expect(next.out.summary.files).toBeLessThan(full.out.summary.files);
    // Nothing new: nothing read, the same findings.
    const again = withCheckpoint(repo, file, keys);
    expect(again.note).toBe(`scanned the 0 commits new since the checkpoint ${file}`);
    expect(again.out.summary.files).toBe(0);
    expect(findings(again.out)).toEqual(findings(full.out));
  });

  it('on this repository\u2019s own history, rewound and replayed, gives what a full scan gives', () => {
    const root = path.resolve(fileURLToPath(new URL('../../..', import.meta.url)));
    if (!existsSync(path.join(root, '.git'))) return;
    const clone = path.join(tempDir(), 'self.git');
    git(tempDir(), ['clone', '-q', '--bare', '--no-local', root, clone]);
    const head = git(clone, ['rev-parse', 'HEAD']).trim();
    const commits = Number(git(clone, ['rev-list', '--count', 'HEAD']).trim());
    const back = Math.min(15, commits - 1);
    const branch = git(clone, ['symbolic-ref', '--short', 'HEAD']).trim();
    git(clone, ['update-ref', `refs/heads/${branch}`, `HEAD~${back}`]);
    const file = path.join(tempDir(), 'self.json');
    withCheckpoint(clone, file, []);
    git(clone, ['update-ref', `refs/heads/${branch}`, head]);
    const next = withCheckpoint(clone, file, []);
    expect(next.note).toMatch(/^scanned the \d+ commits new since the checkpoint/);
    const full = scanJson(['--history'], { cwd: clone }, []);
    expect(findings(next.out)).toEqual(findings(full.out));
    expect(next.out.summary.files).toBeLessThan(full.out.summary.files);
  });

  it('names the introducing commit a full scan names when a new commit is dated before the checkpoint', () => {
    const repo = initRepo();
    const key = makeKey();
    const at = (date: string) => isolatedEnv({ GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
    write(repo, 'base.txt', 'base\n');
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-q', '-m', 'base'], at('2026-01-01T00:00:00Z'));
    git(repo, ['checkout', '-q', '-b', 'late']);
    write(repo, 'conf/key.txt', `${key}\n`);
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-q', '-m', 'key on main'], at('2026-03-01T00:00:00Z'));
    git(repo, ['checkout', '-q', 'main']);
    git(repo, ['merge', '-q', '--ff-only', 'late']);
    const file = path.join(tempDir(), 'checkpoint.json');
    withCheckpoint(repo, file, [key]);
    // Pushed after the checkpoint, written before it: the same content at the same path, on a branch from base.
    git(repo, ['checkout', '-q', '-b', 'early', 'main~1']);
    write(repo, 'conf/key.txt', `${key}\n`);
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-q', '-m', 'key, earlier'], at('2026-02-01T00:00:00Z'));
    git(repo, ['checkout', '-q', 'main']);
    const full = scanJson(['--history'], { cwd: repo }, [key]);
    const next = withCheckpoint(repo, file, [key]);
    expect(next.note).toMatch(/^scanned the 1 commits new/);
    expect(findings(next.out)).toEqual(findings(full.out));
    expect(full.out.findings[0]!.commit).toBe(git(repo, ['rev-parse', 'early']).trim());
  });

  it('after a force-push, scans the whole history again and says so', () => {
    const { repo, keys } = busyRepo();
    const file = path.join(tempDir(), 'checkpoint.json');
    withCheckpoint(repo, file, keys);
    git(repo, ['reset', '-q', '--hard', 'HEAD~2']);
    git(repo, ['branch', '-f', 'side', 'main']);
    git(repo, ['reflog', 'expire', '--expire=now', '--all']);
    git(repo, ['gc', '-q', '--prune=now']);
    write(repo, 'other.txt', 'rewritten\n');
    commitAll(repo, 'rewritten');
    const next = withCheckpoint(repo, file, keys);
    expect(next.note).toMatch(/^the checkpoint .* no longer matches \(commits it covered are gone \(history was rewritten by a force-push, or a branch was deleted\)\): scanned the whole history$/);
    expect(findings(next.out)).toEqual(findings(scanJson(['--history'], { cwd: repo }, keys).out));
    // The rewritten history is now the checkpoint's.
    expect(withCheckpoint(repo, file, keys).note).toMatch(/^scanned the 0 commits new/);
  });

  it('falls back to a full scan, saying why, for a checkpoint of another repository, a damaged one, or another format', () => {
    const { repo, keys } = busyRepo();
    const other = initRepo();
    write(other, 'x.txt', 'x\n');
    commitAll(other, 'other');
    const file = path.join(tempDir(), 'checkpoint.json');
    withCheckpoint(other, file, []);
    const full = findings(scanJson(['--history'], { cwd: repo }, keys).out);
    const cases: Array<[string, RegExp]> = [
      ['', /no longer matches \(it is of another repository \(other root commits\)\)/],
      ['{"dhmadScanCheckpoint": 99}', /was not used \(it was written by another version of dhmad-scan\)/],
      ['{ not json', /was not used \(it is not a dhmad-scan checkpoint \(not JSON\)\)/],
      ['{"dhmadScanCheckpoint": 1}', /was not used \(it was written by another version of dhmad-scan\)/],
      ['{"dhmadScanCheckpoint": 2, "tips": []}', /was not used \(it is incomplete\)/],
    ];
    for (const [content, note] of cases) {
      if (content) writeFileSync(file, content);
      else withCheckpoint(other, file, []);
      const run = withCheckpoint(repo, file, keys);
      expect(run.note, content).toMatch(note);
      expect(run.note).toMatch(/: scanned the whole history$/);
      expect(findings(run.out)).toEqual(full);
    }
  });

  it('is written only when the scan completed, atomically, and never holds a key', () => {
    const { repo, keys, day } = busyRepo();
    const dir = tempDir();
    const file = path.join(dir, 'checkpoint.json');
    withCheckpoint(repo, file, keys);
    const before = readFileSync(file);
    assertNoKeys([before.toString('utf8')], keys);
    day();
    // A corrupt new object: the scan is incomplete (exit 2) and the checkpoint stays as it was.
    const oid = git(repo, ['rev-parse', 'HEAD:README.md']).trim();
    const obj = path.join(repo, '.git', 'objects', oid.slice(0, 2), oid.slice(2));
    chmodSync(obj, 0o644);
    writeFileSync(obj, 'not zlib');
    const broken = runCli(['--history', '--checkpoint', file], { cwd: repo });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('the checkpoint was not updated, since the scan is incomplete');
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['checkpoint.json']);
  });

  it('refuses a checkpoint that is a symlink (exit 2) and leaves its target alone', () => {
    const { repo, keys } = busyRepo();
    const dir = tempDir();
    const target = path.join(dir, 'target.json');
    writeFileSync(target, 'precious\n');
    const link = path.join(dir, 'checkpoint.json');
    symlinkSync(target, link);
    const run = runCli(['--history', '--checkpoint', link], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is a symlink, and dhmad-scan never reads or writes a checkpoint through one');
    expect(readFileSync(target, 'utf8')).toBe('precious\n');
    assertNoKeys([run.stdout, run.stderr], keys);
  });

  it('keeps a key in a file name out of the checkpoint and still reports it as a full scan does', () => {
    const repo = initRepo();
    const key = makeKey();
    write(repo, `cache/${key}.json`, '{}\n');
    commitAll(repo, 'cache');
    const file = path.join(tempDir(), 'checkpoint.json');
    withCheckpoint(repo, file, [key]);
    assertNoKeys([readFileSync(file, 'utf8')], [key]);
    write(repo, 'b.txt', 'b\n');
    commitAll(repo, 'more');
    const next = withCheckpoint(repo, file, [key]);
    expect(findings(next.out)).toEqual(findings(scanJson(['--history'], { cwd: repo }, [key]).out));
    expect(next.out.findings.length).toBeGreaterThan(0);
  });

  it('applies to a scan of every ref only', () => {
    const { repo } = busyRepo();
    const file = path.join(tempDir(), 'c.json');
    const range = runCli(['--history', 'main~1..main', '--checkpoint', file], { cwd: repo });
    expect(range.code).toBe(2);
    expect(range.stderr).toContain('--checkpoint records a scan of every ref, not of a range');
    const tree = runCli(['--checkpoint', file], { cwd: repo });
    expect(tree.code).toBe(2);
    expect(tree.stderr).toContain('--checkpoint applies to --history scans.');
    expect(existsSync(file)).toBe(false);
  });
});

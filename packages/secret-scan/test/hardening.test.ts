// What an adversarial pass broke (issue 10): never writing through a symlink, keys in file names,
// history that finds what is there, repositories git is pointed at, and git failures said on one line.
import { chmodSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { formatJson, formatSarif, formatText, scan } from '../src/index.js';
import { assertNoKeys, commitAll, git, initRepo, isolatedEnv, keyFindings, makeKey, prefixOf, runCli, runCliAsync, scanJson, tempDir, write } from './helpers.js';

/** Overwrite the loose object `rev` names with bytes git cannot inflate. */
function corrupt(repo: string, rev: string): string {
  const oid = git(repo, ['rev-parse', rev]).trim();
  const file = path.join(repo, '.git', 'objects', oid.slice(0, 2), oid.slice(2));
  chmodSync(file, 0o644);
  writeFileSync(file, 'not zlib');
  return oid;
}

/** One line on stderr, no stack trace. */
function expectOneLine(stderr: string): void {
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('--fix and --update-baseline never write through a symlink', () => {
  it('--fix refuses a .gitignore that links outside the repository, and leaves the target as it was', () => {
    const repo = initRepo();
    const outside = path.join(tempDir(), 'victim.txt');
    writeFileSync(outside, 'precious\n');
    symlinkSync(outside, path.join(repo, '.gitignore'));
    write(repo, '.env', 'A=1\n');
    const run = runCli(['--fix'], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--fix: \.gitignore is a symlink, and dhmad-scan never writes through a symlink/);
    expectOneLine(run.stderr);
    expect(readFileSync(outside, 'utf8')).toBe('precious\n');
  });

  it('--update-baseline refuses a baseline in a folder that links outside the repository', () => {
    const repo = initRepo();
    write(repo, 'a.txt', `${makeKey()}\n`);
    const elsewhere = tempDir();
    symlinkSync(elsewhere, path.join(repo, 'linked'));
    const run = runCli(['--baseline', 'linked/base.json', '--update-baseline'], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is in a folder that is a symlink to outside the repository, and dhmad-scan never writes through a symlink/);
    expectOneLine(run.stderr);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('--update-baseline refuses a baseline that is a symlink, and leaves the target as it was', () => {
    const repo = initRepo();
    const key = makeKey();
    write(repo, 'a.txt', `${key}\n`);
    const outside = path.join(tempDir(), 'victim.json');
    writeFileSync(outside, 'precious\n');
    symlinkSync(outside, path.join(repo, '.dhmad-baseline.json'));
    const run = runCli(['--baseline', '.dhmad-baseline.json', '--update-baseline'], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--update-baseline: \S*\.dhmad-baseline\.json is a symlink, and dhmad-scan never writes through a symlink/);
    expectOneLine(run.stderr);
    expect(readFileSync(outside, 'utf8')).toBe('precious\n');
  });
});

describe('advice that works when pasted', () => {
  const key = makeKey();
  const setup = () => {
    const repo = initRepo();
    for (const name of [`.env.${key}`, ".env.x';touch pwned;'", '.env.with space']) write(repo, name, 'A=1\n');
    git(repo, ['add', '-A']);
    return repo;
  };
  const paste = (repo: string, command: string) => {
    expect(spawnSync('sh', ['-c', command], { cwd: repo, env: isolatedEnv() }).status, command).toBe(0);
    expect(git(repo, ['ls-files'])).toBe('');
    expect(readdirSync(repo)).not.toContain('pwned');
  };

  it('the git rm of a tracked env file removes it, whether its name holds a key, a quote or a space, and runs nothing else', () => {
    const repo = setup();
    commitAll(repo, 'env files');
    const { out } = scanJson([], { cwd: repo }, [key]);
    const commands = out.findings.filter((f) => f.ruleId === 'env-tracked').map((f) => /\((git rm --cached -- .+)\), ignore it/.exec(f.message)?.[1] ?? '');
    expect(commands).toHaveLength(3);
    paste(repo, commands.join(' && '));
  });

  it('so does the one a blocked commit advises', () => {
    const repo = setup();
    const run = runCli(['--staged'], { cwd: repo });
    expect(run.code).toBe(1);
    assertNoKeys([run.stdout, run.stderr], [key]);
    paste(repo, /keep it out of git: (git rm --cached -- .+), then dhmad-scan --fix/.exec(run.stderr)?.[1] ?? 'false');
  });
});

describe('--checkpoint is this machine\'s record, never the repository\'s', () => {
  it('refuses a checkpoint git tracks: a commit could hold a forged one that claims its own tips were scanned', () => {
    const repo = initRepo();
    write(repo, 'a.txt', 'a\n');
    commitAll(repo, 'first');
    const file = path.join(repo, '.dhmad-checkpoint.json');
    expect(runCli(['--history', '--checkpoint', file], { cwd: repo }).code).toBe(0);
    const key = makeKey();
    write(repo, 'evil.js', `k = '${key}'\n`);
    const evil = commitAll(repo, 'evil');
    const forged = JSON.parse(readFileSync(file, 'utf8')) as { tips: string[] };
    writeFileSync(file, JSON.stringify({ ...forged, tips: [evil] }));
    commitAll(repo, 'a checkpoint that says evil was scanned');
    const run = runCli(['--history', '--checkpoint', '.dhmad-checkpoint.json'], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'dhmad-scan: --checkpoint .dhmad-checkpoint.json is a file of the repository (git tracks it), and a checkpoint that comes with the commits could claim anything was scanned. Keep it outside the repository, or untracked (as a CI cache restores it).\n',
    );
    // Untracked, as a CI cache restores it, it is used.
    git(repo, ['rm', '-q', '--cached', '.dhmad-checkpoint.json']);
    git(repo, ['commit', '-q', '-m', 'untrack']);
    expect(runCli(['--history', '--checkpoint', '.dhmad-checkpoint.json'], { cwd: repo }).code).not.toBe(2);
  });

  it('is never written through a folder that links outside the repository', () => {
    const repo = initRepo();
    write(repo, 'a.txt', 'a\n');
    commitAll(repo, 'first');
    const elsewhere = tempDir();
    symlinkSync(elsewhere, path.join(repo, 'cache'));
    const run = runCli(['--history', '--checkpoint', 'cache/checkpoint.json'], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--checkpoint: cache\/checkpoint\.json is in a folder that is a symlink to outside the repository/);
    expect(readdirSync(elsewhere)).toEqual([]);
  });
});

describe('nothing from the repository reaches the terminal as a control sequence', () => {
  it('escapes control characters of file names in messages and advice, on stdout and stderr', () => {
    const repo = initRepo();
    const name = '.env.\u001b[2J\u001b]0;pwned\u0007x';
    write(repo, name, 'A=1\n');
    write(repo, 'a\u009b31mred.js', `${makeKey()}\n`);
    git(repo, ['add', '-A']);
    for (const args of [[], ['--staged']]) {
      const run = runCli(args, { cwd: repo });
      expect(run.code).toBe(1);
      // Newlines aside, no control character at all.
      expect([...`${run.stdout}${run.stderr}`.replaceAll('\n', '')].filter((c) => c < ' ' || (c >= '\u007f' && c <= '\u009f')), args.join(' ')).toEqual([]);
      expect(run.stdout).toContain('.env.\\u001b[2J\\u001b]0;pwned\\u0007x is tracked by git');
    }
  });
});

describe('install-hook never writes through a symlink', () => {
  it('refuses a .husky folder that links outside the repository, and leaves what it points at as it was', () => {
    const repo = initRepo();
    write(repo, 'a.txt', 'a\n');
    commitAll(repo, 'first');
    const elsewhere = tempDir();
    writeFileSync(path.join(elsewhere, 'pre-commit'), 'precious\n');
    symlinkSync(elsewhere, path.join(repo, '.husky'));
    git(repo, ['config', 'core.hooksPath', '.husky/_']);
    const run = runCli(['install-hook'], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'dhmad-scan: install-hook: .husky/pre-commit is in a folder that is a symlink to outside the repository, and dhmad-scan never writes through a symlink. Replace the link with a real folder, then run it again.\n',
    );
    expect(readFileSync(path.join(elsewhere, 'pre-commit'), 'utf8')).toBe('precious\n');
  });
});

describe('--output never writes through a symlink', () => {
  it('refuses a report path that a checkout holds as a symlink (CI writes its SARIF there), and leaves the target as it was', () => {
    const repo = initRepo();
    write(repo, 'a.txt', `${makeKey()}\n`);
    const outside = path.join(tempDir(), 'victim.txt');
    writeFileSync(outside, 'precious\n');
    symlinkSync(outside, path.join(repo, 'dhmad-scan.sarif'));
    const run = runCli(['--format', 'sarif', '--output', 'dhmad-scan.sarif'], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'dhmad-scan: Cannot write the report: dhmad-scan.sarif is a symlink, and dhmad-scan never writes through a symlink. Replace it with a regular file, then run it again.\n',
    );
    expect(readFileSync(outside, 'utf8')).toBe('precious\n');
    const elsewhere = tempDir();
    symlinkSync(elsewhere, path.join(repo, 'reports'));
    expect(runCli(['--output', 'reports/scan.txt'], { cwd: repo }).stderr).toMatch(/reports\/scan\.txt is in a folder that is a symlink/);
    expect(readdirSync(elsewhere)).toEqual([]);
  });
});

describe('a key in a file name', () => {
  const setup = () => {
    const repo = initRepo();
    const key = makeKey();
    const env = makeKey('sandbox');
    write(repo, `cache/${key}.json`, '{}\n');
    write(repo, `.env.${env}`, 'A=1\n');
    write(repo, '.gitignore', 'node_modules/\n');
    return { repo, key, env, keys: [key, env] };
  };
  const redacted = (k: string) => `${prefixOf(k)}…`;

  it('is a finding, printed redacted in text, JSON and SARIF, in a tree scan', () => {
    const { repo, key, env, keys } = setup();
    const { run, out } = scanJson([], { cwd: repo }, keys);
    expect(run.code).toBe(1);
    expect(keyFindings(out).map((f) => [f.ruleId, f.file, f.line, f.keyPrefix])).toEqual([
      ['sandbox-key', `.env.${redacted(env)}`, null, prefixOf(env)],
      ['live-key', `cache/${redacted(key)}.json`, null, prefixOf(key)],
    ]);
    expect(out.findings.find((f) => f.ruleId === 'env-not-ignored')?.file).toBe(`.env.${redacted(env)}`);
    for (const format of ['text', 'sarif']) {
      const r = runCli(['--format', format], { cwd: repo });
      expect(r.code).toBe(1);
      assertNoKeys([r.stdout, r.stderr], keys);
      expect(r.stdout).toContain(prefixOf(key));
    }
  });

  it('is a finding in --staged and in --history, with the commit that added the name', () => {
    const { repo, key, keys } = setup();
    git(repo, ['add', `cache/${key}.json`]);
    const staged = scanJson(['--staged'], { cwd: repo }, keys);
    expect(keyFindings(staged.out).map((f) => f.file)).toEqual([`cache/${redacted(key)}.json`]);
    const c = commitAll(repo, 'add');
    const history = scanJson(['--history'], { cwd: repo }, keys);
    expect(keyFindings(history.out).map((f) => [f.file, f.commit])).toContainEqual([`cache/${redacted(key)}.json`, c]);
    assertNoKeys([runCli(['--history'], { cwd: repo }).stdout], keys);
  });
});

describe('what comes back from the API, or reaches a result some other way, is printed redacted', () => {
  it('--verify against a stand-in that echoes the key it is sent, upper-cased, in every field and header', async () => {
    const server = createServer((req, res) => {
      const sent = String(req.headers.authorization ?? '').replace(/^Bearer /, '').toUpperCase();
      res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': sent });
      res.end(JSON.stringify({ apiKey: { id: sent, name: sent, keyPrefix: sent, environment: 'live', isActive: true, metadata: { appName: sent } }, developer: { id: sent, email: sent } }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const key = makeKey();
      const repo = initRepo();
      write(repo, 'a.txt', `${key}\n`);
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
      for (const format of ['text', 'json', 'sarif']) {
        const run = await runCliAsync(['--verify', '--base-url', url, '--format', format], repo);
        expect(run.code, format).toBe(1);
        expect(run.stdout, format).toContain(`${prefixOf(key).toUpperCase()}…`);
        assertNoKeys([run.stdout, run.stderr], [key]);
      }
    } finally {
      server.close();
    }
  });

  it('by each reporter, whatever a finding carries', async () => {
    const key = makeKey();
    const repo = initRepo();
    write(repo, 'a.txt', `${key}\n`);
    const result = await scan({ cwd: repo, envFiles: false });
    // What a library caller, or an API's answer, could put there.
    Object.assign(result.findings[0]!, { message: `Live secret key ${key}`, verified: { status: 'active', detail: `Active key "${key.toUpperCase()}"` } });
    const reports = [formatText(result), formatJson(result), formatSarif(result)];
    for (const report of reports) expect(report).toContain(prefixOf(key));
    assertNoKeys(reports, [key]);
  });
});

describe('a key in a path the scan does not read, or no longer sees', () => {
  const redacted = (k: string) => `${prefixOf(k)}…`;

  it('--history finds a key in a name the file was renamed away from, in a full scan and in an incremental one', () => {
    const repo = initRepo();
    const key = makeKey();
    write(repo, `.env.${key}`, 'A=1\n');
    const added = commitAll(repo, 'add');
    git(repo, ['mv', `.env.${key}`, '.env.renamed']);
    commitAll(repo, 'rename');
    const full = scanJson(['--history'], { cwd: repo }, [key]);
    expect(full.run.code).toBe(1);
    expect(keyFindings(full.out).map((f) => [f.file, f.commit])).toEqual([[`.env.${redacted(key)}`, added]]);

    const checkpoint = path.join(tempDir(), 'checkpoint.json');
    expect(scanJson(['--history', '--checkpoint', checkpoint], { cwd: repo }, [key]).run.code).toBe(1);
    // A commit after the checkpoint gives an old blob a key's name.
    const later = makeKey('sandbox');
    git(repo, ['mv', '.env.renamed', `${later}.txt`]);
    const renamed = commitAll(repo, 'rename again');
    const incremental = scanJson(['--history', '--checkpoint', checkpoint], { cwd: repo }, [key, later]);
    expect(incremental.out.summary.checkpoint).toMatchObject({ incremental: true });
    expect(keyFindings(incremental.out).map((f) => [f.file, f.commit]).sort()).toEqual(
      [[`.env.${redacted(key)}`, added], [`${redacted(later)}.txt`, renamed]].sort(),
    );
  });

  it('a submodule at a path with a key is a finding in --staged and --history, as in a tree scan', () => {
    const repo = initRepo();
    write(repo, 'a.txt', 'a\n');
    const first = commitAll(repo, 'first');
    const key = makeKey();
    git(repo, ['update-index', '--add', '--cacheinfo', `160000,${first},vendor/${key}`]);
    const staged = scanJson(['--staged', '--no-env-files'], { cwd: repo }, [key]);
    expect(staged.run.code).toBe(1);
    expect(keyFindings(staged.out).map((f) => f.file)).toEqual([`vendor/${redacted(key)}`]);
    git(repo, ['commit', '-q', '-m', 'submodule']);
    const added = git(repo, ['rev-parse', 'HEAD']).trim();
    const history = scanJson(['--history'], { cwd: repo }, [key]);
    expect(keyFindings(history.out).map((f) => [f.file, f.commit])).toEqual([[`vendor/${redacted(key)}`, added]]);
    expect(scanJson(['--history', 'HEAD~1..HEAD'], { cwd: repo }, [key]).out.findings.map((f) => f.file)).toEqual([`vendor/${redacted(key)}`]);
  });
});

describe('--history finds what is there', () => {
  it('applies excludes per path: a key first committed under an excluded path, then copied to an included one, is found there', () => {
    const repo = initRepo();
    const key = makeKey();
    write(repo, '.dhmad-scan.json', '{ "exclude": ["fixtures/"] }\n');
    write(repo, 'fixtures/sample.txt', `${key}\n`);
    commitAll(repo, 'fixture');
    write(repo, 'src/config.txt', `${key}\n`);
    const copied = commitAll(repo, 'copy');
    const tree = scanJson([], { cwd: repo }, [key]);
    expect(keyFindings(tree.out).map((f) => f.file)).toEqual(['src/config.txt']);
    const { out } = scanJson(['--history'], { cwd: repo }, [key]);
    expect(keyFindings(out).map((f) => [f.file, f.commit])).toEqual([['src/config.txt', copied]]);
  });

  it('reports identical content at every path it appears at', () => {
    const repo = initRepo();
    const key = makeKey();
    write(repo, 'a.txt', `${key}\n`);
    write(repo, 'b/copy.txt', `${key}\n`);
    commitAll(repo, 'two copies');
    const { out } = scanJson(['--history'], { cwd: repo }, [key]);
    expect(keyFindings(out).map((f) => f.file)).toEqual(['a.txt', 'b/copy.txt']);
  });

  it('scans what a range names: HEAD~1..HEAD reads the blobs its commit adds, even ones seen before', () => {
    const repo = initRepo();
    const key = makeKey();
    write(repo, 'a.txt', `${key}\n`);
    commitAll(repo, 'one');
    write(repo, 'b.txt', `${key}\n`);
    const two = commitAll(repo, 'copy');
    const { out } = scanJson(['--history', 'HEAD~1..HEAD'], { cwd: repo }, [key]);
    expect(out.summary.files).toBeGreaterThan(0);
    expect(out.summary.commits).toBe(1);
    expect(keyFindings(out).map((f) => [f.file, f.commit])).toEqual([['b.txt', two]]);
  });

  it('takes a range written around one commit (rev^!, rev^-), and says when a shallow clone lacks the commit named', () => {
    const repo = initRepo();
    write(repo, 'a.txt', 'a\n');
    commitAll(repo, 'first');
    const key = makeKey();
    write(repo, 'b.txt', `${key}\n`);
    const added = commitAll(repo, 'key');
    write(repo, 'c.txt', 'c\n');
    commitAll(repo, 'after');
    for (const range of [`${added}^!`, `${added}^-`, `${added}^-1`]) {
      const { out } = scanJson(['--history', range], { cwd: repo }, [key]);
      expect(keyFindings(out).map((f) => [f.file, f.commit]), range).toEqual([['b.txt', added]]);
    }
    const shallow = path.join(tempDir(), 'shallow');
    git(tempDir(), ['clone', '-q', '--depth', '1', `file://${repo}`, shallow]);
    const run = runCli(['--history', 'HEAD~1..HEAD'], { cwd: shallow });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('dhmad-scan: --history range HEAD~1..HEAD: HEAD~1 is not a commit in this repository (a shallow clone: `git fetch --unshallow` brings the older commits).\n');
  });

  it('is incomplete, never clean, with a corrupt object: exit 2', () => {
    const repo = initRepo();
    write(repo, 'a.txt', 'clean\n');
    commitAll(repo, 'one');
    const oid = corrupt(repo, 'HEAD:a.txt');
    const run = runCli(['--history'], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stdout).not.toMatch(/No DHMAD keys/);
    expect(run.stderr).toContain(`object ${oid.slice(0, 12)}: missing or corrupt`);
  });

  it('is incomplete, never clean, with an object whose header claims more than its content (git itself prints it short, exit 0)', () => {
    for (const others of [0, 3]) {
      const repo = initRepo();
      write(repo, 'a.txt', 'clean\n');
      commitAll(repo, 'one');
      // Other blobs beside it: cat-file's output goes on after the short object, and must not be read out of step.
      for (let i = 0; i < others; i++) write(repo, `more/${i}.txt`, `blob ${i}\n${'filler '.repeat(40)}\n`);
      if (others > 0) commitAll(repo, 'more');
      const oid = git(repo, ['rev-parse', 'HEAD:a.txt']).trim();
      if (others === 0) expect(oid).toBe(git(repo, ['rev-parse', 'HEAD:a.txt']).trim());
      const file = path.join(repo, '.git', 'objects', oid.slice(0, 2), oid.slice(2));
      chmodSync(file, 0o644);
      writeFileSync(file, deflateSync('blob 99\0short'));
      const run = runCli(['--history'], { cwd: repo });
      expect(run.code, `${others} other blobs`).toBe(2);
      expect(run.stdout).not.toMatch(/No DHMAD keys/);
      expect(run.stderr).toContain('git fsck');
    }
  });
});

describe('the repository git is pointed at', () => {
  it('refuses to scan a bare repository’s own files, and says to use --history', () => {
    const bare = initRepo({ bare: true });
    const run = runCli([], { cwd: bare });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/this is a bare repository, which has no working tree\. Run it from the working tree, or scan the commits with --history\./);
    expectOneLine(run.stderr);
    expect(runCli([], { cwd: path.join(initRepo(), '.git') }).code).toBe(2);
  });

  it('with GIT_DIR and GIT_WORK_TREE set, scans that work tree, not the folder it runs in', () => {
    const repo = initRepo();
    const key = makeKey();
    write(repo, 'src/app.js', `const key = '${key}';\n`);
    write(repo, '.gitignore', '.env\n');
    commitAll(repo, 'one');
    const elsewhere = tempDir();
    const other = makeKey('sandbox');
    write(elsewhere, 'not-this.txt', `${other}\n`);
    const env = { GIT_DIR: path.join(repo, '.git'), GIT_WORK_TREE: repo };
    const { run, out } = scanJson([], { cwd: elsewhere, env }, [key, other]);
    expect(run.code).toBe(1);
    expect(keyFindings(out).map((f) => f.file)).toEqual(['src/app.js']);
    const staged = scanJson(['--staged'], { cwd: elsewhere, env }, [key, other]);
    expect(staged.run.code).toBe(0);
  });
});

describe('git failures under --staged: one line, exit 2, advice that works', () => {
  it('a corrupt HEAD commit', () => {
    const repo = initRepo();
    write(repo, 'a.txt', 'a\n');
    commitAll(repo, 'one');
    write(repo, 'b.txt', 'b\n');
    git(repo, ['add', 'b.txt']);
    corrupt(repo, 'HEAD');
    const run = runCli(['--staged'], { cwd: repo });
    expect(run.code).toBe(2);
    expectOneLine(run.stderr);
    expect(run.stderr).toContain('git fsck');
  });

  it('a HEAD git cannot read', () => {
    const repo = initRepo();
    write(repo, 'a.txt', 'a\n');
    git(repo, ['add', 'a.txt']);
    writeFileSync(path.join(repo, '.git', 'HEAD'), 'nonsense\n');
    const run = runCli(['--staged'], { cwd: repo });
    expect(run.code).toBe(2);
    expectOneLine(run.stderr);
    expect(run.stderr).toContain('check .git/HEAD');
  });

  it('no git on PATH: says to install git, not to do what also needs git', () => {
    const repo = initRepo();
    const noGit = tempDir();
    mkdirSync(path.join(noGit, 'bin'));
    for (const args of [['--staged'], []]) {
      const run = runCli(args, { cwd: repo, env: { PATH: path.join(noGit, 'bin') } });
      expect(run.code).toBe(2);
      expectOneLine(run.stderr);
      expect(run.stderr).toMatch(/git was not found on PATH\. Install git \(or add it to PATH\) and run again\./);
      expect(run.stderr).not.toMatch(/outside a repository/);
    }
  });
});

// The command line as people type it: short flags, per-command help, "did you mean", options
// without their value, `-` for stdin, files named in plain words, colour by the environment,
// and named paths that a working-tree scan skips said, not skipped in silence.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, commitAll, initRepo, isolatedEnv, makeKey, prefixOf, runCli, tempDir, write } from './helpers.js';

function repoWithIgnoredAndExcluded(): string {
  const repo = initRepo();
  write(repo, '.gitignore', '.env\n.env.*\n');
  write(repo, '.dhmad-scan.json', '{ "exclude": ["fixtures/"] }\n');
  write(repo, '.env', 'DHMAD_API_KEY=\n');
  write(repo, 'fixtures/a.js', 'export default 1;\n');
  write(repo, 'src/app.js', 'export default process.env.DHMAD_API_KEY;\n');
  commitAll(repo, 'init');
  return repo;
}

describe('help and version', () => {
  it.each([['-h'], ['--help']])('%s prints the usage, with - for standard input, and exits 0', (flag) => {
    const r = runCli([flag], { cwd: initRepo() });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^dhmad-scan \[paths\.\.\]/);
    expect(r.stdout).toContain('A path of - reads standard input.');
    expect(r.stdout).toContain('--verify-timeout');
  });

  it.each([['-V'], ['--version']])('%s prints the version from package.json', (flag) => {
    const r = runCli([flag], { cwd: initRepo() });
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('install-hook --help is the command’s own help, without the scan’s options, which it refuses', () => {
    const help = runCli(['install-hook', '--help'], { cwd: initRepo() });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^dhmad-scan install-hook\n/);
    expect(help.stdout).toContain('husky 9');
    expect(help.stdout).not.toContain('--staged  ');
    const wrong = runCli(['install-hook', '--staged'], { cwd: initRepo() });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('install-hook takes no options or paths (got --staged).');
  });
});

describe('usage errors: one clear line, exit 2', () => {
  it.each([
    [['--stagd'], 'Unknown option --stagd. Did you mean --staged?'],
    [['--histroy', 'main'], 'Unknown option --histroy. Did you mean --history?'],
    [['--colour'], 'Unknown option --colour. Did you mean --color?'],
    [['--frobnicate'], 'Unknown option --frobnicate.\n'],
    [['-x'], 'Unknown option -x.\n'],
    [['instal-hook'], 'instal-hook is neither a path nor a command. Did you mean install-hook?'],
    [['--format'], '--format needs a value: text, json or sarif.'],
    [['--format='], '--format needs a value: text, json or sarif.'],
    [['--output'], '--output needs a value: a file path.'],
    [['-o', '--staged'], '--output needs a value: a file path.'],
    [['--config'], '--config needs a value: a file path.'],
    [['--baseline', '--update-baseline'], '--baseline needs a value: a file path.'],
    [['-', 'src'], 'A path of - (standard input) cannot be combined with other paths, --staged or --history.'],
  ])('%j', (args, message) => {
    const r = runCli(args, { cwd: initRepo() });
    expect(r.code).toBe(2);
    expect(r.stderr.startsWith(`dhmad-scan: ${message}`)).toBe(true);
    expect(r.stdout).toBe('');
  });
});

describe('files named in plain words', () => {
  it.each([
    [['--config', 'nope.json'], /^dhmad-scan: The config file \S+nope\.json does not exist\.\n$/],
    [['--baseline', 'nope.json'], /^dhmad-scan: The baseline nope\.json does not exist\. Create it with --baseline nope\.json --update-baseline\.\n$/],
    [['--output', 'missing-folder/report.txt'], /^dhmad-scan: Cannot write the report: the folder missing-folder does not exist\.\n$/],
    [['missing.js'], /^dhmad-scan: Cannot scan missing\.js: no such file or directory\.\n$/],
  ])('%j', (args, message) => {
    const r = runCli(args, { cwd: repoWithIgnoredAndExcluded() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\bE[A-Z]{3,}\b/);
  });
});

describe('a file that cannot be read', () => {
  // Root reads a file of mode 000 anyway: as root, run the scan as nobody (setpriv, util-linux).
  const asUser = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [];

  it('is named with the reason in words and what to do, and the scan is incomplete (exit 2), never clean', () => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    write(dir, 'readable.js', 'export default 1;\n');
    write(dir, 'locked.env.js', 'export default 2;\n');
    chmodSync(path.join(dir, 'locked.env.js'), 0o000);
    // The bin and its bundle, copied where that user can read them, wherever this checkout is.
    const copy = tempDir();
    chmodSync(copy, 0o755);
    for (const part of ['bin/dhmad-scan.cjs', 'dist/dhmad-scan.cjs']) {
      mkdirSync(path.join(copy, path.dirname(part)), { recursive: true, mode: 0o755 });
      copyFileSync(path.join(path.dirname(CLI), '..', part), path.join(copy, part));
    }
    const [command, ...args] = [...asUser, process.execPath, path.join(copy, 'bin/dhmad-scan.cjs'), '.'];
    const r = spawnSync(command!, args, { cwd: dir, env: isolatedEnv(), encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('Incomplete scan');
    expect(r.stderr).toContain('locked.env.js: permission denied (give this user read access, or exclude it)');
    expect(r.stderr).not.toMatch(/\bE[A-Z]{3,}\b/);
  });
});

describe('- reads standard input', () => {
  it('finds a key piped in', () => {
    const key = makeKey();
    const r = runCli(['-', '--format', 'json'], { cwd: initRepo(), input: `const k = '${key}';\n` });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { findings: Array<{ file: string; keyPrefix: string }>; summary: { mode: string } };
    expect(out.summary.mode).toBe('stdin');
    expect(out.findings.map((f) => [f.file, f.keyPrefix])).toEqual([['<stdin>', prefixOf(key)]]);
  });
});

describe('colour', () => {
  it.each([
    [{ FORCE_COLOR: '1' }, [], true],
    [{ FORCE_COLOR: '' }, [], true],
    [{ FORCE_COLOR: '0' }, [], false],
    [{ FORCE_COLOR: 'false' }, [], false],
    [{ NO_COLOR: '1' }, ['--color'], true],
    [{ FORCE_COLOR: '1' }, ['--no-color'], false],
    [{}, [], false],
  ])('%j %j: coloured %s (stdout is a pipe)', (env, args, coloured) => {
    const repo = repoWithIgnoredAndExcluded();
    // isolatedEnv sets NO_COLOR=1; the cases set what they test on top of an environment without it.
    const r = runCli(['src', ...args], { cwd: repo, env: { NO_COLOR: '', ...env } });
    expect(r.code).toBe(0);
    expect(r.stdout.includes('\u001b[')).toBe(coloured);
  });
});

describe('named paths a working-tree scan skips are said', () => {
  it('an ignored file named alone: says which rule ignores it and how to scan it anyway, and exits 2 (nothing was scanned)', () => {
    const r = runCli(['.env'], { cwd: repoWithIgnoredAndExcluded() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('dhmad-scan: not scanned: .env is ignored by git (.gitignore:1: .env); scan it on its own with --stdin --stdin-filename .env < .env.');
    expect(r.stderr).toContain('Nothing was scanned: every path named is ignored or excluded');
  });

  it('an excluded file named beside a scanned one: says so, and the scan goes on', () => {
    const r = runCli(['fixtures/a.js', 'src/app.js'], { cwd: repoWithIgnoredAndExcluded() });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('dhmad-scan: not scanned: fixtures/a.js is excluded by .dhmad-scan.json (fixtures/).\n');
    expect(r.stdout).toContain('1 file scanned');
  });
});

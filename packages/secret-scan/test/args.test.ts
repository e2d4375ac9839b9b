import { describe, expect, it } from 'vitest';
import { parseArgsFast, parseArgsWithYargs } from '../src/args.js';
import { initRepo, runCli, write } from './helpers.js';

const noFail = (message: string): never => {
  throw new Error(`yargs rejected a command line the test expects it to accept: ${message}`);
};

/** Command lines the fast parser answers itself: each must read exactly as yargs reads it. */
const FAST = [
  [],
  ['.'],
  ['src', 'test/fixtures', '0x10', '1e3'],
  ['--staged'],
  ['--staged', '--format', 'json'],
  ['--format', 'json', 'src'],
  ['--format=sarif', '--output', 'out.sarif'],
  ['-o', 'report.json', '--format', 'json'],
  ['--output=r.txt', '--no-color'],
  ['--color', 'src'],
  ['--history'],
  ['--history', 'main..feature', '--format', 'json'],
  ['--history=main..feature'],
  ['--history', '--format', 'sarif'],
  ['--stdin', '--stdin-filename', 'app/config.js'],
  ['--baseline', '.dhmad-baseline.json', '--update-baseline'],
  ['--config', 'scan.json', '--no-env-files', 'lib'],
  ['--env-files', '--fix'],
  ['--verify', '--base-url', 'http://127.0.0.1:4010'],
  ['--verify', '--live-base-url=https://api.example.test', '--sandbox-base-url', 'https://sb.example.test/v1?x=1'],
  ['--fix', 'src', '--format', 'text'],
  ['--output', 'true'],
  ['--no-staged', 'src'],
];

/** Command lines left to yargs: help, errors, and forms whose reading the fast parser does not copy. */
const LEFT_TO_YARGS = [
  ['--help'],
  ['--version'],
  ['-h'],
  ['install-hook'],
  ['--format', 'json', 'install-hook'],
  ['--format', 'xml'],
  ['--format'],
  ['--output'],
  ['--output='],
  ['--output', '-'],
  ['--format', 'json', '--format', 'sarif'],
  ['--staged', '--history'],
  ['--stdin', '--history', 'x'],
  ['--staged', '--stdin'],
  ['--fix', 'false'],
  ['--staged=true'],
  ['--stagedd'],
  ['--stdinFilename', 'x'],
  ['--', 'src'],
  ['-'],
  ['-x'],
];

describe('command line without yargs', () => {
  it.each(FAST.map((a) => [a.join(' ') || '(none)', a]))('reads %s exactly as yargs does', async (_, args) => {
    const fast = parseArgsFast(args);
    expect(fast).not.toBeNull();
    expect(fast).toEqual(await parseArgsWithYargs(args, noFail));
  });

  it.each(LEFT_TO_YARGS.map((a) => [a.join(' '), a]))('leaves %s to yargs', (_, args) => {
    expect(parseArgsFast(args)).toBeNull();
  });

  it('still reports usage errors through yargs, with exit code 2', () => {
    const repo = initRepo();
    write(repo, 'a.txt', 'nothing here\n');
    const r = runCli(['--staged', '--stdin'], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/mutually exclusive/);
    const unknown = runCli(['--nope'], { cwd: repo });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown option --nope.');
  });
});

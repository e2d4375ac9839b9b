import { describe, expect, it } from 'vitest';
import { commitAll, git, initRepo, keyFindings, makeKey, prefixOf, scanJson, write } from './helpers.js';

describe('every source reads awkward content the same way', () => {
  it('gives the same lines and columns from the work tree, the index, the history and stdin', () => {
    const repo = initRepo();
    const key = makeKey();
    const content = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]), // BOM
      Buffer.from('first\r\nsecond \u00e9\u00e8\r\n'),
      Buffer.from([0xc3, 0x28, 0xff, 0x0a]), // invalid UTF-8, then LF
      Buffer.from(`\t\u65e5\u672c = "${key}"\r\n`),
    ]);
    const name = 'dir with space/n\u00e4me\nwith newline.cfg';
    write(repo, '.gitignore', '.env\n.env.*\n');
    write(repo, name, content);
    git(repo, ['add', '-A']);
    const where = (out: Parameters<typeof keyFindings>[0]) => keyFindings(out).map((f) => [f.file, f.line, f.column]);
    const expected = [[name, 4, 8]];
    expect(where(scanJson([], { cwd: repo }, [key]).out)).toEqual(expected);
    expect(where(scanJson(['--staged'], { cwd: repo }, [key]).out)).toEqual(expected);
    commitAll(repo, 'awkward');
    expect(where(scanJson(['--history'], { cwd: repo }, [key]).out)).toEqual(expected);
    expect(where(scanJson(['--stdin', '--stdin-filename', name], { cwd: repo, input: content }, [key]).out)).toEqual(expected);
  });

  it('reads UTF-16 text with a byte order mark (what PowerShell writes), little- and big-endian', () => {
    const repo = initRepo();
    const key = makeKey();
    const text = `# written by Out-File\r\n$env:DHMAD_KEY = '${key}'\r\n`;
    const le = Buffer.from('\ufeff' + text, 'utf16le');
    const files = { 'keys-le.txt': le, 'keys-be.txt': Buffer.from(le).swap16() };
    for (const [name, content] of Object.entries(files)) write(repo, name, content);
    git(repo, ['add', '-A']);
    const where = (out: Parameters<typeof keyFindings>[0]) => keyFindings(out).map((f) => [f.file, f.line, f.column, f.keyPrefix]).sort();
    const expected = Object.keys(files).map((name) => [name, 2, 19, prefixOf(key)]).sort();
    expect(where(scanJson([], { cwd: repo }, [key]).out)).toEqual(expected);
    expect(where(scanJson(['--staged'], { cwd: repo }, [key]).out)).toEqual(expected);
    commitAll(repo, 'utf-16');
    expect(where(scanJson(['--history'], { cwd: repo }, [key]).out)).toEqual(expected);
    for (const [name, content] of Object.entries(files)) {
      expect(where(scanJson(['--stdin', '--stdin-filename', name], { cwd: repo, input: content }, [key]).out)).toEqual([[name, 2, 19, prefixOf(key)]]);
    }
  });
});

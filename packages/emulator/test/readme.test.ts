import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('README', () => {
  it('the programmatic example runs against the built package and prints what the README says', async () => {
    const readme = await readFile(`${root}README.md`, 'utf8');
    const section = readme.slice(readme.indexOf('## Programmatic'));
    const code = /```js\n([\s\S]*?)```/.exec(section)![1]!;
    const expected = /prints\n\n```text\n([\s\S]*?)```/.exec(section)![1]!.trim().split('\n');
    // --eval resolves `@dhmad/emulator` from the working directory, as a user's script would.
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '--eval', code], { cwd: root });
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(expected.length);
    expect(lines[0]).toMatch(/^created sk_live_[0-9a-f]{6} live$/);
    expect(lines.slice(1)).toEqual(expected.slice(1));
  });
});

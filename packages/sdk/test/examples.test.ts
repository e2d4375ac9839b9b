import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('the README example (examples/quickstart.mjs)', () => {
  it('runs against the emulator, walks the lifecycle, and prints keyPrefixes only', async () => {
    const script = fileURLToPath(new URL('../examples/quickstart.mjs', import.meta.url));
    const { stdout, stderr } = await run(process.execPath, [script], { env: { ...process.env, DHMAD_API_KEY: '', DHMAD_BASE_URL: '' } });
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^Signed in with sk_sandbox_[0-9a-f]{6} \(sandbox\) as /);
    expect(stdout).toMatch(/Created "CI deploys" sk_sandbox_[0-9a-f]{6}\n/);
    expect(stdout).toContain('The old secret is refused: regenerated');
    expect(stdout).toContain('Deleted "CI deploys"');
    expect(stdout).not.toMatch(/sk_(live|sandbox)_[0-9a-f]{7}/);
  });
});

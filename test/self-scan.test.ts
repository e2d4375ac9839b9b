// The repository must pass its own scanner: no key-shaped string in the tree or in any
// commit, and no .env file git would commit. GitHub push protection blocks such strings too.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const scanPackage = new URL('../packages/secret-scan/', import.meta.url);
/** The scanner's bin, as package.json names it. */
const cli = fileURLToPath(new URL((JSON.parse(readFileSync(new URL('package.json', scanPackage), 'utf8')) as { bin: Record<string, string> }).bin['dhmad-scan']!, scanPackage));

function scan(args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [cli, ...args], { cwd: root, maxBuffer: 64 << 20 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 2) : 0, stdout, stderr }),
    );
    if (input !== undefined) child.stdin!.end(input);
  });
}

describe('the repository passes its own scanner', () => {
  it('holds no key and no exposed .env file in its working tree', async () => {
    const result = await scan(['--format', 'json']);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).findings).toEqual([]);
    expect(result.code).toBe(0);
  });

  it('holds no key in any commit of its history', async () => {
    const result = await scan(['--history', '--format', 'json']);
    expect(JSON.parse(result.stdout).findings).toEqual([]);
    expect(result.code).toBe(0);
  });

  it('would catch one (the same scanner, run the same way, on a key built at run time)', async () => {
    const key = 'sk_' + 'live_' + randomBytes(32).toString('hex');
    const result = await scan(['--stdin', '--format', 'json'], `DHMAD_API_KEY=${key}\n`);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).findings).toMatchObject([{ ruleId: 'live-key', keyPrefix: key.slice(0, 14) }]);
    expect(result.stdout).not.toContain(key);
  });
});

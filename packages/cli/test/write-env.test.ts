import { existsSync, lstatSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { commitAll, git, initRepo, tempDir, write } from '../../../test/support/git.js';
import { liveKey, prefixOf } from '../../../test/support/keys.js';
import { dhmad, expectNoSecret, useEmulator } from './support/cli.js';

const api = useEmulator();
beforeEach(() => api.emu.reset());

const posts = (): number => api.emu.requests.filter((r) => r.method === 'POST').length;
const ignored = (root: string, file: string): boolean => {
  try {
    git(root, ['check-ignore', '-q', '--no-index', file]);
    return true;
  } catch {
    return false;
  }
};

async function writeEnv(root: string, args: readonly string[], cwd = root) {
  const r = await dhmad(['keys', 'create', '--name', 'app', ...args], { env: api.env(), cwd });
  expectNoSecret([r.stdout, r.stderr]);
  return r;
}

describe('dhmad keys create --write-env', () => {
  it('creates the file 0600 with the key, prints no key, and makes git ignore it', async () => {
    const root = initRepo();
    write(root, '.gitignore', 'node_modules/\n');
    const r = await writeEnv(root, ['--write-env', '.env.local']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    const content = readFileSync(path.join(root, '.env.local'), 'utf8');
    const key = content.match(/^DHMAD_API_KEY=(sk_live_[0-9a-f]{64})\n$/)![1]!;
    expect(statSync(path.join(root, '.env.local')).mode & 0o777).toBe(0o600);
    expect(readFileSync(path.join(root, '.gitignore'), 'utf8')).toBe('node_modules/\n/.env.local\n');
    expect(ignored(root, '.env.local')).toBe(true);
    expect(r.stderr).toContain(`Created ${prefixOf(key)} "app"`);
    expect(r.stderr).toContain('Wrote it to .env.local as DHMAD_API_KEY (mode 0600); it was not printed.');
    const me = await fetch(`${api.emu.liveUrl}/me`, { headers: { authorization: `Bearer ${key}` } });
    expect(me.status).toBe(200);
  });

  it('keeps every other line byte for byte and replaces the variable where it stood (--var)', async () => {
    const root = initRepo();
    write(root, '.gitignore', '.env*\n');
    const old = liveKey();
    write(root, 'config/.env', `# billing service\r\nPORT=8080\r\nAPP_KEY=${old}\r\nexport NAME="a b" # quoted\r\nAPP_KEY=${old}\r\nLAST=1`);
    const r = await writeEnv(root, ['--write-env', 'config/.env', '--var', 'APP_KEY']);
    expect(r.code, r.stderr).toBe(0);
    const content = readFileSync(path.join(root, 'config/.env'), 'utf8');
    const key = content.match(/APP_KEY=(sk_live_[0-9a-f]{64})/)![1]!;
    expect(content).toBe(`# billing service\r\nPORT=8080\r\nAPP_KEY=${key}\r\nexport NAME="a b" # quoted\r\nLAST=1`);
    expect(readFileSync(path.join(root, '.gitignore'), 'utf8')).toBe('.env*\n');
  });

  it('keeps `export` on the line it replaces, so a file a shell sources still exports the key', async () => {
    const root = initRepo();
    write(root, '.gitignore', '.env\n');
    write(root, '.env', 'export PORT=1\nexport DHMAD_API_KEY=old\n');
    const r = await writeEnv(root, ['--write-env', '.env']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(path.join(root, '.env'), 'utf8')).toMatch(/^export PORT=1\nexport DHMAD_API_KEY=sk_live_[0-9a-f]{64}\n$/);
  });

  it('tightens a file that others could read to 0600, and says where it is from a subfolder', async () => {
    const root = initRepo();
    write(root, 'svc/.env', 'A=1\n');
    const file = path.join(root, 'svc/.env');
    writeFileSync(file, 'A=1\n', { mode: 0o644 });
    const r = await writeEnv(root, ['--write-env', '.env'], path.join(root, 'svc'));
    expect(r.code, r.stderr).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toMatch(/^A=1\nDHMAD_API_KEY=sk_live_[0-9a-f]{64}\n$/);
    expect(readFileSync(path.join(root, '.gitignore'), 'utf8')).toBe('/svc/.env\n');
  });

  it('a nested .gitignore that re-includes the file gets the ignore line too', async () => {
    const root = initRepo();
    write(root, 'app/.gitignore', '!.env.local\n');
    const r = await writeEnv(root, ['--write-env', 'app/.env.local']);
    expect(r.code, r.stderr).toBe(0);
    expect(ignored(root, 'app/.env.local')).toBe(true);
    expect(readFileSync(path.join(root, 'app/.gitignore'), 'utf8')).toBe('!.env.local\n/.env.local\n');
  });

  it('.git/info/exclude alone does not count: the repository .gitignore gets the line', async () => {
    const root = initRepo();
    write(root, '.git/info/exclude', '.env\n');
    const r = await writeEnv(root, ['--write-env', '.env']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(path.join(root, '.gitignore'), 'utf8')).toBe('/.env\n');
  });

  describe('refuses, before any key is made (exit 2, no POST)', () => {
    it('a symlink as the file', async () => {
      const root = initRepo();
      const elsewhere = path.join(tempDir(), 'target.env');
      writeFileSync(elsewhere, 'KEEP=1\n');
      symlinkSync(elsewhere, path.join(root, '.env'));
      const r = await writeEnv(root, ['--write-env', '.env']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/symlink/);
      expect(readFileSync(elsewhere, 'utf8')).toBe('KEEP=1\n');
      expect(lstatSync(path.join(root, '.env')).isSymbolicLink()).toBe(true);
      expect(posts()).toBe(0);
    });

    it('a folder reached through a symlink', async () => {
      const root = initRepo();
      const outside = tempDir();
      symlinkSync(outside, path.join(root, 'linked'));
      const r = await writeEnv(root, ['--write-env', 'linked/.env']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/through a symlink/);
      expect(existsSync(path.join(outside, '.env'))).toBe(false);
      expect(posts()).toBe(0);
    });

    it('an absolute path through a symlinked folder inside the repository', async () => {
      const root = initRepo();
      mkdirSync(path.join(root, 'real'));
      symlinkSync(path.join(root, 'real'), path.join(root, 'linked'));
      const r = await writeEnv(root, ['--write-env', path.join(root, 'linked/.env')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^dhmad: --write-env .* goes through a symlink inside the repository \(.*\); dhmad never writes through one\. Name the real path\.\n$/);
      expect(existsSync(path.join(root, 'real/.env'))).toBe(false);
      expect(posts()).toBe(0);
    });

    it('a relative path outside the repository (an absolute path there is written, on purpose)', async () => {
      const parent = tempDir();
      const root = initRepo({ dir: path.join(parent, 'repo') });
      const r = await writeEnv(root, ['--write-env', '../outside.env']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('is outside the repository');
      expect(r.stderr).toContain('name it by its absolute path');
      expect(existsSync(path.join(parent, 'outside.env'))).toBe(false);
      expect(posts()).toBe(0);

      const ok = await writeEnv(root, ['--write-env', path.join(parent, 'outside.env')]);
      expect(ok.code, ok.stderr).toBe(0);
      expect(ok.stderr).toContain('is not in a git repository');
      expect(readFileSync(path.join(parent, 'outside.env'), 'utf8')).toMatch(/^DHMAD_API_KEY=sk_live_[0-9a-f]{64}\n$/);
    });

    it("a file inside .git, which is git's own", async () => {
      const root = initRepo();
      const before = readFileSync(path.join(root, '.git/config'), 'utf8');
      const r = await writeEnv(root, ['--write-env', '.git/config']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('is inside a .git folder');
      expect(readFileSync(path.join(root, '.git/config'), 'utf8')).toBe(before);
      expect(posts()).toBe(0);
    });

    it('a file git tracks', async () => {
      const root = initRepo();
      write(root, '.env', 'A=1\n');
      commitAll(root, 'env');
      const r = await writeEnv(root, ['--write-env', '.env']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(".env is tracked by git, so a key written there would be committed. Untrack it first: git rm --cached -- '.env'");
      expect(readFileSync(path.join(root, '.env'), 'utf8')).toBe('A=1\n');
      expect(posts()).toBe(0);
    });

    it('a file whose other values would change (a line inside a multi-line value)', async () => {
      const root = initRepo();
      write(root, '.gitignore', '.env\n');
      const before = 'NOTE="first\nDHMAD_API_KEY=inside the note\n"\n';
      write(root, '.env', before);
      const r = await writeEnv(root, ['--write-env', '.env']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('could not be updated without changing its other lines');
      expect(readFileSync(path.join(root, '.env'), 'utf8')).toBe(before);
      expect(posts()).toBe(0);
    });

    it('--write-env with no FILE', async () => {
      const root = initRepo();
      const r = await writeEnv(root, ['--write-env']);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('dhmad: --write-env needs a FILE: the dotenv file to write the key into (e.g. --write-env .env.local).\n');
      expect(posts()).toBe(0);
    });

    it('a bad --var name, and --var without --write-env', async () => {
      const root = initRepo();
      const bad = await writeEnv(root, ['--write-env', '.env', '--var', 'NOT-A-NAME']);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('is not a variable name');
      const alone = await writeEnv(root, ['--var', 'X']);
      expect(alone.code).toBe(2);
      expect(alone.stderr).toContain('--var');
      expect(posts()).toBe(0);
    });
  });

  it('--json with --write-env prints the key object and where it went, not the key', async () => {
    const root = initRepo();
    mkdirSync(path.join(root, 'deploy'));
    const r = await writeEnv(root, ['--write-env', 'deploy/.env.production', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { apiKey: { name: string }; envFile: { path: string; variable: string }; key?: string };
    expect(out.key).toBeUndefined();
    expect(out.apiKey.name).toBe('app');
    expect(out.envFile).toEqual({ path: path.join(root, 'deploy/.env.production'), variable: 'DHMAD_API_KEY' });
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { initRepo, write } from '../../../test/support/git.js';
import { prefixOf } from '../../../test/support/keys.js';
import { dhmad, dhmadOnTty, expectNoSecret, useEmulator } from './support/cli.js';

const api = useEmulator();
beforeEach(() => api.emu.reset());

/** 200 when `key` works, else the emulator's 401 reason. */
async function status(key: string): Promise<number | string> {
  const base = key.startsWith('sk_live_') ? api.emu.liveUrl : api.emu.sandboxUrl;
  const r = await fetch(`${base}/me`, { headers: { authorization: `Bearer ${key}` } });
  if (r.status === 200) return 200;
  return ((await r.json()) as { details?: { reason?: string } }).details?.reason ?? r.status;
}

const live = () => api.sdk().apiKeys.create({ name: 'billing worker' });
const sandbox = () => api.sdk('sandbox').apiKeys.create({ name: 'sandbox worker' });

describe('dhmad keys regenerate', () => {
  it('with no terminal and no --yes: refuses (exit 2) and changes nothing', async () => {
    const k = await live();
    const r = await dhmad(['keys', 'regenerate', k.apiKey.keyPrefix], { env: api.env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('needs confirmation and there is no terminal to ask on: pass --yes');
    expect(r.stderr).toContain('Nothing was changed.');
    expect(await status(k.key)).toBe(200);
    expect(api.emu.requests.filter((q) => q.path.endsWith('/regenerate'))).toEqual([]);
  });

  it('--yes, piped: the new key alone on stdout; the old one dies; stderr says what still holds it', async () => {
    const k = await live();
    const repo = initRepo();
    write(repo, '.gitignore', '.env*\n');
    write(repo, 'svc/.env.production', `PORT=1\nBILLING_KEY=${k.key}\n`);
    await fetch(`${api.emu.liveUrl}/me`, { headers: { authorization: `Bearer ${k.key}` } });
    const r = await dhmad(['keys', 'regenerate', 'billing worker', '--yes'], { env: api.env(), cwd: repo });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^sk_live_[0-9a-f]{64}$/);
    expect(await status(r.stdout)).toBe(200);
    expect(await status(k.key)).toBe('regenerated');
    expect(r.stderr).toContain(`The old secret (${k.apiKey.keyPrefix}) stopped working now.`);
    expect(r.stderr).toContain('svc/.env.production:2 (BILLING_KEY): put the new secret there');
    expect(r.stderr).toMatch(/whatever used it last \(\d{4}-\d\d-\d\d \d\d:\d\d UTC\)/);
    expect(r.stderr).toContain(`\n      dhmad keys regenerate ${prefixOf(r.stdout)} --write-env FILE --var NAME\n`);
    expect(r.stderr.split('\n').filter((l) => l.length > 80), r.stderr).toEqual([]);
    expectNoSecret([r.stdout, r.stderr], r.stdout, 1);
  });

  it('a variable assigned twice in an env file is named at the line dotenv reads it from, the last', async () => {
    const k = await live();
    const repo = initRepo();
    write(repo, '.gitignore', '.env\n');
    write(repo, '.env', `BILLING_KEY=placeholder\nPORT=1\nBILLING_KEY=${k.key}\n`);
    const r = await dhmad(['keys', 'regenerate', k.apiKey.keyPrefix, '--yes'], { env: api.env(), cwd: repo });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('  - .env:3 (BILLING_KEY): put the new secret there');
    expectNoSecret([r.stdout, r.stderr], r.stdout, 1);
  });

  it('--write-env replaces the old secret in the file and prints none; another variable there that holds it is listed', async () => {
    const k = await live();
    const repo = initRepo();
    write(repo, '.env', `A=1\nDHMAD_API_KEY=${k.key}\nBACKUP_KEY=${k.key}\n`);
    const r = await dhmad(['keys', 'regenerate', k.apiKey.id, '--yes', '--write-env', '.env'], { env: api.env(), cwd: repo });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    const fresh = readFileSync(path.join(repo, '.env'), 'utf8').match(/^A=1\nDHMAD_API_KEY=(sk_live_[0-9a-f]{64})\nBACKUP_KEY=sk_live_[0-9a-f]{64}\n$/)![1]!;
    expect(await status(fresh)).toBe(200);
    // The file is read after the write: the variable just written holds the new secret, the other one still the dead one.
    expect(r.stderr).not.toContain('.env:2');
    expect(r.stderr).toContain('.env:3 (BACKUP_KEY): put the new secret there');
    expect(readFileSync(path.join(repo, '.gitignore'), 'utf8')).toBe('/.env\n');
    expectNoSecret([r.stdout, r.stderr]);
  });

  it('on a terminal, a sandbox key: y regenerates and shows the new key once; n changes nothing', async () => {
    const k = await sandbox();
    const no = await dhmadOnTty(['keys', 'regenerate', k.apiKey.keyPrefix], { env: api.sandboxEnv(), answers: [['[y/N] ', 'n\r']] });
    expect(no.code).toBe(2);
    expect(no.tty).toContain('Not confirmed');
    expect(await status(k.key)).toBe(200);

    const yes = await dhmadOnTty(['keys', 'regenerate', k.apiKey.keyPrefix], { env: api.sandboxEnv(), answers: [['[y/N] ', 'y\r']] });
    expect(yes.code, yes.tty).toBe(0);
    expect(yes.tty).toContain(`Regenerating ${k.apiKey.keyPrefix} "sandbox worker" replaces its secret`);
    const key = yes.tty.match(/^ {2}(sk_sandbox_[0-9a-f]{64})$/m)![1]!;
    expect(yes.tty).toContain('This is the only time the key is shown');
    expect(await status(key)).toBe(200);
    expect(await status(k.key)).toBe('regenerated');
    expectNoSecret([yes.tty], key, 1);
  });

  it('on a terminal, a live key: only its name, typed, confirms', async () => {
    const k = await live();
    const wrong = await dhmadOnTty(['keys', 'regenerate', k.apiKey.keyPrefix], { env: api.env(), answers: [['(billing worker): ', 'y\r']] });
    expect(wrong.code).toBe(2);
    expect(wrong.tty).toContain('The name did not match');
    expect(await status(k.key)).toBe(200);

    const right = await dhmadOnTty(['keys', 'regenerate', k.apiKey.keyPrefix], { env: api.env(), answers: [['(billing worker): ', 'billing worker\r']] });
    expect(right.code, right.tty).toBe(0);
    expect(await status(k.key)).toBe('regenerated');
  });

  it('Ctrl-C or Ctrl-D at the question cancels, saying so; nothing changes', async () => {
    const k = await live();
    for (const key of ['\u0003', '\u0004']) {
      const r = await dhmadOnTty(['keys', 'delete', k.apiKey.keyPrefix], { env: api.env(), answers: [['(billing worker): ', key]] });
      expect(r.code, r.tty).toBe(2);
      expect(r.tty).toContain(`dhmad: Cancelled: ${k.apiKey.keyPrefix} "billing worker" was not deleted. Nothing was changed.`);
    }
    expect(await status(k.key)).toBe(200);
  });

  it('asked on the terminal with stdout piped: the prompt on the terminal, the key alone in the pipe', async () => {
    const k = await sandbox();
    const r = await dhmadOnTty(['keys', 'regenerate', k.apiKey.keyPrefix], { env: api.sandboxEnv(), stdoutPipe: true, answers: [['[y/N] ', 'yes\r']] });
    expect(r.code, r.tty).toBe(0);
    expect(r.stdout).toMatch(/^sk_sandbox_[0-9a-f]{64}$/);
    expect(r.tty).toContain('The key went to stdout');
    expectNoSecret([r.tty]);
    expect(await status(r.stdout)).toBe(200);
  });

  it("regenerating DHMAD_API_KEY's own key says to export the new secret", async () => {
    const r = await dhmad(['keys', 'regenerate', prefixOf(api.emu.bootstrapKeys.live), '--yes'], { env: api.env() });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.replace(/\n +/g, ' ')).toContain('DHMAD_API_KEY in this shell: export the new secret before the next dhmad command');
  });
});

describe('dhmad keys delete', () => {
  it('with no terminal and no --yes: refuses and the key stays', async () => {
    const k = await live();
    const r = await dhmad(['keys', 'delete', k.apiKey.id], { env: api.env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('pass --yes');
    expect(await status(k.key)).toBe(200);
  });

  it('--yes deletes it for good', async () => {
    const k = await live();
    const r = await dhmad(['keys', 'delete', k.apiKey.keyPrefix, '--yes'], { env: api.env() });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(`Deleted ${k.apiKey.keyPrefix} "billing worker".\n`);
    expect(await status(k.key)).toBe('unknown');
    expect((await dhmad(['keys', 'show', k.apiKey.id], { env: api.env() })).code).toBe(2);
  });

  it('on a terminal: says it is permanent and points at deactivate; the typed name confirms', async () => {
    const k = await live();
    const r = await dhmadOnTty(['keys', 'delete', 'billing worker'], { env: api.env(), answers: [['(billing worker): ', 'billing worker\r']] });
    expect(r.code, r.tty).toBe(0);
    expect(r.tty).toContain('is permanent');
    expect(r.tty).toContain(`dhmad keys deactivate ${k.apiKey.keyPrefix} is the reversible way`);
    expect(await status(k.key)).toBe('unknown');
  });

  it('on a terminal, Ctrl-D is a no', async () => {
    const k = await sandbox();
    const r = await dhmadOnTty(['keys', 'delete', k.apiKey.keyPrefix], { env: api.sandboxEnv(), answers: [['[y/N] ', '\u0004']] });
    expect(r.code).toBe(2);
    expect(await status(k.key)).toBe(200);
  });
});

describe('dhmad keys deactivate / activate / rename', () => {
  it('deactivate stops the key, activate brings it back, each says so', async () => {
    const k = await live();
    const off = await dhmad(['keys', 'deactivate', k.apiKey.keyPrefix], { env: api.env() });
    expect(off.code).toBe(0);
    expect(off.stderr).toBe(`Deactivated ${k.apiKey.keyPrefix} "billing worker": requests with it now fail until dhmad keys activate ${k.apiKey.keyPrefix}.\n`);
    expect(await status(k.key)).toBe('inactive');
    const again = await dhmad(['keys', 'deactivate', k.apiKey.keyPrefix], { env: api.env() });
    expect(again.stderr).toContain('is already inactive; nothing changed.');
    const on = await dhmad(['keys', 'activate', k.apiKey.keyPrefix, '--json'], { env: api.env() });
    expect(on.code).toBe(0);
    expect((JSON.parse(on.stdout) as { isActive: boolean }).isActive).toBe(true);
    expect(await status(k.key)).toBe(200);
  });

  it('deactivating DHMAD_API_KEY itself says that dhmad cannot use it, nor activate it, from now on', async () => {
    const self = prefixOf(api.emu.bootstrapKeys.live);
    const r = await dhmad(['keys', 'deactivate', self], { env: api.env() });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      `Deactivated ${self} "Emulator bootstrap key (live)": requests with it now fail until it is activated again. It is DHMAD_API_KEY itself: dhmad cannot use it from now on; activate it with another management key or in the dashboard.\n`,
    );
  });

  it('rename gives the key a new name, by which it is then found', async () => {
    const k = await live();
    const r = await dhmad(['keys', 'rename', 'billing worker', 'billing v2'], { env: api.env() });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(`Renamed ${k.apiKey.keyPrefix} "billing worker" to "billing v2".\n`);
    const shown = await dhmad(['keys', 'show', 'billing v2', '--json'], { env: api.env() });
    expect((JSON.parse(shown.stdout) as { id: string }).id).toBe(k.apiKey.id);
  });
});

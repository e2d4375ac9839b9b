import { beforeEach, describe, expect, it } from 'vitest';
import { initRepo } from '../../../test/support/git.js';
import { liveKey, prefixOf } from '../../../test/support/keys.js';
import { dhmad, dhmadOnTty, expectNoSecret, useEmulator } from './support/cli.js';

const api = useEmulator();
beforeEach(() => api.emu.reset());

/** A key whose name and metadata hold another key (upper-cased too), as a careless paste into the dashboard would leave it. */
async function keyHoldingASecret(): Promise<{ id: string; prefix: string; pasted: string }> {
  const pasted = liveKey();
  const made = await api.sdk().apiKeys.create({ name: `worker ${pasted}`, metadata: { appName: pasted, [`note ${pasted}`]: 'x', shouted: pasted.toUpperCase() } });
  return { id: made.apiKey.id, prefix: made.apiKey.keyPrefix, pasted };
}

describe('a key in what the API hands back is never printed', () => {
  it('names and metadata are redacted in every read and change, text and --json', async () => {
    const k = await keyHoldingASecret();
    const outputs: string[] = [];
    for (const args of [
      ['keys', 'list'],
      ['keys', 'list', '--json'],
      ['keys', 'show', k.prefix],
      ['keys', 'show', k.id, '--json'],
      ['keys', 'usage', k.prefix],
      ['keys', 'usage', k.prefix, '--json'],
      ['keys', 'deactivate', k.prefix, '--json'],
      ['keys', 'activate', k.prefix, '--json'],
      ['keys', 'rename', k.prefix, 'worker', '--json'],
    ]) {
      const r = await dhmad(args, { env: api.env() });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      outputs.push(r.stdout, r.stderr);
    }
    expect(outputs.join('\n')).toContain(`${prefixOf(k.pasted)}…`);
    expectNoSecret(outputs);
  });

  it('regenerate --json hands over the new key and nothing else', async () => {
    const k = await keyHoldingASecret();
    const r = await dhmad(['keys', 'regenerate', k.prefix, '--yes', '--json'], { env: api.env(), cwd: initRepo() });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { key: string; apiKey: { name: string; metadata: Record<string, string> } };
    expect(out.apiKey.name).toBe(`worker ${prefixOf(k.pasted)}…`);
    expect(out.apiKey.metadata.appName).toBe(`${prefixOf(k.pasted)}…`);
    expectNoSecret([r.stdout, r.stderr], out.key, 1);
  });

  it('the confirmation on a terminal shows the name redacted, and typing it as shown confirms', async () => {
    const k = await keyHoldingASecret();
    const shown = `worker ${prefixOf(k.pasted)}…`;
    const r = await dhmadOnTty(['keys', 'delete', k.prefix], { env: api.env(), answers: [[`(${shown}): `, `${shown}\r`]] });
    expect(r.code, r.tty).toBe(0);
    expect(r.tty).toContain(`Deleted ${k.prefix} "${shown}"`);
    expectNoSecret([r.tty]);
  });

  it('doctor names such a key without the secret', async () => {
    const k = await keyHoldingASecret();
    api.emu.advanceTime(40 * 86_400_000);
    const r = await dhmad(['doctor', '--json'], { env: api.env(), cwd: initRepo() });
    expect(r.stdout).toContain(k.prefix);
    expectNoSecret([r.stdout, r.stderr]);
  });

  it('an API error that echoes a key back is redacted', async () => {
    const pasted = liveKey();
    api.emu.injectFault({ status: 500, body: { error: 'Internal Server Error', message: `boom near ${pasted}` }, match: { path: '/api-keys' }, times: 10 });
    const r = await dhmad(['keys', 'list'], { env: api.env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(prefixOf(pasted));
    expectNoSecret([r.stdout, r.stderr]);
  });
});

describe('a key is refused as a name', () => {
  it('create --name and rename refuse a name holding a key, naming it by prefix, and send nothing', async () => {
    const pasted = liveKey();
    const target = await api.sdk().apiKeys.create({ name: 'svc' });
    const before = api.emu.requests.length;
    for (const args of [
      ['keys', 'create', '--name', `prod ${pasted}`],
      ['keys', 'rename', 'svc', pasted],
    ]) {
      const r = await dhmad(args, { env: api.env() });
      expect(r.code, args[1]).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^dhmad: That name holds a secret key \\(${prefixOf(pasted)}\\);.*\\n$`));
      expectNoSecret([r.stdout, r.stderr]);
    }
    expect(api.emu.requests.slice(before).filter((q) => q.method !== 'GET')).toEqual([]);
    expect((await api.sdk().apiKeys.retrieve(target.apiKey.id)).apiKey.name).toBe('svc');
  });
});

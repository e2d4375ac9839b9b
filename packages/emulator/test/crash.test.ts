import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { call, startCli, type Res } from './helpers.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

type Op = 'create' | 'regenerate' | 'delete';

/** One key's life as its client saw it: the secrets it was given, the last answered operation, the one cut off. */
interface Life {
  id: string;
  secrets: string[];
  answered: Op;
  cutOff: Op | null;
}

interface Started {
  liveUrl: string;
  bootstrapKeys: { live: string };
}

/** What GET /me must answer for each secret of a key after its answered operations, and `more` if it took effect. */
function expected(life: Life, more: Op | null): Map<string, string> {
  const out = new Map<string, string>();
  const gone = life.answered === 'delete' || more === 'delete';
  life.secrets.forEach((secret, i) => {
    const current = i === life.secrets.length - 1;
    // A regenerate that was cut off may have replaced the current secret with one the client never saw.
    out.set(secret, gone ? 'unknown' : current && more !== 'regenerate' ? 'works' : 'regenerated');
  });
  return out;
}

/** A state file path in a folder of its own, removed after the test. */
async function dataFile(): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), 'dhmad-emulator-crash-'));
  return join(dir, 'state.json');
}

async function status(url: string, secret: string): Promise<string> {
  const res = await call(`${url}/me`, { key: secret });
  return res.status === 200 ? 'works' : String(res.body.details?.reason);
}

describe('--data: an acknowledged change survives SIGKILL', () => {
  it('keeps every create, regenerate and delete that was answered, under load, when the process is killed', async () => {
    const data = await dataFile();
    const first = startCli(['--port', '0', '--json', '--data', data]);
    const { liveUrl, bootstrapKeys } = JSON.parse(await first.ready) as Started;
    const admin = bootstrapKeys.live;
    const lives: Life[] = [];
    let answered = 0;
    let killed = false;

    // Each worker walks its own keys through create -> regenerate -> (sometimes) delete, in order.
    const worker = async (w: number): Promise<void> => {
      for (let n = 0; !killed; n++) {
        let life: Life | undefined;
        const step = async (op: Op, send: () => Promise<Res>): Promise<boolean> => {
          if (life) life.cutOff = op;
          const res = await send().catch(() => null);
          if (res === null || res.status >= 300) return false;
          if (op === 'create') lives.push((life = { id: res.body.apiKey.id, secrets: [res.body.key], answered: op, cutOff: null }));
          else {
            if (op === 'regenerate') life!.secrets.push(res.body.key);
            life!.answered = op;
            life!.cutOff = null;
          }
          answered++;
          return true;
        };
        const keyUrl = () => `${liveUrl}/api-keys/${life!.id}`;
        if (!(await step('create', () => call(`${liveUrl}/api-keys`, { method: 'POST', key: admin, body: { name: `w${w}-${n}` } })))) continue;
        if (!(await step('regenerate', () => call(`${keyUrl()}/regenerate`, { method: 'POST', key: admin })))) continue;
        if (n % 2 === 0) await step('delete', () => call(keyUrl(), { method: 'DELETE', key: admin }));
      }
    };
    const load = Promise.all(Array.from({ length: 16 }, (_, w) => worker(w)));
    await expect.poll(() => answered, { timeout: 20_000, interval: 5 }).toBeGreaterThanOrEqual(600);
    first.child.kill('SIGKILL');
    killed = true;
    expect((await first.exit).code).toBeNull();
    await load;

    const second = startCli(['--port', '0', '--json', '--data', data]);
    const again = JSON.parse(await second.ready) as Started;
    // Compared, not printed: a failure message would show the key.
    expect(again.bootstrapKeys.live === admin, 'the bootstrap key survives').toBe(true);
    const wrong: string[] = [];
    for (const life of lives) {
      const allowed = [expected(life, null), ...(life.cutOff ? [expected(life, life.cutOff)] : [])];
      for (const secret of life.secrets) {
        const got = await status(again.liveUrl, secret);
        if (!allowed.some((e) => e.get(secret) === got)) {
          wrong.push(`key ${life.id} after ${life.answered}${life.cutOff ? ` (then ${life.cutOff}, cut off)` : ''}: secret ${life.secrets.indexOf(secret) + 1} ${got}`);
        }
      }
    }
    expect(lives.length).toBeGreaterThan(200);
    expect(wrong).toEqual([]);
    second.child.kill('SIGTERM');
    expect((await second.exit).code).toBe(0);
  }, 60_000);

  it('keeps a reset and recorded usage answered over the control routes', async () => {
    const data = await dataFile();
    const first = startCli(['--port', '0', '--json', '--data', data]);
    const { liveUrl } = JSON.parse(await first.ready) as Started;
    const origin = new URL(liveUrl).origin;
    const reset = await call(`${origin}/__emulator/reset`, { method: 'POST' });
    const admin = reset.body.bootstrapKeys.live as string;
    const created = await call(`${liveUrl}/api-keys`, { method: 'POST', key: admin, body: { name: 'busy' } });
    const recorded = await call(`${origin}/__emulator/usage`, { method: 'POST', body: { keyId: created.body.apiKey.id, requests: 4321, errors: 9 } });
    expect(recorded.status).toBe(200);
    first.child.kill('SIGKILL');
    await first.exit;

    const second = startCli(['--port', '0', '--json', '--data', data]);
    const again = JSON.parse(await second.ready) as Started;
    // Compared, not printed: a failure message would show the key.
    expect(again.bootstrapKeys.live === admin, 'the bootstrap key survives').toBe(true);
    const usage = await call(`${again.liveUrl}/api-keys/${created.body.apiKey.id}/usage?days=1`, { key: admin });
    expect(usage.body.usage.days[0]).toMatchObject({ requests: 4321, errors: 9 });
    second.child.kill('SIGTERM');
    await second.exit;
  }, 30_000);

  it('refuses a second emulator on the same --data file before it touches the files, so the first keeps what it answers through a SIGKILL', async () => {
    const data = await dataFile();
    const first = startCli(['--port', '0', '--json', '--data', data]);
    const { liveUrl, bootstrapKeys } = JSON.parse(await first.ready) as Started;
    const admin = bootstrapKeys.live;
    const create = (name: string) => call(`${liveUrl}/api-keys`, { method: 'POST', key: admin, body: { name } });
    const before = await create('before the second start');
    const second = startCli(['--port', '0', '--json', '--data', data]);
    const refused = await second.exit;
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      `dhmad-emulator: Another emulator (pid ${first.child.pid}) is using ${data}: two on one state file would lose each other's changes. ` +
        `Stop it, or pass another --data path. If no emulator is running, delete ${data}.lock.\n`,
    );
    const after = await create('after the second start');
    expect([before.status, after.status]).toEqual([201, 201]);
    first.child.kill('SIGKILL');
    await first.exit;

    // The lock of a killed emulator is taken over.
    const third = startCli(['--port', '0', '--json', '--data', data]);
    const again = JSON.parse(await third.ready) as Started;
    for (const created of [before, after]) expect(await status(again.liveUrl, created.body.key)).toBe('works');
    third.child.kill('SIGTERM');
    expect((await third.exit).code).toBe(0);
    await expect(readFile(`${data}.lock`)).rejects.toThrow(/ENOENT/);
  }, 30_000);
});

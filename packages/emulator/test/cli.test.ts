import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { call, rawRequest, startCli as start, type CliProcess } from './helpers.js';

function collected(s: CliProcess): string {
  return s.output.stdout;
}

function run(args: string[]): CliProcess['exit'] {
  return start(args).exit;
}

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('dhmad-emulator CLI', () => {
  it('--json prints one line with both URLs and bootstrap keys; SIGTERM stops it with exit 0; --data survives a restart', async () => {
    dir = await mkdtemp(join(tmpdir(), 'dhmad-emulator-cli-'));
    const data = join(dir, 'state.json');
    const first = start(['--port', '0', '--json', '--data', data]);
    const info = JSON.parse(await first.ready) as { liveUrl: string; sandboxUrl: string; bootstrapKeys: { live: string; sandbox: string }; data: string };
    expect(info.liveUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
    expect(info.sandboxUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
    expect(info.data).toBe(data);
    expect((await call(`${info.sandboxUrl}/me`, { key: info.bootstrapKeys.sandbox })).status).toBe(200);
    const created = await call(`${info.liveUrl}/api-keys`, { method: 'POST', key: info.bootstrapKeys.live, body: { name: 'from the CLI run' } });
    expect(created.status).toBe(201);
    first.child.kill('SIGTERM');
    const exited = await first.exit;
    expect(exited.code).toBe(0);
    expect(exited.stdout.trim().split('\n')).toHaveLength(1);

    const second = start(['--port', '0', '--json', '--data', data]);
    const again = JSON.parse(await second.ready) as typeof info;
    expect(again.bootstrapKeys).toEqual(info.bootstrapKeys);
    const me = await call(`${again.liveUrl}/me`, { key: created.body.key });
    expect(me.body.apiKey.name).toBe('from the CLI run');
    second.child.kill('SIGINT');
    expect((await second.exit).code).toBe(0);
  });

  it('prints the URLs and keys as text by default, and can be driven over the control routes', async () => {
    const s = start(['--port', '0']);
    await s.ready;
    // The banner is written in one call; wait for its last line before reading it.
    await expect.poll(() => collected(s).includes('Ctrl+C')).toBe(true);
    const liveUrl = /live: +(\S+)/.exec(collected(s))![1]!;
    const liveKey = /key: (sk_live_\S+)/.exec(collected(s))![1]!;
    const origin = new URL(liveUrl).origin;
    expect((await call(`${origin}/__emulator/faults`, { method: 'POST', body: { status: 503 } })).status).toBe(201);
    expect((await call(`${liveUrl}/me`, { key: liveKey })).status).toBe(503);
    expect((await call(`${liveUrl}/me`, { key: liveKey })).status).toBe(200);
    s.child.kill('SIGTERM');
    const { code, stdout, stderr } = await s.exit;
    expect(code).toBe(0);
    expect(stdout).toMatch(/DHMAD emulator running/);
    expect(stdout).toMatch(/live: +http:\/\/127\.0\.0\.1:\d+\/api\/v1\n +key: sk_live_[0-9a-f]{64}/);
    expect(stdout).toMatch(/sandbox: +http:\/\/127\.0\.0\.1:\d+\/api\/v1\n +key: sk_sandbox_[0-9a-f]{64}/);
    expect(stdout).toMatch(/state: +in memory/);
    expect(stderr).toMatch(/stopped \(SIGTERM\)/);
  });

  it('--allow-host lets the control routes answer under another name; others stay refused', async () => {
    const s = start(['--port', '0', '--json', '--allow-host', 'emulator.internal']);
    const { liveUrl } = JSON.parse(await s.ready) as { liveUrl: string };
    const { origin, port } = new URL(liveUrl);
    expect((await rawRequest(`${origin}/__emulator/health`, { host: `emulator.internal:${port}` })).status).toBe(200);
    expect((await rawRequest(`${origin}/__emulator/health`, { host: `elsewhere.example:${port}` })).status).toBe(403);
    s.child.kill('SIGTERM');
    expect((await s.exit).code).toBe(0);
  });

  it('refuses bad flags with a clear message and exit code 2', async () => {
    // Side by side: each is a Node start-up, and seven in a row can outlast the test timeout on a busy machine.
    const [unknown, port, same, limit, positional, host] = await Promise.all([
      run(['--colour']),
      run(['--port', 'eighty']),
      run(['--port', '5000', '--sandbox-port', '5000']),
      run(['--ip-rate-limit', '0']),
      run(['serve']),
      run(['--allow-host', '']),
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown option '--colour'/);
    expect(unknown.stderr).toMatch(/dhmad-emulator --help/);
    expect(port.code).toBe(2);
    expect(port.stderr).toMatch(/--port must be a port number from 0 to 65535, got "eighty"/);
    expect(same.code).toBe(2);
    expect(same.stderr).toMatch(/must differ/);
    expect(limit.code).toBe(2);
    expect(positional.code).toBe(2);
    expect(host.code).toBe(2);
    expect(host.stderr).toMatch(/--allow-host needs a host name/);
  });

  it('--help prints the usage and exits 0', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: dhmad-emulator/);
    expect(help.stdout).toMatch(/--sandbox-port N/);
    expect(help.stdout).toContain('POST /__emulator/usage');
  });

  it('exits 1 with a message when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    try {
      const res = await run(['--port', String(port), '--sandbox-port', '0']);
      expect(res.code).toBe(1);
      expect(res.stderr).toMatch(new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use`));
    } finally {
      blocker.close();
    }
  });
});

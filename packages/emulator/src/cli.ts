#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { startEmulator } from './server.js';
import type { EmulatorOptions } from './types.js';

const USAGE = `Usage: dhmad-emulator [options]

A local, stateful emulator of the DHMAD key-management API (GET /me and /api-keys).
One listener per environment; prints both base URLs and a keys:manage key for each.

Options:
  --port N            live listener port (default 4010; 0 picks a free port)
  --sandbox-port N    sandbox listener port (default: --port + 1, or 0 when --port is 0)
  --host H            interface to listen on (default 127.0.0.1)
  --allow-host NAME   another host name the control routes answer under (repeatable); they answer
                      only localhost, IP addresses and --host otherwise, and refuse cross-site pages
  --data FILE         load state from FILE and save it there (created with mode 0600)
  --ip-rate-limit N   requests per minute per client IP, like the real API's 100 (default: off)
  --json              print one JSON line {liveUrl, sandboxUrl, bootstrapKeys, data} instead of text
  -h, --help          show this help

Control routes on both listeners: POST/DELETE /__emulator/faults, POST /__emulator/advance-time,
POST /__emulator/usage {"keyId", "date": "YYYY-MM-DD", "requests", "errors"} (usage without the requests),
POST /__emulator/reset, GET /__emulator/health.`;

class UsageError extends Error {}

function portOf(flag: string, value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) {
    throw new UsageError(`${flag} must be a port number from 0 to 65535, got "${value}"`);
  }
  return Number(value);
}

function parse(argv: string[]): (EmulatorOptions & { json: boolean }) | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        'sandbox-port': { type: 'string' },
        host: { type: 'string' },
        'allow-host': { type: 'string', multiple: true },
        data: { type: 'string' },
        'ip-rate-limit': { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (values.help) return 'help';
  const port = values.port === undefined ? 4010 : portOf('--port', values.port);
  const sandboxPort = values['sandbox-port'] === undefined ? (port === 0 ? 0 : port + 1) : portOf('--sandbox-port', values['sandbox-port']);
  if (sandboxPort > 65535) throw new UsageError(`--port ${port} leaves no port for the sandbox listener; pass --sandbox-port too`);
  if (port !== 0 && port === sandboxPort) throw new UsageError('--port and --sandbox-port must differ: each environment has its own listener');
  let ipRateLimit: number | false = false;
  const rl = values['ip-rate-limit'];
  if (rl !== undefined) {
    if (!/^[1-9]\d*$/.test(rl)) throw new UsageError(`--ip-rate-limit must be a whole number of requests per minute >= 1, got "${rl}"`);
    ipRateLimit = Number(rl);
  }
  if (values.data === '') throw new UsageError('--data needs a file path');
  if (values['allow-host']?.includes('')) throw new UsageError('--allow-host needs a host name');
  return {
    port,
    sandboxPort,
    ipRateLimit,
    json: values.json,
    ...(values.host !== undefined ? { host: values.host } : {}),
    ...(values['allow-host'] !== undefined ? { allowedHosts: values['allow-host'] } : {}),
    ...(values.data !== undefined ? { data: values.data } : {}),
  };
}

async function main(): Promise<void> {
  let options;
  try {
    options = parse(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`dhmad-emulator: ${err.message}\nRun dhmad-emulator --help for the options.\n`);
    process.exitCode = 2;
    return;
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const { json, ...emulatorOptions } = options;
  let emu;
  try {
    emu = await startEmulator(emulatorOptions);
  } catch (err) {
    process.stderr.write(`dhmad-emulator: ${(err as Error).message}\n`);
    process.exitCode = 1;
    return;
  }
  const data = emulatorOptions.data ?? null;
  if (json) {
    process.stdout.write(`${JSON.stringify({ liveUrl: emu.liveUrl, sandboxUrl: emu.sandboxUrl, bootstrapKeys: emu.bootstrapKeys, data })}\n`);
  } else {
    // Printing these keys is the point of the command: they exist only in this emulator and unlock only it.
    process.stdout.write(
      [
        'DHMAD emulator running (keys below work only against this emulator).',
        `  live:     ${emu.liveUrl}`,
        `            key: ${emu.bootstrapKeys.live}`,
        `  sandbox:  ${emu.sandboxUrl}`,
        `            key: ${emu.bootstrapKeys.sandbox}`,
        data ? `  state:    ${data}` : '  state:    in memory (pass --data FILE to keep it)',
        `Try: curl -H "Authorization: Bearer <live key>" ${emu.liveUrl}/me`,
        'Press Ctrl+C to stop.',
        '',
      ].join('\n'),
    );
  }
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    emu.close().then(
      () => {
        if (!json) process.stderr.write(`dhmad-emulator: stopped (${signal}).\n`);
        process.exit(0);
      },
      (err: unknown) => {
        process.stderr.write(`dhmad-emulator: error while stopping: ${(err as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

await main();

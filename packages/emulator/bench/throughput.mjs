// Requests per second and latency of the emulator over real HTTP (keep-alive fetch, loopback).
// Run: npm run bench -w @dhmad/emulator   (after `npx tsc -b packages/emulator`)
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '@dhmad/emulator';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Run `total` requests with `concurrency` workers; returns req/s and latency percentiles in ms. */
async function measure(total, concurrency, send) {
  const latencies = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next++;
        const t0 = performance.now();
        const res = await send();
        if (res.status >= 400) throw new Error(`unexpected ${res.status}: ${await res.text()}`);
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { rps: total / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/** Median of ROUNDS runs (by req/s), after one warm-up run. */
async function scenario(name, total, concurrency, send) {
  await measure(Math.min(total, 300), concurrency, send);
  const runs = [];
  for (let i = 0; i < ROUNDS; i++) runs.push(await measure(total, concurrency, send));
  runs.sort((a, b) => a.rps - b.rps);
  const m = runs[Math.floor(runs.length / 2)];
  console.log(
    `${name.padEnd(48)} ${String(Math.round(m.rps)).padStart(7)} req/s   p50 ${m.p50.toFixed(2)} ms   p99 ${m.p99.toFixed(2)} ms`,
  );
}

async function suite(label, options) {
  const emu = await startEmulator({ port: 0, keyRateLimits: false, ...options });
  const auth = { authorization: `Bearer ${emu.bootstrapKeys.live}` };
  const json = { ...auth, 'content-type': 'application/json' };
  try {
    console.log(`\n${label}`);
    await scenario('GET /me, 1 client', 3000, 1, () => fetch(`${emu.liveUrl}/me`, { headers: auth }));
    await scenario('GET /me, 16 concurrent clients', 5000, 16, () => fetch(`${emu.liveUrl}/me`, { headers: auth }));
    await scenario('GET /api-keys?limit=20, 1 client', 2000, 1, () => fetch(`${emu.liveUrl}/api-keys?limit=20`, { headers: auth }));
    const create = () =>
      fetch(`${emu.liveUrl}/api-keys`, { method: 'POST', headers: json, body: JSON.stringify({ name: 'bench', metadata: { appName: 'b' } }) });
    await scenario('POST /api-keys (validate, mint, hash), 1 client', 1000, 1, create);
    await scenario('POST /api-keys, 16 concurrent clients', 2000, 16, create);
  } finally {
    await emu.close();
  }
}

console.log(`command: npm run bench -w @dhmad/emulator (BENCH_ROUNDS=${ROUNDS}, median of rounds after a warm-up)`);
console.log(`node ${process.version}, ${os.platform()} ${os.arch()}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'unknown CPU'}, load avg ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
await suite('in memory', {});
const dir = await mkdtemp(join(os.tmpdir(), 'dhmad-emulator-bench-'));
try {
  await suite('with --data (write-ahead log: each answer that shows a change waits for its fdatasync)', { data: join(dir, 'state.json') });
} finally {
  await rm(dir, { recursive: true, force: true });
}

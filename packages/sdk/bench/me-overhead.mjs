// The SDK's per-call cost against bare `fetch`, for `GET /me` on the emulator.
//
// Both clients use Node's global fetch (one undici pool, keep-alive) against the
// same emulator, sequentially, in alternating rounds so drift hits both alike.
// A second part measures the SDK's own CPU cost per call with a `fetch` that
// answers from memory, where no network noise hides it.
//
// Run: npm run bench -w @dhmad/sdk   (ROUNDS and PER_ROUND env vars change the sizes)
import { fork } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Dhmad } from '@dhmad/sdk';

const ROUNDS = Number(process.env.ROUNDS ?? 10);
const PER_ROUND = Number(process.env.PER_ROUND ?? 500);
const WARMUP = 500;

const child = fork(fileURLToPath(new URL('./emulator-process.mjs', import.meta.url)), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
const { liveUrl, key } = await new Promise((resolve, reject) => {
  child.once('message', resolve);
  child.once('error', reject);
  child.once('exit', (code) => reject(new Error(`emulator process exited with ${code}`)));
});

const bare = async () => {
  const res = await fetch(`${liveUrl}/me`, { headers: { authorization: `Bearer ${key}`, accept: 'application/json' } });
  if (!res.ok) throw new Error(`bare fetch got ${res.status}`);
  return res.json();
};
// Bare fetch with what a timeout costs: an AbortController and a timer per call, as the SDK has.
const bareWithTimeout = async () => {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 60_000);
  try {
    const res = await fetch(`${liveUrl}/me`, { headers: { authorization: `Bearer ${key}`, accept: 'application/json' }, signal: controller.signal });
    if (!res.ok) throw new Error(`bare fetch got ${res.status}`);
    return JSON.parse(await res.text());
  } finally {
    clearTimeout(timer);
  }
};
const sdk = new Dhmad({ apiKey: key, baseUrl: liveUrl });
const viaSdk = () => sdk.me.retrieve();

/** Per-call durations in microseconds. */
async function sample(fn, n) {
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    out[i] = (performance.now() - t) * 1000;
  }
  return out;
}

const median = (xs) => quantile(xs, 0.5);
function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}
const fmt = (us) => `${us.toFixed(1).padStart(8)} µs`;

const clients = { fetch: bare, 'fetch+timeout': bareWithTimeout, sdk: viaSdk };
const names = Object.keys(clients);
for (const name of names) await sample(clients[name], WARMUP);
// Calls rotate one by one (fetch, fetch+timeout, SDK, then starting one later), so
// load from other processes on the machine lands on all alike.
const times = Object.fromEntries(names.map((n) => [n, []]));
const diffs = [];
for (let i = 0; i < ROUNDS * PER_ROUND; i++) {
  const took = {};
  for (let j = 0; j < names.length; j++) {
    const name = names[(i + j) % names.length];
    const t = performance.now();
    await clients[name]();
    took[name] = (performance.now() - t) * 1000;
    times[name].push(took[name]);
  }
  diffs.push(took.sdk - took.fetch);
}

// The SDK's own cost: a fetch that answers from memory with the same /me body.
const body = JSON.stringify(await viaSdk());
child.send('close');
const memoryFetch = async () => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
const inMemorySdk = new Dhmad({ apiKey: key, baseUrl: liveUrl, fetch: memoryFetch });
const bareMemory = async () => (await memoryFetch()).json();
const isolated = { fetch: [], sdk: [] };
for (let r = 0; r < ROUNDS; r++) {
  isolated.fetch.push(...(await sample(bareMemory, PER_ROUND)));
  isolated.sdk.push(...(await sample(() => inMemorySdk.me.retrieve(), PER_ROUND)));
}

const cpu = cpus();
console.log('command:     npm run bench -w @dhmad/sdk  (bench/me-overhead.mjs)');
console.log(`environment: node ${process.version}, ${process.platform}/${process.arch}, ${cpu.length} x ${cpu[0]?.model ?? 'unknown CPU'}`);
console.log(`sizes:       ${ROUNDS * PER_ROUND} sequential GET /me per client, rotating call by call (after ${WARMUP} warm-up each); emulator in a child process`);
console.log('');
console.log('GET /me over loopback HTTP       median        p90     req/s (1 / mean)');
const labels = { fetch: 'bare fetch', 'fetch+timeout': 'bare fetch + AbortController', sdk: '@dhmad/sdk' };
for (const name of names) {
  const xs = times[name];
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(`  ${labels[name].padEnd(28)} ${fmt(median(xs))} ${fmt(quantile(xs, 0.9))} ${String(Math.round(1e6 / mean)).padStart(8)}`);
}
const overhead = median(times.sdk) - median(times.fetch);
console.log(`  SDK minus fetch (medians):   ${fmt(overhead)}  (${((overhead / median(times.fetch)) * 100).toFixed(1)}% of a bare call)`);
console.log(`  median of paired differences:${fmt(median(diffs))}  (${((median(diffs) / median(times.fetch)) * 100).toFixed(1)}%)`);
console.log('');
console.log('Same call, fetch answered from memory (the SDK\'s own CPU cost)');
console.log(`  bare Response.json()         ${fmt(median(isolated.fetch))}`);
console.log(`  @dhmad/sdk me.retrieve()     ${fmt(median(isolated.sdk))}`);

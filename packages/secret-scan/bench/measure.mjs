// Timing commands side by side: they take turns run by run, so a slow spell of a shared
// machine hits them alike; medians are what the bench reports.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { gitEnv } from './corpora.mjs';

export const log = (s = '') => process.stdout.write(s + '\n');
export const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
export const ratio = (a, b) => `${(a / b).toFixed(2)}x`;

/** One timed run under /usr/bin/time: wall ms, peak RSS of the command and (for dhmad-scan preloading report-rss.cjs) of node alone. */
function runOnce(label, cmd, args, opts) {
  const start = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { cwd: opts.cwd, env: opts.env ?? gitEnv, maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const stderr = r.stderr.toString();
  if (opts.expectStatus !== undefined && r.status !== opts.expectStatus) {
    throw new Error(`${label}: exit ${r.status}, expected ${opts.expectStatus}\n${stderr.slice(0, 2000)}`);
  }
  const own = /dhmad-scan-max-rss-kb=(\d+)/.exec(stderr);
  return { ms, rssKb: Number(stderr.trim().split('\n').pop()), nodeRssKb: own ? Number(own[1]) : 0, out: r.stdout.toString() };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Wall time (median, best, worst) and peak RSS of commands measured side by side: one
 * unmeasured warm-up run each (so no figure includes loading a program from disk), then
 * the commands take turns, run by run. Each entry: { label, cmd, args, cwd?, env?, expectStatus?, warmup? }.
 */
export function measureSide(entries, runs, root) {
  for (const e of entries) for (let i = 0; i < (e.warmup ?? 1); i++) spawnSync(e.cmd, e.args, { cwd: e.cwd, env: e.env ?? gitEnv, maxBuffer: 1 << 28 });
  const samples = entries.map(() => ({ times: [], rssKb: 0, nodeRssKb: 0, out: '' }));
  for (let i = 0; i < runs; i++) {
    entries.forEach((e, j) => {
      const r = runOnce(e.label, e.cmd, e.args, e);
      const s = samples[j];
      s.times.push(r.ms);
      s.rssKb = Math.max(s.rssKb, r.rssKb);
      s.nodeRssKb = Math.max(s.nodeRssKb, r.nodeRssKb);
      s.out = r.out;
    });
  }
  return entries.map((e, j) => {
    const { times, rssKb, nodeRssKb, out } = samples[j];
    const res = { label: e.label, median: median(times), best: Math.min(...times), worst: Math.max(...times), rssMb: rssKb / 1024, nodeRssMb: nodeRssKb / 1024, out };
    const own = nodeRssKb ? ` (node alone ${res.nodeRssMb.toFixed(0)} MB)` : '';
    log(`  ${e.label.padEnd(46)} median ${fmt(res.median).padStart(8)}  [${fmt(res.best)} .. ${fmt(res.worst)}]  peak RSS ${res.rssMb.toFixed(0)} MB${own}`);
    const unset = e.env ? Object.keys(gitEnv).filter((k) => !(k in e.env)).map((k) => `-u ${k} `).join('') : '';
    const shown = [e.cmd === process.execPath ? 'node' : e.cmd, ...e.args].map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ');
    log(`    $ ${unset ? `env ${unset}` : ''}${shown}${e.cwd ? `   (in ${root ? path.relative(root, e.cwd) || '.' : e.cwd})` : ''}`);
    return res;
  });
}

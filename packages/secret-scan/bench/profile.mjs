// Where a dhmad-scan run spends its time: a CPU profile of every thread (`node --cpu-prof`),
// summed by function (self time), and the system calls of the process and the git it starts
// (`strace -f -c`). On the bench corpora (corpora.mjs), built first if needed.
//
//   npm run bench:profile -w @dhmad/secret-scan -- many-files     (or checkout, staged, history)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCheckout, buildHistory, buildManyFiles, gitEnv } from './corpora.mjs';
import { log } from './measure.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const CLI = path.resolve(here, '..', JSON.parse(readFileSync(path.join(here, '../package.json'), 'utf8')).bin['dhmad-scan']);
const TOP = Number(process.env.PROFILE_TOP ?? 15);

const targets = {
  'many-files': () => ({ cwd: os.tmpdir(), args: [buildManyFiles().dir] }),
  checkout: () => ({ cwd: buildCheckout().dir, args: [] }),
  staged: () => ({ cwd: buildCheckout().dir, args: ['--staged'] }),
  history: () => ({ cwd: buildHistory().dir, args: ['--history'] }),
};

/** Self time per function of one .cpuprofile, largest first. */
function selfTimes(file) {
  const p = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map();
  let total = 0;
  p.samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = nodes.get(id).callFrame;
    const where = url ? `${path.basename(url)}:${lineNumber + 1}` : '';
    const name = `${functionName || '(anonymous)'} ${where}`.trim();
    const dt = p.timeDeltas[i] ?? 0;
    self.set(name, (self.get(name) ?? 0) + dt);
    total += dt;
  });
  return { total, rows: [...self].sort((a, b) => b[1] - a[1]) };
}

function main() {
  const what = process.argv[2] ?? 'many-files';
  if (!targets[what]) throw new Error(`profile what? one of ${Object.keys(targets).join(', ')}`);
  const { cwd, args } = targets[what]();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dhmad-profile-'));
  try {
    // A first run fills the page cache, as the bench's warm-up run does.
    spawnSync(process.execPath, [CLI, ...args], { cwd, env: gitEnv, stdio: 'ignore' });
    const t0 = performance.now();
    spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, CLI, ...args], { cwd, env: gitEnv, stdio: 'ignore' });
    log(`# dhmad-scan ${args.join(' ')} (${what}): ${(performance.now() - t0).toFixed(0)} ms under the profiler`);
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.cpuprofile')).sort()) {
      const { total, rows } = selfTimes(path.join(dir, f));
      log(`\n## thread ${f.split('.').at(-3)}: ${(total / 1000).toFixed(0)} ms sampled; self time by function`);
      for (const [name, us] of rows.slice(0, TOP)) log(`  ${(us / 1000).toFixed(1).padStart(8)} ms  ${(((100 * us) / total).toFixed(1) + '%').padStart(6)}  ${name}`);
    }
    const strace = spawnSync('strace', ['-f', '-c', '-o', path.join(dir, 'strace.txt'), process.execPath, CLI, ...args], { cwd, env: gitEnv, stdio: 'ignore' });
    if (strace.error) {
      log('\n(strace not found: apt-get install strace)');
    } else {
      const lines = readFileSync(path.join(dir, 'strace.txt'), 'utf8').split('\n');
      log('\n## system calls (strace -f -c: this process, its threads and the git it starts)');
      for (const l of lines.slice(0, 2 + TOP)) log(`  ${l}`);
      const total = lines.find((l) => l.includes('total'));
      if (total) log(`  ${total}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();

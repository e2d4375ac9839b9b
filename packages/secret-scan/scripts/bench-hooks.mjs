// What each way of running the pre-commit scan costs, in a project as users have it: the
// scanner installed from its tarball (next to husky 9) into a new app in a temp folder, one
// edited file staged. Each way runs the same `--staged` scan of the same index:
//
//   direct       node_modules/.bin/dhmad-scan --staged
//   npx          npx --no-install dhmad-scan --staged
//   git hook     the hook `dhmad-scan install-hook` writes (.git/hooks/pre-commit), run as git runs it
//   husky        husky 9's .husky/_/pre-commit (its runner, then .husky/pre-commit's line)
//   pre-commit   pre-commit run dhmad-scan, the hook of .pre-commit-hooks.yaml from a clone of this
//                repository (the committed standalone bundle); skipped when pre-commit is missing
//   node -e 0    node's own start, the floor of any of them
//
// The ways take turns run by run, so a slow spell of a shared machine hits them alike. Run from
// the repository root after `npm run build`: npm run bench:hooks -w @dhmad/secret-scan
// (BENCH_RUNS, default 20, sets the runs per way, after 2 warm-up runs each).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 20);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'dhmad-bench-hooks-'));
const app = path.join(tmp, 'app');
const gitEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Bench',
  GIT_AUTHOR_EMAIL: 'bench@example.invalid',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'bench@example.invalid',
  GIT_CONFIG_GLOBAL: os.devNull,
  GIT_CONFIG_NOSYSTEM: '1',
  PRE_COMMIT_HOME: path.join(tmp, 'pre-commit-home'),
  NO_COLOR: '1',
};
const sh = (cmd, args, cwd = app) => execFileSync(cmd, args, { cwd, env: gitEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const has = (cmd) => spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0;

try {
  // The project: our tarballs (the scanner and what it depends on of ours) and husky, from a pack of this checkout.
  const { dependencies } = JSON.parse(readFileSync(path.join(repoRoot, 'packages/secret-scan/package.json'), 'utf8'));
  const ours = ['@dhmad/secret-scan', ...Object.keys(dependencies).filter((d) => d.startsWith('@dhmad/'))];
  const tarballs = path.join(tmp, 'tarballs');
  mkdirSync(tarballs);
  const packed = JSON.parse(sh('npm', ['pack', '--json', '--pack-destination', tarballs, ...ours.flatMap((n) => ['-w', n])], repoRoot));
  mkdirSync(app);
  sh('git', ['init', '-q', '-b', 'main']);
  writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'bench-app', private: true, scripts: {} }, null, 2) + '\n');
  writeFileSync(path.join(app, '.gitignore'), 'node_modules/\n.env\n.env.*\n');
  sh('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...packed.map((p) => path.join(tarballs, p.filename)), 'husky@9.1.7']);
  sh('npx', ['--no-install', 'husky', 'init']);
  writeFileSync(path.join(app, '.husky/pre-commit'), 'dhmad-scan --staged\n');
  for (let i = 0; i < 20; i++) writeFileSync(path.join(app, `module-${i}.js`), `export const value${i} = process.env.VALUE_${i};\n`);
  sh('git', ['add', '-A']);
  sh('git', ['commit', '-q', '--no-verify', '-m', 'init']);
  writeFileSync(path.join(app, 'module-0.js'), 'export const value0 = process.env.DHMAD_API_KEY;\n');
  sh('git', ['add', 'module-0.js']);

  // The plain git hook install-hook writes, in a clone (whose config has no husky core.hooksPath).
  const gitHooks = path.join(tmp, 'git-hooks-repo');
  sh('git', ['clone', '-q', app, gitHooks]);
  symlinkSync(path.join(app, 'node_modules'), path.join(gitHooks, 'node_modules'));
  writeFileSync(path.join(gitHooks, 'module-0.js'), 'export const value0 = process.env.DHMAD_API_KEY;\n');
  sh('git', ['add', 'module-0.js'], gitHooks);
  sh(path.join(app, 'node_modules/.bin/dhmad-scan'), ['install-hook'], gitHooks);

  const ways = [
    { name: 'direct', cmd: path.join(app, 'node_modules/.bin/dhmad-scan'), args: ['--staged'] },
    { name: 'npx', cmd: 'npx', args: ['--no-install', 'dhmad-scan', '--staged'] },
    { name: 'git hook', cmd: path.join(gitHooks, '.git/hooks/pre-commit'), args: [], cwd: gitHooks },
    { name: 'husky', cmd: path.join(app, '.husky/_/pre-commit'), args: [] },
    { name: 'node -e 0', cmd: process.execPath, args: ['-e', '0'] },
  ];
  if (has('pre-commit')) {
    const hookRepo = path.join(tmp, 'dhmad-toolkit');
    sh('git', ['clone', '-q', repoRoot, hookRepo], repoRoot);
    const rev = sh('git', ['rev-parse', 'HEAD'], hookRepo).trim();
    writeFileSync(path.join(app, '.pre-commit-config.yaml'), `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: dhmad-scan\n`);
    sh('git', ['add', '.pre-commit-config.yaml']);
    ways.splice(4, 0, { name: 'pre-commit', cmd: 'pre-commit', args: ['run', 'dhmad-scan'] });
  }

  const times = new Map(ways.map((w) => [w.name, []]));
  for (let round = -2; round < runs; round++) {
    for (const way of ways) {
      const start = process.hrtime.bigint();
      const r = spawnSync(way.cmd, way.args, { cwd: way.cwd ?? app, env: gitEnv, stdio: 'ignore' });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (r.status !== 0) throw new Error(`${way.name} exited ${r.status}: ${way.cmd} ${way.args.join(' ')}`);
      if (round >= 0) times.get(way.name).push(ms);
    }
  }

  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const p90 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)];
  const direct = median(times.get('direct'));
  const version = (cmd) => (has(cmd) ? sh(cmd, ['--version']).trim().split('\n')[0].replace(/^[a-z-]+( version)? /, '') : 'missing');
  console.log('command:     npm run bench:hooks -w @dhmad/secret-scan  (scripts/bench-hooks.mjs)');
  console.log(`environment: node ${process.version}, ${os.platform()}/${os.arch()}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? '?'}`);
  console.log(`             npm ${version('npm')}, git ${version('git')}, pre-commit ${version('pre-commit')}, husky 9.1.7`);
  console.log(`sizes:       21 committed files, 1 staged edit; ${runs} runs per way, taking turns, after 2 warm-up runs each`);
  console.log('');
  console.log('way            median        p90   vs direct');
  for (const way of ways) {
    const xs = times.get(way.name);
    const m = median(xs);
    console.log(`${way.name.padEnd(12)} ${m.toFixed(0).padStart(6)} ms ${p90(xs).toFixed(0).padStart(6)} ms   ${way.name === 'direct' ? '' : `${m - direct >= 0 ? '+' : ''}${(m - direct).toFixed(0)} ms`}`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

// dhmad-scan benchmark: working tree and history scans side by side with rg and
// secretlint, peak memory, and the pre-commit start-up. Corpus and peers are
// fetched and built at bench time under <repo>/.bench/ (gitignored), never committed.
//
//   npm run bench -w @dhmad/secret-scan            full run
//   BENCH_TREE_MB=100 npm run bench -w ...          smaller corpus
//   BENCH_ONLY=precommit npm run bench -w ...       one section (tree, history, precommit)
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
// The bin users run (package.json `bin`), as npm links it.
const CLI = path.resolve(here, '..', JSON.parse(readFileSync(path.join(here, '../package.json'), 'utf8')).bin['dhmad-scan']);
const BENCH = path.join(repoRoot, '.bench');
const TARBALLS = path.join(BENCH, 'tarballs');
const TREE = path.join(BENCH, 'tree');
const HISTORY = path.join(BENCH, 'history');
const TARGET_MB = Number(process.env.BENCH_TREE_MB ?? 550);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
// BENCH_ONLY=tree,history,precommit runs only those sections (default: all).
const ONLY = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',') : null;
const want = (section) => !ONLY || ONLY.includes(section);
// Real source: the published typescript package, many releases, oldest first.
const VERSIONS = ['4.0.8', '4.1.6', '4.2.4', '4.3.5', '4.4.4', '4.5.5', '4.6.4', '4.7.4', '4.8.4', '4.9.5', '5.0.4', '5.1.6', '5.2.2', '5.3.3', '5.4.5', '5.5.4', '5.6.3', '5.7.3', '5.8.3', '5.9.3'];
const PATTERN = 'sk_(live|sandbox)_[0-9a-fA-F]{20,}';
// Preloaded into dhmad-scan runs: prints node's own peak RSS (all its threads), apart from the git it starts.
const RSS_HOOK = path.join(here, 'report-rss.cjs');
const gitEnv = { ...process.env, GIT_CONFIG_GLOBAL: os.devNull, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.com' };

const sh = (cmd, args, opts = {}) => execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 28, env: gitEnv, ...opts }).toString();
const log = (s = '') => process.stdout.write(s + '\n');
const key = (env) => 'sk_' + env + '_' + randomBytes(32).toString('hex');

function duBytes(dir) {
  return Number(sh('du', ['-sb', dir]).split('\t')[0]);
}

function fetchTarball(v) {
  const file = path.join(TARBALLS, `typescript-${v}.tgz`);
  if (!existsSync(file)) sh('npm', ['pack', `typescript@${v}`, '--silent', '--pack-destination', TARBALLS]);
  return file;
}

function unpack(v, into) {
  const dir = path.join(into, `typescript-${v}`);
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true });
    sh('tar', ['xzf', fetchTarball(v), '-C', dir, '--strip-components=1']);
  }
  return dir;
}

/** Keys planted at run time in a few files, so every tool has something to find. */
function plant(dir) {
  const spots = [
    ['planted/config.js', (k) => `module.exports = { apiKey: '${k}' };\n`, 'live'],
    ['planted/.env.production', (k) => `DHMAD_API_KEY=${k}\n`, 'live'],
    ['planted/notebook.ipynb', (k) => `{"cells":[{"source":["key = \\"${k}\\"\\n"]}]}\n`, 'sandbox'],
    ['planted/bundle.min.js', (k) => `${'var a=1;'.repeat(20000)}fetch("/x?key=${k}&y=1");\n`, 'sandbox'],
  ];
  for (const [file, body, env] of spots) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), body(key(env)));
  }
  return spots.length;
}

function buildTree() {
  mkdirSync(TARBALLS, { recursive: true });
  mkdirSync(TREE, { recursive: true });
  let total = 0;
  const used = [];
  for (const v of VERSIONS) {
    if (total >= TARGET_MB * 1e6) break;
    total += duBytes(unpack(v, TREE));
    used.push(v);
  }
  for (const d of readdirSync(TREE)) {
    if (d.startsWith('typescript-') && !used.includes(d.slice('typescript-'.length))) rmSync(path.join(TREE, d), { recursive: true, force: true });
  }
  // Its own repository, so the scan takes its files as untracked-not-ignored, as in a real checkout.
  if (!existsSync(path.join(TREE, '.git'))) sh('git', ['init', '-q', TREE]);
  const planted = plant(TREE);
  const files = Number(sh('sh', ['-c', `find "${TREE}" -type f -not -path '*/.git/*' | wc -l`]).trim());
  return { used, bytes: duBytes(TREE), files, planted };
}

/** Every file of a folder, relative, `/`-separated. */
function filesUnder(dir, prefix = '') {
  const out = [];
  for (const ent of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${ent.name}` : ent.name;
    if (ent.isDirectory()) out.push(...filesUnder(dir, rel));
    else if (ent.isFile()) out.push(rel);
  }
  return out.sort();
}

/** Small commits after each file commit: they bring the history to about 10,000 commits, as in the issue's target. */
const NOTES_PER_FILE = 10;

/**
 * A long history built with `git fast-import`: for each release in turn, one
 * commit per changed file (the release's content at that path), each followed
 * by NOTES_PER_FILE small commits to a notes file, and the planted keys committed once in
 * the middle then deleted. Thousands of commits, hundreds of MB of distinct blobs.
 */
function buildHistory(versions) {
  const stamp = path.join(HISTORY, `.built-fi-${versions.length}-${NOTES_PER_FILE}`);
  if (existsSync(stamp)) return;
  rmSync(HISTORY, { recursive: true, force: true });
  mkdirSync(HISTORY, { recursive: true });
  sh('git', ['init', '-q', '--bare', '-b', 'main', HISTORY]);
  const src = path.join(BENCH, 'history-src');
  const streamFile = path.join(BENCH, 'history.fi');
  const fd = openSync(streamFile, 'w');
  const emit = (s) => writeSync(fd, s);
  let mark = 0;
  let time = 1_600_000_000;
  let notes = '';
  const commit = (message, changes) => {
    mark++;
    time += 60;
    emit(`commit refs/heads/main\nmark :${mark}\ncommitter bench <bench@example.com> ${time} +0000\ndata ${Buffer.byteLength(message)}\n${message}\n`);
    if (mark > 1) emit(`from :${mark - 1}\n`);
    for (const c of changes) {
      if (c.delete) {
        emit(`D ${c.path}\n`);
      } else {
        emit(`M 100644 inline ${c.path}\ndata ${c.data.length}\n`);
        writeSync(fd, c.data);
        emit('\n');
      }
    }
  };
  const last = new Map();
  versions.forEach((v, vi) => {
    const dir = unpack(v, src);
    for (const file of filesUnder(dir)) {
      const data = readFileSync(path.join(dir, file));
      const prev = last.get(file);
      if (prev && prev.equals(data)) continue;
      last.set(file, data);
      commit(`typescript ${v}: ${file}`, [{ path: file, data }]);
      for (let n = 0; n < NOTES_PER_FILE; n++) {
        notes += `${v} ${file} ${n}\n`;
        commit(`notes after ${file}`, [{ path: 'NOTES.md', data: Buffer.from(notes.slice(-4096)) }]);
      }
    }
    rmSync(dir, { recursive: true, force: true });
    if (vi === Math.floor(versions.length / 2)) {
      const tmp = path.join(BENCH, 'plant-tmp');
      rmSync(tmp, { recursive: true, force: true });
      plant(tmp);
      const planted = filesUnder(tmp);
      commit('add config', planted.map((p) => ({ path: p, data: readFileSync(path.join(tmp, p)) })));
      commit('remove config', planted.map((p) => ({ path: p, delete: true })));
      rmSync(tmp, { recursive: true, force: true });
    }
  });
  closeSync(fd);
  sh('sh', ['-c', `git fast-import --quiet < "${streamFile}"`], { cwd: HISTORY });
  rmSync(streamFile, { force: true });
  sh('git', ['gc', '-q'], { cwd: HISTORY });
  writeFileSync(stamp, '');
}

/** One timed run under /usr/bin/time: wall ms, peak RSS of the command and (for dhmad-scan with RSS_HOOK) of node alone. */
function runOnce(label, cmd, args, opts) {
  const start = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { cwd: opts.cwd, env: opts.env ?? gitEnv, maxBuffer: 1 << 28, shell: false });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const stderr = r.stderr.toString();
  if (opts.expectStatus !== undefined && r.status !== opts.expectStatus) {
    throw new Error(`${label}: exit ${r.status}, expected ${opts.expectStatus}\n${stderr.slice(0, 2000)}`);
  }
  const own = /dhmad-scan-max-rss-kb=(\d+)/.exec(stderr);
  return { ms, rssKb: Number(stderr.trim().split('\n').pop()), nodeRssKb: own ? Number(own[1]) : 0, out: r.stdout.toString() };
}

/**
 * Wall time (best and median) and peak RSS of commands measured side by side:
 * one unmeasured warm-up run each (as hyperfine's --warmup, so no figure
 * includes loading node, git or the tool from disk), then the commands take
 * turns run by run, so a slow spell of this shared machine hits them alike.
 * Each entry: [label, cmd, args, opts]; every command runs `runs` times.
 */
function measureSide(entries, runs = RUNS) {
  for (const [, cmd, args, opts = {}] of entries) {
    for (let i = 0; i < (opts.warmup ?? 1); i++) spawnSync(cmd, args, { cwd: opts.cwd, env: opts.env ?? gitEnv, maxBuffer: 1 << 28 });
  }
  const samples = entries.map(() => ({ times: [], rssKb: 0, nodeRssKb: 0, out: '' }));
  for (let i = 0; i < runs; i++) {
    entries.forEach(([label, cmd, args, opts = {}], j) => {
      const r = runOnce(label, cmd, args, opts);
      const s = samples[j];
      s.times.push(r.ms);
      s.rssKb = Math.max(s.rssKb, r.rssKb);
      s.nodeRssKb = Math.max(s.nodeRssKb, r.nodeRssKb);
      s.out = r.out;
    });
  }
  return entries.map(([label, cmd, args, opts = {}], j) => {
    const { times, rssKb, nodeRssKb, out } = samples[j];
    times.sort((a, b) => a - b);
    const res = { label, best: times[0], median: times[Math.floor(times.length / 2)], rssMb: rssKb / 1024, nodeRssMb: nodeRssKb / 1024, out };
    const own = nodeRssKb ? ` (node process alone ${res.nodeRssMb.toFixed(0)} MB)` : '';
    log(`  ${label.padEnd(44)} best ${fmt(res.best)}  median ${fmt(res.median)}  peak RSS ${res.rssMb.toFixed(0)} MB${own}`);
    const unset = opts.env ? Object.keys(gitEnv).filter((k) => !(k in opts.env)).map((k) => `-u ${k} `).join('') : '';
    log(`    $ ${unset ? `env ${unset}` : ''}${[cmd, ...args].map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ')}${opts.cwd ? `   (in ${path.relative(repoRoot, opts.cwd)})` : ''}`);
    return res;
  });
}

const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`).padStart(8);
const ratio = (a, b) => `${(a / b).toFixed(2)}x`;

function secretlintSetup() {
  const dir = path.join(BENCH, 'secretlint');
  if (!existsSync(path.join(dir, 'node_modules/.bin/secretlint'))) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), '{"private":true}\n');
    sh('npm', ['install', '--no-audit', '--no-fund', '--silent', 'secretlint@13', '@secretlint/secretlint-rule-pattern@13'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  }
  const rc = path.join(dir, '.secretlintrc.json');
  writeFileSync(rc, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-pattern', options: { patterns: [{ name: 'DHMAD key', pattern: `/${PATTERN}/` }] } }] }));
  return { bin: path.join(dir, 'node_modules/.bin/secretlint'), rc, version: sh(path.join(dir, 'node_modules/.bin/secretlint'), ['--version']).trim() };
}

/**
 * NODE_EXTRA_CA_CERTS makes every node process parse that CA file at start-up
 * (node 20 does it eagerly), before any of its own code runs. Where it is set,
 * node-side figures are also given without it, so the start-up tax of this
 * machine and the tool's own cost can be told apart.
 */
const CA_VAR = 'NODE_EXTRA_CA_CERTS';
const caSet = Boolean(process.env[CA_VAR]);
const noCaEnv = (() => {
  const env = { ...gitEnv };
  delete env[CA_VAR];
  return env;
})();

function main() {
  log('# dhmad-scan benchmark');
  log(`node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}`);
  log(`${sh('git', ['--version']).trim()}; ${sh('rg', ['--version']).split('\n')[0]}`);
  log(`runs per command: ${RUNS} or more, each after an unmeasured warm-up run (history: after one pass that fills the page cache)`);
  if (caSet) {
    log(`${CA_VAR} is set (${process.env[CA_VAR]}): every node process (dhmad-scan, secretlint, node -e 0) parses it at start-up; rg and git do not.`);
    const [withCa, withoutCa] = measureSide(
      [
        ['node -e 0', process.execPath, ['-e', '0']],
        [`node -e 0 without ${CA_VAR}`, process.execPath, ['-e', '0'], { env: noCaEnv }],
      ],
      RUNS + 2,
    );
    log(`  start-up cost of ${CA_VAR}: ~${(withCa.median - withoutCa.median).toFixed(0)} ms per node process; node figures are given with and without it`);
  }
  log();

  if (want('tree')) {
    const tree = buildTree();
    log(`## Working tree: ${(tree.bytes / 1e6).toFixed(0)} MB, ${tree.files} files (typescript ${tree.used.join(', ')}), ${tree.planted} planted keys`);
    spawnSync('rg', ['-uuu', '-c', PATTERN, TREE]); // warm the page cache
    const [dh, dht, rg, dhtNoCa] = measureSide(
      [
        ['dhmad-scan (tree)', process.execPath, ['-r', RSS_HOOK, CLI, '--format', 'json', TREE], { expectStatus: 1 }],
        // The default command line (text output, no option) does not load yargs.
        ['dhmad-scan (tree, default text output)', process.execPath, [CLI, TREE], { expectStatus: 1 }],
        ['rg -uuu (same pattern)', 'rg', ['-uuu', '-c', '--no-messages', PATTERN, TREE]],
        ...(caSet ? [[`dhmad-scan (tree, text) without ${CA_VAR}`, process.execPath, [CLI, TREE], { expectStatus: 1, env: noCaEnv }]] : []),
      ],
      RUNS + 2,
    );
    const found = JSON.parse(dh.out).findings.filter((f) => !f.ruleId.startsWith('env-')).length;
    const rgFound = rg.out.split('\n').filter(Boolean).length;
    const empty = path.join(BENCH, 'empty');
    rmSync(empty, { recursive: true, force: true });
    mkdirSync(empty);
    sh('git', ['init', '-q', empty]);
    const [idle, idleText] = measureSide(
      [
        ['dhmad-scan (empty repository: fixed cost)', process.execPath, [CLI, '--format', 'json', empty]],
        ['dhmad-scan (empty repository, default output)', process.execPath, [CLI, empty]],
      ],
      RUNS + 2,
    );
    log(`  fixed cost (node, modules, git): ~${idle.median.toFixed(0)} ms with --format json, ~${idleText.median.toFixed(0)} ms with the default output; scanning the tree itself: ~${(dh.median - idle.median).toFixed(0)} ms`);
    log(`  dhmad-scan found ${found} keys, rg matched ${rgFound} files; dhmad-scan / rg = ${ratio(dh.median, rg.median)} with --format json, ${ratio(dht.median, rg.median)} with the default output${dhtNoCa ? `, ${ratio(dhtNoCa.median, rg.median)} with the default output without ${CA_VAR}` : ''} (target <= 1.5x); peak RSS ${dh.rssMb.toFixed(0)} MB with git, ${dh.nodeRssMb.toFixed(0)} MB node alone (target < 200 MB)`);
    log();

    const sl = secretlintSetup();
    log(`## Against secretlint ${sl.version} with a pattern rule for the same keys, on the same tree`);
    // --no-gitignore: .bench/ is ignored by this repository, and secretlint 13 honours that by default.
    const slArgs = ['--secretlintrc', sl.rc, '--no-gitignore', '--format', 'compact', '--no-color', '**/*'];
    const [sls, slsNoCa] = measureSide(
      [
        ['secretlint (pattern rule)', sl.bin, slArgs, { cwd: TREE, expectStatus: 1 }],
        ...(caSet ? [[`secretlint without ${CA_VAR}`, sl.bin, slArgs, { cwd: TREE, expectStatus: 1, env: noCaEnv }]] : []),
      ],
      3,
    );
    const slFound = sls.out.split('\n').filter((l) => l.includes('secretlint-rule-pattern')).length;
    log(`  secretlint reported ${slFound} matches; secretlint / dhmad-scan = ${ratio(sls.median, dh.median)} with --format json, ${ratio(sls.median, dht.median)} with the default output${slsNoCa ? `, ${ratio(slsNoCa.median, dhtNoCa.median)} with the default output, both without ${CA_VAR}` : ''} (target >= 20x)`);
    log();
  }

  if (want('history')) {
    const historyVersions = VERSIONS;
    buildHistory(historyVersions);
    const blobs = sh('sh', ['-c', 'git cat-file --batch-all-objects --batch-check="%(objecttype) %(objectsize)" | awk \'$1=="blob"{n++; s+=$2} END{print n, s}\''], { cwd: HISTORY }).trim().split(' ');
    const commits = sh('git', ['rev-list', '--count', '--all'], { cwd: HISTORY }).trim();
    log(`## History: ${commits} commits (typescript ${historyVersions[0]}..${historyVersions.at(-1)}, one commit per changed file), ${blobs[0]} blobs, ${(Number(blobs[1]) / 1e6).toFixed(0)} MB of distinct blob content`);
    spawnSync('sh', ['-c', 'git cat-file --batch-all-objects --batch --unordered > /dev/null'], { cwd: HISTORY });
    const [dhh, pipe] = measureSide([
      ['dhmad-scan --history', process.execPath, ['-r', RSS_HOOK, CLI, '--history', '--format', 'json'], { cwd: HISTORY, expectStatus: 1, warmup: 0 }],
      ['git cat-file --batch-all-objects --batch | rg', 'sh', ['-c', `git cat-file --batch-all-objects --batch --unordered | rg -c -a '${PATTERN}'`], { cwd: HISTORY, warmup: 0 }],
    ]);
    log(`  dhmad-scan found ${JSON.parse(dhh.out).findings.length} findings (with introducing commits); dhmad-scan / pipeline = ${ratio(dhh.median, pipe.median)} (target <= 1.5x); peak RSS ${dhh.rssMb.toFixed(0)} MB with git cat-file, ${dhh.nodeRssMb.toFixed(0)} MB node alone`);
    log();
  }

  if (want('precommit')) {
    // A real project with history (a clone of this repository) and one edited file staged, as a pre-commit hook sees it.
    const pc = path.join(BENCH, 'precommit');
    rmSync(pc, { recursive: true, force: true });
    sh('git', ['clone', '-q', '--no-hardlinks', repoRoot, pc]);
    const trackedFiles = sh('git', ['ls-files', '-z'], { cwd: pc }).split('\0').filter(Boolean).length;
    writeFileSync(path.join(pc, 'README.md'), readFileSync(path.join(pc, 'README.md'), 'utf8') + '\nOne more line.\n');
    sh('git', ['add', 'README.md'], { cwd: pc });
    log(`## Pre-commit with one staged file (a clone of this repository: ${trackedFiles} tracked files, README.md edited and staged)`);
    // Runs of ~100 ms on a shared machine: many of them, the two commands taking turns.
    const runs = Math.max(RUNS, 30);
    const [st, bare, stNoCa, bareNoCa] = measureSide(
      [
        ['dhmad-scan --staged', process.execPath, [CLI, '--staged'], { cwd: pc, expectStatus: 0 }],
        ['node -e 0', process.execPath, ['-e', '0'], { cwd: pc }],
        ...(caSet
          ? [
              [`dhmad-scan --staged without ${CA_VAR}`, process.execPath, [CLI, '--staged'], { cwd: pc, expectStatus: 0, env: noCaEnv }],
              [`node -e 0 without ${CA_VAR}`, process.execPath, ['-e', '0'], { cwd: pc, env: noCaEnv }],
            ]
          : []),
      ],
      runs,
    );
    log(`  dhmad-scan --staged / node -e 0 = ${ratio(st.median, bare.median)} (target <= 1.5x)`);
    if (caSet) {
      log(`  without ${CA_VAR}: dhmad-scan --staged / node -e 0 = ${ratio(stNoCa.median, bareNoCa.median)}; dhmad-scan's own cost over node's start: ~${(stNoCa.median - bareNoCa.median).toFixed(0)} ms`);
    }
  }
}

main();

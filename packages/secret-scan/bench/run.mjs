// dhmad-scan benchmark, side by side with its peers in the same run: a many-files tree vs
// `rg -uuu`, a git checkout and `--staged` vs `node -e 0` and `rg`, history vs
// `git cat-file --batch-all-objects --batch | rg`, and optionally secretlint. Corpora are
// built at bench time from the npm registry (see corpora.mjs), never committed.
//
//   npm run bench -w @dhmad/secret-scan                  every section, BENCH_RUNS (default 5) runs each
//   BENCH_ONLY=checkout,staged npm run bench -w ...       some sections: startup, many-files, checkout,
//                                                         staged, history, secretlint (not in the default)
//   BENCH_DIR=/somewhere npm run bench -w ...             where corpora are built (outside any repository)
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH, buildCheckout, buildHistory, buildIncremental, buildManyFiles, gitEnv, sh } from './corpora.mjs';
import { fmt, log, measureSide, ratio } from './measure.mjs';
import { secretlintSetup } from './secretlint.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
// The bin users run (package.json `bin`), as npm links it.
const CLI = path.resolve(here, '..', JSON.parse(readFileSync(path.join(here, '../package.json'), 'utf8')).bin['dhmad-scan']);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SECTIONS = ['startup', 'many-files', 'checkout', 'staged', 'history', 'incremental'];
const ONLY = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',') : SECTIONS;
const want = (section) => ONLY.includes(section);
const PATTERN = 'sk_(live|sandbox)_[0-9a-fA-F]{20,}';
// Preloaded into dhmad-scan runs: prints node's own peak RSS (all its threads), apart from the git it starts.
const RSS_HOOK = path.join(here, 'report-rss.cjs');
const node = (label, args, opts = {}) => ({ label, cmd: process.execPath, args, ...opts });

/**
 * NODE_EXTRA_CA_CERTS makes every node process parse that CA file at start-up (node 20
 * does it eagerly), before any of its own code runs. Where it is set, node-side figures
 * are also given without it; the goals compare with `node -e 0` in the same environment.
 */
const CA_VAR = 'NODE_EXTRA_CA_CERTS';
const caSet = Boolean(process.env[CA_VAR]);
const noCaEnv = (() => {
  const env = { ...gitEnv };
  delete env[CA_VAR];
  return env;
})();
/** The entry, and (where the CA file is set) the same entry without it. */
const withAndWithoutCa = (e) => (caSet ? [e, { ...e, label: `${e.label} w/o CA`, env: noCaEnv }] : [e]);
const pick = (results, label) => results.find((r) => r.label === label);

function requireTools() {
  for (const [tool, args] of [['rg', ['--version']], ['git', ['--version']], ['/usr/bin/time', ['-f', '', 'true']]]) {
    if (spawnSync(tool, args).status !== 0) throw new Error(`The bench needs ${tool}: apt-get install ripgrep git time`);
  }
}

/** `dhmad-scan` minus `node -e 0`, for the entries measured together. */
function beyondNode(results, dhLabel, nodeLabel) {
  return pick(results, dhLabel).median - pick(results, nodeLabel).median;
}

function main() {
  requireTools();
  log('# dhmad-scan benchmark');
  log(`node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  log(`${sh('git', ['--version']).trim()}; ${sh('rg', ['--version']).split('\n')[0]}; corpora in ${BENCH}`);
  log(`medians of ${RUNS} runs (more for the short ones), each command after an unmeasured warm-up run, the compared commands taking turns run by run`);
  if (caSet) log(`${CA_VAR} is set: every node process parses it at start-up; "w/o CA" rows run without it`);
  log();

  if (want('startup')) {
    log('## Start-up: node itself');
    const r = measureSide([...withAndWithoutCa(node('node -e 0', ['-e', '0']))], Math.max(RUNS, 20));
    if (caSet) log(`  ${CA_VAR} costs ~${(r[0].median - r[1].median).toFixed(0)} ms per node start`);
    log();
  }

  if (want('many-files')) {
    const c = buildManyFiles();
    log(`## Many files: ${c.files} files, ${(c.bytes / 1e6).toFixed(0)} MB, not a git repository (the node_modules of one install of ${Object.keys(JSON.parse(readFileSync(path.join(c.dir, 'package.json'), 'utf8')).dependencies).length} popular packages), ${c.planted} planted keys`);
    spawnSync('rg', ['-uuu', '-c', PATTERN, c.dir]); // the page cache
    const r = measureSide(
      [
        node('dhmad-scan', ['-r', RSS_HOOK, CLI, c.dir], { expectStatus: 1 }),
        { label: 'rg -uuu', cmd: 'rg', args: ['-uuu', '-c', '--no-messages', PATTERN, c.dir] },
        ...(caSet ? [node('dhmad-scan w/o CA', [CLI, c.dir], { expectStatus: 1, env: noCaEnv })] : []),
      ],
      RUNS,
    );
    const [dh, rg] = r;
    log(`  dhmad-scan / rg -uuu = ${ratio(dh.median, rg.median)} (goal <= 1.5x); peak RSS ${dh.nodeRssMb.toFixed(0)} MB node alone, ${dh.rssMb.toFixed(0)} MB with the git it starts (goal < 200 MB)`);
    log();
  }

  if (want('checkout') || want('staged')) {
    const c = buildCheckout();
    log(`## Git checkout: ${c.tracked} tracked files, ${(c.bytes / 1e6).toFixed(0)} MB (${process.env.BENCH_CHECKOUT ? path.basename(process.env.BENCH_CHECKOUT) : 'rxjs 7.8.2 as published'}), ${c.planted} planted keys, README.md edited and staged`);
    if (want('checkout')) {
      const runs = Math.max(RUNS, 20);
      const r = measureSide(
        [
          ...withAndWithoutCa(node('dhmad-scan', [CLI], { cwd: c.dir, expectStatus: 1 })),
          ...withAndWithoutCa(node('node -e 0', ['-e', '0'], { cwd: c.dir })),
          { label: 'rg', cmd: 'rg', args: ['-c', '--no-messages', PATTERN], cwd: c.dir },
        ],
        runs,
        BENCH,
      );
      const rg = pick(r, 'rg').median;
      const beyond = beyondNode(r, 'dhmad-scan', 'node -e 0');
      log(`  working tree: dhmad-scan adds ${fmt(beyond)} to node -e 0 = ${ratio(beyond, rg)} rg's ${fmt(rg)} (goal <= 2x)`);
      if (caSet) log(`  without ${CA_VAR}: adds ${fmt(beyondNode(r, 'dhmad-scan w/o CA', 'node -e 0 w/o CA'))} = ${ratio(beyondNode(r, 'dhmad-scan w/o CA', 'node -e 0 w/o CA'), rg)} rg`);
    }
    if (want('staged')) {
      const r = measureSide(
        [...withAndWithoutCa(node('dhmad-scan --staged', [CLI, '--staged'], { cwd: c.dir, expectStatus: 0 })), ...withAndWithoutCa(node('node -e 0', ['-e', '0'], { cwd: c.dir }))],
        Math.max(RUNS, 30),
        BENCH,
      );
      log(`  --staged, one file: node -e 0 + ${fmt(beyondNode(r, 'dhmad-scan --staged', 'node -e 0'))} (goal <= node + 20 ms)`);
      if (caSet) log(`  without ${CA_VAR}: node -e 0 + ${fmt(beyondNode(r, 'dhmad-scan --staged w/o CA', 'node -e 0 w/o CA'))}`);
    }
    log();
  }

  if (want('history')) {
    const h = buildHistory();
    log(`## History: ${h.commits} commits (all ${h.releases} releases of eslint ${h.first}..${h.last}, one commit per changed file, small notes commits between), ${h.blobs} blobs, ${(h.blobBytes / 1e6).toFixed(0)} MB of distinct blob content, ${h.planted} planted keys`);
    spawnSync('sh', ['-c', 'git cat-file --batch-all-objects --batch --unordered > /dev/null'], { cwd: h.dir });
    const r = measureSide(
      [
        node('dhmad-scan --history', ['-r', RSS_HOOK, CLI, '--history', '--format', 'json'], { cwd: h.dir, expectStatus: 1 }),
        { label: 'git cat-file --batch-all-objects | rg', cmd: 'sh', args: ['-c', `git cat-file --batch-all-objects --batch --unordered | rg -c -a '${PATTERN}'`], cwd: h.dir },
      ],
      RUNS,
      BENCH,
    );
    const found = JSON.parse(r[0].out).findings.length;
    log(`  dhmad-scan found ${found} findings with their introducing commits; dhmad-scan / pipeline = ${ratio(r[0].median, r[1].median)} (goal <= 1.0x); peak RSS ${r[0].nodeRssMb.toFixed(0)} MB node alone`);
    log();
  }

  if (want('incremental')) {
    const h = buildHistory();
    const fresh = 3;
    const inc = buildIncremental(h, fresh, (dir, checkpoint) => {
      const r = spawnSync(process.execPath, [CLI, '--history', '--checkpoint', checkpoint], { cwd: dir, env: gitEnv, stdio: 'ignore' });
      if (r.status !== 1) throw new Error(`the scan that writes the checkpoint exited ${r.status}, expected 1 (the planted keys)`);
    });
    log(`## Incremental history: the history corpus plus ${fresh} new commits, with a checkpoint of the rest`);
    // Each incremental run starts from the same checkpoint (a run updates it).
    const run = path.join(BENCH, 'incremental-run.json');
    const r = measureSide(
      [
        node('dhmad-scan --history (full)', [CLI, '--history'], { cwd: inc.dir, expectStatus: 1 }),
        { label: 'dhmad-scan --history --checkpoint', cmd: 'sh', args: ['-c', `cp "${inc.checkpoint}" "${run}" && exec "${process.execPath}" "${CLI}" --history --checkpoint "${run}"`], cwd: inc.dir, expectStatus: 1 },
      ],
      RUNS,
      BENCH,
    );
    log(`  a rerun after ${fresh} new commits costs ${((100 * r[1].median) / r[0].median).toFixed(1)}% of a full scan (goal < 5%)`);
    log();
  }

  if (want('secretlint')) {
    const c = buildCheckout();
    const sl = secretlintSetup(PATTERN);
    log(`## Against secretlint ${sl.version} with a pattern rule for the same keys, on the checkout`);
    const args = ['--secretlintrc', sl.rc, '--format', 'compact', '--no-color', '**/*'];
    const r = measureSide([node('dhmad-scan', [CLI], { cwd: c.dir, expectStatus: 1 }), { label: 'secretlint', cmd: sl.bin, args, cwd: c.dir, expectStatus: 1 }], 3, BENCH);
    log(`  secretlint / dhmad-scan = ${ratio(r[1].median, r[0].median)}`);
  }
}

main();

// Lints a real code base (eslint 9's own published sources, ~415 .js files, from
// the npm registry) with @eslint/js recommended plus @dhmad/eslint-plugin, and
// prints each rule's time from ESLint's `stats` data and the plugin's share of
// the whole lint time (target: under 1%).
//
// A few planted files, linted from memory so no key-shaped string is ever
// written to disk, make every rule do its real work at least once: two run-time
// keys, a dotenv loader (which makes require-env-gitignore read this very
// repository's git index and .gitignore files), and a public env variable.
//
// Run: npm run bench -w @dhmad/eslint-plugin   (build first: npx tsc -b packages/eslint-plugin)
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import dhmad from '@dhmad/eslint-plugin';
import { ESLint } from 'eslint';
import globals from 'globals';

const CORPUS_PACKAGE = 'eslint@9.39.5';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const repoRoot = path.resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const benchDir = path.join(repoRoot, '.bench', 'eslint-plugin');
const corpus = path.join(benchDir, 'package');

function prepareCorpus() {
  if (!existsSync(path.join(corpus, 'package.json'))) {
    mkdirSync(benchDir, { recursive: true });
    console.log(`$ npm pack ${CORPUS_PACKAGE} --pack-destination ${benchDir}`);
    const out = execFileSync('npm', ['pack', CORPUS_PACKAGE, '--pack-destination', benchDir, '--json'], { encoding: 'utf8' });
    const [{ filename }] = JSON.parse(out);
    execFileSync('tar', ['-xzf', path.join(benchDir, filename), '-C', benchDir]);
  }
  // Its own repository (every file staged, no .gitignore), so the planted loader
  // costs a real `git ls-files` and is reported; this repository ignores .bench/.
  if (!existsSync(path.join(corpus, '.git'))) {
    console.log(`$ git init && git add -A   (in ${path.relative(repoRoot, corpus)})`);
    execFileSync('git', ['init', '-q'], { cwd: corpus });
    execFileSync('git', ['add', '-A'], { cwd: corpus });
  }
}

function listJs(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listJs(p));
    else if (entry.name.endsWith('.js')) out.push(p);
  }
  return out;
}

const key = (env) => 'sk_' + env + '_' + randomBytes(32).toString('hex');
const planted = [
  ['lib/planted-client.js', `'use strict';\nmodule.exports = { apiKey: '${key('live')}' };\n// previous: ${key('sandbox')}\n`],
  ['lib/planted-env.js', "'use strict';\nrequire('dotenv').config({ path: 'config/app.env' });\nmodule.exports = process.env.NEXT_PUBLIC_DHMAD_API_KEY;\n"],
];

const config = [
  { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } } },
  js.configs.recommended,
  dhmad.configs.recommended,
];

function ms(n) {
  return n.toFixed(n < 10 ? 3 : 1);
}

async function runOnce() {
  const eslint = new ESLint({ cwd: corpus, overrideConfigFile: true, overrideConfig: config, stats: true });
  const started = process.hrtime.bigint();
  const results = await eslint.lintFiles(['.']);
  for (const [file, code] of planted) {
    results.push(...(await eslint.lintText(code, { filePath: path.join(corpus, file) })));
  }
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const rules = new Map();
  /** Per-file times of each @dhmad rule on the unplanted corpus files. */
  const corpusFileTimes = new Map();
  const plantedPaths = new Set(planted.map(([file]) => path.join(corpus, file)));
  let total = 0;
  let parse = 0;
  for (const r of results) {
    if (!plantedPaths.has(r.filePath)) {
      for (const pass of r.stats?.times.passes ?? []) {
        for (const [id, t] of Object.entries(pass.rules ?? {})) {
          if (id.startsWith('@dhmad/')) corpusFileTimes.set(id, [...(corpusFileTimes.get(id) ?? []), t.total]);
        }
      }
    }
    for (const pass of r.stats?.times.passes ?? []) {
      total += pass.total ?? 0;
      parse += pass.parse?.total ?? 0;
      for (const [id, t] of Object.entries(pass.rules ?? {})) rules.set(id, (rules.get(id) ?? 0) + t.total);
    }
  }
  const findings = results.flatMap((r) => r.messages.filter((m) => m.ruleId?.startsWith('@dhmad/')));
  return { files: results.length, wallMs, total, parse, rules, findings, corpusFileTimes };
}

prepareCorpus();
const files = listJs(corpus);
const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
console.log(`$ npm run bench -w @dhmad/eslint-plugin   (BENCH_RUNS=${RUNS})`);
console.log(
  `node ${process.version}, ESLint ${ESLint.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'} x${os.cpus().length}, ${os.platform()} ${os.release()}`,
);
console.log(
  `corpus: ${CORPUS_PACKAGE} from the npm registry, ${files.length} .js files, ${(bytes / 1024).toFixed(0)} KiB, in ${path.relative(repoRoot, corpus)}; +${planted.length} planted files linted from memory`,
);
console.log('config: @eslint/js recommended + @dhmad/eslint-plugin recommended; times from ESLint `stats` (parse + rules + fixes per file)\n');

const runs = [];
for (let i = 0; i < RUNS; i++) {
  const run = await runOnce();
  runs.push(run);
  const plugin = [...run.rules].filter(([id]) => id.startsWith('@dhmad/')).reduce((n, [, t]) => n + t, 0);
  console.log(
    `run ${i + 1}: ${run.files} files, wall ${ms(run.wallMs)} ms, lint total ${ms(run.total)} ms (parse ${ms(run.parse)} ms), @dhmad rules ${ms(plugin)} ms = ${((100 * plugin) / run.total).toFixed(3)}%`,
  );
}

// Run 1 is a cold CLI run (JIT warm-up, first git index read); the later ones are
// what an editor's long-lived ESLint sees. The verdict uses the median warm run.
const byShare = (run) => [...run.rules].filter(([id]) => id.startsWith('@dhmad/')).reduce((n, [, t]) => n + t, 0) / run.total;
const warm = runs.length > 1 ? runs.slice(1) : runs;
const median = [...warm].sort((a, b) => byShare(a) - byShare(b))[Math.floor(warm.length / 2)];
console.log(`\ncold run (run 1): @dhmad rules ${(100 * byShare(runs[0])).toFixed(3)}% of lint time`);
console.log(`warm runs (2..${runs.length}): @dhmad rules ${warm.map((r) => (100 * byShare(r)).toFixed(3) + '%').join(', ')}`);
const ruleTotal = [...median.rules.values()].reduce((a, b) => a + b, 0);
console.log(`\nmedian run, per rule (all ${median.rules.size} rules: ${ms(ruleTotal)} ms of ${ms(median.total)} ms lint total):`);
const rows = [...median.rules].sort((a, b) => b[1] - a[1]);
const shown = [...rows.slice(0, 8), ...rows.filter(([id], i) => id.startsWith('@dhmad/') && i >= 8)];
for (const [id, t] of shown) {
  console.log(
    `  ${id.padEnd(34)} ${ms(t).padStart(9)} ms  ${((100 * t) / median.total).toFixed(3).padStart(7)}% of lint  ${((1000 * t) / median.files).toFixed(1).padStart(7)} us/file`,
  );
}
const pluginMs = rows.filter(([id]) => id.startsWith('@dhmad/')).reduce((n, [, t]) => n + t, 0);
const share = (100 * pluginMs) / median.total;
console.log(`\nper file on the ${median.files - planted.length} corpus files (no key, loader or public variable in them), median run:`);
for (const [id, times] of median.corpusFileTimes) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q) => (1000 * sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]).toFixed(1);
  console.log(`  ${id.padEnd(34)} median ${at(0.5).padStart(6)} us  p90 ${at(0.9).padStart(6)} us  max ${at(1).padStart(7)} us`);
}
console.log(`\n@dhmad/eslint-plugin: ${ms(pluginMs)} ms = ${share.toFixed(3)}% of lint time (target < 1%): ${share < 1 ? 'OK' : 'OVER TARGET'}`);
console.log(`planted findings: ${median.findings.map((f) => `${f.ruleId}:${f.messageId}`).join(', ')}`);
if (share >= 1) process.exitCode = 1;

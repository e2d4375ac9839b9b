#!/usr/bin/env node
// A committed file, not a build output, so that `npm ci` links the bin before the first build,
// and a rebuild never takes its execute bit away. The CLI is the bundle `npm run build` makes.
//
// The bundle is compiled from the V8 code cache the build writes beside it: parsing and
// compiling 150 KB of JavaScript was the largest part of what a `--staged` run added to node's
// own start. V8 takes a cache only from its own version and flags (after a node upgrade the
// bundle compiles from source, as before) and checks no more of the source than its length, so
// the cache also starts with the build digest the bundle's first line carries: a rebuilt bundle
// is never run as the code of an older one. scripts/bundle.mjs makes both, with compileBundle.
'use strict';
const { readFileSync } = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

const BUNDLE = path.join(__dirname, '../dist/dhmad-scan.cjs');
const CACHE = `${BUNDLE}.cache`;
/** How the bundle scripts/bundle.mjs writes starts: its build digest follows. */
const BUILD_LINE = '// dhmad-scan build ';

/** The bundle's text as one script: a CommonJS module body in node's own wrapper. */
function compileBundle(source, cachedData) {
  return new vm.Script(Module.wrap(source), { filename: BUNDLE, cachedData });
}

/** The build digest line a cache of `source` starts with. */
function stampOf(source) {
  return `${source.slice(0, source.indexOf('\n'))}\n`;
}

/** The V8 data of the cache file when it was made from this `source`, else undefined. */
function cachedDataFor(source) {
  let cache;
  try {
    cache = readFileSync(CACHE);
  } catch {
    return undefined;
  }
  const stamp = stampOf(source);
  return cache.toString('latin1', 0, stamp.length) === stamp ? cache.subarray(stamp.length) : undefined;
}

function run() {
  let source;
  try {
    source = readFileSync(BUNDLE, 'utf8');
  } catch {
    process.stderr.write('dhmad-scan: this copy is not built; run `npm run build` at the repository root first.\n');
    process.exit(2);
  }
  // A bundle built before the bin took a code cache (a checkout pulled and not rebuilt) has no
  // build line, and a shebang the module wrapper cannot hold: node loads it as before.
  if (!source.startsWith(BUILD_LINE)) return void require(BUNDLE);
  const bundle = { exports: {} };
  compileBundle(source, cachedDataFor(source)).runInThisContext()(bundle.exports, Module.createRequire(BUNDLE), bundle, BUNDLE, path.dirname(BUNDLE));
}

if (require.main === module) run();
else module.exports = { BUNDLE, CACHE, compileBundle, stampOf, cachedDataFor };

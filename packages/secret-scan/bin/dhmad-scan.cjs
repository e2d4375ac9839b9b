#!/usr/bin/env node
// A committed file, not a build output, so that `npm ci` links the bin before the first build,
// and a rebuild never takes its execute bit away. The CLI is the bundle `npm run build` makes.
'use strict';
let bundle;
try {
  bundle = require.resolve('../dist/dhmad-scan.cjs');
} catch {
  process.stderr.write('dhmad-scan: this copy is not built; run `npm run build` at the repository root first.\n');
  process.exit(2);
}
require(bundle);

#!/usr/bin/env node
// A committed file, not a build output, so that `npm ci` links the bin before the first build,
// and a rebuild never takes its execute bit away. The CLI itself is dist/cli.js.
import('../dist/cli.js').catch((e) => {
  if (e?.code === 'ERR_MODULE_NOT_FOUND' && String(e.url ?? e.message).includes('/dist/cli.js')) {
    process.stderr.write('dhmad-org-scan: this copy is not built; run `npm run build` at the repository root first.\n');
    process.exit(2);
  }
  throw e;
});

// Builds what the package's `exports` name, after `tsc -b` has written the declarations:
//
// - dist/index.js, the plugin as one ES module. The two things the rules use at run time
//   from @typescript-eslint/utils (the AST_NODE_TYPES enum and ESLintUtils' RuleCreator)
//   are copied in, so the package does not depend on @typescript-eslint/utils, whose peer
//   dependency on typescript would make npm install TypeScript into JavaScript-only apps.
//   A rule that starts using more of it fails this build ("No matching export"): add it to
//   UTILS_AT_RUN_TIME. @dhmad/sdk and ignore stay dependencies.
// - dist/index.cjs for require(): the same module, so a CommonJS config and an ESM config
//   get the very same plugin object (ESLint refuses two different objects under one name).
//   It relies on require() of an ES module, which Node has without a flag from 20.19
//   (the package's engines).
// - dist/index.d.cts, the declarations of that CommonJS entry.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
/** What npm installs with the plugin is loaded from there; everything else is copied in. */
const installed = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies });

const UTILS_AT_RUN_TIME = [
  "export { AST_NODE_TYPES } from '@typescript-eslint/types';",
  "export * as ESLintUtils from '@typescript-eslint/utils/eslint-utils';",
].join('\n');

const result = await build({
  entryPoints: [join(root, 'src/index.ts')],
  outfile: join(dist, 'index.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  external: installed.flatMap((name) => [name, `${name}/*`]),
  plugins: [
    {
      name: 'typescript-eslint-utils-at-run-time',
      setup(b) {
        b.onResolve({ filter: /^@typescript-eslint\/utils$/ }, () => ({ path: 'utils', namespace: 'utils-at-run-time' }));
        b.onLoad({ filter: /.*/, namespace: 'utils-at-run-time' }, () => ({ contents: UTILS_AT_RUN_TIME, loader: 'js', resolveDir: root }));
      },
    },
  ],
  sourcemap: false,
  legalComments: 'eof',
  charset: 'utf8',
  logLevel: 'warning',
  absWorkingDir: root,
  metafile: true,
});

await writeFile(join(dist, 'index.cjs'), "'use strict';\n// The plugin itself, not a module namespace: see scripts/bundle.mjs.\nmodule.exports = require('./index.js').default;\n");
await writeFile(
  join(dist, 'index.d.cts'),
  "declare const plugin: import('./index.js', { with: { 'resolution-mode': 'import' } }).DhmadPlugin;\nexport = plugin;\n",
);

// JavaScript an older build (tsc's per-file output) left here would be packed and never run.
const written = new Set(['index.js', 'index.cjs']);
for (const entry of await readdir(dist, { recursive: true, withFileTypes: true })) {
  const file = relative(dist, join(entry.parentPath, entry.name));
  if (entry.isFile() && /\.js(\.map)?$/.test(file) && !written.has(file)) await rm(join(dist, file));
}
const inputs = Object.keys(result.metafile.inputs).filter((i) => i.includes('node_modules'));
if (inputs.some((i) => /node_modules\/(typescript|eslint)\//.test(i))) throw new Error(`the bundle must not carry typescript or eslint: ${inputs.join(', ')}`);

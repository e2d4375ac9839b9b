// Bundles the CLI into one CommonJS file. A pre-commit hook pays for every module node loads:
// with one file the first git run of `--staged` started 4 ms after node's own start-up instead
// of 18 ms with the 15 ES modules of tsc's output that such a run loads (no ESM loader, no
// module resolution). The library (`exports`) stays the ES modules tsc emits. Run after
// `tsc -b` (it inlines the build of @dhmad/sdk and @dhmad/git-facts).
//
//   node scripts/bundle.mjs               dist/dhmad-scan.cjs, which the bin (bin/dhmad-scan.cjs)
//                                         loads, and dist/dhmad-scan.cjs.cache, the V8 code cache
//                                         the bin compiles it with; yargs stays a dependency.
//                                         `npm run build` runs it.
//   node scripts/bundle.mjs --standalone  standalone/dhmad-scan.cjs, committed: yargs inlined too,
//                                         so the file runs with nothing installed. The
//                                         pre-commit framework runs it from a clone of this
//                                         repository (.pre-commit-hooks.yaml, `language: script`).
//                                         Rebuild it with the sources and commit it, as the
//                                         Action's dist/; `npm run release:version` rebuilds it too.
//   node scripts/bundle.mjs --check       fails when the committed standalone/ is not what the
//                                         sources build: `npm test` runs it (`npm run check`), as it
//                                         checks the Action's dist/, so every commit, and so every
//                                         `rev` a user pins, carries its own scanner; the release
//                                         runs it again before publishing.
import { createHash } from 'node:crypto';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const STANDALONE = 'standalone/dhmad-scan.cjs';
// The bin (bin/dhmad-scan.cjs) compiles the bundle; the cache must be of the same compile.
const bin = createRequire(import.meta.url)('../bin/dhmad-scan.cjs');

/** The bundle's text; `standalone` inlines yargs and heads the file with a digest of every input. */
async function bundle(standalone) {
  const result = await build({
    entryPoints: [join(root, 'src/cli.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // Loaded only for the help, version and unusual command lines. By require(), not import():
    // code compiled from a V8 code cache cannot import() (node 20 loses the callback), and
    // yargs, an ES module, names its export for require() ('module.exports'), which node 20.19+
    // (engines) loads.
    external: standalone ? [] : ['yargs'],
    supported: { 'dynamic-import': false },
    // The scan threads run this same file, and the hook installer names it: give the bundle its own URL.
    inject: [join(root, 'scripts/import-meta-url.js')],
    define: { 'import.meta.url': 'importMetaUrl' },
    sourcemap: false,
    legalComments: 'eof',
    charset: 'utf8',
    logLevel: 'warning',
    absWorkingDir: root,
    metafile: standalone,
    write: false,
    outfile: join(root, 'dhmad-scan.cjs'),
  });
  const text = result.outputFiles[0].text;
  if (!standalone) return text;
  // The digest changes whenever anything the file is built from changes, even code the bundler
  // then drops, so a stale file shows in review and in the check.
  const digest = createHash('sha256');
  for (const input of Object.keys(result.metafile.inputs).sort()) {
    digest.update(input).update('\0').update(await readFile(join(root, input))).update('\0');
  }
  const [shebang, ...rest] = text.split('\n');
  return [shebang, `// Built by scripts/bundle.mjs --standalone from src/cli.ts; inputs sha256 ${digest.digest('hex')}`, ...rest].join('\n');
}

async function write(file, text) {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text);
}

if (process.argv.includes('--check')) {
  const want = await bundle(true);
  const have = await readFile(join(root, STANDALONE), 'utf8').catch(() => null);
  const executable = have !== null && ((await stat(join(root, STANDALONE))).mode & 0o111) !== 0;
  if (have !== want || !executable) {
    console.error(
      `packages/secret-scan/${STANDALONE} is ${have === null ? 'missing' : have !== want ? 'not what the sources build' : 'not executable'}.\n` +
        'Fix: npm run build && npm run build:standalone -w @dhmad/secret-scan, then commit it (npm run release:version does).',
    );
    process.exitCode = 1;
  } else {
    console.log(`packages/secret-scan/${STANDALONE} matches the sources.`);
  }
} else if (process.argv.includes('--standalone')) {
  await write(join(root, STANDALONE), await bundle(true));
  // pre-commit runs a `language: script` entry directly; git keeps the mode.
  await chmod(join(root, STANDALONE), 0o755);
} else {
  // No shebang: the bin compiles this text inside node's module wrapper, where one cannot stand.
  const body = (await bundle(false)).replace(/^#!.*\n/, '');
  const source = `// dhmad-scan build ${createHash('sha256').update(body).digest('hex')}\n${body}`;
  await write(bin.BUNDLE, source);
  await writeFile(bin.CACHE, Buffer.concat([Buffer.from(bin.stampOf(source), 'latin1'), codeCache(source)]));
}

/**
 * The V8 code cache of `source` as the bin compiles it. Compiled with lazy compilation off, so
 * it holds every function, not only the top level a compile without running reaches; lazy is
 * back on before the cache is made, because V8 refuses a cache made under other flags than its own.
 */
function codeCache(source) {
  setFlagsFromString('--no-lazy');
  let script;
  try {
    script = bin.compileBundle(source);
  } finally {
    setFlagsFromString('--lazy');
  }
  return script.createCachedData();
}

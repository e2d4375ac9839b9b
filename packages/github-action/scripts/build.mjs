// Bundles src/index.ts into dist/index.js, the file action.yml runs. `--check` builds
// into a temporary folder instead and fails when the committed dist/ differs, so
// `npm test` catches a source change committed without its bundle.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const check = process.argv.includes('--check');

async function bundle(outdir) {
  const result = await build({
    entryPoints: [join(root, 'src/index.ts')],
    outfile: join(outdir, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // Some bundled CommonJS dependencies call require() for Node built-ins.
    banner: { js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
    // No source map: it carries paths, and the bundle must be the same on every machine.
    sourcemap: false,
    legalComments: 'eof',
    charset: 'utf8',
    logLevel: 'warning',
    absWorkingDir: root,
    metafile: true,
    write: false,
  });
  // A digest of every input (our sources, the SDK's build, dependencies) heads the bundle,
  // so the committed dist/ changes whenever anything it was built from changes, even
  // code the bundler then drops; reviewers and tooling can tell a stale bundle by its commit.
  const digest = createHash('sha256');
  for (const input of Object.keys(result.metafile.inputs).sort()) {
    digest.update(input).update('\0').update(await readFile(join(root, input))).update('\0');
  }
  const header = `// Built by scripts/build.mjs from src/index.ts; inputs sha256 ${digest.digest('hex')}\n`;
  await mkdir(outdir, { recursive: true });
  for (const file of result.outputFiles) await writeFile(file.path, header + file.text);
}

async function files(dir) {
  try {
    return (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => relative(dir, join(e.parentPath, e.name)))
      .sort();
  } catch {
    return [];
  }
}

if (!check) {
  await rm(dist, { recursive: true, force: true });
  await bundle(dist);
  console.log(`built ${relative(process.cwd(), join(dist, 'index.js')) || 'dist/index.js'}`);
} else {
  const tmp = await mkdtemp(join(tmpdir(), 'dhmad-action-dist-'));
  try {
    await bundle(tmp);
    const [want, have] = [await files(tmp), await files(dist)];
    const stale = want.join() !== have.join() ? ['file list'] : [];
    for (const f of want) {
      if (stale.length === 0 && !(await readFile(join(tmp, f))).equals(await readFile(join(dist, f)))) stale.push(f);
    }
    if (stale.length > 0) {
      console.error(
        `packages/github-action/dist/ is not what the sources build (${stale.join(', ')} differs).\n` +
          'Fix: npx tsc -b packages/sdk && npm run build -w @dhmad/github-action, then commit packages/github-action/dist/.',
      );
      process.exitCode = 1;
    } else {
      console.log('packages/github-action/dist/ matches the sources.');
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

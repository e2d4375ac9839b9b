// The packages as a user gets them from the registry: every publishable workspace package is
// packed as npm would publish it, and the tarballs are installed into a new app in a temp folder
// outside the workspace (its own package.json from `npm init -y`, so CommonJS; no workspace
// links), with third-party packages from the registry. Everything below runs from that app.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GIT_ENV, tempDir, write } from './support/git.js';
import { assertNoKeys, liveKey, prefixOf } from './support/keys.js';
import { codeBlocks, codeBlockUnder, relativeLinks } from './support/markdown.js';
import { publishablePackages, repoRoot, type Manifest, type WorkspacePackage } from './support/workspace.js';

const exec = promisify(execFile);
const packages = publishablePackages();

/** Third-party packages the app installs next to ours, at the versions the workspace tests with. */
const workspaceVersion = (name: string): string =>
  (JSON.parse(readFileSync(path.join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
const THIRD_PARTY = [
  `eslint@${workspaceVersion('eslint')}`,
  `eslint9@npm:eslint@${workspaceVersion('eslint9')}`,
  `typescript@${workspaceVersion('typescript')}`,
  `@types/node@${workspaceVersion('@types/node')}`,
  // For the hook recipes; not in the workspace, so pinned here.
  'husky@9.1.7',
  'lint-staged@16.3.4',
];

interface Packed {
  pkg: WorkspacePackage;
  tarball: string;
  /** Paths inside the tarball, relative to its package folder. */
  files: Set<string>;
}

const base = tempDir('dhmad-install-');
const app = path.join(base, 'app');
const packed = new Map<string, Packed>();

/** The environment of every command run in the app: nothing of the workspace's. */
function appEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', HOME: app, ...extra };
  for (const k of Object.keys(env)) if (k.startsWith('DHMAD_') && !(k in extra)) delete env[k];
  delete env.NODE_OPTIONS;
  delete env.INIT_CWD;
  return env;
}

function inApp(cmd: string, args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  return exec(cmd, args, { cwd: options.cwd ?? app, env: appEnv(options.env), maxBuffer: 1 << 26 });
}

/** Like {@link inApp}, for a command expected to fail: its exit code and output. */
async function inAppStatus(cmd: string, args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  try {
    const { stdout, stderr } = await inApp(cmd, args, options);
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

beforeAll(async () => {
  const tarballs = path.join(base, 'tarballs');
  mkdirSync(tarballs);
  const { stdout } = await exec('npm', ['pack', '--json', '--pack-destination', tarballs, ...packages.flatMap((p) => ['-w', p.manifest.name])], {
    cwd: repoRoot,
  });
  for (const entry of JSON.parse(stdout) as Array<{ name: string; filename: string; files: Array<{ path: string }> }>) {
    const pkg = packages.find((p) => p.manifest.name === entry.name)!;
    packed.set(entry.name, { pkg, tarball: path.join(tarballs, entry.filename), files: new Set(entry.files.map((f) => f.path)) });
  }
  mkdirSync(app);
  await inApp('npm', ['init', '-y']);
  await inApp('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...[...packed.values()].map((p) => p.tarball), ...THIRD_PARTY]);
}, 180_000);

const running: ChildProcess[] = [];
afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
});

describe('the app', () => {
  it('is a CommonJS package outside the workspace, with every publishable package installed from its tarball', () => {
    expect(path.relative(repoRoot, app).startsWith('..')).toBe(true);
    expect((JSON.parse(readFileSync(path.join(app, 'package.json'), 'utf8')) as Manifest).type ?? 'commonjs').toBe('commonjs');
    expect(packed.size).toBe(packages.length);
    // Each of ours came from its tarball, never from a registry package of the same name.
    const lock = JSON.parse(readFileSync(path.join(app, 'package-lock.json'), 'utf8')) as { packages: Record<string, { resolved?: string }> };
    for (const name of packed.keys()) expect(lock.packages[`node_modules/${name}`]?.resolved, name).toMatch(/^file:/);
  });

  it('gets no TypeScript through our packages (a JavaScript-only app would have none)', async () => {
    const { stdout } = await inApp('npm', ['ls', 'typescript', '--all', '--json']);
    type Tree = { dependencies?: Record<string, Tree> };
    const viaOurs: string[] = [];
    const walk = (tree: Tree, trail: string[]) => {
      for (const [name, child] of Object.entries(tree.dependencies ?? {})) {
        if (name === 'typescript' && trail.some((t) => t.startsWith('@dhmad/'))) viaOurs.push([...trail, name].join(' > '));
        walk(child, [...trail, name]);
      }
    };
    walk(JSON.parse(stdout) as Tree, []);
    expect(viaOurs).toEqual([]);
  });
});

describe.concurrent.each(packages.map((p) => ({ name: p.manifest.name, pkg: p })))('$name, as npm would publish it', ({ name, pkg }) => {
  const files = () => packed.get(name)!.files;
  const manifest = pkg.manifest;

  it('holds every export, every bin, its README, licence and changelog', () => {
    const targets = (e: unknown): string[] => (typeof e === 'string' ? [e] : Object.values(e as object).flatMap(targets));
    const wanted = [...targets(manifest.exports ?? {}), ...Object.values(manifest.bin ?? {}), 'README.md', 'LICENSE', 'CHANGELOG.md', 'package.json'];
    expect(wanted.map((f) => path.normalize(f)).filter((f) => !files().has(f))).toEqual([]);
  });

  it('holds what its README links to, and names its repository folder for the links that leave it', () => {
    const readme = readFileSync(path.join(pkg.dir, 'README.md'), 'utf8');
    const missing: string[] = [];
    for (const link of relativeLinks(readme)) {
      const inRepo = path.relative(repoRoot, path.resolve(pkg.dir, link));
      const inPackage = path.relative(pkg.dir, path.resolve(pkg.dir, link));
      if (inPackage.startsWith('..')) {
        // The registry resolves these against repository.directory; the target must exist here.
        if (!existsSync(path.join(repoRoot, inRepo))) missing.push(`${link} (not in the repository)`);
      } else if (!files().has(inPackage) && ![...files()].some((f) => f.startsWith(inPackage + '/'))) {
        missing.push(`${link} (not in the tarball)`);
      }
    }
    expect(missing).toEqual([]);
    expect(manifest.repository).toEqual({ type: 'git', url: 'git+https://github.com/dhmad/dhmad-toolkit.git', directory: pkg.relDir });
    expect(manifest.homepage).toBe(`https://github.com/dhmad/dhmad-toolkit/tree/main/${pkg.relDir}#readme`);
    expect(manifest.bugs).toEqual({ url: 'https://github.com/dhmad/dhmad-toolkit/issues' });
  });

  it('holds nothing of its tests, benches, build scripts or build state, and every source its maps point to', () => {
    expect([...files()].filter((f) => /^(test|tests|bench|scripts|standalone)\/|(^|\/)(tsconfig[^/]*\.json|vitest\.config\.[cm]?[jt]s)$|\.tsbuildinfo$|\.test\.[cm]?[jt]s$/.test(f))).toEqual(
      [],
    );
    const installed = path.join(app, 'node_modules', name);
    const dangling: string[] = [];
    for (const map of [...files()].filter((f) => f.endsWith('.map'))) {
      const { sources } = JSON.parse(readFileSync(path.join(installed, map), 'utf8')) as { sources: string[] };
      for (const s of sources) if (!files().has(path.normalize(path.join(path.dirname(map), s)))) dangling.push(`${map} -> ${s}`);
    }
    expect(dangling).toEqual([]);
  });

  it('states its Node range and loads by every export from CommonJS (require) and from an ES module (import)', async () => {
    expect(manifest.engines?.node).toBe('>=20.19');
    const specifiers = Object.keys(manifest.exports ?? { '.': '' })
      .filter((s) => !/\.(json|ya?ml)$/.test(s))
      .map((s) => name + s.slice(1));
    for (const specifier of specifiers) {
      const script = `const m = require(${JSON.stringify(specifier)}); if (Object.keys(m).length === 0) process.exit(3);`;
      await expect(inApp(process.execPath, ['-e', script]), `require(${specifier})`).resolves.toBeTruthy();
      const esm = `const m = await import(${JSON.stringify(specifier)}); if (Object.keys(m).length === 0) process.exit(3);`;
      await expect(inApp(process.execPath, ['--input-type=module', '-e', esm]), `import(${specifier})`).resolves.toBeTruthy();
    }
  });

  it.each(Object.keys(manifest.bin ?? {}).map((bin) => [bin]))('bin %s runs from the app through `npx --no-install`', async (bin) => {
    const { stdout } = await inApp('npx', ['--no-install', bin, '--help']);
    expect(stdout).toContain(bin);
    expect(statSync(path.join(app, 'node_modules', name, manifest.bin![bin]!)).mode & 0o111).not.toBe(0);
  });
});

describe('@dhmad/secret-scan from the app', () => {
  it('finds a key in a repository and exits 1, and exits 0 once it is gone', async () => {
    const repo = path.join(app, 'repo');
    await inApp('git', ['init', '-q', repo]);
    const key = liveKey();
    write(repo, '.gitignore', 'node_modules/\n.env\n.env.*\n');
    write(repo, 'config.js', `module.exports = '${key}';\n`);
    const found = await inAppStatus('npx', ['--no-install', 'dhmad-scan'], { cwd: repo });
    expect(found.code).toBe(1);
    expect(found.stdout).toContain(prefixOf(key));
    expect(found.stdout + found.stderr).not.toContain(key.slice(prefixOf(key).length));
    write(repo, 'config.js', 'module.exports = process.env.DHMAD_API_KEY;\n');
    expect((await inAppStatus('npx', ['--no-install', 'dhmad-scan'], { cwd: repo })).code).toBe(0);
  });

  it("runs the README's library example as written", async () => {
    const repo = path.join(app, 'repo-library');
    await inApp('git', ['init', '-q', repo]);
    write(repo, '.gitignore', 'node_modules/\n.env\n.env.*\n');
    const example = codeBlockUnder(readFileSync(path.join(repoRoot, 'packages/secret-scan/README.md'), 'utf8'), 'Library', 'js');
    write(app, 'scan-staged.mjs', example);
    const key = liveKey();
    write(repo, 'staged.js', `export default '${key}';\n`);
    await inApp('git', ['add', 'staged.js'], { cwd: repo });
    const blocked = await inAppStatus(process.execPath, [path.join(app, 'scan-staged.mjs')], { cwd: repo });
    expect(blocked.code).toBe(1);
    expect(blocked.stdout).toContain(`staged.js`);
    expect(blocked.stdout).toContain(prefixOf(key));
    await inApp('git', ['rm', '-q', '--cached', 'staged.js'], { cwd: repo });
    const clean = await inAppStatus(process.execPath, [path.join(app, 'scan-staged.mjs')], { cwd: repo });
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('No DHMAD keys');
  });
});

describe.concurrent('@dhmad/eslint-plugin from the app, as its README configures it', () => {
  const readme = readFileSync(path.join(repoRoot, 'packages/eslint-plugin/README.md'), 'utf8');
  const configs = codeBlocks(readme)
    .filter((b) => b.lang === 'js')
    .map((b) => ({ file: /^\/\/ (eslint\.config\.[cm]?js)\n/.exec(b.code)?.[1], code: b.code }))
    .filter((c): c is { file: string; code: string } => c.file !== undefined);
  const majors = [
    { major: 10, bin: 'node_modules/eslint/bin/eslint.js' },
    { major: 9, bin: 'node_modules/eslint9/bin/eslint.js' },
  ];

  it("links each rule to its docs page in this repository, and the tarball holds the page", async () => {
    const script = "const p = require('@dhmad/eslint-plugin'); console.log(JSON.stringify(Object.entries(p.rules).map(([n, r]) => [n, r.meta.docs.url])));";
    const urls = JSON.parse((await inApp(process.execPath, ['-e', script])).stdout) as Array<[string, string]>;
    expect(urls.length).toBeGreaterThan(0);
    const plugin = packed.get('@dhmad/eslint-plugin')!;
    for (const [name, url] of urls) {
      expect(url).toBe(`https://github.com/dhmad/dhmad-toolkit/blob/main/packages/eslint-plugin/docs/rules/${name}.md`);
      expect(plugin.files.has(`docs/rules/${name}.md`), name).toBe(true);
    }
  });

  it('shows a CommonJS and an ES module config', () => {
    expect(configs.map((c) => c.file)).toEqual(expect.arrayContaining(['eslint.config.js', 'eslint.config.mjs']));
    expect(configs.find((c) => c.file === 'eslint.config.js')!.code).toContain('require(');
  });

  it.each(majors.flatMap(({ major, bin }) => configs.map((c, i) => ({ major, bin, ...c, nth: `${i + 1} of ${configs.length}` }))))(
    'ESLint $major reports a hard-coded key with the README config $nth ($file)',
    async ({ major, bin, file, code, nth }) => {
      const project = path.join(app, 'lint', `v${major}-${nth.split(' ')[0]}`);
      write(project, file, code);
      // Each project resolves `eslint` (for `eslint/config`) to the major under test, as a user's would.
      mkdirSync(path.join(project, 'node_modules'), { recursive: true });
      if (!existsSync(path.join(project, 'node_modules/eslint'))) symlinkSync(path.join(app, path.dirname(path.dirname(bin))), path.join(project, 'node_modules/eslint'));
      const key = liveKey();
      write(project, 'src/pay.js', `export const client = { apiKey: '${key}' };\n`);
      const r = await inAppStatus(process.execPath, [path.join(app, bin), '--format', 'json', 'src'], { cwd: project });
      expect(r.stderr).toBe('');
      const [result] = JSON.parse(r.stdout) as Array<{ messages: Array<{ ruleId: string; message: string }> }>;
      expect(r.code).toBe(1);
      expect(result!.messages.map((m) => m.ruleId)).toEqual(['@dhmad/no-hardcoded-key']);
      expect(result!.messages[0]!.message).toContain(prefixOf(key));
      expect(result!.messages[0]!.message).not.toContain(key);
    },
  );
});

describe('the published types, checked by tsc in the app', () => {
  it('type-check an ES module and a CommonJS TypeScript file that use the SDK, the plugin and the emulator', async () => {
    const dir = path.join(app, 'ts');
    write(
      dir,
      'tsconfig.json',
      // skipLibCheck as most apps have it; the @ts-expect-error lines fail the check if our types degrade to any.
      JSON.stringify({ compilerOptions: { module: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: true, types: ['node'] }, include: ['*.mts', '*.cts'] }),
    );
    write(
      dir,
      'use.mts',
      [
        "import { AuthenticationError, Dhmad, type ApiKey } from '@dhmad/sdk';",
        "import { parseKey, redactText } from '@dhmad/sdk/key-format';",
        "import { startEmulator } from '@dhmad/emulator';",
        "import dhmad from '@dhmad/eslint-plugin';",
        'const client = new Dhmad({ apiKey: process.env.DHMAD_API_KEY, maxRetries: 1 });',
        'const me = await client.me.retrieve();',
        "const environment: 'live' | 'sandbox' = me.apiKey.environment;",
        'const names: string[] = [];',
        'for await (const key of client.apiKeys.list({ limit: 10 })) names.push(key.name);',
        'const one: ApiKey | undefined = undefined;',
        'const err = new Error() as unknown;',
        'if (err instanceof AuthenticationError) console.log(err.reason, err.status);',
        "console.log(parseKey('x').keyPrefix, redactText('x'), environment, names, one);",
        'const emu = await startEmulator({ port: 0 });',
        'const url: string = emu.liveUrl;',
        "const rule: string = dhmad.configs.recommended.rules['@dhmad/no-hardcoded-key']!;",
        'console.log(url, rule, dhmad.meta.namespace);',
        '// @ts-expect-error: the environment is a union of two names, not a number',
        'const wrong: number = me.apiKey.environment;',
        '// @ts-expect-error: create needs a name',
        'await client.apiKeys.create({});',
        'console.log(wrong);',
        '',
      ].join('\n'),
    );
    write(
      dir,
      'config.cts',
      [
        "import dhmad = require('@dhmad/eslint-plugin');",
        "const namespace: '@dhmad' = dhmad.meta.namespace;",
        'export = [dhmad.configs.recommended, namespace];',
        '',
      ].join('\n'),
    );
    const r = await inAppStatus(process.execPath, [path.join(app, 'node_modules/typescript/bin/tsc'), '-p', dir]);
    expect(r.stdout + r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

describe("@dhmad/sdk's README, run as written from the app", () => {
  const readme = readFileSync(path.join(repoRoot, 'packages/sdk/README.md'), 'utf8');

  async function emulatorFromBin(): Promise<{ sandboxUrl: string; bootstrapKeys: { sandbox: string } }> {
    const child = spawn(path.join(app, 'node_modules/.bin/dhmad-emulator'), ['--port', '0', '--json'], { cwd: app, env: appEnv() });
    running.push(child);
    let out = '';
    return new Promise((resolve, reject) => {
      child.stdout!.setEncoding('utf8').on('data', (s: string) => {
        out += s;
        if (out.includes('\n')) resolve(JSON.parse(out.slice(0, out.indexOf('\n'))));
      });
      child.on('exit', (code) => reject(new Error(`dhmad-emulator exited ${code}`)));
    });
  }

  it('quick start: against dhmad-emulator started from the installed bin, twice; the rerun mints no second key', async () => {
    const emu = await emulatorFromBin();
    const script = path.join(app, 'quickstart.mjs');
    writeFileSync(script, codeBlockUnder(readme, 'Quick start', 'js'));
    const env = { DHMAD_API_KEY: emu.bootstrapKeys.sandbox, DHMAD_BASE_URL: emu.sandboxUrl };
    const first = await inApp(process.execPath, [script], { env });
    const second = await inApp(process.execPath, [script], { env });
    const keyFile = path.join(app, '.config/dhmad/ci-deploys.key');
    const minted = readFileSync(keyFile, 'utf8').trim();
    expect(first.stdout).toMatch(/^Using sk_sandbox_[0-9a-f]{6} \(sandbox\) for \S+@\S+\n/);
    expect(first.stdout).toContain(`Created ${prefixOf(minted)}; its secret is in ${keyFile}`);
    expect(second.stdout).not.toContain('Created');
    expect(second.stdout.match(/ CI deploys /g)).toHaveLength(1);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    for (const out of [first, second]) {
      expect(out.stderr).toBe('');
      expect(out.stdout).not.toMatch(/sk_(live|sandbox)_[0-9a-f]{7}/);
    }
  });

  it('the lifecycle example ships in the tarball and runs from node_modules as the README says', async () => {
    const command = codeBlocks(readme).find((b) => b.lang === 'sh' && b.code.includes('node node_modules/@dhmad/sdk/examples/'))!.code.trim();
    const [node, script] = command.split(' ');
    expect(node).toBe('node');
    const { stdout, stderr } = await inApp(process.execPath, [script!]);
    expect(stderr).toBe('');
    expect(stdout).toContain('The old secret is refused: regenerated');
    expect(stdout).not.toMatch(/sk_(live|sandbox)_[0-9a-f]{7}/);
  });
});

describe('dhmad-scan in a husky 9 project', () => {
  /** A project of the app's, set up as husky's docs say, with the app's node_modules as its own. */
  async function huskyProject(name: string, packageJson: object): Promise<string> {
    const project = path.join(app, name);
    write(project, 'package.json', JSON.stringify({ name, private: true, scripts: { test: 'node -e 0' }, ...packageJson }, null, 2) + '\n');
    write(project, '.gitignore', 'node_modules/\n.env\n.env.*\n');
    symlinkSync(path.join(app, 'node_modules'), path.join(project, 'node_modules'));
    await inApp('git', ['init', '-q', '-b', 'main'], { cwd: project });
    await inApp('npx', ['--no-install', 'husky', 'init'], { cwd: project, env: GIT_ENV });
    await inApp('git', ['add', '-A'], { cwd: project, env: GIT_ENV });
    await inApp('git', ['commit', '-q', '-m', 'init', '--no-verify'], { cwd: project, env: GIT_ENV });
    return project;
  }
  const commit = (project: string) => inAppStatus('git', ['commit', '-q', '-m', 'change'], { cwd: project, env: GIT_ENV });

  it('install-hook adds the scan to .husky/pre-commit, which survives husky reinstalling .husky/_, and blocks a staged key', async () => {
    const project = await huskyProject('husky-project', {});
    const install = await inApp('npx', ['--no-install', 'dhmad-scan', 'install-hook'], { cwd: project, env: GIT_ENV });
    expect(install.stdout).toContain(`Added \`dhmad-scan --staged\` in ${path.join(project, '.husky/pre-commit')}`);
    expect(install.stdout).toContain('Commit that file');
    expect(readFileSync(path.join(project, '.husky/pre-commit'), 'utf8')).toMatch(/^npm test\n# .*\ndhmad-scan --staged\n$/);
    // What `npm install` runs through the `prepare` script husky init added.
    await inApp('npx', ['--no-install', 'husky'], { cwd: project, env: GIT_ENV });
    expect((await inApp('npx', ['--no-install', 'dhmad-scan', 'install-hook'], { cwd: project, env: GIT_ENV })).stdout).toMatch(/^Kept /);
    expect(readFileSync(path.join(project, '.husky/pre-commit'), 'utf8').match(/dhmad-scan --staged/g)).toHaveLength(1);

    const key = liveKey();
    write(project, 'src/pay.js', `export const key = '${key}';\n`);
    await inApp('git', ['add', 'src/pay.js'], { cwd: project, env: GIT_ENV });
    const blocked = await commit(project);
    expect(blocked.code).not.toBe(0);
    expect(blocked.stdout + blocked.stderr).toContain(prefixOf(key));
    expect(blocked.stdout + blocked.stderr).toMatch(/Rotate it/);
    assertNoKeys([blocked.stdout, blocked.stderr], [key]);

    write(project, 'src/pay.js', 'export const key = process.env.DHMAD_API_KEY;\n');
    await inApp('git', ['add', 'src/pay.js'], { cwd: project, env: GIT_ENV });
    expect((await commit(project)).code).toBe(0);
  });

  it("the README's lint-staged recipe scans the index: a key removed only from the work tree still blocks", async () => {
    const project = await huskyProject('lint-staged-project', { 'lint-staged': { '*.js': 'node -e 0' } });
    const recipe = codeBlockUnder(readFileSync(path.join(repoRoot, 'packages/secret-scan/README.md'), 'utf8'), 'husky + lint-staged', 'sh');
    write(project, '.husky/pre-commit', recipe);
    const key = liveKey();
    write(project, 'src/pay.js', `export const key = '${key}';\n`);
    await inApp('git', ['add', 'src/pay.js'], { cwd: project, env: GIT_ENV });
    write(project, 'src/pay.js', 'export const key = process.env.DHMAD_API_KEY;\n');
    const blocked = await commit(project);
    expect(blocked.code).not.toBe(0);
    expect(blocked.stdout + blocked.stderr).toContain(prefixOf(key));
    assertNoKeys([blocked.stdout, blocked.stderr], [key]);
    // lint-staged put the unstaged edit back.
    expect(readFileSync(path.join(project, 'src/pay.js'), 'utf8')).toContain('process.env');

    await inApp('git', ['add', 'src/pay.js'], { cwd: project, env: GIT_ENV });
    expect((await commit(project)).code).toBe(0);
  });
});

// The bench corpora: real published code fetched from the npm registry at bench time and
// built under BENCH_DIR (default <tmpdir>/dhmad-scan-bench), never committed. Each builder
// is idempotent: a corpus already built (a stamp file names its recipe) is reused.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const BENCH = path.resolve(process.env.BENCH_DIR ?? path.join(os.tmpdir(), 'dhmad-scan-bench'));

export const gitEnv = {
  ...process.env,
  GIT_CONFIG_GLOBAL: os.devNull,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'bench',
  GIT_AUTHOR_EMAIL: 'bench@example.com',
  GIT_COMMITTER_NAME: 'bench',
  GIT_COMMITTER_EMAIL: 'bench@example.com',
};

export const sh = (cmd, args, opts = {}) =>
  execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 28, env: gitEnv, ...opts }).toString();

/** npm run outside this repository's workspaces. */
const npm = (args) => {
  mkdirSync(BENCH, { recursive: true });
  return sh('npm', args, { cwd: BENCH });
};

const key = (env) => 'sk_' + env + '_' + randomBytes(32).toString('hex');

/** Keys planted at run time, so every tool has something to find; returns how many. */
export function plant(dir, sub = 'planted') {
  const spots = [
    [`${sub}/config.js`, (k) => `module.exports = { apiKey: '${k}' };\n`, 'live'],
    [`${sub}/deploy.env.txt`, (k) => `DHMAD_API_KEY=${k}\n`, 'live'],
    [`${sub}/notebook.ipynb`, (k) => `{"cells":[{"source":["key = \\"${k}\\"\\n"]}]}\n`, 'sandbox'],
    [`${sub}/bundle.min.js`, (k) => `${'var a=1;'.repeat(20000)}fetch("/x?key=${k}&y=1");\n`, 'sandbox'],
  ];
  for (const [file, body, env] of spots) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), body(key(env)));
  }
  return spots.length;
}

function stamped(dir, recipe, build) {
  const stamp = path.join(dir, '.bench-recipe');
  const want = JSON.stringify(recipe);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  build();
  writeFileSync(stamp, want);
}

export function countFiles(dir) {
  const out = sh('sh', ['-c', `find "${dir}" -type f -not -path '*/.git/*' -printf '%s\\n' | awk '{n++; s+=$1} END {print n, s}'`]).trim().split(' ');
  return { files: Number(out[0]), bytes: Number(out[1]) };
}

/** Throws unless `dir` is outside every git work tree (a scan there must see a plain folder). */
export function assertNotInRepo(dir) {
  mkdirSync(dir, { recursive: true });
  try {
    const top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'], env: gitEnv }).toString().trim();
    throw new Error(`BENCH_DIR ${dir} is inside the git work tree ${top}: a tree scan there reads git's listing, not every file. Set BENCH_DIR to a folder outside any repository.`);
  } catch (e) {
    if (e instanceof Error && e.message.startsWith('BENCH_DIR')) throw e;
  }
}

/**
 * Many small files, as a real project has them: the node_modules of one install of
 * popular packages (their own dependencies included), about 80,000 files and 600 MB,
 * native binaries and source maps among them. Top-level versions are pinned; the
 * registry picks their dependencies, so counts drift a little over time (the bench
 * prints them).
 */
export const MANY_FILES_PACKAGES = {
  '@babel/core': '7.29.16',
  '@emotion/react': '11.14.0',
  '@emotion/styled': '11.14.1',
  '@mui/icons-material': '9.5.0',
  '@mui/material': '9.5.0',
  'aws-sdk': '2.1693.0',
  'core-js': '3.51.0',
  'date-fns': '4.4.0',
  eslint: '10.15.0',
  jest: '30.5.2',
  lodash: '4.18.1',
  next: '16.4.6',
  react: '19.3.1',
  'react-dom': '19.3.1',
  rxjs: '7.8.2',
  three: '0.187.0',
  typescript: '7.0.2',
  webpack: '5.113.0',
};

export function buildManyFiles() {
  const dir = path.join(BENCH, 'many-files');
  assertNotInRepo(BENCH);
  stamped(dir, { packages: MANY_FILES_PACKAGES, planted: 1 }, () => {
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ private: true, dependencies: MANY_FILES_PACKAGES }, null, 2));
    // --ignore-scripts: nothing runs or downloads beyond the registry's tarballs.
    sh('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--silent'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  });
  const planted = plant(dir);
  return { dir, planted, ...countFiles(dir) };
}

/** A package's published files, unpacked from the registry's tarball into `into`. */
function unpackPackage(spec, into, tarballs) {
  mkdirSync(tarballs, { recursive: true });
  const name = npm(['pack', spec, '--silent', '--pack-destination', tarballs]).trim().split('\n').pop();
  mkdirSync(into, { recursive: true });
  sh('tar', ['xzf', path.join(tarballs, name), '-C', into, '--strip-components=1']);
}

/**
 * A git checkout of a real project's files: rxjs 7.8.2 as published (about 2,300 files: sources,
 * three builds, types), committed with the planted keys; `README.md` edited and staged, as a
 * pre-commit hook sees it. BENCH_CHECKOUT=<path to a clone> uses that repository instead (it is
 * cloned, so nothing in it changes).
 */
export function buildCheckout() {
  const dir = path.join(BENCH, 'checkout');
  const own = process.env.BENCH_CHECKOUT ? path.resolve(process.env.BENCH_CHECKOUT) : null;
  stamped(dir, { project: own ?? 'rxjs@7.8.2', planted: 1 }, () => {
    if (own) {
      sh('git', ['clone', '-q', '--no-hardlinks', own, dir]);
    } else {
      unpackPackage('rxjs@7.8.2', dir, path.join(BENCH, 'tarballs'));
      sh('git', ['init', '-q', '-b', 'main', dir]);
    }
    plant(dir, 'src/planted');
    sh('git', ['add', '-A', '-f'], { cwd: dir });
    sh('git', ['commit', '-q', '-m', 'checkout'], { cwd: dir });
  });
  // The staged edit is made afresh each run: one file, as a hook sees a small commit.
  sh('git', ['checkout', '-q', '--', '.'], { cwd: dir });
  const readme = path.join(dir, 'README.md');
  writeFileSync(readme, (existsSync(readme) ? readFileSync(readme, 'utf8') : '') + '\nOne more line.\n');
  sh('git', ['add', 'README.md'], { cwd: dir });
  const tracked = sh('git', ['ls-files', '-z'], { cwd: dir }).split('\0').filter(Boolean).length;
  return { dir, tracked, planted: 4, ...countFiles(dir) };
}

/** Every file of a folder, relative, `/`-separated, sorted. */
function filesUnder(dir, prefix = '') {
  const out = [];
  for (const ent of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${ent.name}` : ent.name;
    if (ent.isDirectory()) out.push(...filesUnder(dir, rel));
    else if (ent.isFile()) out.push(rel);
  }
  return out.sort();
}

const semver = (v) => v.split('.').map(Number);
const bySemver = (a, b) => {
  const x = semver(a);
  const y = semver(b);
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
};

/** Small commits to a notes file after each file commit, as changelogs and docs get them. */
export const NOTES_PER_FILE = 4;
const HISTORY_PACKAGE = 'eslint';
const HISTORY_SINCE_MAJOR = 4;

/**
 * A long history from real code: every release of eslint since 4.0.0 (about 240) in turn, one
 * commit per file that changed in that release (its content at that path), each followed by
 * NOTES_PER_FILE small commits to NOTES.md, and the planted keys committed once halfway and
 * then deleted. About 39,000 commits, built with git fast-import into a bare repository.
 */
export function buildHistory() {
  const dir = path.join(BENCH, 'history');
  const all = JSON.parse(npm(['view', HISTORY_PACKAGE, 'versions', '--json']));
  const versions = all.filter((v) => /^\d+\.\d+\.\d+$/.test(v) && semver(v)[0] >= HISTORY_SINCE_MAJOR).sort(bySemver);
  stamped(dir, { package: HISTORY_PACKAGE, versions, notes: NOTES_PER_FILE, planted: 1 }, () => {
    const tarballs = path.join(BENCH, 'tarballs');
    mkdirSync(tarballs, { recursive: true });
    const missing = versions.filter((v) => !existsSync(path.join(tarballs, `${HISTORY_PACKAGE}-${v}.tgz`)));
    // One npm run fetches many tarballs.
    for (let i = 0; i < missing.length; i += 60) {
      npm(['pack', ...missing.slice(i, i + 60).map((v) => `${HISTORY_PACKAGE}@${v}`), '--silent', '--pack-destination', tarballs]);
    }
    sh('git', ['init', '-q', '--bare', '-b', 'main', dir]);
    const streamFile = path.join(BENCH, 'history.fi');
    const fd = openSync(streamFile, 'w');
    const emit = (s) => writeSync(fd, s);
    let mark = 0;
    let time = 1_500_000_000;
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
    const src = path.join(BENCH, 'history-src');
    versions.forEach((v, vi) => {
      rmSync(src, { recursive: true, force: true });
      mkdirSync(src, { recursive: true });
      sh('tar', ['xzf', path.join(tarballs, `${HISTORY_PACKAGE}-${v}.tgz`), '-C', src, '--strip-components=1']);
      for (const file of filesUnder(src)) {
        const data = readFileSync(path.join(src, file));
        const prev = last.get(file);
        if (prev && prev.equals(data)) continue;
        last.set(file, data);
        commit(`${HISTORY_PACKAGE} ${v}: ${file}`, [{ path: file, data }]);
        for (let n = 0; n < NOTES_PER_FILE; n++) {
          notes += `${v} ${file} ${n}\n`;
          commit(`notes after ${file}`, [{ path: 'NOTES.md', data: Buffer.from(notes.slice(-4096)) }]);
        }
      }
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
    rmSync(src, { recursive: true, force: true });
    closeSync(fd);
    sh('sh', ['-c', `git fast-import --quiet < "${streamFile}"`], { cwd: dir });
    rmSync(streamFile, { force: true });
    sh('git', ['gc', '-q'], { cwd: dir });
  });
  const [blobs, blobBytes] = sh('sh', ['-c', 'git cat-file --batch-all-objects --batch-check="%(objecttype) %(objectsize)" | awk \'$1=="blob"{n++; s+=$2} END{print n, s}\''], { cwd: dir })
    .trim()
    .split(' ')
    .map(Number);
  const commits = Number(sh('git', ['rev-list', '--count', '--all'], { cwd: dir }).trim());
  return { dir, commits, blobs, blobBytes, releases: versions.length, first: versions[0], last: versions.at(-1), planted: 4 };
}

/**
 * The history corpus as a nightly scan meets it: a clone whose checkpoint (`checkpoint.json`,
 * from a complete `--history --checkpoint` run by `scan`) covers every commit but the last
 * `fresh` ones, which touch a few files and add a key. Rebuilt from the history corpus each time.
 */
export function buildIncremental(history, fresh, scan) {
  const dir = path.join(BENCH, 'incremental.git');
  rmSync(dir, { recursive: true, force: true });
  sh('git', ['clone', '-q', '--bare', '--no-hardlinks', history.dir, dir]);
  const checkpoint = path.join(BENCH, 'incremental-checkpoint.json');
  rmSync(checkpoint, { force: true });
  scan(dir, checkpoint);
  let stream = '';
  let time = 2_000_000_000;
  for (let i = 0; i < fresh; i++) {
    const body = i === 0 ? `export const key = '${key('live')}';\n` : `// nightly change ${i}\n`;
    const message = `fresh commit ${i}`;
    stream += `commit refs/heads/main\ncommitter bench <bench@example.com> ${time++} +0000\ndata ${message.length}\n${message}\n`;
    if (i === 0) stream += 'from refs/heads/main^0\n';
    stream += `M 100644 inline fresh/file-${i}.js\ndata ${Buffer.byteLength(body)}\n${body}\n`;
  }
  sh('git', ['fast-import', '--quiet'], { cwd: dir, input: stream, stdio: ['pipe', 'pipe', 'inherit'] });
  return { dir, checkpoint };
}

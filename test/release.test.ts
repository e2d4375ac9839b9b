// What the release workflow (.github/workflows/release.yml) does, run here where it can be: the
// versioning on a temp copy of the repository, `npm publish --dry-run` of every package, and the
// tag names the docs pin against the tags a release creates.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { docFiles } from '../scripts/release/refs.mjs';
import { git, tempDir } from './support/git.js';
import { codeBlockUnder } from './support/markdown.js';
import { publishablePackages, readManifest, repoRoot, workspacePackages } from './support/workspace.js';

const exec = promisify(execFile);
const changesetBin = path.join(repoRoot, 'node_modules/@changesets/cli/bin.js');

type Bump = 'major' | 'minor' | 'patch';
const ORDER: Bump[] = ['patch', 'minor', 'major'];

/** Each pending changeset's bumps, read from its front matter. */
function pendingBumps(dir: string): Map<string, Bump> {
  const bumps = new Map<string, Bump>();
  for (const file of readdirSync(path.join(dir, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md')) {
    const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(path.join(dir, '.changeset', file), 'utf8'))![1]!;
    for (const [name, bump] of Object.entries(parse(front) as Record<string, Bump>)) {
      if (ORDER.indexOf(bump) > ORDER.indexOf(bumps.get(name) ?? 'patch') || !bumps.has(name)) bumps.set(name, bump);
    }
  }
  return bumps;
}

/** semver's bump, with 0.x as changesets reads it (a major of 0.1.0 is 1.0.0). */
function bumped(version: string, bump: Bump): string {
  const [major, minor, patch] = version.split('.').map(Number) as [number, number, number];
  return bump === 'major' ? `${major + 1}.0.0` : bump === 'minor' ? `${major}.${minor + 1}.0` : `${major}.${minor}.${patch + 1}`;
}

describe('changeset version, on a temp copy of the repository', () => {
  let copy: string;
  const bumps = pendingBumps(repoRoot);

  beforeAll(async () => {
    copy = path.join(tempDir('dhmad-release-'), 'dhmad-toolkit');
    git(repoRoot, ['clone', '-q', '--no-hardlinks', repoRoot, copy]);
    symlinkSync(path.join(repoRoot, 'node_modules'), path.join(copy, 'node_modules'));
    // What `npm run release:version` runs, but the build.
    await exec(process.execPath, [changesetBin, 'version'], { cwd: copy });
    await exec(process.execPath, ['scripts/release/versions-in-code.mjs'], { cwd: copy });
    await exec(process.execPath, ['scripts/release/docs-refs.mjs'], { cwd: copy });
  }, 60_000);

  it('has changesets to release (the repository records each user-visible change)', () => {
    expect(bumps.size).toBeGreaterThan(0);
  });

  it.each(workspacePackages().map((p) => [p.manifest.name, p] as const))('%s: versioned as its changesets say, with a changelog entry', (name, pkg) => {
    const after = readManifest(path.join(copy, pkg.relDir));
    const bump = bumps.get(name);
    if (bump === undefined) {
      expect(after.version).toBe(pkg.manifest.version);
      return;
    }
    expect(after.version).toBe(bumped(pkg.manifest.version, bump));
    const changelog = readFileSync(path.join(copy, pkg.relDir, 'CHANGELOG.md'), 'utf8');
    expect(changelog.startsWith(`# ${name}\n`)).toBe(true);
    expect(changelog).toContain(`\n## ${after.version}\n`);
    // Packages of ours that depend on it now ask for the new version.
    for (const other of workspacePackages()) {
      const range = readManifest(path.join(copy, other.relDir)).dependencies?.[name];
      if (range !== undefined) expect(range, `${other.manifest.name} -> ${name}`).toBe(`^${after.version}`);
    }
  });

  it("moves the VERSION constants in the sources along (the SDK's User-Agent, the scanner's SARIF)", () => {
    const constants = git(copy, ['grep', '-n', "^export const VERSION = '", '--', 'packages/*/src/*.ts']).trim().split('\n');
    expect(constants.length).toBeGreaterThan(0);
    for (const line of constants) {
      const [file, , text] = line.split(':');
      const version = readManifest(path.join(copy, file!.split('/').slice(0, 2).join('/'))).version;
      expect(text, file).toBe(`export const VERSION = '${version}';`);
    }
  });

  it('consumes every changeset', () => {
    expect(readdirSync(path.join(copy, '.changeset')).sort()).toEqual(['README.md', 'config.json']);
  });

  it("moves the docs' pre-commit rev to the tag the release makes for the scanner", () => {
    const version = readManifest(path.join(copy, 'packages/secret-scan')).version;
    const config = codeBlockUnder(readFileSync(path.join(copy, 'packages/secret-scan/README.md'), 'utf8'), 'pre-commit framework', 'yaml');
    expect(config).toContain(`rev: '@dhmad/secret-scan@${version}'`);
  });

  it('tags the Action v<version> and moves its major tag', async () => {
    const version = readManifest(path.join(copy, 'packages/github-action')).version;
    const { stdout } = await exec(process.execPath, ['scripts/release/action-tags.mjs'], { cwd: copy });
    expect(stdout).toContain(`git tag v${version}\n`);
    expect(stdout).toContain(`git tag -f v${version.split('.')[0]} v${version}^{commit}\n`);
    expect(stdout).toContain(`git push --force origin refs/tags/v${version.split('.')[0]}\n`);
  });
});

describe.concurrent('npm publish --dry-run', () => {
  it.each(publishablePackages().map((p) => [p.manifest.name, p] as const))('%s: publishes publicly, with provenance from the workflow', async (name, pkg) => {
    expect(pkg.manifest.publishConfig).toEqual({ access: 'public', provenance: true });
    const { stdout, stderr } = await exec('npm', ['publish', '--dry-run', '--ignore-scripts'], { cwd: pkg.dir });
    expect(stderr).toContain('with tag latest and public access (dry-run)');
    expect(stdout).toContain(`+ ${name}@${pkg.manifest.version}`);
  });
});

describe('the release workflow', () => {
  const workflow = parse(readFileSync(path.join(repoRoot, '.github/workflows/release.yml'), 'utf8')) as {
    on: { push: { branches: string[] } };
    jobs: { release: { permissions: Record<string, string>; steps: Array<{ uses?: string; run?: string; with?: Record<string, string>; env?: Record<string, string> }> } };
  };
  const job = workflow.jobs.release;
  const scripts = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

  it('runs the CI, then versions and publishes with changesets, with provenance', () => {
    expect(workflow.on.push.branches).toEqual(['main']);
    expect(job.permissions).toEqual({ contents: 'write', 'pull-requests': 'write', 'id-token': 'write' });
    expect(job.steps.map((s) => s.run).filter(Boolean)[0]).toBe('bash .ci/run');
    const changesets = job.steps.find((s) => s.uses?.startsWith('changesets/action@'))!;
    for (const script of [changesets.with!.version!, changesets.with!.publish!]) {
      expect(scripts[script.replace(/^npm run /, '')], script).toBeDefined();
    }
    // The standalone bundle is rebuilt with the versions, and checked before anything is published.
    expect(scripts['release:version']).toBe(
      'changeset version && node scripts/release/versions-in-code.mjs && npm run build && npm run build:standalone -w @dhmad/secret-scan && node scripts/release/docs-refs.mjs && npm install --package-lock-only --no-audit --no-fund',
    );
    expect(scripts['release:publish']).toBe('npm run check:standalone -w @dhmad/secret-scan && changeset publish');
    expect(changesets.env).toMatchObject({ NPM_CONFIG_PROVENANCE: 'true' });
    expect(job.steps.at(-1)!.run).toBe('node scripts/release/action-tags.mjs --push');
  });

  it('versions and tags the Action, which npm does not publish', () => {
    const config = JSON.parse(readFileSync(path.join(repoRoot, '.changeset/config.json'), 'utf8')) as { ignore: string[]; privatePackages: object };
    expect(config.ignore).not.toContain('@dhmad/github-action');
    expect(config.privatePackages).toEqual({ version: true, tag: true });
  });
});

describe('the refs the docs pin', () => {
  it('are commits of this repository or tags a release creates (the last one, or the one the pending changesets make)', () => {
    const bumps = pendingBumps(repoRoot);
    const versions = (name: string, dir: string) => {
      const now = readManifest(path.join(repoRoot, dir)).version;
      const bump = bumps.get(name);
      return bump ? [now, bumped(now, bump)] : [now];
    };
    const releaseTags = new Set([
      ...versions('@dhmad/github-action', 'packages/github-action').flatMap((v) => [`v${v}`, `v${v.split('.')[0]}`]),
      ...versions('@dhmad/secret-scan', 'packages/secret-scan').map((v) => `@dhmad/secret-scan@${v}`),
    ]);
    const pinned: Array<{ file: string; ref: string }> = [];
    for (const file of docFiles(repoRoot)) {
      const text = readFileSync(path.join(repoRoot, file), 'utf8');
      for (const m of text.matchAll(/uses: dhmad\/dhmad-toolkit\/packages\/github-action@([\w.@/-]+)/g)) pinned.push({ file, ref: m[1]! });
      for (const m of text.matchAll(/- repo: https:\/\/github\.com\/dhmad\/dhmad-toolkit\n\s+rev: '?([^'\s<]+)/g)) pinned.push({ file, ref: m[1]! });
    }
    expect(pinned.map((p) => p.file)).toContain('packages/secret-scan/README.md');
    const unknown = pinned.filter(({ ref }) => !releaseTags.has(ref) && !(/^[0-9a-f]{40}$/.test(ref) && gitHas(ref)));
    expect(unknown).toEqual([]);
  });
});

function gitHas(commit: string): boolean {
  try {
    git(repoRoot, ['cat-file', '-e', `${commit}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

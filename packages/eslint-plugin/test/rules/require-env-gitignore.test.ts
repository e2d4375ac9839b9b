import { execFileSync } from 'node:child_process';
import { appendFileSync, chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it, vi } from 'vitest';
import plugin from '../../src/index.js';
import rule from '../../src/rules/require-env-gitignore.js';
import { GIT_ENV, git, makeRepo, tempDir, writeFiles } from '../../../../test/support/git.js';

for (const [name, value] of Object.entries(GIT_ENV)) vi.stubEnv(name, value);

const tmp = tempDir('dhmad-env-gitignore-');
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(tmp, { recursive: true, force: true });
});

const pkg = '{ "name": "app", "private": true }\n';

/** `.env*` ignored except the example, all committed. */
const ignoredRepo = makeRepo(tmp, 'ignored', { '.gitignore': '.env*\n!.env.example\nsecrets/\n', 'package.json': pkg });
/** `.env*` ignored, but one env file re-included. */
const negationRepo = makeRepo(tmp, 'negation', { '.gitignore': '.env*\n!.env.shared\n', 'package.json': pkg });
/** Nothing ignored at all. */
const bareRepo = makeRepo(tmp, 'bare', { 'package.json': pkg });
/** `.env` ignored only in this clone. */
const excludeRepo = makeRepo(tmp, 'exclude', { 'package.json': pkg });
appendFileSync(path.join(excludeRepo, '.git', 'info', 'exclude'), '.env\n');
/** A `.gitignore` that was never added: the `git add .` that would commit `.env` commits it instead. */
const untrackedRepo = makeRepo(tmp, 'untracked', { 'package.json': pkg, '.gitignore': '.env\n' }, ['package.json']);
/** `.env` ignored, but committed before it was. */
const trackedRepo = makeRepo(tmp, 'tracked', { 'package.json': pkg, '.gitignore': '.env\n', '.env': 'DHMAD_API_KEY=\n' });
/** A monorepo whose packages re-include or add ignore rules. */
const monoRepo = makeRepo(tmp, 'mono', {
  '.gitignore': '.env\n',
  'package.json': pkg,
  'packages/api/package.json': pkg,
  'packages/api/.gitignore': '!.env\n',
  'packages/web/package.json': pkg,
  'packages/worker/package.json': pkg,
});
const monoWorkerOnly = makeRepo(tmp, 'mono-worker', {
  'package.json': pkg,
  'packages/worker/package.json': pkg,
  'packages/worker/.gitignore': '.env\n',
});
/** The root ignores `secret/`; a `.gitignore` inside it says `!.env`, which git never reads there. */
const hiddenRepo = makeRepo(tmp, 'hidden', { 'package.json': pkg, '.gitignore': 'secret/\n', 'secret/.gitignore': '!.env\n' });
const notARepo = path.join(tmp, 'plain');
writeFiles(notARepo, { 'package.json': pkg });

const src = (root: string, file = 'src/index.ts'): string => path.join(root, file);

const ruleTester = new RuleTester();

ruleTester.run('require-env-gitignore', rule, {
  valid: [
    { filename: src(ignoredRepo), code: "import 'dotenv/config';" },
    { filename: src(ignoredRepo), code: "require('dotenv').config();" },
    { filename: src(ignoredRepo), code: "import dotenv from 'dotenv';\ndotenv.config({ path: '.env.local' });" },
    { filename: src(ignoredRepo), code: 'process.loadEnvFile();' },
    // Ignored because its folder is.
    { filename: src(ignoredRepo), code: "process.loadEnvFile('secrets/app.env');" },
    { filename: src(monoRepo, 'packages/web/src/server.ts'), code: "import 'dotenv/config';" },
    { filename: src(monoWorkerOnly, 'packages/worker/src/main.ts'), code: "import 'dotenv/config';" },
    // Ignored by a .gitignore that is not committed yet: `git add .` takes the .gitignore, not the .env.
    { filename: src(untrackedRepo), code: "require('dotenv').config();" },
    // In a folder the root .gitignore ignores, whatever a .gitignore inside it says (git: `.gitignore:1:secret/`).
    { filename: src(hiddenRepo), code: "process.loadEnvFile('secret/.env');" },
    // A template is meant to be committed, tracked or not.
    { filename: src(bareRepo), code: "process.loadEnvFile('.env.example');" },
    { filename: src(trackedRepo), code: "require('dotenv').config({ path: 'config/.env.sample' });" },
    // Outside any repository there is nothing to commit to.
    { filename: src(notARepo), code: "import 'dotenv/config';" },
    // What the code loads cannot be known at lint time.
    { filename: src(bareRepo), code: "import dotenv from 'dotenv';\ndotenv.config({ path: process.env.ENV_FILE });" },
    { filename: src(bareRepo), code: "import dotenv from 'dotenv';\ndotenv.config(options);" },
    { filename: src(bareRepo), code: "import dotenv from 'dotenv';\ndotenv.config({ ...options });" },
    // Not a loader.
    { filename: src(bareRepo), code: "import { config } from './config.js';\nconfig();" },
    { filename: src(bareRepo), code: "const name = 'dotenv';\nfunction loadEnvFile() {}\nloadEnvFile();\nsettings.loadEnvFile('.env');" },
    { filename: src(bareRepo), code: "import type { DotenvConfigOptions } from 'dotenv';\nexport type O = DotenvConfigOptions;" },
    // A path through a file (ENOTDIR on the way up to the repository) does not crash the lint.
    { filename: src(ignoredRepo), code: "process.loadEnvFile('package.json/.env');" },
    // A file outside the repository is not the repository's to ignore.
    { filename: src(bareRepo), code: "process.loadEnvFile('/nonexistent-dhmad-dir/app.env');" },
  ],
  invalid: [
    {
      name: "import 'dotenv/config' with no .gitignore",
      filename: src(bareRepo),
      code: "import 'dotenv/config';\nconsole.log(1);",
      errors: [{ messageId: 'envFileNotIgnored', data: { file: '.env', pattern: '.env' }, line: 1, column: 1, endLine: 1, endColumn: 24 }],
    },
    {
      name: 'ignored only through .git/info/exclude',
      filename: src(excludeRepo),
      code: "import 'dotenv/config';",
      errors: [{ messageId: 'envFileNotIgnored', data: { file: '.env', pattern: '.env' } }],
    },
    {
      name: 'a negation re-includes the file',
      filename: src(negationRepo),
      code: "import dotenv from 'dotenv';\ndotenv.config({ path: '.env.shared' });",
      errors: [{ messageId: 'envFileNotIgnored', data: { file: '.env.shared', pattern: '.env.shared' }, line: 2, column: 1 }],
    },
    {
      name: 'a nested .gitignore negation overrides the root rule',
      filename: src(monoRepo, 'packages/api/src/server.ts'),
      code: "import 'dotenv/config';",
      errors: [{ messageId: 'envFileNotIgnored', data: { file: 'packages/api/.env', pattern: '.env' } }],
    },
    {
      name: 'a tracked env file, even though it is ignored now',
      filename: src(trackedRepo),
      code: "import 'dotenv/config';",
      errors: [{ messageId: 'envFileTracked', data: { file: '.env', pattern: '.env' } }],
    },
    {
      name: 'process.loadEnvFile with and without a path',
      filename: src(bareRepo),
      code: "process.loadEnvFile();\nprocess.loadEnvFile('config/app.env');",
      errors: [
        { messageId: 'envFileNotIgnored', data: { file: '.env', pattern: '.env' }, line: 1 },
        { messageId: 'envFileNotIgnored', data: { file: 'config/app.env', pattern: 'app.env' }, line: 2 },
      ],
    },
    {
      name: 'loadEnvFile imported from node:process',
      filename: src(bareRepo),
      code: "import { loadEnvFile } from 'node:process';\nloadEnvFile('.env.local');",
      errors: [{ messageId: 'envFileNotIgnored', data: { file: '.env.local', pattern: '.env.local' }, line: 2 }],
    },
    {
      name: 'loadEnvFile through a renamed default import of node:process',
      filename: src(bareRepo),
      code: "import proc from 'node:process';\nproc.loadEnvFile();",
      errors: [{ messageId: 'envFileNotIgnored', data: { file: '.env', pattern: '.env' }, line: 2 }],
    },
    {
      name: 'a default import named process is reported once',
      filename: src(bareRepo),
      code: "import process from 'node:process';\nprocess.loadEnvFile();",
      errors: [{ messageId: 'envFileNotIgnored', data: { file: '.env', pattern: '.env' }, line: 2 }],
    },
    {
      name: 'path.resolve(__dirname, ...) resolves from the file',
      filename: src(bareRepo),
      code: "import path from 'node:path';\nimport dotenv from 'dotenv';\ndotenv.config({ path: path.resolve(__dirname, '../.env.test') });",
      errors: [{ messageId: 'envFileNotIgnored', data: { file: '.env.test', pattern: '.env.test' }, line: 3 }],
    },
    {
      name: 'new URL(..., import.meta.url) through fileURLToPath',
      filename: src(bareRepo, 'src/config/load.ts'),
      code: "import { fileURLToPath } from 'node:url';\nimport * as dotenv from 'dotenv';\ndotenv.config({ path: fileURLToPath(new URL('../../.env.prod', import.meta.url)) });",
      errors: [{ messageId: 'envFileNotIgnored', data: { file: '.env.prod', pattern: '.env.prod' } }],
    },
    {
      name: 'a path array reports each file',
      filename: src(bareRepo),
      code: "import { config } from 'dotenv';\nconfig({ path: ['.env', '.env.local'] });",
      errors: [
        { messageId: 'envFileNotIgnored', data: { file: '.env', pattern: '.env' } },
        { messageId: 'envFileNotIgnored', data: { file: '.env.local', pattern: '.env.local' } },
      ],
    },
    {
      name: 'CommonJS destructuring and a named binding',
      filename: src(bareRepo, 'src/index.cjs'),
      code: "const { config: load } = require('dotenv');\nload();\nconst dotenv = require('dotenv');\ndotenv.config({ path: '.env.dev' });",
      errors: [
        { messageId: 'envFileNotIgnored', data: { file: '.env', pattern: '.env' }, line: 2 },
        { messageId: 'envFileNotIgnored', data: { file: '.env.dev', pattern: '.env.dev' }, line: 4 },
      ],
    },
    {
      name: 'dotenvx, imported, required and dynamically imported',
      filename: src(bareRepo),
      code: "import * as dotenvx from '@dotenvx/dotenvx';\ndotenvx.config({ path: '.env.production' });\nrequire('@dotenvx/dotenvx/config');\nawait import('dotenv/config');",
      errors: [
        { messageId: 'envFileNotIgnored', data: { file: '.env.production', pattern: '.env.production' }, line: 2 },
        { messageId: 'envFileNotIgnored', data: { file: '.env', pattern: '.env' }, line: 3 },
        { messageId: 'envFileNotIgnored', data: { file: '.env', pattern: '.env' }, line: 4 },
      ],
    },
  ],
});

describe('the repository cache notices edits', () => {
  const linter = new Linter({ configType: 'flat', cwd: tmp });
  const config = [{ plugins: { '@dhmad': plugin }, rules: { '@dhmad/require-env-gitignore': 'error' as const } }];
  const lint = (file: string, code = "import 'dotenv/config';\n"): string[] =>
    linter.verify(code, config, { filename: file }).map((m) => m.messageId ?? m.message);

  it('follows .gitignore edits, commits and git add without a restart', () => {
    const repo = makeRepo(tmp, 'edits', { 'package.json': pkg });
    const file = src(repo, 'src/index.js');
    expect(lint(file)).toEqual(['envFileNotIgnored']);

    writeFileSync(path.join(repo, '.gitignore'), '.env\n');
    // Written, not committed yet: git ignores .env already, and `git add .` commits the .gitignore with it.
    expect(lint(file)).toEqual([]);
    git(repo, ['add', '.gitignore']);
    git(repo, ['commit', '-q', '-m', 'ignore .env']);
    expect(lint(file)).toEqual([]);

    // Editing the committed .gitignore takes effect at once.
    writeFileSync(path.join(repo, '.gitignore'), '# nothing ignored\n');
    expect(lint(file)).toEqual(['envFileNotIgnored']);
    writeFileSync(path.join(repo, '.gitignore'), '.env\n');
    expect(lint(file)).toEqual([]);

    writeFileSync(path.join(repo, '.env'), 'DHMAD_API_KEY=\n');
    git(repo, ['add', '-f', '.env']);
    expect(lint(file)).toEqual(['envFileTracked']);
    git(repo, ['rm', '-q', '--cached', '.env']);
    expect(lint(file)).toEqual([]);
  });

  it('does not count a global core.excludesFile, which only protects this machine', () => {
    const repo = makeRepo(tmp, 'global-excludes', { 'package.json': pkg });
    const excludes = path.join(tmp, 'global-gitignore');
    writeFileSync(excludes, '.env\n');
    const globalConfig = path.join(tmp, 'global-gitconfig');
    writeFileSync(globalConfig, `[core]\n\texcludesFile = ${excludes}\n`);
    vi.stubEnv('GIT_CONFIG_GLOBAL', globalConfig);
    try {
      // git itself ignores the file here...
      expect(execFileSync('git', ['check-ignore', '.env'], { cwd: repo, encoding: 'utf8' }).trim()).toBe('.env');
      // ...but a teammate's clone would not.
      expect(lint(src(repo, 'src/index.js'))).toEqual(['envFileNotIgnored']);
    } finally {
      vi.stubEnv('GIT_CONFIG_GLOBAL', GIT_ENV.GIT_CONFIG_GLOBAL);
    }
  });

  it('asks git about a repository it refuses once, not once per file', () => {
    const repo = makeRepo(tmp, 'refused', { 'package.json': pkg });
    // git refuses a repository owned by another user (safe.directory); a git on
    // PATH that logs each run and refuses the same way stands in for that here.
    const bin = path.join(tmp, 'refusing-git');
    const log = path.join(tmp, 'refusing-git.log');
    writeFiles(bin, { git: `#!/bin/sh\necho "$*" >> '${log}'\necho "fatal: detected dubious ownership in repository" >&2\nexit 128\n` });
    chmodSync(path.join(bin, 'git'), 0o755);
    const originalPath = process.env.PATH;
    vi.stubEnv('PATH', `${bin}${path.delimiter}${originalPath ?? ''}`);
    try {
      for (const name of ['a', 'b', 'c']) expect(lint(src(repo, `src/${name}.js`))).toEqual([]);
      expect(readFileSync(log, 'utf8').trim().split('\n')).toHaveLength(1);
    } finally {
      vi.stubEnv('PATH', originalPath);
    }
  });

  it('works in a linked worktree, whose .git is a file pointing at its own index', () => {
    const main = makeRepo(tmp, 'wt-main', { 'package.json': pkg });
    const worktree = path.join(tmp, 'wt-linked');
    git(main, ['worktree', 'add', '-q', '-b', 'feature', worktree]);
    const file = src(worktree, 'src/index.js');
    expect(lint(file)).toEqual(['envFileNotIgnored']);
    writeFileSync(path.join(worktree, '.gitignore'), '.env\n');
    git(worktree, ['add', '.gitignore']);
    git(worktree, ['commit', '-q', '-m', 'ignore .env']);
    expect(lint(file)).toEqual([]);
  });

  it('reports on the loader, so eslint-disable comments work', () => {
    const repo = makeRepo(tmp, 'disable', { 'package.json': pkg });
    const file = src(repo, 'src/index.js');
    expect(lint(file, "const x = 1;\nimport 'dotenv/config';\n")).toEqual(['envFileNotIgnored']);
    expect(lint(file, "const x = 1;\n// eslint-disable-next-line @dhmad/require-env-gitignore -- loaded in CI only\nimport 'dotenv/config';\n")).toEqual([]);
  });
});

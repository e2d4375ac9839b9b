// The scanner's env checks and the ESLint rule require-env-gitignore give the same answer for every repository
// layout, the two disagreements once reproduced between them included: both take it from @dhmad/git-facts.
import { spawnSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import dhmad from '@dhmad/eslint-plugin';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { GIT_ENV, isolatedEnv, makeRepo, tempDir } from './support/git.js';
import { binPath } from './support/workspace.js';

type Answer = 'ok' | 'not ignored' | 'tracked';

interface Layout {
  name: string;
  files: Record<string, string>;
  /** What is committed (all files by default). */
  commit?: string[];
  /** A line for `.git/info/exclude`. */
  exclude?: string;
  /** The env file both tools are asked about. */
  file: string;
  answer: Answer;
}

const pkg = '{ "name": "app", "private": true }\n';

const layouts: Layout[] = [
  { name: 'nothing ignores .env', files: { 'package.json': pkg, '.env': 'A=1\n' }, commit: ['package.json'], file: '.env', answer: 'not ignored' },
  { name: 'a committed .gitignore lists .env', files: { 'package.json': pkg, '.gitignore': '.env\n', '.env': 'A=1\n' }, commit: ['package.json', '.gitignore'], file: '.env', answer: 'ok' },
  {
    name: 'a .gitignore listing .env, not committed yet (reproduced: the scanner was clean, the rule errored)',
    files: { 'package.json': pkg, '.gitignore': '.env\n', '.env': 'A=1\n' },
    commit: ['package.json'],
    file: '.env',
    answer: 'ok',
  },
  {
    name: 'secret/ ignored at the root, a tracked secret/.gitignore with !.env (reproduced: git says ignored, the rule said not)',
    files: { 'package.json': pkg, '.gitignore': 'secret/\n', 'secret/.gitignore': '!.env\n', 'secret/.env': 'A=1\n' },
    commit: ['package.json', '.gitignore', 'secret/.gitignore'],
    file: 'secret/.env',
    answer: 'ok',
  },
  { name: 'ignored only in .git/info/exclude', files: { 'package.json': pkg, '.env': 'A=1\n' }, commit: ['package.json'], exclude: '.env', file: '.env', answer: 'not ignored' },
  { name: 'ignored, but committed before it was', files: { 'package.json': pkg, '.gitignore': '.env\n', '.env': 'A=1\n' }, file: '.env', answer: 'tracked' },
  {
    name: 'a nested .gitignore re-includes it',
    files: { 'package.json': pkg, '.gitignore': '.env*\n', 'api/.gitignore': '!.env\n', 'api/.env': 'A=1\n' },
    commit: ['package.json', '.gitignore', 'api/.gitignore'],
    file: 'api/.env',
    answer: 'not ignored',
  },
  {
    name: 'a pattern without a slash ignores at any depth',
    files: { 'package.json': pkg, '.gitignore': '.env*\n!.env.example\n', 'config/deploy/.env.production': 'A=1\n' },
    commit: ['package.json', '.gitignore'],
    file: 'config/deploy/.env.production',
    answer: 'ok',
  },
  { name: 'a template is meant to be committed', files: { 'package.json': pkg, '.env.example': 'A=\n' }, file: '.env.example', answer: 'ok' },
  { name: 'an untracked template needs no ignore rule', files: { 'package.json': pkg, '.env.sample': 'A=\n' }, commit: ['package.json'], file: '.env.sample', answer: 'ok' },
];

for (const [name, value] of Object.entries(GIT_ENV)) vi.stubEnv(name, value);
afterAll(() => vi.unstubAllEnvs());

const cli = binPath('packages/secret-scan', 'dhmad-scan');

function scannerAnswer(root: string, file: string): Answer {
  const r = spawnSync(process.execPath, [cli, '--format', 'json'], { cwd: root, env: isolatedEnv(), encoding: 'utf8' });
  expect(r.status, r.stderr).not.toBe(2);
  const findings = (JSON.parse(r.stdout) as { findings: { ruleId: string; severity: string; file: string }[] }).findings.filter((f) => f.file === file);
  if (findings.some((f) => f.ruleId === 'env-tracked')) return 'tracked';
  if (findings.some((f) => f.ruleId === 'env-not-ignored' && f.severity === 'error')) return 'not ignored';
  return 'ok';
}

const config = [{ plugins: { '@dhmad': dhmad }, rules: { '@dhmad/require-env-gitignore': 'error' as const } }];

function ruleAnswer(root: string, file: string): Answer {
  const messages = new Linter({ configType: 'flat', cwd: root }).verify(`process.loadEnvFile(${JSON.stringify(file)});\n`, config, { filename: path.join(root, 'src', 'index.js') });
  if (messages.some((m) => m.messageId === 'envFileTracked')) return 'tracked';
  if (messages.some((m) => m.messageId === 'envFileNotIgnored')) return 'not ignored';
  expect(messages).toEqual([]);
  return 'ok';
}

describe('dhmad-scan and require-env-gitignore agree on every layout', () => {
  const parent = tempDir('dhmad-agree-env-');
  it.each(layouts.map((l, i) => ({ ...l, i })))('$name: $answer', ({ files, commit, exclude, file, answer, i }) => {
    const root = makeRepo(parent, `layout-${i}`, files, commit);
    if (exclude) appendFileSync(path.join(root, '.git', 'info', 'exclude'), `${exclude}\n`);
    expect({ scanner: scannerAnswer(root, file), rule: ruleAnswer(root, file) }).toEqual({ scanner: answer, rule: answer });
  });
});

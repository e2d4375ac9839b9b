// @dhmad/eslint-plugin through ESLint's own API (ESLint 10 and 9), loaded from the package's entry point (its
// build) as a user's config loads it, linting a real repository.
import { rmSync } from 'node:fs';
import path from 'node:path';
import dhmad from '@dhmad/eslint-plugin';
import { ESLint as ESLint10 } from 'eslint';
import { defineConfig as defineConfig10 } from 'eslint/config';
import { ESLint as ESLint9 } from 'eslint9';
import { defineConfig as defineConfig9 } from 'eslint9/config';
import tseslint from 'typescript-eslint';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { GIT_ENV, makeRepo, tempDir } from './support/git.js';
import { assertNoKeys, liveKey, prefixOf, sandboxKey } from './support/keys.js';

for (const [name, value] of Object.entries(GIT_ENV)) vi.stubEnv(name, value);
const tmp = tempDir('dhmad-eslint-integration-');
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(tmp, { recursive: true, force: true });
});

const live = liveKey();
const testLive = liveKey();
const sandbox = sandboxKey();
const typedLive = liveKey();
const keys = [live, testLive, sandbox, typedLive];

const project = makeRepo(tmp, 'shop', {
  'package.json': '{ "name": "shop", "type": "module", "private": true }\n',
  '.gitignore': 'node_modules/\n',
  'src/pay.js': `export const client = { apiKey: '${live}' };\n// rotated: ${sandbox}\n`,
  'src/pay.test.js': `const key = '${testLive}';\nexport default key;\n`,
  'src/env.js': "import 'dotenv/config';\n",
  'src/page.js': 'export const key = process.env.NEXT_PUBLIC_DHMAD_API_KEY;\n',
  // No TypeScript parser is configured: the plugin's config must not make ESLint parse these.
  'types/index.d.ts': 'export declare const key: string;\n',
  'src/typed.ts': `export const key: string = '${typedLive}';\n`,
  'src/clean.js': "// Keys look like sk_live_ + 64 hex; the dashboard shows sk_live_abc123.\nexport const key = process.env.DHMAD_API_KEY;\n",
});

type Found = { file: string; ruleId: string | null; messageId: string | undefined; line: number; suggestions: number };

const expected: Found[] = [
  { file: 'src/env.js', ruleId: '@dhmad/require-env-gitignore', messageId: 'envFileNotIgnored', line: 1, suggestions: 0 },
  { file: 'src/page.js', ruleId: '@dhmad/no-public-env-key', messageId: 'publicEnvKey', line: 1, suggestions: 0 },
  { file: 'src/pay.js', ruleId: '@dhmad/no-hardcoded-key', messageId: 'hardcodedKey', line: 1, suggestions: 1 },
  { file: 'src/pay.js', ruleId: '@dhmad/no-hardcoded-key', messageId: 'hardcodedKey', line: 2, suggestions: 0 },
  { file: 'src/pay.test.js', ruleId: '@dhmad/no-hardcoded-key', messageId: 'liveKeyInTest', line: 1, suggestions: 1 },
];

interface LintResultLike {
  filePath: string;
  messages: { ruleId: string | null; messageId?: string; line: number; message: string; fix?: unknown; suggestions?: { desc: string }[] }[];
}

function summarize(results: LintResultLike[]): Found[] {
  return results
    .flatMap((r) =>
      r.messages.map((m) => ({
        file: path.relative(project, r.filePath).split(path.sep).join('/'),
        ruleId: m.ruleId,
        messageId: m.messageId,
        line: m.line,
        suggestions: m.suggestions?.length ?? 0,
      })),
    )
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/** Everything a user can read: messages, suggestion titles, and what the formatter prints. */
function visibleText(results: LintResultLike[], formatted: string): string {
  const messages = results.flatMap((r) => r.messages.flatMap((m) => [m.message, ...(m.suggestions ?? []).map((s) => s.desc)]));
  return [...messages, formatted].join('\n');
}

const majors = [
  {
    major: 10,
    ESLint: ESLint10,
    configs: {
      extends: defineConfig10({ plugins: { '@dhmad': dhmad }, extends: ['@dhmad/recommended'] }),
      spread: [dhmad.configs.recommended],
    },
  },
  {
    major: 9,
    ESLint: ESLint9,
    configs: {
      extends: defineConfig9({ plugins: { '@dhmad': dhmad }, extends: ['@dhmad/recommended'] }),
      spread: [dhmad.configs.recommended],
    },
  },
] as const;

describe.each(majors)('ESLint $major with configs.recommended', ({ major, ESLint, configs }) => {
  it('is the major it claims to be', () => {
    expect(Number(ESLint.version.split('.')[0])).toBe(major);
  });

  it.each(['extends', 'spread'] as const)('through %s: reports each problem once, naming keys by prefix only', async (how) => {
    // A cast per major: each ESLint's option type names its own config type.
    const eslint = new ESLint({ cwd: project, overrideConfigFile: true, overrideConfig: configs[how] as never });
    const results = (await eslint.lintFiles(['.'])) as LintResultLike[];
    expect(results.map((r) => path.relative(project, r.filePath)).filter((f) => !f.startsWith('src'))).toEqual([]);
    expect(summarize(results)).toEqual(expected);
    for (const m of results.flatMap((r) => r.messages)) expect(m.fix).toBeUndefined();

    const formatted = await (await eslint.loadFormatter('stylish')).format(results as never);
    const text = visibleText(results, formatted);
    expect(text).toContain(`${prefixOf(live)}…`);
    expect(text).toContain(`${prefixOf(testLive)}…`);
    assertNoKeys([text], keys);
  });
});

describe('with typescript-eslint configured', () => {
  it('applies to the .ts files that config lints, since files: **/* follows the rest of the config', async () => {
    const eslint = new ESLint10({
      cwd: project,
      overrideConfigFile: true,
      overrideConfig: defineConfig10(tseslint.configs.recommended, dhmad.configs.recommended),
    });
    const results = (await eslint.lintFiles(['src/typed.ts', 'types/index.d.ts'])) as LintResultLike[];
    expect(summarize(results)).toEqual([
      { file: 'src/typed.ts', ruleId: '@dhmad/no-hardcoded-key', messageId: 'hardcodedKey', line: 1, suggestions: 1 },
    ]);
    assertNoKeys([results[0]!.messages[0]!.message], [typedLive]);
  });
});

import { RuleTester } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import rule from '../../src/rules/no-public-env-key.js';

const ruleTester = new RuleTester();
const FILE = '/project/app/page.tsx';

ruleTester.run('no-public-env-key', rule, {
  valid: [
    // Server-side names are the right place for a secret key.
    { filename: FILE, code: 'const key = process.env.DHMAD_API_KEY;' },
    { filename: FILE, code: 'const { DHMAD_SECRET_KEY } = process.env;' },
    // Public variables that are not secret keys.
    { filename: FILE, code: 'const url = process.env.NEXT_PUBLIC_DHMAD_BASE_URL;' },
    { filename: FILE, code: 'const prefix = process.env.NEXT_PUBLIC_DHMAD_KEY_PREFIX;' },
    { filename: FILE, code: 'const maps = import.meta.env.VITE_MAPS_API_KEY;' },
    // Not an environment object.
    { filename: FILE, code: 'const key = config.env.NEXT_PUBLIC_DHMAD_API_KEY;' },
    { filename: FILE, code: 'const { NEXT_PUBLIC_DHMAD_API_KEY } = settings;' },
    // SvelteKit's private modules are server-only.
    { filename: FILE, code: "import { PUBLIC_DHMAD_API_KEY } from '$env/static/private';\nimport { env } from '$env/dynamic/private';\nenv.PUBLIC_DHMAD_API_KEY;" },
    // A dynamic name cannot be judged.
    { filename: FILE, code: 'const key = process.env[`NEXT_PUBLIC_${name}`];' },
    // With other prefixes configured, the defaults no longer apply.
    { filename: FILE, code: 'const key = process.env.NEXT_PUBLIC_DHMAD_API_KEY;', options: [{ publicPrefixes: ['CLIENT_'] }] },
  ],
  invalid: [
    {
      name: 'process.env.NEXT_PUBLIC_*',
      filename: FILE,
      code: 'const key = process.env.NEXT_PUBLIC_DHMAD_API_KEY;',
      errors: [
        {
          messageId: 'publicEnvKey',
          data: { name: 'NEXT_PUBLIC_DHMAD_API_KEY', prefix: 'NEXT_PUBLIC_' },
          line: 1,
          column: 13,
          endColumn: 50,
        },
      ],
    },
    {
      name: 'import.meta.env.VITE_*',
      filename: '/project/src/main.ts',
      code: 'const key = import.meta.env.VITE_DHMAD_SECRET_KEY;',
      errors: [{ messageId: 'publicEnvKey', data: { name: 'VITE_DHMAD_SECRET_KEY', prefix: 'VITE_' }, column: 13 }],
    },
    {
      name: 'bracket access with a string and a plain template',
      filename: FILE,
      code: "const a = process.env['REACT_APP_DHMAD_KEY'];\nconst b = import.meta.env[`PUBLIC_DHMAD_API_KEY`];",
      errors: [
        { messageId: 'publicEnvKey', data: { name: 'REACT_APP_DHMAD_KEY', prefix: 'REACT_APP_' }, line: 1 },
        { messageId: 'publicEnvKey', data: { name: 'PUBLIC_DHMAD_API_KEY', prefix: 'PUBLIC_' }, line: 2 },
      ],
    },
    {
      name: 'destructuring, renamed and computed, in declarations and assignments',
      filename: FILE,
      code: [
        'const { NEXT_PUBLIC_DHMAD_API_KEY, NODE_ENV } = process.env;',
        'const { NUXT_PUBLIC_DHMAD_SECRET: secret } = process.env;',
        "let key; ({ ['EXPO_PUBLIC_DHMAD_KEY']: key } = process.env);",
        'const { GATSBY_DHMAD_API_KEY = "" } = process.env;',
      ].join('\n'),
      errors: [
        { messageId: 'publicEnvKey', data: { name: 'NEXT_PUBLIC_DHMAD_API_KEY', prefix: 'NEXT_PUBLIC_' }, line: 1, column: 9 },
        { messageId: 'publicEnvKey', data: { name: 'NUXT_PUBLIC_DHMAD_SECRET', prefix: 'NUXT_PUBLIC_' }, line: 2 },
        { messageId: 'publicEnvKey', data: { name: 'EXPO_PUBLIC_DHMAD_KEY', prefix: 'EXPO_PUBLIC_' }, line: 3 },
        { messageId: 'publicEnvKey', data: { name: 'GATSBY_DHMAD_API_KEY', prefix: 'GATSBY_' }, line: 4 },
      ],
    },
    {
      name: 'through TypeScript casts and non-null assertions, and optional chaining',
      filename: '/project/src/env.ts',
      code: [
        'const a = (process.env as Record<string, string>).NEXT_PUBLIC_DHMAD_API_KEY;',
        'const b = process.env!.VITE_DHMAD_API_KEY;',
        'const { PUBLIC_DHMAD_SECRET } = process.env satisfies object;',
        'const c = process?.env?.NEXT_PUBLIC_DHMAD_SECRET_KEY;',
      ].join('\n'),
      errors: [
        { messageId: 'publicEnvKey', data: { name: 'NEXT_PUBLIC_DHMAD_API_KEY', prefix: 'NEXT_PUBLIC_' }, line: 1 },
        { messageId: 'publicEnvKey', data: { name: 'VITE_DHMAD_API_KEY', prefix: 'VITE_' }, line: 2 },
        { messageId: 'publicEnvKey', data: { name: 'PUBLIC_DHMAD_SECRET', prefix: 'PUBLIC_' }, line: 3 },
        { messageId: 'publicEnvKey', data: { name: 'NEXT_PUBLIC_DHMAD_SECRET_KEY', prefix: 'NEXT_PUBLIC_' }, line: 4 },
      ],
    },
    {
      name: "SvelteKit's $env/static/public imports and $env/dynamic/public reads",
      filename: '/project/src/routes/+page.svelte.ts',
      code: [
        "import { PUBLIC_DHMAD_API_KEY, PUBLIC_BASE_URL } from '$env/static/public';",
        "import { env as publicEnv } from '$env/dynamic/public';",
        'const a = publicEnv.PUBLIC_DHMAD_SECRET_KEY;',
        'const { PUBLIC_DHMAD_KEY } = publicEnv;',
      ].join('\n'),
      errors: [
        { messageId: 'publicEnvKey', data: { name: 'PUBLIC_DHMAD_API_KEY', prefix: 'PUBLIC_' }, line: 1, column: 10, endColumn: 30 },
        { messageId: 'publicEnvKey', data: { name: 'PUBLIC_DHMAD_SECRET_KEY', prefix: 'PUBLIC_' }, line: 3, column: 11 },
        { messageId: 'publicEnvKey', data: { name: 'PUBLIC_DHMAD_KEY', prefix: 'PUBLIC_' }, line: 4 },
      ],
    },
    {
      name: 'names are matched case-insensitively',
      filename: FILE,
      code: 'const key = process.env.NEXT_PUBLIC_DhmadApiKey;',
      errors: [{ messageId: 'publicEnvKey' }],
    },
    {
      name: 'custom prefixes and name pattern',
      filename: FILE,
      code: 'const a = process.env.CLIENT_PAY_TOKEN;\nconst b = process.env.CLIENT_DHMAD_API_KEY;',
      options: [{ publicPrefixes: ['CLIENT_'], secretNamePattern: 'PAY_TOKEN$' }],
      errors: [{ messageId: 'publicEnvKey', data: { name: 'CLIENT_PAY_TOKEN', prefix: 'CLIENT_' }, line: 1 }],
    },
  ],
});

describe('options', () => {
  it('an invalid secretNamePattern fails with an error that names the option', () => {
    const linter = new Linter({ configType: 'flat' });
    const verify = (): unknown =>
      linter.verify(
        'const key = process.env.NEXT_PUBLIC_DHMAD_API_KEY;',
        [{ plugins: { '@dhmad': plugin }, rules: { '@dhmad/no-public-env-key': ['error', { secretNamePattern: '(' }] } }],
        { filename: 'src/page.js' },
      );
    expect(verify).toThrow(/secretNamePattern option "\(" is not a valid regular expression/);
  });
});

import { RuleTester } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import rule from '../../src/rules/no-hardcoded-key.js';
import { liveKey, prefixOf, sandboxKey } from '../../../../test/support/keys.js';

const ruleTester = new RuleTester({
  languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
});

const APP = '/project/src/pay.ts';
const TEST = '/project/src/pay.test.ts';
const live = liveKey();
const live2 = liveKey();
const sandbox = sandboxKey();
const envRead = 'process.env.DHMAD_API_KEY';

/** Column (1-based) right after `prefix`, where a key written after it starts. */
const col = (prefix: string): number => prefix.length + 1;

ruleTester.run('no-hardcoded-key', rule, {
  valid: [
    { filename: APP, code: `const key = ${envRead};` },
    { filename: APP, code: `const none = 'no keys here';` },
    // Prose and placeholders about the key format.
    { filename: APP, code: `// Keys start with sk_live_ or sk_sandbox_; the dashboard shows sk_live_abc123.` },
    { filename: APP, code: `const example = 'sk_live_your_api_key_here';` },
    { filename: APP, code: `const masked = '${prefixOf(live)}…';` },
    { filename: APP, code: `const shown = '${prefixOf(live)}...';` },
    { filename: APP, code: `const zeros = '${'sk_' + 'live_' + '0'.repeat(64)}';` },
    { filename: APP, code: 'const tpl = `sk_live_${process.env.HEX}`;' },
    // A key prefix glued to a longer word is not a key.
    { filename: APP, code: `const word = 'disk${live.slice(2)}';` },
    // A truncated key (40 hex) is not a usable secret; the scanner reports those.
    { filename: APP, code: `const cut = '${live.slice(0, 'sk_live_'.length + 40)}';` },
  ],
  invalid: [
    {
      name: 'a live key in a string literal, with a suggestion to read the environment',
      filename: APP,
      code: `const key = '${live}';`,
      errors: [
        {
          messageId: 'hardcodedKey',
          data: { environment: 'live', keyPrefix: prefixOf(live), envVariable: 'DHMAD_API_KEY' },
          line: 1,
          column: col(`const key = '`),
          endLine: 1,
          endColumn: col(`const key = '${live}`),
          suggestions: [{ messageId: 'useEnvVariable', output: `const key = ${envRead};` }],
        },
      ],
    },
    {
      name: 'a sandbox key in double quotes on a later line',
      filename: APP,
      code: `import { Dhmad } from '@dhmad/sdk';\nconst client = new Dhmad({ apiKey: "${sandbox}" });`,
      errors: [
        {
          messageId: 'hardcodedKey',
          data: { environment: 'sandbox', keyPrefix: prefixOf(sandbox), envVariable: 'DHMAD_API_KEY' },
          line: 2,
          column: col(`const client = new Dhmad({ apiKey: "`),
          endColumn: col(`const client = new Dhmad({ apiKey: "${sandbox}`),
          suggestions: [
            {
              messageId: 'useEnvVariable',
              output: `import { Dhmad } from '@dhmad/sdk';\nconst client = new Dhmad({ apiKey: ${envRead} });`,
            },
          ],
        },
      ],
    },
    {
      name: 'a template literal that is only the key is replaced whole',
      filename: APP,
      code: `const key = \`${live}\`;`,
      errors: [
        {
          messageId: 'hardcodedKey',
          column: col('const key = `'),
          suggestions: [{ messageId: 'useEnvVariable', output: `const key = ${envRead};` }],
        },
      ],
    },
    {
      name: 'the static part of a template literal with expressions: reported, no suggestion',
      filename: APP,
      code: `const header = \`Bearer ${live} for \${user}\`;`,
      errors: [{ messageId: 'hardcodedKey', column: col('const header = `Bearer '), suggestions: [] }],
    },
    {
      name: 'a key inside a longer string (a URL): reported, no suggestion',
      filename: APP,
      code: `fetch('https://dhmad.tn/api/v1/me?key=${live}&x=1');`,
      errors: [{ messageId: 'hardcodedKey', column: col(`fetch('https://dhmad.tn/api/v1/me?key=`), suggestions: [] }],
    },
    {
      name: 'line and block comments',
      filename: APP,
      code: `// old key: ${live}\n/* backup\n   ${sandbox} */\nexport {};`,
      errors: [
        { messageId: 'hardcodedKey', line: 1, column: col('// old key: '), suggestions: [] },
        { messageId: 'hardcodedKey', line: 3, column: 4, data: { environment: 'sandbox', keyPrefix: prefixOf(sandbox), envVariable: 'DHMAD_API_KEY' }, suggestions: [] },
      ],
    },
    {
      name: 'JSX text: reported, no suggestion',
      filename: '/project/src/Debug.tsx',
      code: `const el = <p>${live}</p>;`,
      errors: [{ messageId: 'hardcodedKey', column: col('const el = <p>'), suggestions: [] }],
    },
    {
      name: 'a JSX attribute: the suggestion wraps the env read in braces',
      filename: '/project/src/Pay.tsx',
      code: `const el = <Checkout apiKey="${live}" />;`,
      errors: [
        {
          messageId: 'hardcodedKey',
          column: col('const el = <Checkout apiKey="'),
          suggestions: [{ messageId: 'useEnvVariable', output: `const el = <Checkout apiKey={${envRead}} />;` }],
        },
      ],
    },
    {
      name: 'object keys are reported without a suggestion, object values with one',
      filename: APP,
      code: `const byKey = { '${live}': 'prod', ${live2.replace(/^/, '')}: 1 };\nconst cfg = { key: '${sandbox}' };`,
      errors: [
        { messageId: 'hardcodedKey', line: 1, column: col(`const byKey = { '`), suggestions: [] },
        { messageId: 'hardcodedKey', line: 1, column: col(`const byKey = { '${live}': 'prod', `), suggestions: [] },
        {
          messageId: 'hardcodedKey',
          line: 2,
          suggestions: [
            {
              messageId: 'useEnvVariable',
              output: `const byKey = { '${live}': 'prod', ${live2}: 1 };\nconst cfg = { key: ${envRead} };`,
            },
          ],
        },
      ],
    },
    {
      name: 'a TypeScript literal type is reported without a suggestion',
      filename: APP,
      code: `type Key = '${live}';`,
      errors: [{ messageId: 'hardcodedKey', column: col(`type Key = '`), suggestions: [] }],
    },
    {
      name: 'member names and export names are not values: no suggestion that would not parse',
      filename: APP,
      code: [
        `abstract class A { abstract '${live}': string; }`,
        `interface I { '${live}'(): void }`,
        `const x = 1; export { x as '${live}' };`,
        `class C { static '${live}' = 1; get '${live}'() { return 1; } }`,
      ].join('\n'),
      errors: [
        { messageId: 'hardcodedKey', line: 1, column: col(`abstract class A { abstract '`), suggestions: [] },
        { messageId: 'hardcodedKey', line: 2, column: col(`interface I { '`), suggestions: [] },
        { messageId: 'hardcodedKey', line: 3, column: col(`const x = 1; export { x as '`), suggestions: [] },
        { messageId: 'hardcodedKey', line: 4, column: col(`class C { static '`), suggestions: [] },
        { messageId: 'hardcodedKey', line: 4, column: col(`class C { static '${live}' = 1; get '`), suggestions: [] },
      ],
    },
    {
      name: 'a computed member name is a value: the suggestion keeps the brackets',
      filename: APP,
      code: `const o = { ['${live}']: 1 };`,
      errors: [
        { messageId: 'hardcodedKey', suggestions: [{ messageId: 'useEnvVariable', output: `const o = { [${envRead}]: 1 };` }] },
      ],
    },
    {
      name: 'a live key in a test file gets its own message',
      filename: TEST,
      code: `const key = '${live}';`,
      errors: [
        {
          messageId: 'liveKeyInTest',
          data: { keyPrefix: prefixOf(live), envVariable: 'DHMAD_API_KEY' },
          suggestions: [{ messageId: 'useEnvVariable', output: `const key = ${envRead};` }],
        },
      ],
    },
    {
      name: 'a live key under a __tests__ folder is in a test file',
      filename: '/project/src/__tests__/pay.ts',
      code: `const key = '${live}';`,
      errors: [{ messageId: 'liveKeyInTest', suggestions: [{ messageId: 'useEnvVariable', output: `const key = ${envRead};` }] }],
    },
    {
      name: 'a sandbox key in a test file is still a hard-coded key',
      filename: TEST,
      code: `const key = '${sandbox}';`,
      errors: [{ messageId: 'hardcodedKey', suggestions: [{ messageId: 'useEnvVariable', output: `const key = ${envRead};` }] }],
    },
    {
      name: 'the envVariable option names the variable in the message and the suggestion',
      filename: APP,
      code: `const key = '${live}';`,
      options: [{ envVariable: 'PAYMENTS_KEY' }],
      errors: [
        {
          messageId: 'hardcodedKey',
          data: { environment: 'live', keyPrefix: prefixOf(live), envVariable: 'PAYMENTS_KEY' },
          suggestions: [
            { messageId: 'useEnvVariable', data: { envVariable: 'PAYMENTS_KEY' }, output: 'const key = process.env.PAYMENTS_KEY;' },
          ],
        },
      ],
    },
    {
      name: 'the testFilePatterns option replaces the default patterns',
      filename: '/project/src/pay.fixture.ts',
      code: `const key = '${live}';`,
      options: [{ testFilePatterns: ['*.fixture.ts'] }],
      errors: [{ messageId: 'liveKeyInTest', suggestions: [{ messageId: 'useEnvVariable', output: `const key = ${envRead};` }] }],
    },
    {
      name: 'with testFilePatterns replaced, a .test file is an ordinary file',
      filename: TEST,
      code: `const key = '${live}';`,
      options: [{ testFilePatterns: ['*.fixture.ts'] }],
      errors: [{ messageId: 'hardcodedKey', suggestions: [{ messageId: 'useEnvVariable', output: `const key = ${envRead};` }] }],
    },
  ],
});

describe('messages never contain the key', () => {
  it('names each key by its keyPrefix only, in messages and suggestions', () => {
    const linter = new Linter({ configType: 'flat' });
    const code = `// ${live}\nconst a = '${live2}';\nconst b = \`${sandbox}\`;`;
    const messages = linter.verify(
      code,
      [{ plugins: { '@dhmad': plugin }, rules: { '@dhmad/no-hardcoded-key': 'error' } }],
      { filename: 'src/app.js' },
    );
    expect(messages.map((m) => m.ruleId)).toEqual(Array(3).fill('@dhmad/no-hardcoded-key'));
    const texts = messages.flatMap((m) => [m.message, ...(m.suggestions ?? []).map((s) => s.desc)]);
    for (const key of [live, live2, sandbox]) {
      for (const t of texts) expect(t).not.toContain(key.slice(prefixOf(key).length));
    }
    expect(messages[0]?.message).toContain(`${prefixOf(live)}…`);
    expect(messages[2]?.message).toContain('A sandbox DHMAD secret key');
  });
});

// The SDK's findKeys, `dhmad-scan --stdin` and the ESLint rule no-hardcoded-key find the same keys in the same
// text: one table of inputs (keys built at run time, placeholders, near-vendors, odd contexts), every row the same
// answer from every tool. What a key looks like is the SDK's to say; the tools must not drift from it.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import dhmad from '@dhmad/eslint-plugin';
import { findKeys } from '@dhmad/sdk/key-format';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { isolatedEnv } from './support/git.js';
import { binPath } from './support/workspace.js';
import { keyWithHex, liveKey, prefixOf, sandboxKey } from './support/keys.js';

const hex = (bytes = 32): string => randomBytes(bytes).toString('hex');
const live = liveKey();
const sandbox = sandboxKey();
const upper = keyWithHex('live', hex().toUpperCase());

interface Row {
  name: string;
  text: string;
  /** The keys every tool must find, by prefix, in order. */
  found: string[];
}

const rows: Row[] = [
  { name: 'a string literal', text: `const apiKey = '${live}';`, found: [prefixOf(live)] },
  { name: 'a .env line', text: `DHMAD_API_KEY=${sandbox}`, found: [prefixOf(sandbox)] },
  { name: 'a URL query string', text: `fetch("https://dhmad.tn/api/v1/me?key=${live}&page=1")`, found: [prefixOf(live)] },
  { name: 'a call argument, no quotes', text: `client(${sandbox})`, found: [prefixOf(sandbox)] },
  { name: 'a JSON array', text: `["${live}","${sandbox}"]`, found: [prefixOf(live), prefixOf(sandbox)] },
  { name: 'after an escape sequence', text: `"\\n${live}"`, found: [prefixOf(live)] },
  { name: 'after a percent-encoded =', text: `token%3D${live}`, found: [prefixOf(live)] },
  { name: 'after non-ASCII letters and punctuation', text: `ключ=«${sandbox}»`, found: [prefixOf(sandbox)] },
  { name: 'upper-case hex', text: `key: ${upper}`, found: [prefixOf(upper)] },
  { name: 'after an underscore or a dollar sign', text: `_${live} $${sandbox}`, found: [prefixOf(live), prefixOf(sandbox)] },
  { name: 'placeholder: your key here', text: `apiKey: 'sk_${'live'}_your_api_key_here'`, found: [] },
  { name: 'placeholder: a bare prefix in prose', text: `Live keys start with sk_${'live'}_ and sandbox keys with sk_${'sandbox'}_.`, found: [] },
  { name: 'placeholder: a masked key', text: `shown as ${prefixOf(live)}… or sk_${'sandbox'}_****`, found: [] },
  { name: 'placeholder: 64 zeros', text: `sk_${'live'}_${'0'.repeat(64)}`, found: [] },
  { name: 'placeholder: a cut key', text: `${keyWithHex('live', hex(10))}...`, found: [] },
  { name: 'near-vendor: a Stripe secret key', text: `sk_${'live'}_51H${randomBytes(18).toString('base64url').replace(/[-_]/g, 'a')}`, found: [] },
  { name: 'near-vendor: a restricted-key prefix', text: `rk_${'live'}_${hex()}`, found: [] },
  { name: 'near-vendor: a publishable-key prefix', text: `pk_${'live'}_${hex()}`, found: [] },
  { name: 'glued to letters on the left', text: `x${live}`, found: [] },
  { name: 'glued to a letter on the right', text: `${live}g`, found: [] },
];

const cli = binPath('packages/secret-scan', 'dhmad-scan');

function sdkAnswer(text: string): string[] {
  return findKeys(text).filter((m) => m.kind === 'key').map((m) => m.keyPrefix);
}

function scannerAnswer(text: string): string[] {
  const r = spawnSync(process.execPath, [cli, '--stdin', '--format', 'json'], { input: text, env: isolatedEnv(), encoding: 'utf8' });
  expect(r.status, r.stderr).not.toBe(2);
  const findings = (JSON.parse(r.stdout) as { findings: { ruleId: string; keyPrefix: string; column: number }[] }).findings;
  return findings.filter((f) => f.ruleId === 'live-key' || f.ruleId === 'sandbox-key').map((f) => f.keyPrefix);
}

const linter = new Linter({ configType: 'flat' });
const config = [{ files: ['**/*.js'], plugins: { '@dhmad': dhmad }, rules: { '@dhmad/no-hardcoded-key': 'error' as const } }];

/** The rule on the same text, as a comment of a JavaScript file: the rule reads comments as it reads code. */
function ruleAnswer(text: string): string[] {
  const messages = linter.verify(`/*\n${text}\n*/\n`, config, { filename: 'src/input.js' });
  expect(messages.every((m) => m.ruleId === '@dhmad/no-hardcoded-key'), JSON.stringify(messages)).toBe(true);
  return messages.map((m) => /\((sk_(?:live|sandbox)_[0-9a-fA-F]{6})…\)/.exec(m.message)?.[1] ?? m.message);
}

describe('findKeys, dhmad-scan --stdin and no-hardcoded-key find the same keys', () => {
  it.each(rows)('$name', ({ text, found }) => {
    expect(text).not.toContain('*/');
    expect({ sdk: sdkAnswer(text), scanner: scannerAnswer(text), rule: ruleAnswer(text) }).toEqual({ sdk: found, scanner: found, rule: found });
  });
});

import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  containsKey,
  findKeys,
  isKey,
  KEY_LEFT_CONTEXT,
  KEY_PREFIXES,
  parseKey,
  redactJson,
  redactKey,
  redactText,
  revealsKey,
  validateKey,
  type Environment,
} from '../src/key-format.js';

// Key-shaped strings are built at run time: the repository must never hold one.
const hex = (bytes = 32) => randomBytes(bytes).toString('hex');
const key = (env: Environment = 'live', body = hex()) => KEY_PREFIXES[env] + body;

describe('findKeys: real-format keys wherever they stand', () => {
  const contexts: Array<[string, (k: string) => string]> = [
    ['bare', (k) => k],
    ['double quotes', (k) => `const a = "${k}";`],
    ['single quotes', (k) => `x = '${k}'`],
    ['backticks', (k) => 'x = `' + k + '`'],
    ['env file', (k) => `DHMAD_API_KEY=${k}\n`],
    ['URL path', (k) => `https://example.com/hook/${k}/x`],
    ['query string', (k) => `https://api.example.com/?k=${k}&y=1`],
    ['function argument', (k) => `fn(${k})`],
    ['JSON array', (k) => `[${JSON.stringify(k)},"x"]`],
    ['bare array', (k) => `[${k},x]`],
    ['minified', (k) => `var a={k:"${k}"},b=1;`],
    ['JSON escape before', (k) => `"line\\n${k}"`],
    ['percent-encoded =', (k) => `?token%3D${k}`],
    ['\\x escape before', (k) => `'Bearer\\x20${k}'`],
    ['\\u escape before', (k) => `'key:\\u00a0${k}'`],
    ['semicolon after', (k) => `${k};`],
    ['CRLF', (k) => `A=1\r\nKEY=${k}\r\n`],
    ['underscore after', (k) => `${k}_old`],
  ];
  for (const env of ['live', 'sandbox'] as const) {
    for (const [name, wrap] of contexts) {
      it(`${env}: ${name}`, () => {
        const k = key(env);
        const text = wrap(k);
        const matches = findKeys(text);
        expect(matches).toHaveLength(1);
        const [m] = matches;
        expect(m).toMatchObject({ kind: 'key', environment: env, index: text.indexOf(k), length: k.length });
        expect(m!.keyPrefix).toBe(k.slice(0, KEY_PREFIXES[env].length + 6));
      });
    }
  }

  it('finds several keys in one text, in order', () => {
    const a = key('live');
    const b = key('sandbox');
    const text = `a=${a}\nb=${b}\n`;
    expect(findKeys(text).map((m) => [m.index, m.environment])).toEqual([
      [text.indexOf(a), 'live'],
      [text.indexOf(b), 'sandbox'],
    ]);
  });

  it('accepts upper-case hex', () => {
    expect(findKeys(key('live', hex().toUpperCase()))[0]?.kind).toBe('key');
  });
});

describe('findKeys: boundaries', () => {
  it('ignores a key glued to a word on the left', () => {
    expect(findKeys('abc' + key())).toEqual([]);
    expect(findKeys('9' + key())).toEqual([]);
    // Hex-ending words that only look like escapes are still words.
    expect(findKeys('x20' + key())).toEqual([]);
    expect(findKeys('u00a0' + key())).toEqual([]);
    expect(findKeys('\\x2' + key())).toEqual([]);
  });
  it('reports a 64-hex run glued to more letters as malformed, not as a key', () => {
    const m = findKeys(key() + 'zz');
    expect(m).toHaveLength(1);
    expect(m[0]!.kind).toBe('malformed');
  });
  it('reports a too-long hex run as malformed', () => {
    expect(findKeys(key('live', hex(33)))[0]?.kind).toBe('malformed');
  });
  it('reports a truncated key as malformed', () => {
    const k = key('sandbox', hex(16));
    expect(findKeys(`KEY=${k}`)).toEqual([
      { kind: 'malformed', environment: 'sandbox', index: 4, length: k.length, keyPrefix: k.slice(0, 17) },
    ]);
  });
  it('can leave malformed matches out', () => {
    expect(findKeys(key('live', hex(16)), { malformed: false })).toEqual([]);
  });
});

describe('findKeys: placeholders and prose are never matches', () => {
  const placeholders = [
    'sk_live_your_api_key_here',
    'sk_sandbox_your_api_key_here',
    'sk_live_abc123...',
    'sk_live_abc123',
    'sk_sandbox_...',
    'sk_live_<your-key>',
    'sk_live_${DHMAD_KEY}',
    'sk_live_{{ secrets.KEY }}',
    'sk_live_%s',
    'sk_live_****************',
    'sk_live_' + 'x'.repeat(64),
    'sk_live_' + 'X'.repeat(64),
    'sk_live_' + '0'.repeat(64),
    'sk_sandbox_' + 'f'.repeat(64),
    'sk_live_' + '0123456789abcdef'.repeat(4),
    'sk_live_' + 'deadbeef'.repeat(8),
    'sk_live_' + 'ab'.repeat(32),
    'Keys start with sk_live_ or sk_sandbox_ followed by 64 hex characters.',
    'sk_test_' + hex(),
    'pk_live_' + hex(),
  ];
  for (const p of placeholders) {
    it(JSON.stringify(p.length > 40 ? p.slice(0, 40) + '…' : p), () => {
      expect(findKeys(p)).toEqual([]);
    });
  }
  it('ignores keys cut short for display', () => {
    expect(findKeys(key('live', hex(12)) + '...')).toEqual([]);
    expect(findKeys(key('live', hex(12)) + '…')).toEqual([]);
    expect(findKeys(key('live', hex(12)) + '****')).toEqual([]);
    expect(findKeys(key('live', hex(12)) + 'xxxxxxxx')).toEqual([]);
  });
  it('returns one shared frozen empty array when the text has no marker', () => {
    const a = findKeys('nothing to see here');
    expect(a).toBe(findKeys('still nothing'));
    expect(Object.isFrozen(a)).toBe(true);
  });
});

describe('findKeys: properties', () => {
  const envArb = fc.constantFrom<Environment>('live', 'sandbox');
  const secretArb = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString('hex'));
  // Surrounding text may contain anything except letters or digits touching the key.
  const sideArb = fc.string({ maxLength: 200 });
  const separator = fc.constantFrom(' ', '"', "'", '=', '(', ')', '[', ']', ',', ';', ':', '\n', '/', '?', '&', '`', '\t', '{', '}');

  it('finds every generated key at its offset in random text', () => {
    fc.assert(
      fc.property(envArb, secretArb, sideArb, separator, separator, sideArb, (env, secret, left, l, r, right) => {
        fc.pre(!isPlaceholderLike(secret));
        const k = KEY_PREFIXES[env] + secret;
        const text = left + l + k + r + right;
        const at = left.length + l.length;
        const hit = findKeys(text).find((m) => m.index === at);
        expect(hit).toMatchObject({ kind: 'key', environment: env, length: k.length });
      }),
      { numRuns: 500 },
    );
  });

  it('never reports a placeholder-shaped value', () => {
    const placeholderArb = fc.oneof(
      fc.constantFrom('your_api_key_here', '...', '<your-key>', '${KEY}', '{{key}}', 'xxxxxxxx', '****'),
      fc.uint8Array({ maxLength: 6 }).map((b) => Buffer.from(b).toString('hex')).map((h) => h + '...'),
      fc.constantFrom(...'0123456789abcdef').map((c) => c.repeat(64)),
    );
    fc.assert(
      fc.property(envArb, placeholderArb, sideArb, (env, body, tail) => {
        const text = KEY_PREFIXES[env] + body + ' ' + tail.replace(/sk_/g, '');
        expect(findKeys(text)).toEqual([]);
      }),
    );
  });

  it('never throws and only reports well-formed matches on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), (s) => {
        for (const m of findKeys(s)) expect(s.slice(m.index, m.index + 3)).toBe('sk_');
      }),
    );
  });
});

describe('findKeys: resuming at an offset (from)', () => {
  it('reads the text before `from` as the left context of a key, and reports nothing that starts there', () => {
    const k = key();
    for (const escape of ['\\u00a0', '\\x20', '%3D', '\\n', ' ']) {
      const text = `${k} ${escape}${k}`;
      const from = k.length + 1 + escape.length;
      expect(findKeys(text, { from }).map((m) => m.index), escape).toEqual([from]);
      // Cut the context short and the escape reads as a word glued to the key.
      if (escape.length > 1) expect(findKeys(text.slice(from - 1), { from: 1 }), escape).toEqual([]);
    }
    expect(findKeys('a' + k, { from: 1 })).toEqual([]);
  });

  it('needs no more than KEY_LEFT_CONTEXT characters before `from`', () => {
    const piece = fc.constantFrom('\\u00a0', '\\x20', '%3D', '\\n', '\\', 'u', 'x', 'a', '0', 'f', '_', ' ', 'sk_', 'sk_live_', key(), key('sandbox', hex(12)));
    const textArb = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));
    fc.assert(
      fc.property(textArb, textArb, (before, after) => {
        const text = before + after;
        const cut = Math.max(0, before.length - KEY_LEFT_CONTEXT);
        const shift = (ms: readonly { index: number }[]) => ms.map((m) => ({ ...m, index: m.index + cut }));
        expect(shift(findKeys(text.slice(cut), { from: before.length - cut }))).toEqual(findKeys(text, { from: before.length }));
      }),
      { numRuns: 500 },
    );
  });
});

function isPlaceholderLike(secret: string) {
  return new Set(secret).size < 6;
}

describe('validateKey / parseKey', () => {
  it('accepts a key and names it by keyPrefix', () => {
    const k = key('sandbox');
    expect(validateKey(k)).toEqual({ valid: true, environment: 'sandbox', keyPrefix: k.slice(0, 17) });
    expect(parseKey(k)).toEqual({ environment: 'sandbox', keyPrefix: k.slice(0, 17) });
    expect(isKey(k)).toBe(true);
  });

  const cases: Array<[string, () => unknown, string, RegExp]> = [
    ['missing', () => undefined, 'missing', /DHMAD_API_KEY/],
    ['empty', () => '', 'missing', /DHMAD_API_KEY/],
    ['trailing newline', () => key() + '\n', 'whitespace', /trailing whitespace/],
    ['leading space', () => ' ' + key(), 'whitespace', /leading whitespace/],
    ['double quotes', () => `"${key()}"`, 'quoted', /quotes/],
    ['single quotes', () => `'${key()}'`, 'quoted', /quotes/],
    ['other prefix', () => 'pk_live_' + hex(), 'unknown_prefix', /start with sk_live_ or sk_sandbox_/],
    ['short', () => key('live', hex(10)), 'wrong_length', /has 20/],
    ['not hex', () => 'sk_live_your_api_key_here', 'not_hex', /hex/],
    ['placeholder', () => 'sk_live_' + '0'.repeat(64), 'placeholder', /placeholder/],
  ];
  for (const [name, make, problem, message] of cases) {
    it(`rejects ${name} with its own message and never echoes the key`, () => {
      const value = make();
      const v = validateKey(value);
      expect(v.valid).toBe(false);
      if (v.valid) return;
      expect(v.problem).toBe(problem);
      expect(v.message).toMatch(message);
      if (typeof value === 'string' && value.length > 20) expect(v.message).not.toContain(value.trim().slice(8));
      expect(() => parseKey(value)).toThrow(expect.objectContaining({ name: 'KeyFormatError', problem }));
    });
  }
});

describe('redaction', () => {
  it('redactKey prints only the keyPrefix', () => {
    const k = key('live');
    expect(redactKey(k)).toBe(k.slice(0, 14) + '…');
    expect(redactKey('hunter2')).toBe('[redacted]');
  });
  it('redactText scrubs every key and key fragment, glued or not', () => {
    const a = key('live');
    const b = key('sandbox', hex(20));
    const text = `Authorization: Bearer ${a} x=abc${b}`;
    const out = redactText(text);
    expect(out).not.toContain(a.slice(14));
    expect(out).not.toContain(b.slice(17));
    expect(out).toContain(a.slice(0, 14) + '…');
    expect(redactText('keyPrefix sk_live_abc123 stays')).toBe('keyPrefix sk_live_abc123 stays');
  });
  it('redactText cuts a key in any letter case: upper-cased, upper-case hex, or a mixed-case prefix', () => {
    const k = key('live');
    const s = key('sandbox');
    const variants = [k.toUpperCase(), 'sk_live_' + k.slice(8).toUpperCase(), 'Sk_Live_' + k.slice(8), s.toUpperCase()];
    for (const v of variants) {
      const out = redactText(`name "${v}" here`);
      expect(out.toLowerCase(), v.slice(0, 8)).not.toContain(k.slice(14, 30));
      expect(out.toLowerCase()).not.toContain(s.slice(17, 30));
      expect(out).toBe(`name "${v.slice(0, v.indexOf('_', 3) + 7)}…" here`);
      expect(revealsKey(v)).toBe(true);
    }
    expect(revealsKey('keyPrefix SK_LIVE_ABC123 and sk_live_abc123… stay')).toBe(false);
    expect(containsKey(k.toUpperCase())).toBe(false);
  });
  it('redactJson scrubs strings and property names at any depth, and leaves other values alone', () => {
    const a = key('live');
    const b = key('sandbox');
    const when = new Date(0);
    const out = redactJson({ [a]: 1, list: [b, 2, null], nested: { ok: true, when } });
    const text = JSON.stringify(out);
    expect(text).not.toContain(a.slice(14));
    expect(text).not.toContain(b.slice(17));
    expect(out).toEqual({ [a.slice(0, 14) + '…']: 1, list: [b.slice(0, 17) + '…', 2, null], nested: { ok: true, when } });
    expect((out as { nested: { when: Date } }).nested.when).toBe(when);
  });
  it('redactJson keeps a property named __proto__ as a property, never as the copy\'s prototype', () => {
    const parsed = JSON.parse('{"__proto__": {"isAdmin": true}, "details": {"__proto__": "is not a known field"}}') as unknown;
    const out = redactJson(parsed) as Record<string, unknown>;
    expect(JSON.stringify(out)).toBe('{"__proto__":{"isAdmin":true},"details":{"__proto__":"is not a known field"}}');
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect((out as { isAdmin?: unknown }).isAdmin).toBeUndefined();
  });
  it('containsKey', () => {
    expect(containsKey(`x ${key()}`)).toBe(true);
    expect(containsKey('sk_live_your_api_key_here')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findKeys } from '@dhmad/sdk/key-format';
import { ALLOW_MARKER, CHUNK_BYTES, detectInBuffer, mayContainKey, PREFILTER_OVERLAP, sniffEncoding, StreamDetector } from '../src/detect.js';
import { keyDigest } from '../src/findings.js';
import { makeKey, prefixOf } from './helpers.js';

function detectInPieces(text: Buffer, sizes: number[]): ReturnType<StreamDetector['end']> {
  const d = new StreamDetector();
  let at = 0;
  for (const s of sizes) {
    if (at >= text.length) break;
    d.push(text.subarray(at, at + s));
    at += s;
  }
  if (at < text.length) d.push(text.subarray(at));
  return d.end();
}

const strip = (ds: ReturnType<StreamDetector['end']>) => ds.map(({ kind, keyPrefix, line, column, digest, allowed }) => ({ kind, keyPrefix, line, column, digest, allowed }));

describe('line and column numbers', () => {
  it('counts lines and columns from 1, with CRLF endings and a BOM', () => {
    const key = makeKey();
    const text = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`one\r\ntwo\r\n  x = "${key}"\r\n`)]);
    const [d] = detectInBuffer(text);
    expect(d).toMatchObject({ kind: 'key', line: 3, column: 8, keyPrefix: prefixOf(key) });
  });

  it('finds a key after invalid UTF-8 bytes on the same line', () => {
    const key = makeKey('sandbox');
    const text = Buffer.concat([Buffer.from('a\n'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(` ${key}\n`)]);
    expect(detectInBuffer(text).map((d) => [d.line, d.environment])).toEqual([[2, 'sandbox']]);
  });

  it('finds a key at the end of a line of several megabytes, and the key on the next line', () => {
    const key = makeKey();
    const other = makeKey('sandbox');
    const text = Buffer.from('a'.repeat(3_000_000) + ' ' + key + '\n' + other);
    const found = detectInBuffer(text);
    expect(found.map((d) => [d.line, d.column, d.keyPrefix])).toEqual([
      [1, 3_000_002, prefixOf(key)],
      [2, 1, prefixOf(other)],
    ]);
  });
});

describe('chunk boundaries', () => {
  it('gives the same detections whatever the chunk sizes', () => {
    const key = makeKey();
    const malformed = makeKey('sandbox').slice(0, 40);
    const text = Buffer.from(`x\n${key} y\r\n\u00e9\u4e2d ${malformed}\nz ${key}ab // dhmad-scan:allow\n${key}`);
    const whole = strip(detectInBuffer(text));
    expect(whole.map((d) => [d.kind, d.line, d.allowed])).toEqual([
      ['key', 2, false],
      ['malformed', 3, false],
      ['malformed', 4, true],
      ['key', 5, false],
    ]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 90 }), { minLength: 1, maxLength: 40 }), (sizes) => {
        expect(strip(detectInPieces(text, sizes))).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it('does not report a key that more hex in the next chunk turns into a malformed one', () => {
    const key = makeKey();
    const d = new StreamDetector();
    d.push(Buffer.from(`k=${key}`));
    d.push(Buffer.from('abcdef\n'));
    expect(d.end().map((m) => m.kind)).toEqual(['malformed']);
  });
});

/** What the SDK's findKeys gives on the whole decoded text, in the detector's terms: the oracle. */
function wholeText(bytes: Buffer): ReturnType<typeof strip> {
  const bom = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  const text = new TextDecoder(bom).decode(bytes);
  return findKeys(text, { malformed: true }).map((m) => {
    const lineStart = text.lastIndexOf('\n', m.index - 1) + 1;
    const lineEnd = text.indexOf('\n', m.index);
    return {
      kind: m.kind,
      keyPrefix: m.keyPrefix,
      line: text.slice(0, m.index).split('\n').length,
      column: m.index - lineStart + 1,
      digest: keyDigest(text.slice(m.index, m.index + m.length)),
      allowed: text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd).includes(ALLOW_MARKER),
    };
  });
}

const utf16 = (text: string, order: 'le' | 'be'): Buffer => {
  const le = Buffer.from('\ufeff' + text, 'utf16le');
  return order === 'le' ? le : le.swap16();
};

describe('the streaming detector gives what findKeys gives on the whole text', () => {
  const hexArb = (minLength: number, maxLength: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), minLength, maxLength });
  const prefix = fc.constantFrom('sk_live_', 'sk_sandbox_');
  // Pieces chosen to land on every rule findKeys has: escapes before a key, glued words,
  // display cuts, malformed runs, allow markers, line ends and characters of 2 to 4 bytes.
  const piece = fc.oneof(
    { weight: 4, arbitrary: fc.tuple(prefix, hexArb(64, 64)).map(([p, h]) => p + h) },
    { weight: 2, arbitrary: fc.tuple(prefix, hexArb(18, 70)).map(([p, h]) => p + h) },
    {
      weight: 6,
      arbitrary: fc.constantFrom(
        'sk_', 'sk_live_', 'sk_sandbox_', '\\u00a0', '\\x20', '%3D', '\\n', '\\', 'u00', 'x2', 'a', 'x', 'xx', '0', 'f', '_',
        '.', '..', '\u2026', '*', ' ', '\n', '\r\n', '\t', '"', '=', '\u00e9', '\u4e2d', '\ud83d\ude00', ALLOW_MARKER, 'dhmad-scan', ':allow',
      ),
    },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 3000 }).map((n) => 'a'.repeat(n)) },
    // A line longer than any window a detector might keep (minified code).
    { weight: 1, arbitrary: fc.integer({ min: 65_000, max: 70_000 }).map((n) => 'a'.repeat(n) + ' ') },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 300 }).map((n) => 'b\n'.repeat(n)) },
  );
  const textArb = fc.array(piece, { maxLength: 60, size: 'medium' }).map((p) => p.join(''));
  const encodingArb = fc.constantFrom('utf-8', 'utf-8 with BOM', 'utf-16le', 'utf-16be', 'utf-8 with invalid bytes');
  const encode = (text: string, encoding: string): Buffer => {
    switch (encoding) {
      case 'utf-8 with BOM':
        return Buffer.from('\ufeff' + text);
      case 'utf-16le':
        return utf16(text, 'le');
      case 'utf-16be':
        return utf16(text, 'be');
      case 'utf-8 with invalid bytes':
        return Buffer.concat(text.split(' ').flatMap((part) => [Buffer.from(part), Buffer.from([0xff, 0x20, 0xc3])]));
      default:
        return Buffer.from(text);
    }
  };
  const chunkings = fc.array(fc.oneof(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 80_000 })), { minLength: 1, maxLength: 60 });

  it('over random texts, encodings and chunkings', () => {
    fc.assert(
      fc.property(textArb, encodingArb, chunkings, (text, encoding, sizes) => {
        const bytes = encode(text, encoding);
        expect(strip(detectInPieces(bytes, sizes))).toEqual(wholeText(bytes));
      }),
      { numRuns: 800 },
    );
  });

  // The 1 MiB reads of a file, and a line longer than any window the detector keeps.
  it('for a key after \\u00a0 or \\x20 at every offset around a read boundary', () => {
    const key = makeKey();
    for (const escape of ['\\u00a0', '\\x20']) {
      for (let end = CHUNK_BYTES - 90; end <= CHUNK_BYTES + 10; end++) {
        const before = escape + key;
        const bytes = Buffer.from('x'.repeat(end - before.length - 1) + ' ' + before + '\n');
        expect(strip(detectInBuffer(bytes)), `${escape} ending at ${end}`).toEqual(wholeText(bytes));
      }
    }
  });

  it('for a key after an escape on a line of more than 64 KB that runs past a read boundary', () => {
    const key = makeKey('sandbox');
    for (const escape of ['\\u00a0', '\\x20']) {
      const bytes = Buffer.from('a'.repeat(CHUNK_BYTES - 30_000) + ` ${escape}${key} more ` + 'a'.repeat(70_000) + ` ${ALLOW_MARKER}\n${escape}${key}`);
      const found = strip(detectInBuffer(bytes));
      expect(found.map((d) => [d.line, d.allowed]), escape).toEqual([
        [1, true],
        [2, false],
      ]);
      expect(found).toEqual(wholeText(bytes));
    }
  });
});

describe('UTF-16 text', () => {
  it('is read after its byte order mark, little- and big-endian, and is not binary', () => {
    const key = makeKey();
    const text = `# PowerShell output\r\n$env:DHMAD_KEY = "${key}"\r\n`;
    for (const order of ['le', 'be'] as const) {
      const bytes = utf16(text, order);
      expect(sniffEncoding(bytes)).toBe(`utf-16${order}`);
      expect(detectInBuffer(bytes).map((d) => [d.kind, d.line, d.column, d.keyPrefix])).toEqual([['key', 2, 19, prefixOf(key)]]);
    }
    expect(sniffEncoding(Buffer.from(text, 'utf16le'))).toBeNull();
  });
});

describe('what is not a finding', () => {
  it('ignores placeholders, bare prefixes and display cuts', () => {
    const text = [
      'sk_live_your_api_key_here',
      'sk_sandbox_...',
      'Keys start with sk_live_ or sk_sandbox_.',
      `sk_live_${'0'.repeat(64)}`,
      `sk_live_${'deadbeef'.repeat(8)}`,
      'sk_live_abc123…',
    ].join('\n');
    expect(detectInBuffer(Buffer.from(text))).toEqual([]);
  });

  it('keeps the matched key only when asked, and never as an enumerable property', () => {
    const key = makeKey();
    expect(detectInBuffer(Buffer.from(key))[0]!.secret).toBeUndefined();
    const kept = detectInBuffer(Buffer.from(key), true)[0]!;
    expect(kept.secret).toBe(key);
    expect(JSON.stringify(kept)).not.toContain(key.slice(14));
  });
});

describe('byte prefilter', () => {
  it('passes text with a key prefix anywhere, including cut off at the end, and nothing else', () => {
    const key = makeKey('sandbox');
    expect(mayContainKey(Buffer.from(`task_list mask_ disk_ sk_other ${key}`))).toBe(true);
    expect(mayContainKey(Buffer.from(key))).toBe(true);
    expect(mayContainKey(Buffer.from('x = "sk_live_'))).toBe(true);
    expect(mayContainKey(Buffer.from('cut: sk_sand'))).toBe(true);
    expect(mayContainKey(Buffer.from('tak_live_ sk_lime sk_sandbag k_live_ xsk'))).toBe(false);
  });

  it('finds keys split across reads of a file at every offset', () => {
    const key = makeKey();
    for (let cut = 0; cut <= key.length; cut++) {
      const a = Buffer.from('x'.repeat(20) + key.slice(0, cut));
      const b = Buffer.from(key.slice(cut) + 'y');
      const seam = Buffer.concat([a.subarray(a.length - PREFILTER_OVERLAP), b]);
      expect(mayContainKey(a) || mayContainKey(seam), `cut at ${cut}`).toBe(true);
    }
  });
});

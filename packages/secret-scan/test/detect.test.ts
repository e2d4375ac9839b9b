import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectInBuffer, mayContainKey, PREFILTER_OVERLAP, StreamDetector } from '../src/detect.js';
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

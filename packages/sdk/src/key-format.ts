/**
 * What a DHMAD secret key looks like, decided once.
 *
 * A key is `sk_live_` or `sk_sandbox_` followed by exactly 64 hex characters.
 * Its `keyPrefix` (type prefix + first 6 hex) is not secret and is what the
 * dashboard shows, so it is the only form in which any tool may print a key.
 *
 * Everything here is dependency-free and allocation-conscious: the scanner and
 * the ESLint plugin call {@link findKeys} on every file, and a text without
 * `sk_` in it costs one `indexOf` and allocates nothing.
 */

export type Environment = 'live' | 'sandbox';

/** The type prefix of each environment's secret keys. */
export const KEY_PREFIXES: Readonly<Record<Environment, string>> = Object.freeze({
  live: 'sk_live_',
  sandbox: 'sk_sandbox_',
});

/** Every key, of either environment, contains this; cheap prefilter for callers. */
export const KEY_MARKER = 'sk_';

/** Number of hex characters after the type prefix. */
export const KEY_HEX_LENGTH = 64;

/** Number of hex characters of the secret that `keyPrefix` shows. */
export const KEY_PREFIX_HEX_LENGTH = 6;

/**
 * A hex run after a type prefix at least this long, but not a valid key, is
 * reported as a possibly truncated or mangled key. Shorter runs are how docs
 * and dashboards name keys (`sk_live_abc123` is a keyPrefix) and are ignored.
 */
export const MALFORMED_MIN_HEX_LENGTH = 20;

export interface ParsedKey {
  environment: Environment;
  /** Type prefix plus the first 6 hex characters, e.g. `sk_live_abc123`. Safe to print. */
  keyPrefix: string;
}

export type KeyFormatProblem =
  | 'missing'
  | 'whitespace'
  | 'quoted'
  | 'unknown_prefix'
  | 'wrong_length'
  | 'not_hex'
  | 'placeholder';

export type KeyValidation =
  | ({ valid: true } & ParsedKey)
  | {
      valid: false;
      problem: KeyFormatProblem;
      /** The environment the prefix names, when it names one. */
      environment: Environment | null;
      /** A message for the user: what is wrong and what to do. Never contains the key. */
      message: string;
    };

/** Thrown by {@link parseKey}. Its message never contains the key. */
export class KeyFormatError extends Error {
  override readonly name = 'KeyFormatError';
  readonly problem: KeyFormatProblem;
  readonly environment: Environment | null;
  constructor(problem: KeyFormatProblem, message: string, environment: Environment | null) {
    super(message);
    this.problem = problem;
    this.environment = environment;
  }
}

const CC_0 = 48;
const CC_9 = 57;
const CC_A = 65;
const CC_F = 70;
const CC_Z = 90;
const CC_a = 97;
const CC_f = 102;
const CC_z = 122;
const CC_BACKSLASH = 92;

function isHexCode(c: number): boolean {
  return (c >= CC_0 && c <= CC_9) || (c >= CC_a && c <= CC_f) || (c >= CC_A && c <= CC_F);
}

function isAlnumCode(c: number): boolean {
  return (c >= CC_0 && c <= CC_9) || (c >= CC_a && c <= CC_z) || (c >= CC_A && c <= CC_Z);
}

/**
 * How many characters before a key {@link findKeys} reads to tell that it is not
 * glued to a word (`\u00a0`, the longest escape it accepts before a key, is 6).
 * A caller that scans a stream in pieces keeps at least this much text before
 * the offset it resumes at (see {@link FindKeysOptions.from}).
 */
export const KEY_LEFT_CONTEXT = 6;

/** Letters that end a backslash escape (`\n`, `\t`, `\u00..`) glued to the next word. */
const ESCAPE_LETTERS = 'nrtbfvx0';

/**
 * Whether the character before `start` ends a word, so a key may begin at `start`.
 * A letter or digit there usually means `sk_` is the tail of a longer identifier
 * or blob; the exceptions are escapes that commonly sit right before a leaked key
 * (`\nsk_live_...` in a JSON string, `%3Dsk_live_...` in an encoded URL).
 */
function leftBoundaryAt(text: string, start: number): boolean {
  if (start === 0) return true;
  const c = text.charCodeAt(start - 1);
  if (!isAlnumCode(c)) return true;
  if (start >= 2 && text.charCodeAt(start - 2) === CC_BACKSLASH && ESCAPE_LETTERS.includes(text[start - 1]!)) {
    return true;
  }
  // `%3D` (URL-encoded) and `\x20` / `\u00a0` (JS/JSON escapes) end in hex digits
  // that would otherwise read as a letter glued to the key.
  return hexEscapeEndsAt(text, start, '%', 2) || hexEscapeEndsAt(text, start, '\\x', 2) || hexEscapeEndsAt(text, start, '\\u', 4);
}

/** Whether `text` just before `end` is `introducer` followed by `digits` hex digits. */
function hexEscapeEndsAt(text: string, end: number, introducer: string, digits: number): boolean {
  const at = end - digits - introducer.length;
  if (at < 0 || !text.startsWith(introducer, at)) return false;
  for (let k = end - digits; k < end; k++) if (!isHexCode(text.charCodeAt(k))) return false;
  return true;
}

/** Which environment's prefix starts at `i` (which points at `sk_`), or null. */
function prefixAt(text: string, i: number): Environment | null {
  if (text.startsWith('live_', i + 3)) return 'live';
  if (text.startsWith('sandbox_', i + 3)) return 'sandbox';
  return null;
}

/**
 * Whether a full-length hex run is a stand-in rather than a secret: very few
 * distinct characters (`000...0`, `abab...`) or a short repeating pattern
 * (`0123456789abcdef` x 4, `deadbeef` x 8). A random 64-hex secret has either
 * property with probability far below 1e-25.
 */
function isPlaceholderHex(text: string, start: number, length: number): boolean {
  let seen = 0;
  let distinct = 0;
  for (let i = start; i < start + length; i++) {
    let c = text.charCodeAt(i);
    if (c >= CC_A && c <= CC_F) c += 32;
    const bit = c <= CC_9 ? c - CC_0 : c - CC_a + 10;
    if ((seen & (1 << bit)) === 0) {
      seen |= 1 << bit;
      distinct++;
    }
  }
  if (distinct < 6) return true;
  for (let period = 1; period <= length / 2; period++) {
    let periodic = true;
    for (let i = start + period; i < start + length; i++) {
      if ((text.charCodeAt(i) | 32) !== (text.charCodeAt(i - period) | 32)) {
        periodic = false;
        break;
      }
    }
    if (periodic) return true;
  }
  return false;
}

export interface KeyMatch {
  /** `key`: a real-format key. `malformed`: the prefix and a long hex run of the wrong length. */
  kind: 'key' | 'malformed';
  environment: Environment;
  /** Offset of the `s` of `sk_` in the text. */
  index: number;
  /** Length of the matched token (prefix + hex run). */
  length: number;
  /** Safe to print: type prefix + first 6 hex. */
  keyPrefix: string;
}

export interface FindKeysOptions {
  /** Also report `malformed` matches (default true). */
  malformed?: boolean;
  /**
   * Look for keys starting at or after this offset (default 0). The text before it
   * is read only as the left context of a key that starts there or later: what a
   * stream scanner keeps of the previous piece ({@link KEY_LEFT_CONTEXT} characters
   * suffice) so the result is the one the whole text gives.
   */
  from?: number;
}

const NO_MATCHES: readonly KeyMatch[] = Object.freeze([]);

/**
 * Find DHMAD keys in `text`.
 *
 * - A key is found wherever it stands: in quotes, URLs, query strings, `fn(key)`,
 *   JSON arrays, minified code, after `=`; the only requirement is that it is not
 *   glued to letters or digits on either side (escape sequences such as `\n` and
 *   `%3D` right before it do not count as letters).
 * - Placeholders are never matches: bare prefixes, `sk_live_your_api_key_here`,
 *   `sk_sandbox_...`, `sk_live_<your-key>`, `${KEY}`, masks such as `sk_live_****`
 *   or `sk_live_abc123...`, and low-entropy runs such as 64 zeros.
 * - `malformed`: a prefix followed by at least 20 hex characters that is not a
 *   valid key (truncated, too long, or glued to more letters), unless it is cut
 *   off for display (`...`, `…`, `*`, `x`).
 *
 * Returns a shared empty array, allocating nothing, when the text has no `sk_`.
 */
export function findKeys(text: string, options?: FindKeysOptions): readonly KeyMatch[] {
  let i = text.indexOf(KEY_MARKER, options?.from ?? 0);
  if (i === -1) return NO_MATCHES;
  const wantMalformed = options?.malformed ?? true;
  let out: KeyMatch[] | null = null;
  const n = text.length;
  while (i !== -1) {
    const env = prefixAt(text, i);
    if (env === null || !leftBoundaryAt(text, i)) {
      i = text.indexOf(KEY_MARKER, i + 3);
      continue;
    }
    const bodyStart = i + KEY_PREFIXES[env].length;
    let j = bodyStart;
    while (j < n && isHexCode(text.charCodeAt(j))) j++;
    const hexLength = j - bodyStart;
    let end = j;
    while (end < n && isAlnumCode(text.charCodeAt(end))) end++;
    let kind: KeyMatch['kind'] | null = null;
    if (hexLength === KEY_HEX_LENGTH && end === j) {
      if (!isPlaceholderHex(text, bodyStart, hexLength)) kind = 'key';
    } else if (wantMalformed && hexLength >= MALFORMED_MIN_HEX_LENGTH && !isDisplayCut(text, j, end)) {
      if (!isPlaceholderHex(text, bodyStart, Math.min(hexLength, KEY_HEX_LENGTH))) kind = 'malformed';
    }
    if (kind !== null) {
      out ??= [];
      out.push({
        kind,
        environment: env,
        index: i,
        length: end - i,
        keyPrefix: text.slice(i, bodyStart + KEY_PREFIX_HEX_LENGTH),
      });
    }
    i = text.indexOf(KEY_MARKER, Math.max(end, i + 3));
  }
  return out ?? NO_MATCHES;
}

/** `sk_live_0123abcd...` / `…` / `****` / `xxxx`: a key shortened on purpose for display. */
function isDisplayCut(text: string, hexEnd: number, end: number): boolean {
  let x = hexEnd;
  while (x < end && (text.charCodeAt(x) | 32) === 120) x++;
  if (x === end && end > hexEnd) return true;
  if (end > hexEnd) return false;
  const c = text[end];
  if (c === '…' || c === '*' || c === '•') return true;
  if (c === '.') return text[end + 1] === '.';
  return false;
}

/** True when `text` contains at least one real-format key (placeholders excluded). */
export function containsKey(text: string): boolean {
  if (text.indexOf(KEY_MARKER) === -1) return false;
  for (const m of findKeys(text, { malformed: false })) if (m.kind === 'key') return true;
  return false;
}

const QUOTES = `"'\``;

function describe(environment: Environment | null): string {
  return environment === null ? 'A DHMAD key' : `A ${environment} key (${KEY_PREFIXES[environment]}...)`;
}

/**
 * Check that `value` is exactly one well-formed key, with nothing around it.
 * Never trims: a key copied with a trailing space or newline is reported as
 * such, because silently fixing it hides where the bad value comes from.
 */
export function validateKey(value: unknown): KeyValidation {
  const fail = (problem: KeyFormatProblem, environment: Environment | null, message: string): KeyValidation => ({
    valid: false,
    problem,
    environment,
    message,
  });
  if (typeof value !== 'string' || value.length === 0) {
    return fail('missing', null, 'No DHMAD API key was given. Pass `apiKey` or set the DHMAD_API_KEY environment variable.');
  }
  const trimmed = value.trim();
  const envOf = (s: string): Environment | null =>
    s.startsWith(KEY_PREFIXES.live) ? 'live' : s.startsWith(KEY_PREFIXES.sandbox) ? 'sandbox' : null;
  if (trimmed !== value) {
    const where = /^\s/.test(value) ? (/\s$/.test(value) ? 'leading and trailing' : 'leading') : 'trailing';
    return fail(
      'whitespace',
      envOf(trimmed),
      `The DHMAD API key has ${where} whitespace (often a newline from copying or from \`echo\`). Remove it where the key is stored; keys are never trimmed automatically.`,
    );
  }
  if (value.length >= 2 && QUOTES.includes(value[0]!) && QUOTES.includes(value[value.length - 1]!)) {
    return fail(
      'quoted',
      envOf(value.slice(1, -1)),
      'The DHMAD API key is wrapped in quotes. Remove the quotes where the key is stored (in a .env file, write KEY=sk_... without quotes, or make sure your loader strips them).',
    );
  }
  const environment = envOf(value);
  if (environment === null) {
    return fail(
      'unknown_prefix',
      null,
      `The value is not a DHMAD secret key: keys start with ${KEY_PREFIXES.live} or ${KEY_PREFIXES.sandbox}. Copy the key from developer.dhmad.tn.`,
    );
  }
  const body = value.slice(KEY_PREFIXES[environment].length);
  for (let k = 0; k < body.length; k++) {
    if (!isHexCode(body.charCodeAt(k))) {
      return fail(
        'not_hex',
        environment,
        `${describe(environment)} must be followed by 64 hex characters (0-9, a-f); this one has other characters. It may be a placeholder or damaged in copying.`,
      );
    }
  }
  if (body.length !== KEY_HEX_LENGTH) {
    return fail(
      'wrong_length',
      environment,
      `${describe(environment)} has 64 hex characters after the prefix; this one has ${body.length}. It was probably truncated or mangled while copying.`,
    );
  }
  if (isPlaceholderHex(body, 0, body.length)) {
    return fail(
      'placeholder',
      environment,
      `${describe(environment)} here looks like a placeholder (repeating or low-variety characters), not a real secret. Use a key from developer.dhmad.tn.`,
    );
  }
  return { valid: true, environment, keyPrefix: value.slice(0, KEY_PREFIXES[environment].length + KEY_PREFIX_HEX_LENGTH) };
}

/** True when `value` is exactly one real-format key. */
export function isKey(value: unknown): value is string {
  return validateKey(value).valid;
}

/** Parse a key into its environment and printable `keyPrefix`; throws {@link KeyFormatError}. */
export function parseKey(value: unknown): ParsedKey {
  const v = validateKey(value);
  if (!v.valid) throw new KeyFormatError(v.problem, v.message, v.environment);
  return { environment: v.environment, keyPrefix: v.keyPrefix };
}

/** The environment a key (or anything starting with a key prefix) belongs to, or null. */
export function environmentOf(value: string): Environment | null {
  if (value.startsWith(KEY_PREFIXES.live)) return 'live';
  if (value.startsWith(KEY_PREFIXES.sandbox)) return 'sandbox';
  return null;
}

/**
 * The printable name of a key: its `keyPrefix` for a key-shaped value,
 * otherwise `[redacted]`. Never returns more than prefix + 6 hex of the input.
 */
export function redactKey(value: string): string {
  const env = environmentOf(value);
  if (env === null) return '[redacted]';
  const p = KEY_PREFIXES[env].length;
  let j = p;
  while (j < value.length && j < p + KEY_PREFIX_HEX_LENGTH && isHexCode(value.charCodeAt(j))) j++;
  return value.slice(0, j) + '…';
}

/**
 * A type prefix, in any letter case, and more than 6 hex: what {@link redactText} cuts.
 * Any case, because a key upper-cased along the way (GitHub upper-cases secret names,
 * a shell's `tr`, a `.toUpperCase()` in someone's code) is not a key the API takes,
 * and so not a finding, but lower-casing it again gives the key back.
 */
const REVEALING = /(sk_(?:live|sandbox)_[0-9a-f]{6})[0-9a-f]+/gi;
const MARKER_ANY_CASE = /sk_/i;

/**
 * Replace anything in `text` that could be (part of) a secret key with its
 * `keyPrefix` followed by `…`. For scrubbing logs and error messages, this is
 * deliberately looser than {@link findKeys}: it ignores word boundaries, placeholder
 * rules and letter case, and redacts any prefix followed by more than 6 hex.
 */
export function redactText(text: string): string {
  if (!MARKER_ANY_CASE.test(text)) return text;
  return text.replace(REVEALING, '$1…');
}

/**
 * True when `text` holds something {@link redactText} would cut: a key or a part of one
 * longer than its keyPrefix, in any letter case. The test for what must not be printed or
 * sent on; {@link containsKey} is the narrower test for what is a usable key.
 */
export function revealsKey(text: string): boolean {
  return MARKER_ANY_CASE.test(text) && redactText(text) !== text;
}

/**
 * A deep copy of a JSON-like value with every string, property names included, run
 * through {@link redactText}. Names matter: a 400 for `{"sk_live_...": 1}` names the
 * key as an unknown field. Only arrays and plain objects are descended into.
 */
export function redactJson(value: unknown): unknown {
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map(redactJson);
  if (value !== null && typeof value === 'object' && isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    // Defined, not assigned: a `__proto__` key from JSON.parse must stay a property, not become the copy's prototype.
    for (const [k, v] of Object.entries(value)) {
      Object.defineProperty(out, redactText(k), { value: redactJson(v), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A new key-shaped string; for the emulator and for tests that must not commit key literals. */
export function formatKey(environment: Environment, hex: string): string {
  return KEY_PREFIXES[environment] + hex;
}

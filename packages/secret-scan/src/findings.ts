import type * as NodeCrypto from 'node:crypto';
import { type Environment, findKeys, redactText } from '@dhmad/sdk/key-format';

export type RuleId = 'live-key' | 'sandbox-key' | 'malformed-key' | 'env-tracked' | 'env-not-ignored';
export type Severity = 'error' | 'warning';

/**
 * What `--verify` learned about a found key from its own environment's API host. `revoked`
 * only on a definite answer that the key does not work; `unknown` when the API answered
 * without saying (the key may still work); `unreachable` when it did not answer.
 */
export type VerificationStatus = 'active' | 'inactive' | 'expired' | 'revoked' | 'unknown' | 'unreachable';

export interface Verification {
  status: VerificationStatus;
  /** Why, in words, never containing the key. */
  detail: string;
}

export interface Finding {
  ruleId: RuleId;
  severity: Severity;
  /** Path relative to the repository root (or to the scan root outside a repository), `/`-separated; a key in it is redacted to its prefix. */
  file: string;
  /** 1-based; null for findings about a whole file (env rules, a key in the file's name). */
  line: number | null;
  /** 1-based, in UTF-16 code units of the decoded line; null with `line`. */
  column: number | null;
  environment: Environment | null;
  /** The only form in which a key is ever shown. */
  keyPrefix: string | null;
  /** History scans: the commit that introduced the key at `file`. */
  commit: string | null;
  /** Stable across edits that move the line: derived from the key (or rule) and the path only. */
  fingerprint: string;
  message: string;
  verified?: Verification;
}

export interface RuleInfo {
  id: RuleId;
  severity: Severity;
  name: string;
  short: string;
  full: string;
  help: string;
  /** GitHub code scanning severity (0.1-10). */
  securitySeverity: number;
}

export const RULES: Readonly<Record<RuleId, RuleInfo>> = Object.freeze({
  'live-key': {
    id: 'live-key',
    severity: 'error',
    name: 'LiveSecretKey',
    short: 'DHMAD live secret key',
    full: 'A DHMAD live secret key (sk_live_ followed by 64 hex characters) is written in the file. Anyone who reads the repository can move real money with it.',
    help: 'Revoke or regenerate the key at developer.dhmad.tn, then load it from an environment variable or a secret store instead of the source. Removing it from the file is not enough once it was committed: it stays in the history.',
    securitySeverity: 9.5,
  },
  'sandbox-key': {
    id: 'sandbox-key',
    severity: 'error',
    name: 'SandboxSecretKey',
    short: 'DHMAD sandbox secret key',
    full: 'A DHMAD sandbox secret key (sk_sandbox_ followed by 64 hex characters) is written in the file. It grants full access to the sandbox account.',
    help: 'Regenerate the sandbox key at developer.dhmad.tn and load it from an environment variable (for example DHMAD_API_KEY in an ignored .env file).',
    securitySeverity: 7.0,
  },
  'malformed-key': {
    id: 'malformed-key',
    severity: 'warning',
    name: 'MalformedSecretKey',
    short: 'Possibly truncated or mangled DHMAD key',
    full: 'A DHMAD key prefix is followed by a long hex run of the wrong length. It may be a truncated or mangled copy of a real key.',
    help: 'If this is part of a real key, treat the key as leaked and regenerate it. If it is a placeholder, shorten it (for example sk_live_your_key_here) or mark the line with dhmad-scan:allow.',
    securitySeverity: 5.0,
  },
  'env-tracked': {
    id: 'env-tracked',
    severity: 'error',
    name: 'EnvFileTracked',
    short: '.env file tracked by git',
    full: 'A .env-style file, which usually holds secrets, is tracked or staged, so it is (or will be) in the repository for everyone who can read it.',
    help: 'Run `git rm --cached <file>`, add it to .gitignore (dhmad-scan --fix does), and regenerate any key it held. Commit a template such as .env.example instead.',
    securitySeverity: 8.0,
  },
  'env-not-ignored': {
    id: 'env-not-ignored',
    severity: 'error',
    name: 'EnvFileNotIgnored',
    short: '.env files not ignored by the repository',
    full: "The repository's own committed .gitignore rules do not ignore .env files, so `git add .` would commit them. Ignoring them only in .git/info/exclude or a global excludes file does not protect teammates.",
    help: 'Add `.env` and `.env.*` (with `!.env.example`) to the root .gitignore and commit it; `dhmad-scan --fix` adds the missing entries.',
    securitySeverity: 6.0,
  },
});

/**
 * node:crypto is loaded on the first hash, not at start-up: loading it costs
 * about a fifth of node's own start, and a clean pre-commit run hashes nothing.
 */
let crypto: typeof NodeCrypto | undefined;

const hash = (...parts: string[]): string => {
  crypto ??= process.getBuiltinModule('node:crypto');
  const h = crypto.createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex');
};

/** A digest of the key text; safe to keep and compare, impossible to reverse. */
export function keyDigest(keyText: string): string {
  return hash('dhmad-scan key', keyText);
}

/** What a finding may show of a path: the path, with any key in it cut to its prefix. */
export const shownPath = redactText;

/** What the detector found: a key (or a malformed one) at a line and column, named by its prefix and digest only. */
export interface KeyHit {
  kind: 'key' | 'malformed';
  environment: Environment;
  keyPrefix: string;
  digest: string;
  line: number | null;
  column: number | null;
}

/**
 * A key finding, in the rules' words. Its fingerprint is the key's digest and
 * the (shown) path, never the line, so edits above a known finding keep its
 * baseline entry valid.
 */
export function keyFinding(hit: KeyHit, file: string, commit: string | null, where = ''): Finding {
  const ruleId: RuleId = hit.kind === 'malformed' ? 'malformed-key' : hit.environment === 'live' ? 'live-key' : 'sandbox-key';
  const what =
    hit.kind === 'malformed'
      ? `Possibly truncated or mangled ${hit.environment} key ${hit.keyPrefix}…`
      : `${hit.environment === 'live' ? 'Live' : 'Sandbox'} secret key ${hit.keyPrefix}…`;
  const shown = shownPath(file);
  return {
    ruleId,
    severity: RULES[ruleId].severity,
    file: shown,
    line: hit.line,
    column: hit.column,
    environment: hit.environment,
    keyPrefix: hit.keyPrefix,
    commit,
    fingerprint: hash(hit.digest, shown).slice(0, 32),
    message: `${what}${where}${commit ? ` (introduced in ${commit.slice(0, 12)})` : ''}`,
  };
}

/**
 * The keys in a path itself (`cache/<key>.json`, `.env.<key>`): a name is
 * committed and printed like content, so a key there is a finding too, about
 * the whole file.
 */
export function nameFindings(file: string, commit: string | null): Finding[] {
  const out: Finding[] = [];
  for (const m of findKeys(file, { malformed: true })) {
    const hit: KeyHit = { kind: m.kind, environment: m.environment, keyPrefix: m.keyPrefix, digest: keyDigest(file.slice(m.index, m.index + m.length)), line: null, column: null };
    out.push(keyFinding(hit, file, commit, ' in the file name'));
  }
  return out;
}

/** A finding about a whole file (the env rules): no line, no key; fingerprinted by rule and path. */
function fileFinding(ruleId: RuleId, severity: Severity, file: string, message: string): Finding {
  const shown = shownPath(file);
  return {
    ruleId,
    severity,
    file: shown,
    line: null,
    column: null,
    environment: null,
    keyPrefix: null,
    commit: null,
    fingerprint: hash(ruleId, shown).slice(0, 32),
    message: redactText(message),
  };
}

/**
 * The env rules' findings, in their words. `env-unprotected` is the warning
 * form of `env-not-ignored`: no env file exists yet, but `missing` (names at
 * the root) are not ignored, so one created later would be committed.
 */
export function envFinding(kind: 'env-tracked' | 'env-not-ignored' | 'env-unprotected', file: string, missing: readonly string[] = []): Finding {
  switch (kind) {
    case 'env-tracked':
      return fileFinding(
        'env-tracked',
        'error',
        file,
        `${file} is tracked by git. Remove it from the index (git rm --cached -- ${pathspecArgument(file)}), ignore it, and regenerate the keys it held.`,
      );
    case 'env-not-ignored':
      return fileFinding(
        'env-not-ignored',
        'error',
        file,
        `${file} is not ignored by the repository's .gitignore, so \`git add .\` would commit it. Add it to .gitignore (dhmad-scan --fix does).`,
      );
    case 'env-unprotected':
      return fileFinding(
        'env-not-ignored',
        'warning',
        file,
        `The repository's .gitignore does not ignore ${missing.join(' or ')}; a .env file created later would be committed by \`git add .\`. Add .env and .env.* to .gitignore (dhmad-scan --fix does).`,
      );
  }
}

/**
 * `file` (as found, or as shown) as one shell word that git reads as a pathspec naming it, for a
 * command the user may paste: single-quoted, a quote in the name escaped (a cloned repository's `.env.x';curl ...;'`
 * must not run anything), and a key in it, which is printed as its prefix and `…`, given as
 * the prefix and `*`, a glob git matches against the real name.
 */
export function pathspecArgument(file: string): string {
  const spec = shownPath(file).replace(/(sk_(?:live|sandbox)_[0-9a-f]{6})…/gi, '$1*');
  return `'${spec.replaceAll("'", "'\\''")}'`;
}

export function countBySeverity(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}

/** Stable order for every reporter: by file, then line, then column, then rule. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}

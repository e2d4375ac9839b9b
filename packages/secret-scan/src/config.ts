import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ScanError } from './errors.js';
import type { Finding } from './findings.js';
import { writeNoFollow } from './safe-write.js';

export const CONFIG_FILE = '.dhmad-scan.json';

export interface ScanConfig {
  /** Path globs (relative to the repository root, `/`-separated) never scanned: `*`, `**`, `?`. */
  exclude: string[];
}

/** Read `file`, or `.dhmad-scan.json` in `root` when it exists; missing default file = empty config. */
export function loadConfig(file: string | null, root: string): ScanConfig {
  const abs = file ? path.resolve(file) : path.join(root, CONFIG_FILE);
  if (!file && !existsSync(abs)) return { exclude: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(abs, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ScanError(
      code === 'ENOENT'
        ? `The config file ${abs} does not exist.`
        : code
          ? `Cannot read the config file ${abs}: ${code === 'EACCES' ? 'permission denied; check its permissions' : code === 'EISDIR' ? 'it is a folder' : code}.`
          : `The config file ${abs} is not valid JSON: ${(e as Error).message}.`,
    );
  }
  const exclude = (raw as { exclude?: unknown } | null)?.exclude ?? [];
  if (typeof raw !== 'object' || raw === null || !Array.isArray(exclude) || !exclude.every((g) => typeof g === 'string')) {
    throw new ScanError(`The config file ${abs} must be an object like {"exclude": ["dist/**", "**/*.min.js"]}.`);
  }
  const unknown = Object.keys(raw).filter((k) => k !== 'exclude' && k !== '$schema');
  if (unknown.length > 0) throw new ScanError(`The config file ${abs} has unknown keys: ${unknown.join(', ')}. Only "exclude" is supported.`);
  return { exclude: exclude as string[] };
}

/** A gitignore-flavoured glob: `**` spans directories, `*` and `?` stay within one; a pattern without `/` matches a name at any depth. */
export function globToRegExp(glob: string): RegExp {
  let g = glob.startsWith('/') ? glob.slice(1) : glob.includes('/') ? glob : `**/${glob}`;
  if (g.endsWith('/')) g += '**';
  let re = '';
  for (let i = 0; i < g.length; i++) {
    const c = g[i]!;
    if (c === '*' && g[i + 1] === '*') {
      const slash = g[i + 2] === '/';
      re += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  // A directory pattern excludes everything below it too.
  return new RegExp(`^${re}(?:/.*)?$`);
}

export function excluder(globs: readonly string[]): (file: string) => boolean {
  const res = globs.map(globToRegExp);
  return (file) => res.some((re) => re.test(file));
}

export interface Baseline {
  version: 1;
  fingerprints: string[];
}

export function readBaseline(file: string): Set<string> {
  if (!existsSync(file)) return new Set();
  let data: Partial<Baseline>;
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as Partial<Baseline>;
  } catch (e) {
    throw new ScanError(`The baseline ${file} is not valid JSON (${(e as Error).message}). Recreate it with --update-baseline.`);
  }
  if (data.version !== 1 || !Array.isArray(data.fingerprints)) {
    throw new ScanError(`The baseline ${file} is not a dhmad-scan baseline (version 1). Recreate it with --update-baseline.`);
  }
  return new Set(data.fingerprints);
}

/** The baseline holds fingerprints only: no key, no prefix, no line. `root` is the repository's (or the scan's) root. */
export function writeBaseline(root: string, file: string, findings: readonly Finding[]): void {
  const data: Baseline = { version: 1, fingerprints: [...new Set(findings.map((f) => f.fingerprint))].sort() };
  writeNoFollow(root, file, JSON.stringify(data, null, 2) + '\n', 'replace', '--update-baseline');
}

import path from 'node:path';
import ignore, { type Ignore } from 'ignore';

const matchers = new Map<string, Ignore>();

/**
 * A predicate for "does this linted file match these gitignore-style patterns".
 * Paths are taken relative to ESLint's cwd when the file is inside it, so a
 * project that happens to live under a folder called `test/` is not a test file;
 * otherwise (the rule tester sets cwd to `/`) the absolute path is used.
 */
export function matchesFilePatterns(patterns: readonly string[], filename: string, cwd: string): boolean {
  if (patterns.length === 0 || !path.isAbsolute(filename)) return false;
  const cacheKey = patterns.join('\n');
  let matcher = matchers.get(cacheKey);
  if (matcher === undefined) {
    matcher = ignore().add(patterns);
    matchers.set(cacheKey, matcher);
  }
  const rel = path.relative(cwd, filename);
  const inside = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  const candidate = inside ? rel : filename.slice(path.parse(filename).root.length);
  return matcher.ignores(candidate.split(path.sep).join('/'));
}

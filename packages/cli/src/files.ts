import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Folders never searched: git's own, and installed packages. */
const SKIPPED = new Set(['.git', 'node_modules']);
const MAX_BYTES = 1 << 20;

/** Every regular file under `root` (relative, `/`-separated, sorted), ignored ones included; symlinks are not followed. */
export function walkFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    let entries;
    try {
      entries = readdirSync(path.join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const child = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory() && !SKIPPED.has(e.name)) walk(child);
      else if (e.isFile()) out.push(child);
    }
  };
  walk('');
  return out.sort();
}

/** A text file of at most 1 MiB, read without following a symlink; null when it is not that. */
export function readSmallFile(file: string): string | null {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch {
    return null;
  }
  try {
    return fstatSync(fd).size > MAX_BYTES ? null : readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

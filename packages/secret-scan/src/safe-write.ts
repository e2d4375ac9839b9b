import { closeSync, constants, existsSync, openSync, realpathSync, writeSync } from 'node:fs';
import path from 'node:path';
import { ScanError } from './errors.js';

const within = (root: string, p: string): boolean => {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/**
 * Throw when `file`, a path inside `root`, is in a folder that a symlink takes outside it: a
 * checkout can hold `reports/` as a link to a folder of the machine. A path given outside
 * `root` is the user's own choice.
 */
export function refuseLinkedFolder(root: string, file: string, what: string): void {
  const abs = path.resolve(root, file);
  if (!within(root, abs)) return;
  let dir: string;
  try {
    dir = realpathSync(path.dirname(abs));
  } catch {
    dir = path.dirname(abs);
  }
  if (!within(realpathSync(root), dir)) {
    throw new ScanError(`${what}: ${file} is in a folder that is a symlink to outside the repository, and dhmad-scan never writes through a symlink. Replace the link with a real folder, then run it again.`);
  }
}

/**
 * Write (`append` or replace) a file the scan changes (`--fix`, `--update-baseline`) or
 * its report (`--output`), never through a symlink: a cloned repository can commit
 * `.gitignore`, a baseline or the report's path as a link to any file of the machine. The file is opened with
 * O_NOFOLLOW, so a link in its place fails the open itself; and a path inside
 * `root` must stay inside it once its folders' links are resolved.
 */
export function writeNoFollow(root: string, file: string, content: string, how: 'append' | 'replace', what: string): void {
  const abs = path.resolve(root, file);
  refuseLinkedFolder(root, file, what);
  const flags = constants.O_WRONLY | constants.O_CREAT | (how === 'append' ? constants.O_APPEND : constants.O_TRUNC) | (constants.O_NOFOLLOW ?? 0);
  let fd: number;
  try {
    fd = openSync(abs, flags, 0o644);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new ScanError(`${what}: ${file} is a symlink, and dhmad-scan never writes through a symlink. Replace it with a regular file, then run it again.`);
    throw new ScanError(`${what}: ${fsProblem(file, e)}.`);
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
}

/** A file system failure in the user's words, for a file they named. */
function fsProblem(file: string, e: unknown): string {
  switch ((e as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return existsSync(path.dirname(path.resolve(file))) ? `${file} does not exist` : `the folder ${path.dirname(file)} does not exist`;
    case 'EACCES':
    case 'EPERM':
      return `permission denied on ${file}; check its permissions`;
    case 'EISDIR':
      return `${file} is a folder, not a file`;
    case 'ENOTDIR':
      return `a part of ${file} is a file, not a folder`;
    default:
      return `${file}: ${(e as Error).message}`;
  }
}

import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import type * as NodeZlib from 'node:zlib';
import type { Repo } from '@dhmad/git-facts';

/*
 * What `git add` just wrote, read without starting git. A staged blob is nearly always a loose
 * object (`objects/<2 hex>/<rest>`, zlib over `blob <size>\0<content>`): reading it is a file
 * read and an inflate, where `git cat-file` is a process, which a pre-commit hook pays for on
 * every commit. Only the plain case is read here; anything else (a packed object, an object
 * directory set from outside, a large blob, anything unexpected in the file) answers null,
 * and the caller asks `git cat-file`, which also words any corruption the way git does.
 * isomorphic-git could read objects too, but loading it would cost more than the process.
 */

/** Blobs above this size are left to `cat-file`, which streams them. */
const MAX_BYTES = 4 << 20;

/** node:zlib is loaded on the first read, not at start-up: the other modes never need it. */
let zlib: typeof NodeZlib | undefined;

/** Where `repo` keeps its loose objects, or null when the environment may put them elsewhere. */
export function looseObjectsDir(repo: Repo, env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.GIT_OBJECT_DIRECTORY !== undefined || env.GIT_COMMON_DIR !== undefined) return null;
  // A linked worktree's objects are the main repository's.
  let common = repo.gitDir;
  try {
    common = path.resolve(repo.gitDir, readFileSync(path.join(repo.gitDir, 'commondir'), 'utf8').trim());
  } catch {
    // Not a linked worktree.
  }
  return path.join(common, 'objects');
}

/** The content of blob `oid` when it is stored loose in `objectsDir` and whole; null otherwise. */
export function readLooseBlob(objectsDir: string, oid: string): Buffer | null {
  let raw: Buffer;
  try {
    const fd = openSync(path.join(objectsDir, oid.slice(0, 2), oid.slice(2)), 'r');
    try {
      const size = fstatSync(fd).size;
      if (size > MAX_BYTES) return null;
      raw = Buffer.allocUnsafe(size);
      if (readSync(fd, raw, 0, size, 0) !== size) return null;
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
  let data: Buffer;
  try {
    zlib ??= process.getBuiltinModule('node:zlib');
    data = zlib.inflateSync(raw, { maxOutputLength: MAX_BYTES + 64 });
  } catch {
    return null;
  }
  const nul = data.indexOf(0);
  if (nul === -1 || data.toString('latin1', 0, nul) !== `blob ${data.length - nul - 1}`) return null;
  return data.subarray(nul + 1);
}

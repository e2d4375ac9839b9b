import { randomBytes } from 'node:crypto';
import { closeSync, constants, fchmodSync, fsyncSync, lstatSync, openSync, readFileSync, realpathSync, renameSync, rmSync, writeSync, type Stats } from 'node:fs';
import path from 'node:path';
import { parse } from 'dotenv';
import { formatKey, type Environment } from '@dhmad/sdk/key-format';
import { CliError } from './errors.js';
import { findRepoSync, ignoredByRepoRulesSync, trackedFilesSync } from '@dhmad/git-facts';
import type { Terminal } from './terminal.js';

export interface WrittenEnvFile {
  /** Absolute path. */
  path: string;
  /** As the user named it. */
  display: string;
  variable: string;
}

/** A dotenv file checked before any key exists. */
export interface PreparedEnvFile {
  /** Absolute path. */
  readonly path: string;
  /** Make sure git ignores it (a line in .gitignore, said on stderr); throws when it cannot. Call before making the key. */
  ensureIgnored(): void;
  /** Put the key in it. */
  write(secret: string): Promise<WrittenEnvFile>;
}

const VARIABLE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Check everything `--write-env FILE --var NAME` needs before the key is made, so a refusal
 * leaves no key whose only copy was lost: the file is not a symlink, not reached through
 * one, inside the repository unless FILE is an absolute path, not tracked, and parses so that
 * only NAME changes. Changes nothing: `ensureIgnored` does, once the user has confirmed.
 */
export function prepareEnvFile(t: Terminal, file: string, variable: string, environment: Environment): PreparedEnvFile {
  if (!VARIABLE.test(variable)) throw new CliError(`--var ${JSON.stringify(variable)} is not a variable name: use letters, digits and _ (e.g. DHMAD_API_KEY).`);
  const explicit = path.isAbsolute(file);
  const realCwd = realpathSync(t.cwd);
  const target = explicit ? path.resolve(file) : path.resolve(realCwd, file);
  const dir = path.dirname(target);
  let realDir: string;
  try {
    realDir = realpathSync(dir);
  } catch {
    throw new CliError(`The folder of --write-env ${file} does not exist (${dir}); create it first.`);
  }
  if (!explicit && realDir !== dir) {
    throw new CliError(`--write-env ${file} goes through a symlink (${dir} is ${realDir}); dhmad never writes through one. Name the real path.`);
  }
  const root = repositoryRoot(realDir);
  // An absolute path may pass symlinks above the repository (/tmp on macOS), not inside it.
  if (explicit && root !== null && realDir !== dir && !endsWithRealPath(dir, realDir, root)) {
    throw new CliError(`--write-env ${file} goes through a symlink inside the repository (${dir} is ${realDir}); dhmad never writes through one. Name the real path.`);
  }
  const cwdRoot = explicit ? root : repositoryRoot(realCwd);
  const boundary = cwdRoot ?? realCwd;
  if (!explicit && !isInside(boundary, target)) {
    throw new CliError(
      `--write-env ${file} is outside ${cwdRoot ? 'the repository' : 'the current folder'} (${boundary}); to write there on purpose, name it by its absolute path.`,
    );
  }
  if (path.relative(boundary, target).split(path.sep).includes('.git') || target.split(path.sep).includes('.git')) {
    throw new CliError(`--write-env ${file} is inside a .git folder, which is git's own; name a file of the work tree.`);
  }
  const existing = statOrNull(target);
  if (existing?.isSymbolicLink()) throw new CliError(`--write-env ${file} is a symlink; dhmad never writes through one. Name the file it points to, or remove the link.`);
  if (existing && !existing.isFile()) throw new CliError(`--write-env ${file} exists and is not a regular file.`);
  // Checked with a stand-in key of the same shape, so the real one is never needed to find out the edit is unsafe.
  updatedContent(readExisting(target, file), variable, formatKey(environment, randomBytes(32).toString('hex')), file);

  if (root !== null) checkUntracked(root, path.relative(root, target), file);

  return {
    path: target,
    ensureIgnored() {
      if (root !== null) makeIgnored(t, root, path.relative(root, target), file);
      else t.stderr.write(`${file} is not in a git repository: nothing to ignore it in. Keep it out of any repository you create.\n`);
    },
    async write(secret) {
      writeAtomically(target, updatedContent(readExisting(target, file), variable, secret, file), 0o600);
      return { path: target, display: file, variable };
    },
  };
}

// A file's repository is the one around it: a GIT_DIR in the environment does not move where a file is.
const repositoryRoot = (dir: string): string | null => findRepoSync(dir, 'path')?.root ?? null;
const ignoredByRepoRules = (root: string, rel: string): boolean => ignoredByRepoRulesSync(root, [rel], 'path').has(rel);

/** Whether `dir` as given reaches `realDir` with no symlink below `root`: its last parts are the real path's parts under the root. */
function endsWithRealPath(dir: string, realDir: string, root: string): boolean {
  const under = path.relative(root, realDir);
  if (under === '') return realpathSync(dir) === root;
  const given = dir.split(path.sep);
  const tail = under.split(path.sep);
  return given.slice(-tail.length).join(path.sep) === under && realpathSync(given.slice(0, -tail.length).join(path.sep) || path.sep) === root;
}

function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

function statOrNull(file: string): Stats | null {
  try {
    return lstatSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** The file's text, read without following a symlink; '' when it does not exist. */
function readExisting(target: string, display: string): string {
  let fd: number;
  try {
    fd = openSync(target, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return '';
    if (code === 'ELOOP') throw new CliError(`--write-env ${display} is a symlink; dhmad never writes through one.`);
    throw new CliError(`Cannot read --write-env ${display}: ${code ?? (err as Error).message}.`);
  }
  try {
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

/**
 * `content` with `variable` set to `value`: the first line that dotenv reads as assigning it is
 * replaced, later ones dropped, every other line kept byte for byte. dotenv then reads the result
 * back: if any other variable changed (a multi-line value, say), nothing is written.
 */
function updatedContent(content: string, variable: string, value: string, display: string): string {
  const lines = content === '' ? [] : content.split(/(?<=\n)/);
  const out: string[] = [];
  let replaced = false;
  for (const line of lines) {
    if (!Object.hasOwn(parse(line), variable)) {
      out.push(line);
      continue;
    }
    // `export NAME=` stays exported: a file that a shell sources keeps working.
    const exported = /^\s*export\s+/.exec(line)?.[0] ?? '';
    if (!replaced) out.push(`${exported}${variable}=${value}${line.endsWith('\r\n') ? '\r\n' : line.endsWith('\n') ? '\n' : ''}`);
    replaced = true;
  }
  if (!replaced) {
    if (out.length > 0 && !content.endsWith('\n')) out.push('\n');
    out.push(`${variable}=${value}\n`);
  }
  const next = out.join('');
  const before = parse(content);
  const after = parse(next);
  delete before[variable];
  const afterValue = after[variable];
  delete after[variable];
  if (afterValue !== value || JSON.stringify(Object.entries(before).sort()) !== JSON.stringify(Object.entries(after).sort())) {
    throw new CliError(`--write-env ${display} could not be updated without changing its other lines (a multi-line value?). Set ${variable} there by hand, or name another file.`);
  }
  return next;
}

/** Written to a new file beside the target and renamed over it: a crash leaves the old file or the new one, never half of one. */
function writeAtomically(target: string, content: string, mode: number): void {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  // Created 0600 whatever the final mode, so the content is never readable by others on the way.
  const fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
  try {
    fchmodSync(fd, mode);
    writeSync(fd, content);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  }
  closeSync(fd);
  try {
    // rename replaces a symlink at `target` itself; it never writes through it.
    renameSync(tmp, target);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  const dirFd = openSync(path.dirname(target), constants.O_RDONLY);
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
}

/** A .gitignore line that matches exactly `rel` from the root: special characters escaped. */
function exactPattern(rel: string): string {
  return '/' + rel.split(path.sep).join('/').replace(/[\\*?[\]!#]/g, '\\$&').replace(/ $/, '\\ ');
}

const toPosix = (rel: string): string => rel.split(path.sep).join('/');

function checkUntracked(root: string, rel: string, display: string): void {
  if (trackedFilesSync(root, 'path').has(toPosix(rel))) {
    throw new CliError(`${display} is tracked by git, so a key written there would be committed. Untrack it first: git rm --cached -- '${toPosix(rel)}' (then regenerate any key it held).`);
  }
}

function makeIgnored(t: Terminal, root: string, rel: string, display: string): void {
  const posixRel = toPosix(rel);
  if (ignoredByRepoRules(root, posixRel)) return;
  appendLine(root, '.gitignore', exactPattern(rel));
  if (ignoredByRepoRules(root, posixRel)) {
    t.stderr.write(`Added ${exactPattern(rel)} to .gitignore so git ignores ${display}.\n`);
    return;
  }
  // A nested .gitignore that re-includes the file outranks the root one: say it where the file lives.
  const nested = path.join(path.dirname(rel), '.gitignore');
  if (nested === '.gitignore') throw new CliError(`.gitignore re-includes ${display} after the line dhmad added; fix the rules (git check-ignore -v '${posixRel}') or name another file.`);
  appendLine(root, nested, exactPattern(path.basename(rel)));
  if (!ignoredByRepoRules(root, posixRel)) {
    throw new CliError(`A .gitignore rule re-includes ${display} even after adding it to .gitignore and ${nested}; fix the rules (git check-ignore -v '${posixRel}') or name another file.`);
  }
  t.stderr.write(`Added ignore lines for ${display} to .gitignore and ${nested}.\n`);
}

function appendLine(root: string, gitignore: string, line: string): void {
  const file = path.join(root, gitignore);
  const st = statOrNull(file);
  if (st?.isSymbolicLink()) throw new CliError(`${gitignore} is a symlink; dhmad never writes through one. Add ${line} to it by hand.`);
  const existing = st ? readFileSync(file, 'utf8') : '';
  const sep = existing === '' || existing.endsWith('\n') ? '' : '\n';
  writeAtomically(file, existing + sep + line + '\n', st ? st.mode & 0o777 : 0o644);
}

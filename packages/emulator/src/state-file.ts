import { closeSync, fdatasync, fsyncSync, openSync, readFileSync, renameSync, rmSync, write, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Change, StateFile } from './store.js';

const LOG_FORMAT = 'dhmad-emulator-wal';

/** What `load` found: the last snapshot and the batches of changes logged after it, oldest first. */
interface SavedState {
  snapshot: StateFile | null;
  batches: Change[][];
}

/**
 * The `data` file and its write-ahead log (`<data>.wal`). Each batch of changes is appended to
 * the log and flushed to the disk (fdatasync) before the replies that depend on it are sent, so
 * an acknowledged change survives a crash; now and then the whole state is written as a new
 * snapshot and the log starts over. Both carry a generation: a log whose generation is not the
 * snapshot's is already in it (a crash between writing the two) and is not replayed.
 */
export class DataFile {
  readonly path: string;
  readonly logPath: string;
  readonly #lock: DataLock;
  #generation = 0;
  #fd: number | null = null;
  #logBytes = 0;
  #damaged = false;

  /** Takes the file for this emulator alone: throws when another one is using it. */
  constructor(path: string) {
    this.path = path;
    this.logPath = `${path}.wal`;
    this.#lock = new DataLock(path);
  }

  /** Let another emulator use the file (after a failed start; `close` does it too). */
  release(): void {
    this.#closeLog();
    this.#lock.release();
  }

  /** Bytes in the log since the last snapshot. */
  get logBytes(): number {
    return this.#logBytes;
  }

  /** A write to the log failed part way: the next save must be a snapshot, which leaves no torn line behind. */
  get needsSnapshot(): boolean {
    return this.#damaged;
  }

  load(): SavedState {
    const snapshot = readJson(this.path) as StateFile | null;
    this.#generation = typeof snapshot?.generation === 'number' ? snapshot.generation : 0;
    let text: string;
    try {
      text = readFileSync(this.logPath, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { snapshot, batches: [] };
      throw new Error(`Cannot read emulator log ${this.logPath}: ${(err as Error).message}`, { cause: err });
    }
    const lines = text.split('\n');
    const header = parseLine(lines[0] ?? '') as { format?: unknown; generation?: unknown } | undefined;
    if (header?.format !== LOG_FORMAT) throw damaged(this.logPath, 1, 'it does not start with the emulator log header');
    if (header.generation !== this.#generation) return { snapshot, batches: [] };
    const batches: Change[][] = [];
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i]!;
      if (line === '') continue;
      const batch = parseLine(line);
      if (Array.isArray(batch)) batches.push(batch as Change[]);
      // Only the last line can be torn (a crash mid-write); nothing in it was acknowledged.
      else if (i !== lines.length - 1) throw damaged(this.logPath, i + 1, 'it is not a JSON array of changes');
    }
    return { snapshot, batches };
  }

  /** Write `state` as the new snapshot, then start an empty log of the next generation. */
  snapshot(state: StateFile): void {
    const generation = this.#generation + 1;
    writeAtomically(this.path, `${JSON.stringify({ ...state, generation }, null, 2)}\n`);
    const header = `${JSON.stringify({ format: LOG_FORMAT, generation })}\n`;
    writeAtomically(this.logPath, header);
    this.#closeLog();
    this.#fd = openSync(this.logPath, 'a', 0o600);
    this.#generation = generation;
    this.#logBytes = Buffer.byteLength(header);
    this.#damaged = false;
  }

  /** Append one batch and resolve once it is on the disk. Callers run one append at a time. */
  append(changes: Change[]): Promise<void> {
    const fd = this.#fd;
    if (fd === null) return Promise.reject(new Error('internal: the emulator log is not open'));
    const line = Buffer.from(`${JSON.stringify(changes)}\n`);
    return new Promise((resolve, reject) => {
      const fail = (err: Error) => {
        this.#damaged = true;
        reject(new Error(`Cannot save emulator state to ${this.logPath}: ${err.message}`, { cause: err }));
      };
      const from = (offset: number): void =>
        write(fd, line, offset, line.length - offset, null, (err, written) => {
          if (err) return fail(err);
          if (offset + written < line.length) return from(offset + written);
          fdatasync(fd, (syncErr) => {
            if (syncErr) return fail(syncErr);
            this.#logBytes += line.length;
            resolve();
          });
        });
      from(0);
    });
  }

  /** The last snapshot, and no log: what a clean stop leaves. */
  close(state: StateFile): void {
    const generation = this.#generation + 1;
    writeAtomically(this.path, `${JSON.stringify({ ...state, generation }, null, 2)}\n`);
    this.#closeLog();
    rmSync(this.logPath, { force: true });
    syncFolder(this.path);
    this.#generation = generation;
    this.#lock.release();
  }

  #closeLog(): void {
    if (this.#fd !== null) closeSync(this.#fd);
    this.#fd = null;
  }
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return undefined;
  }
}

function damaged(file: string, line: number, why: string): Error {
  return new Error(`Emulator log ${file} is damaged at line ${line}: ${why}. Move it away (the state file without it is the last snapshot) or pass another --data path.`);
}

/** Read a JSON file; `null` when it does not exist yet. Throws a message naming the file otherwise. */
function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`Cannot read emulator state file ${file}: ${(err as Error).message}`, { cause: err });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new Error(`Emulator state file ${file} is not valid JSON (${(err as Error).message}). Move it away or pass another --data path.`, {
      cause: err,
    });
  }
}

/**
 * Replace `file` so that a crash at any moment leaves the old content or the new, never a mix:
 * write a temp file in the same folder (same file system, so rename is atomic), flush it, rename
 * it over the target, and flush the folder so the rename itself is on the disk. Mode 0600: the
 * state holds the bootstrap keys.
 */
function writeAtomically(file: string, text: string): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeFileSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
    syncFolder(file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new Error(`Cannot save emulator state to ${file}: ${(err as Error).message}. Check that its folder exists and is writable.`, {
      cause: err,
    });
  }
}

function syncFolder(file: string): void {
  const fd = openSync(dirname(file), 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The files this process holds, so that a second emulator in the same process is refused too. */
const held = new Set<string>();

/**
 * `<data>.lock`, holding the pid of the emulator that uses the file. Two emulators on one file
 * would each snapshot over the other's log (the first then logs into a file no longer there, and
 * a crash loses every change it answered since), so the second is refused before it reads or
 * writes anything. A lock whose process is gone (a SIGKILL, a crash) is taken over.
 */
class DataLock {
  readonly #path: string;
  readonly #file: string;
  #held: boolean;

  constructor(path: string) {
    this.#path = path;
    this.#file = `${path}.lock`;
    if (!createLockFile(this.#file)) {
      const owner = Number.parseInt(readText(this.#file), 10);
      if (held.has(path) || (owner !== process.pid && isAlive(owner))) {
        throw new Error(
          `Another emulator (${held.has(path) ? 'in this process' : `pid ${owner}`}) is using ${path}: two on one state file would lose each other's changes. ` +
            `Stop it, or pass another --data path. If no emulator is running, delete ${this.#file}.`,
        );
      }
      // The emulator that held it is gone (killed, or a failed start of this process): take it over.
      rmSync(this.#file, { force: true });
      if (!createLockFile(this.#file)) throw new Error(`Another emulator started on ${path} at the same moment; start one at a time.`);
    }
    this.#held = true;
    held.add(path);
  }

  release(): void {
    if (!this.#held) return;
    this.#held = false;
    held.delete(this.#path);
    rmSync(this.#file, { force: true });
  }
}

/** Create `file` holding this process's pid; false when it exists already. */
function createLockFile(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new Error(`Cannot save emulator state to ${file}: ${(err as Error).message}. Check that its folder exists and is writable.`, { cause: err });
  }
  try {
    writeFileSync(fd, `${process.pid}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** Whether a process with this pid runs (EPERM: it does, as another user). */
function isAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

import { chmodSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { StateFile } from './store.js';

/** Read a `--data` file; `null` when it does not exist yet. Throws a message naming the file otherwise. */
export function readState(file: string): StateFile | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`Cannot read emulator state file ${file}: ${(err as Error).message}`, { cause: err });
  }
  try {
    return JSON.parse(text) as StateFile;
  } catch (err) {
    throw new Error(
      `Emulator state file ${file} is not valid JSON (${(err as Error).message}). Move it away or pass another --data path.`,
      { cause: err },
    );
  }
}

/**
 * Write the state so that a crash mid-write never leaves a torn file: write a
 * temp file in the same directory (same file system, so rename is atomic), then
 * rename it over the target. Mode 0600: the file holds the bootstrap keys.
 */
export function writeState(file: string, state: StateFile): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
    chmodSync(tmp, 0o600);
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new Error(`Cannot save emulator state to ${file}: ${(err as Error).message}. Check that its folder exists and is writable.`, {
      cause: err,
    });
  }
}

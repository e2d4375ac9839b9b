// Streaming git: a git that fails early must be reported, not crash or hang the scan.
import { describe, expect, it } from 'vitest';
import { catFileBatch } from '../src/git.js';
import { tempDir } from './helpers.js';

describe('a git that exits before reading its input', () => {
  // Outside a repository git fails at once, before reading stdin; the writes then meet a closed pipe.
  const names = Array.from({ length: 200_000 }, (_, i) => i.toString(16).padStart(40, '0'));

  it('ends a cat-file stream with a clear error instead of waiting on the pipe forever', async () => {
    const sink = { begin: () => true, missing: () => undefined, data: () => undefined, end: () => undefined };
    await expect(catFileBatch(tempDir(), names, sink)).rejects.toThrow(/Reading objects from git failed \(git cat-file\): .*not a git repository/);
  });
});

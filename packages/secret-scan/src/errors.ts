/** An error the user can act on; the CLI prints its message and exits 2. Never carries a key. */
export class ScanError extends Error {
  override readonly name = 'ScanError';
}

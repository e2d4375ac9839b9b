/** Exit codes: 0 success (doctor: nothing failed), 1 doctor found a failure, 2 a usage or API error. */
export const EXIT = { ok: 0, failed: 1, error: 2 } as const;

/** A refusal or a bad input: one line saying what was wrong and what to do. Always exit 2. */
export class CliError extends Error {
  override readonly name = 'CliError';
}

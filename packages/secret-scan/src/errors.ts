import { redactText } from '@dhmad/sdk/key-format';

/** An error the user can act on; the CLI prints its message and exits 2. Never carries a key: a path in it is redacted too. */
export class ScanError extends Error {
  override readonly name = 'ScanError';
  constructor(message: string) {
    super(redactText(message));
  }
}

import { Dhmad, type Logger } from '@dhmad/sdk';
import { parseKey, redactText, type Environment } from '@dhmad/sdk/key-format';
import { CliError } from './errors.js';
import type { Terminal } from './terminal.js';

/** The management client of one CLI run: the SDK, and what the key itself says (its environment decides the host). */
export interface Account {
  client: Dhmad;
  environment: Environment;
  keyPrefix: string;
}

const REQUEST_TIMEOUT_MS = 20_000;

/**
 * The CLI's own key comes from DHMAD_API_KEY only: a flag value would land in shell history
 * and in `ps`. DHMAD_BASE_URL, when set, overrides the host as it does in the SDK.
 */
export function openAccount(t: Terminal): Account {
  const key = t.env.DHMAD_API_KEY;
  if (key === undefined || key === '') {
    throw new CliError(
      'DHMAD_API_KEY is not set. Export a key with the keys:manage scope (from developer.dhmad.tn) in your shell; dhmad never takes a key as a flag.',
    );
  }
  let parsed;
  try {
    parsed = parseKey(key);
  } catch (err) {
    throw new CliError(`DHMAD_API_KEY: ${(err as Error).message}`);
  }
  const baseUrl = t.env.DHMAD_BASE_URL || undefined;
  if (baseUrl !== undefined && !/^https?:\/\/[^/]/.test(baseUrl)) {
    throw new CliError(`DHMAD_BASE_URL ${JSON.stringify(baseUrl)} is not an http(s) URL: set it to an API's base URL (e.g. http://127.0.0.1:4010/api/v1 for the emulator), or unset it for ${parsed.environment === 'live' ? 'dhmad.tn' : 'sandbox.dhmad.tn'}.`);
  }
  // A person is waiting: each attempt gives up sooner than a program's would, and each retry is said (info).
  const client = new Dhmad({ apiKey: key, baseUrl, logger: stderrLogger(t), logLevel: 'info', timeout: REQUEST_TIMEOUT_MS });
  return { client, environment: parsed.environment, keyPrefix: parsed.keyPrefix };
}

function stderrLogger(t: Terminal): Logger {
  // The SDK marks its lines `[dhmad] `; here every line already starts with `dhmad: `.
  const line = (message: string): void => void t.stderr.write(`dhmad: ${redactText(message).replace(/^\[dhmad\] /, '')}\n`);
  return { error: line, warn: line, info: line, debug: line };
}

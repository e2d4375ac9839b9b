import type { ApiKeyCreateParams, Scope } from '@dhmad/sdk';
import type { Environment } from '@dhmad/sdk/key-format';
import { openAccount } from '../client.js';
import { prepareEnvFile } from '../env-file.js';
import { CliError } from '../errors.js';
import { handOver } from '../handover.js';
import { checkNewName, listAllKeys } from '../resolve-key.js';
import type { Terminal } from '../terminal.js';

export interface CreateOptions {
  name: string;
  env?: Environment | undefined;
  scope: Scope[];
  expires?: string | undefined;
  rateLimit?: number | undefined;
  writeEnv?: string | undefined;
  var: string;
  json: boolean;
}

/** `dhmad keys create`: a new key in DHMAD_API_KEY's environment, handed over once. */
export async function createKey(t: Terminal, options: CreateOptions): Promise<void> {
  checkNewName(options.name);
  const account = openAccount(t);
  if (options.env !== undefined && options.env !== account.environment) {
    throw new CliError(
      `--env ${options.env}: DHMAD_API_KEY (${account.keyPrefix}) is a ${account.environment} key, and a key creates keys of its own environment only. Set DHMAD_API_KEY to a ${options.env} management key.`,
    );
  }
  const params: ApiKeyCreateParams = { name: options.name, environment: account.environment };
  if (options.scope.length > 0) params.scopes = [...new Set(options.scope)];
  if (options.expires !== undefined) params.expiresAt = parseExpiry(options.expires);
  if (options.rateLimit !== undefined) params.rateLimit = options.rateLimit;
  // Before the key exists: a file that cannot take it must not cost a key whose only copy is lost.
  const envFile = options.writeEnv === undefined ? null : prepareEnvFile(t, options.writeEnv, options.var, account.environment);
  envFile?.ensureIgnored();
  const namesakes = (await listAllKeys(account)).filter((k) => k.name === options.name);
  const created = await account.client.apiKeys.create(params);
  if (namesakes.length > 0) {
    t.stderr.write(`Note: ${namesakes.map((k) => k.keyPrefix).join(', ')} ${namesakes.length === 1 ? 'has' : 'have'} this name too; name these keys by prefix or id.\n`);
  }
  await handOver(t, created, 'Created', { json: options.json, envFile });
}

/** `2027-01-31` (midnight UTC) or an ISO date-time, as the API's ISO form: a real calendar day, after now. */
function parseExpiry(value: string): string {
  const nowMs = Date.now();
  const m = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/.exec(value);
  const ms = m ? Date.parse(value) : NaN;
  if (!m || Number.isNaN(ms)) throw new CliError(`--expires ${JSON.stringify(value)} is not a date: use YYYY-MM-DD or an ISO date-time such as 2027-01-31T12:00:00Z.`);
  // Date.parse rolls 2027-02-31 over to March 3; a day the calendar does not have is a typo.
  const [year, month, date] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(year, month - 1, date));
  if (day.getUTCFullYear() !== year || day.getUTCMonth() !== month - 1 || day.getUTCDate() !== date) {
    throw new CliError(`--expires ${JSON.stringify(value)} is not a day of the calendar (${m[1]}-${m[2]} has no day ${m[3]}).`);
  }
  if (ms <= nowMs) throw new CliError(`--expires ${value} is in the past; a key must expire after now (${new Date(nowMs).toISOString().slice(0, 16)}Z).`);
  return new Date(ms).toISOString();
}

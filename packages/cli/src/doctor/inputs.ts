import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ApiKey } from '@dhmad/sdk';
import type { Environment } from '@dhmad/sdk/key-format';
import { findRepoSync } from '@dhmad/git-facts';
import { scan, type ScanResult } from '@dhmad/secret-scan';
import { openAccount } from '../client.js';
import { findEnvFiles, readEnvKeys, type EnvKey } from '../env-files.js';
import { CliError } from '../errors.js';
import { listAllKeys } from '../resolve-key.js';
import type { Terminal } from '../terminal.js';
import type { UsageDay } from '../usage/rules.js';

export interface DoctorOptions {
  maxAgeDays: number;
  maxManagers: number;
}

/** What the account says, asked once and shared by the checks; each part may fail on its own. */
export interface AccountFacts {
  keyPrefix: string;
  environment: Environment;
  /** Every key, active or not, of DHMAD_API_KEY's environment. */
  keys: Promise<ApiKey[]>;
  /**
   * Now, by the server's clock where it is ahead of this machine's: the time GET /me just
   * stamped on DHMAD_API_KEY's own `lastUsedAt`. Ages are the server's timestamps' ages.
   */
  now: Promise<number>;
  /** The key's last 30 days; at most four of these requests run at a time. */
  usage(key: ApiKey): Promise<UsageDay[]>;
}

/** Everything the checks look at, started at once so the scans, git and the API overlap. */
export interface DoctorInputs {
  /** The repository root, or the folder when it is not in one. */
  root: string;
  isRepo: boolean;
  tree: Promise<ScanResult>;
  history: Promise<ScanResult> | null;
  envKeys: EnvKey[];
  account: AccountFacts | null;
  options: DoctorOptions;
}

export function gatherInputs(t: Terminal, target: string, options: DoctorOptions): DoctorInputs {
  const dir = path.resolve(t.cwd, target);
  if (!existsSync(dir)) throw new CliError(`dhmad doctor ${target}: no such folder. Name the repository to check (default: .).`);
  if (!statSync(dir).isDirectory()) throw new CliError(`dhmad doctor ${target}: that is a file; name the folder of the repository to check (default: .).`);
  const repo = findRepoSync(dir, 'path');
  if (repo && repo.root === null) {
    throw new CliError(
      `dhmad doctor ${target}: ${repo.bare ? 'that is a bare repository, which has no working tree' : "that is inside the repository's .git folder, which is git's own"}; name the folder of a working tree (a clone).`,
    );
  }
  const root = repo?.root ?? dir;
  const tree = scan({ mode: 'tree', cwd: root, envFiles: repo?.root !== undefined && repo.root !== null });
  const history = repo?.root ? scan({ mode: 'history', cwd: root, envFiles: false }) : null;
  // Awaited by the checks; these only keep a failure from counting as unhandled until then.
  tree.catch(() => undefined);
  history?.catch(() => undefined);
  const account = t.env.DHMAD_API_KEY ? accountFacts(t) : null;
  return { root, isRepo: Boolean(repo?.root), tree, history, envKeys: readEnvKeys(root, findEnvFiles(root)), account, options };
}

const USAGE_CONCURRENCY = 4;

function accountFacts(t: Terminal): AccountFacts {
  const account = openAccount(t);
  const keys = listAllKeys(account);
  const now = account.client.me.retrieve().then((m) => Math.max(Date.now(), m.apiKey.lastUsedAt ? Date.parse(m.apiKey.lastUsedAt) : 0));
  for (const p of [keys, now]) p.catch(() => undefined);
  let running = 0;
  const waiting: Array<() => void> = [];
  const slot = async (): Promise<void> => {
    if (running >= USAGE_CONCURRENCY) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
  };
  const release = (): void => {
    running--;
    waiting.shift()?.();
  };
  return {
    keyPrefix: account.keyPrefix,
    environment: account.environment,
    keys,
    now,
    usage: (key) =>
      slot().then(() =>
        account.client.apiKeys
          .usage(key.id, { days: 30 })
          .then((r) => r.usage.days)
          .finally(release),
      ),
  };
}

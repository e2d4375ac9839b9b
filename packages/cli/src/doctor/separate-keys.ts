import path from 'node:path';
import type { ApiKey } from '@dhmad/sdk';
import { trackedFilesSync } from '@dhmad/git-facts';
import type { EnvKey } from '../env-files.js';
import { readSmallFile, walkFiles } from '../files.js';
import { count, keyLabel } from '../format.js';
import { outcome, type CheckOutcome, type Finding } from './check.js';
import type { DoctorInputs } from './inputs.js';

type Stage = 'production' | 'non-production' | null;

const PRODUCTION = new Set(['production', 'prod']);
const NON_PRODUCTION = new Set(['test', 'tests', 'testing', 'development', 'dev', 'ci', 'e2e', '.github']);

/** What one name part says: `production`, `non-production`, or nothing. */
function stageOfPart(part: string): Stage {
  const p = part.toLowerCase();
  return PRODUCTION.has(p) ? 'production' : NON_PRODUCTION.has(p) ? 'non-production' : null;
}

/**
 * What an env file is for. Its name first: `.env.production(.local)` is production; `.env.test`,
 * `.env.development`, `.env.ci` are not. Then the nearest folder that says: `deploy/production/.env`
 * is production, `test/.env`, `e2e/.env` and `.github/.env` are not. `.env` and `.env.local` elsewhere do not say.
 */
function stageOf(file: string): Stage {
  const parts = file.split('/');
  const nameParts = parts[parts.length - 1]!.split('.').slice(2).map(stageOfPart);
  if (nameParts.includes('production')) return 'production';
  if (nameParts.includes('non-production')) return 'non-production';
  for (const folder of parts.slice(0, -1).reverse()) {
    const stage = stageOfPart(folder);
    if (stage !== null) return stage;
  }
  return null;
}

const at = (k: EnvKey): string => `${k.file}:${k.line} (${k.variable})`;

/**
 * `separate-keys`: one key per environment. The same key in two env files; a live key in a test,
 * development or CI env file; a sandbox key in a production one; a keys:manage key in a variable
 * the application code reads.
 */
export async function separateKeys(inputs: DoctorInputs): Promise<CheckOutcome> {
  const { envKeys } = inputs;
  const findings: Finding[] = [];

  const bySecret = new Map<string, EnvKey[]>();
  for (const k of envKeys) bySecret.set(k.secret, [...(bySecret.get(k.secret) ?? []), k]);
  for (const holders of bySecret.values()) {
    if (new Set(holders.map((h) => h.file)).size < 2) continue;
    const first = holders[0]!;
    findings.push({
      message: `the same ${first.environment} key (${first.keyPrefix}) is in ${holders.map(at).join(' and ')}`,
      file: first.file,
      line: first.line,
      keyPrefix: first.keyPrefix,
      fix: `give each its own key: dhmad keys create --name "<app> ${holders[1]!.file}" --write-env ${holders[1]!.file} --var ${holders[1]!.variable}`,
      severity: 'fail',
    });
  }

  for (const k of envKeys) {
    const stage = stageOf(k.file);
    const wrong = (stage === 'non-production' && k.environment === 'live') || (stage === 'production' && k.environment === 'sandbox');
    if (!wrong) continue;
    const want = k.environment === 'live' ? 'sandbox' : 'live';
    findings.push({
      message: `a ${k.environment} key (${k.keyPrefix}) in ${at(k)}, a ${stage} env file`,
      file: k.file,
      line: k.line,
      keyPrefix: k.keyPrefix,
      fix: `put a ${want} key there: with a ${want} DHMAD_API_KEY, dhmad keys create --name "<app> ${path.posix.basename(k.file)}" --write-env ${k.file} --var ${k.variable}`,
      severity: 'fail',
    });
  }

  findings.push(...(await managementKeysInApps(inputs)));
  const files = new Set(envKeys.map((k) => k.file)).size;
  return outcome(
    findings,
    envKeys.length === 0 ? 'No env file holds a DHMAD key.' : `${count(envKeys.length, 'key')} in ${count(files, 'env file')}, one key per environment.`,
    `${count(findings.filter((f) => f.severity !== 'note').length, 'finding')} in ${count(files, 'env file')}.`,
  );
}

/** Variables holding keys that the application code reads, and the keys:manage keys among them. */
async function managementKeysInApps(inputs: DoctorInputs): Promise<Finding[]> {
  const variables = [...new Set(inputs.envKeys.map((k) => k.variable))];
  if (variables.length === 0) return [];
  const readers = codeReading(inputs.root, inputs.isRepo, variables);
  const read = inputs.envKeys.filter((k) => readers.has(k.variable));
  if (read.length === 0) return [];
  const { account } = inputs;
  const keys: ApiKey[] = account ? await account.keys : [];
  const findings: Finding[] = [];
  for (const k of read) {
    const reader = readers.get(k.variable)!;
    if (!account || k.environment !== account.environment) {
      findings.push({
        message: `${reader} reads ${k.variable}, which ${k.file}:${k.line} sets to ${k.keyPrefix}; whether that is a keys:manage key was not checked (${account ? `DHMAD_API_KEY manages ${account.environment} keys only` : 'DHMAD_API_KEY is not set'})`,
        file: k.file,
        line: k.line,
        keyPrefix: k.keyPrefix,
        fix: `set DHMAD_API_KEY to a ${k.environment} keys:manage key and run dhmad doctor again`,
        severity: 'warn',
      });
      continue;
    }
    const key = keys.find((x) => x.keyPrefix === k.keyPrefix);
    if (!key?.scopes.includes('keys:manage')) continue;
    findings.push({
      message: `${reader} reads ${k.variable}, and ${k.file}:${k.line} sets it to ${keyLabel(key)}, a keys:manage key: if the application leaks it, the leak can make and delete keys`,
      file: k.file,
      line: k.line,
      keyPrefix: k.keyPrefix,
      fix: `give the application a key without scopes: dhmad keys create --name "<app>" --write-env ${k.file} --var ${k.variable}; keep the keys:manage key for dhmad and the rotation workflow`,
      severity: 'fail',
    });
  }
  return findings;
}

const CODE = /\.(?:[cm]?[jt]sx?|py|rb|go|php|java|kts?|cs|rs|swift|ex|exs)$/;

/**
 * For each variable, the first code file (`file:line`) that names it, the way code reads its
 * configuration (`process.env.DHMAD_API_KEY`, `os.environ["DHMAD_API_KEY"]`, `ENV.fetch(...)`).
 * `new Dhmad()` without an `apiKey` reads DHMAD_API_KEY too: the SDK's default.
 * In a repository, the tracked files; elsewhere, every file but installed packages.
 */
function codeReading(root: string, isRepo: boolean, variables: readonly string[]): Map<string, string> {
  const files = (isRepo ? [...trackedFilesSync(root, 'path')] : walkFiles(root)).filter((f) => CODE.test(f)).sort();
  const found = new Map<string, string>();
  const patterns = variables.map((v) => [v, new RegExp(`\\b${v}\\b`)] as const);
  for (const file of files) {
    const text = readSmallFile(path.join(root, file));
    if (text === null) continue;
    const lines = text.split('\n');
    for (const [variable, pattern] of patterns) {
      if (found.has(variable)) continue;
      let line = lines.findIndex((l) => pattern.test(l));
      if (line === -1 && variable === 'DHMAD_API_KEY') line = lines.findIndex((l) => /new Dhmad\(\s*\)/.test(l));
      if (line !== -1) found.set(variable, `${file}:${line + 1}`);
    }
  }
  return found;
}

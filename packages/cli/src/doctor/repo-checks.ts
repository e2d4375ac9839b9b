import type { ApiKey } from '@dhmad/sdk';
import { isEnvFile } from '@dhmad/git-facts';
import type { Finding as ScanFinding } from '@dhmad/secret-scan';
import { count, keyLabel } from '../format.js';
import { outcome, skipped, type CheckOutcome, type Finding } from './check.js';
import type { DoctorInputs } from './inputs.js';

const isKeyRule = (f: ScanFinding): boolean => f.ruleId === 'live-key' || f.ruleId === 'sandbox-key' || f.ruleId === 'malformed-key';
const where = (f: ScanFinding): string => (f.line === null ? f.file : `${f.file}:${f.line}`);

/** A scan that could not read everything is no clean bill: the files it missed are a warning. */
function unreadableFindings(unreadable: readonly string[]): Finding[] {
  return unreadable.map((file) => ({ message: `${file} could not be read, so it was not checked`, file, severity: 'warn' as const }));
}

/** `env-vars`: no key literal in the working tree; env files are where keys belong (whether git ignores them is `env-ignored`). */
export async function envVars(inputs: DoctorInputs): Promise<CheckOutcome> {
  const { findings: found, summary } = await inputs.tree;
  const findings: Finding[] = found
    .filter((f) => isKeyRule(f) && !isEnvFile(f.file))
    .map((f) => ({
      message:
        f.ruleId === 'malformed-key'
          ? `${where(f)}: something shaped like a truncated or mangled key (${f.keyPrefix}); if it is part of a real one, treat it as a key`
          : `${where(f)}: a ${f.environment} key (${f.keyPrefix}) written into the code`,
      file: f.file,
      ...(f.line === null ? {} : { line: f.line }),
      ...(f.keyPrefix ? { keyPrefix: f.keyPrefix } : {}),
      fix: `read it from an environment variable (process.env.DHMAD_API_KEY) and keep the value in an ignored .env file (dhmad keys regenerate ${f.keyPrefix} --write-env .env gives a fresh one there)`,
      severity: f.ruleId === 'malformed-key' ? ('warn' as const) : ('fail' as const),
    }));
  findings.push(...unreadableFindings(summary.unreadable));
  return outcome(findings, `No key literal in the ${count(summary.files, 'file')} of the working tree (env files aside).`, `${count(findings.length, 'finding')} in ${count(summary.files, 'file')}.`);
}

/** `not-committed`: no key in any commit; a committed key says whether it still works (by prefix, in DHMAD_API_KEY's environment). */
export async function notCommitted(inputs: DoctorInputs): Promise<CheckOutcome> {
  if (!inputs.history) return skipped(`${inputs.root} is not a git repository: there is no history to check.`);
  const { findings: found, summary } = await inputs.history;
  const committed = found.filter(isKeyRule);
  const keys = committed.length > 0 && inputs.account ? await inputs.account.keys : null;
  const findings = committed.map((f) => committedFinding(f, inputs, keys));
  findings.push(...unreadableFindings(summary.unreadable));
  const clean = summary.commits === 0 ? 'No commits yet.' : `No key in the ${count(summary.commits, 'commit')} of the history.`;
  return outcome(findings, clean, `${count(committed.length, 'key')} in the history.`);
}

function committedFinding(f: ScanFinding, inputs: DoctorInputs, keys: ApiKey[] | null): Finding {
  const at = `${where(f)} in commit ${f.commit?.slice(0, 8) ?? '?'}`;
  const base = { file: f.file, ...(f.line === null ? {} : { line: f.line }), ...(f.commit ? { commit: f.commit } : {}), ...(f.keyPrefix ? { keyPrefix: f.keyPrefix } : {}) };
  const prefix = f.keyPrefix ?? '';
  if (f.ruleId === 'malformed-key') {
    return { ...base, message: `${at}: something shaped like a truncated or mangled key (${prefix})`, fix: 'if it is part of a real key, regenerate that key', severity: 'warn' };
  }
  if (keys === null || f.environment !== inputs.account?.environment) {
    const ask = inputs.account ? `DHMAD_API_KEY manages ${inputs.account.environment} keys only` : 'DHMAD_API_KEY is not set';
    return { ...base, message: `${at}: a ${f.environment} key (${prefix}); whether it still works is unknown (${ask})`, fix: `regenerate it: dhmad keys regenerate ${prefix} (with a ${f.environment} DHMAD_API_KEY)`, severity: 'fail' };
  }
  const key = keys.find((k) => k.keyPrefix === prefix);
  if (!key) {
    return {
      ...base,
      message: `${at}: a ${f.environment} key (${prefix}) that no key of this account has now (regenerated or deleted): the secret in the history is dead`,
      fix: 'nothing to rotate; rewrite the history (git filter-repo) if it must go',
      severity: 'warn',
    };
  }
  if (!key.isActive) {
    return { ...base, message: `${at}: ${keyLabel(key)}, inactive but not deleted: activating it would revive the leaked secret`, fix: `dhmad keys delete ${prefix}`, severity: 'warn' };
  }
  return { ...base, message: `${at}: ${keyLabel(key)}, still active: anyone with the history can use it`, fix: `dhmad keys regenerate ${prefix}`, severity: 'fail' };
}

/** `env-ignored`: the scanner's env checks: no env file tracked, every one ignored by the repository's .gitignore. */
export async function envIgnored(inputs: DoctorInputs): Promise<CheckOutcome> {
  if (!inputs.isRepo) return skipped(`${inputs.root} is not a git repository: nothing decides yet what would be committed.`);
  const { findings: found } = await inputs.tree;
  const findings: Finding[] = found
    .filter((f) => f.ruleId === 'env-tracked' || f.ruleId === 'env-not-ignored')
    .map((f) => ({
      message: f.message.split('. ')[0]!.replace(/\.$/, ''),
      file: f.file,
      fix:
        f.ruleId === 'env-tracked'
          ? `git rm --cached -- '${f.file}', add it to .gitignore (dhmad-scan --fix), and regenerate the keys it held`
          : 'dhmad-scan --fix (adds .env and .env.* to .gitignore)',
      severity: f.severity === 'error' ? ('fail' as const) : ('warn' as const),
    }));
  return outcome(findings, 'No env file is tracked, and the .gitignore files ignore .env and .env.local.', `${count(findings.length, 'env file finding')}.`);
}

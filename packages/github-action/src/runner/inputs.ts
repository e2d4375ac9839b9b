/**
 * Reading and validating the Action's inputs. Every problem is reported at once, each
 * naming the input, what was wrong and what is accepted; a value that might be a key is
 * never echoed.
 */
import { redactText, revealsKey, validateKey } from '@dhmad/sdk/key-format';
import { DurationError, parseDuration } from '../core/duration.js';
import { targetLabel } from './github/stores.js';
import type { TargetSpec } from './github/stores.js';
import type { RotationPlan, Strategy } from '../core/types.js';

export interface ActionInputs {
  plan: RotationPlan;
  managementKey: string;
  githubToken: string;
  githubApiUrl: string;
  dhmadBaseUrl: string | undefined;
  targets: TargetSpec[];
}

export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(readonly problems: string[]) {
    super(`The inputs are not valid:\n- ${problems.join('\n- ')}`);
  }
}

/** Reads one input by its name in action.yml; '' when not set. */
export type GetInput = (name: string) => string;

const TRUE = new Set(['true', 'True', 'TRUE']);
const FALSE = new Set(['false', 'False', 'FALSE', '']);
const OWNER_REPO = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;
const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const MAX_CONCURRENCY = 20;

/** Newline- or comma-separated, blanks dropped, duplicates dropped. */
export function parseList(value: string): string[] {
  return [...new Set(value.split(/[\n,]/).map((s) => s.trim()).filter(Boolean))];
}

export function readInputs(readRaw: GetInput, env: Record<string, string | undefined>): ActionInputs {
  const problems: string[] = [];
  // Every input but management-key passes through here, so a key pasted anywhere else is
  // refused before any check could echo it, and is never used as a name GitHub would print.
  // In any letter case (revealsKey's test): GitHub upper-cases secret names and the runner's
  // mask is case-sensitive, so `SK_LIVE_...` must count too.
  const keyShaped: string[] = [];
  const getInput = (name: string): string => {
    const raw = readRaw(name);
    if (name === 'management-key' || !revealsKey(raw)) return raw;
    keyShaped.push(
      `${name} holds a value shaped like a DHMAD key (checked in any letter case); it is not shown. ` +
        'Only management-key takes a key: name the key to rotate with key-name or key-id, and the secret with secret-name.',
    );
    return '';
  };
  const get = (name: string): string => getInput(name).trim();

  const bool = (name: string): boolean => {
    const v = get(name);
    if (TRUE.has(v)) return true;
    if (!FALSE.has(v)) problems.push(`${name} must be true or false; got "${redactText(v)}".`);
    return false;
  };
  const duration = (name: string, fallback: number | null): number | null => {
    const v = get(name);
    if (v === '' || (fallback === null && v === 'never')) return fallback;
    try {
      return parseDuration(name, v);
    } catch (err) {
      if (err instanceof DurationError) problems.push(redactText(err.message));
      else throw err;
      return fallback;
    }
  };

  // Read raw: a key with a stray newline must be reported, not trimmed away.
  const managementKey = readRaw('management-key');
  const key = validateKey(managementKey);
  if (!key.valid) problems.push(`management-key: ${key.message}`);

  const keyName = get('key-name');
  const keyId = get('key-id');
  if ((keyName === '') === (keyId === '')) {
    problems.push('Set exactly one of key-name (the name of the key to rotate) and key-id (its 24-hex id).');
  }
  if (keyId !== '' && !/^[0-9a-f]{24}$/.test(keyId)) problems.push(`key-id must be 24 lowercase hex characters; got "${redactText(keyId)}".`);

  const secretName = get('secret-name').toUpperCase();
  if (!SECRET_NAME.test(secretName) || secretName.startsWith('GITHUB_')) {
    problems.push(
      `secret-name must be letters, digits and _, not start with a digit or GITHUB_ (e.g. DHMAD_API_KEY); got "${redactText(secretName)}".`,
    );
  }

  const strategyValue = get('strategy') || 'overlap';
  if (strategyValue !== 'overlap' && strategyValue !== 'regenerate') {
    problems.push(`strategy must be overlap or regenerate; got "${redactText(strategyValue)}".`);
  }

  const concurrencyValue = get('concurrency') || '4';
  const concurrency = Number(concurrencyValue);
  if (!/^\d+$/.test(concurrencyValue) || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
    problems.push(`concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}; got "${redactText(concurrencyValue)}".`);
  }

  const current = env.GITHUB_REPOSITORY ?? '';
  const targets: TargetSpec[] = [];
  const environments = parseList(getInput('environments'));
  const organization = get('organization');
  const repoList = parseList(getInput('repositories'));
  // The current repository is the default target only when no other target is named,
  // so `organization: acme` alone writes the organization secret and nothing else.
  const repositories = repoList.length > 0 ? repoList : environments.length === 0 && organization === '' ? [current] : [];
  for (const repo of repositories) {
    if (!OWNER_REPO.test(repo)) {
      problems.push(
        repo === '' ? 'repositories is empty and GITHUB_REPOSITORY is not set; name the repositories as owner/repo.' : `repositories: "${redactText(repo)}" is not owner/repo.`,
      );
      continue;
    }
    const [owner, name] = repo.split('/') as [string, string];
    targets.push({ scope: 'repository', owner, repo: name });
  }
  for (const entry of environments) {
    const colon = entry.lastIndexOf(':');
    const repo = colon === -1 ? current : entry.slice(0, colon);
    const environment = colon === -1 ? entry : entry.slice(colon + 1);
    if (!OWNER_REPO.test(repo) || environment === '') {
      problems.push(`environments: "${redactText(entry)}" must be owner/repo:environment, or an environment of the current repository.`);
      continue;
    }
    const [owner, name] = repo.split('/') as [string, string];
    targets.push({ scope: 'environment', owner, repo: name, environment });
  }
  if (organization !== '') {
    if (/^[A-Za-z0-9-]+$/.test(organization)) targets.push({ scope: 'organization', org: organization });
    else problems.push(`organization must be an organization login; got "${redactText(organization)}".`);
  }
  if (bool('dependabot')) {
    const before = targets.length;
    for (const t of targets.slice(0, before)) {
      if (t.scope === 'repository') targets.push({ scope: 'dependabot', owner: t.owner, repo: t.repo });
      if (t.scope === 'organization') targets.push({ scope: 'dependabot', org: t.org });
    }
    // Dependabot has no environment secrets: with only environments named it would write nothing.
    if (targets.length === before && problems.length === 0) {
      problems.push('dependabot: true writes the Dependabot secret of each repository in repositories and of organization; name at least one of them.');
    }
  }

  const githubToken = getInput('github-token');
  if (githubToken.trim() === '') {
    problems.push('github-token is required: a fine-grained PAT or GitHub App token that can write secrets (GITHUB_TOKEN cannot).');
  }
  const githubApiUrl = get('github-api-url') || env.GITHUB_API_URL || 'https://api.github.com';
  const dhmadBaseUrl = get('dhmad-base-url') || undefined;
  for (const [name, url] of [['github-api-url', githubApiUrl], ['dhmad-base-url', dhmadBaseUrl]] as const) {
    if (url !== undefined && !URL.canParse(url)) problems.push(`${name} must be a URL; got "${redactText(url)}".`);
  }

  const plan: RotationPlan = {
    keyName: keyName || null,
    keyId: keyId || null,
    secretName,
    strategy: strategyValue as Strategy,
    gracePeriodMs: duration('grace-period', 0) ?? 0,
    deleteAfterMs: duration('delete-after', null),
    minAgeMs: duration('min-age', 0) ?? 0,
    dryRun: bool('dry-run'),
    concurrency,
    idlePeriodMs: duration('idle-period', 0) ?? 0,
    alertAfterMs: duration('alert-after', null),
    compromised: bool('compromised'),
    rollback: bool('rollback'),
    createIfMissing: bool('create-if-missing'),
  };
  if (plan.alertAfterMs !== null && plan.idlePeriodMs === 0) {
    problems.push('alert-after needs idle-period: it fails the run when the replaced key is still in use, and idle-period is what watches that use (e.g. idle-period: 1d).');
  }
  if (plan.compromised && plan.rollback) {
    problems.push('Set compromised or rollback, not both: a rollback brings the previous key back, a compromise kills it.');
  }
  if (plan.strategy === 'regenerate') {
    // The old secret dies at the regeneration, so whatever keeps, watches or restores an old key has nothing to act on.
    const unused = [
      ...(plan.gracePeriodMs > 0 ? ['grace-period'] : []),
      ...(plan.idlePeriodMs > 0 ? ['idle-period'] : []),
      ...(plan.alertAfterMs !== null ? ['alert-after'] : []),
    ];
    if (unused.length > 0) {
      const names = unused.length === 1 ? unused[0]! : `${unused.slice(0, -1).join(', ')} and ${unused.at(-1)!}`;
      problems.push(
        `${names} ${unused.length === 1 ? 'does' : 'do'} not apply with strategy: regenerate: the old secret stops working at once, so no old key is kept. ` +
          `Remove ${unused.length === 1 ? 'it' : 'them'}, or use strategy: overlap.`,
      );
    }
    if (plan.rollback) {
      problems.push('rollback does not work with strategy: regenerate: a regeneration kills the old secret, so there is nothing to go back to. Rollback undoes an overlap rotation.');
    }
  }
  if (plan.createIfMissing && keyId !== '') {
    problems.push('create-if-missing needs key-name (the name to give the new key), not key-id.');
  }
  // Reported alone: the other problems may only be that a refused input was read as empty.
  if (keyShaped.length > 0) throw new InputError(keyShaped);
  if (problems.length > 0) throw new InputError(problems);
  // One store per secret: `production` and `acme/api:production` (or `Acme/API`) name the same one,
  // as GitHub compares these names without case. Written twice, it would report one row as unchanged.
  const seen = new Set<string>();
  const unique = targets.filter((t) => {
    const label = targetLabel(t).toLowerCase();
    if (seen.has(label)) return false;
    seen.add(label);
    return true;
  });
  return { plan, managementKey, githubToken: githubToken.trim(), githubApiUrl, dhmadBaseUrl, targets: unique };
}

import type { ApiKey } from '@dhmad/sdk';
import { count, daysSince, day, keyLabel, minute } from '../format.js';
import { flagUsage } from '../usage/rules.js';
import { outcome, skipped, type CheckOutcome, type Finding } from './check.js';
import type { AccountFacts, DoctorInputs } from './inputs.js';
import { rotationWorkflows } from './workflows.js';

const noAccount = 'DHMAD_API_KEY is not set: set it to a keys:manage key to check the account too.';
const UNUSED_DAYS = 30;
const DAY_MS = 86_400_000;
const RECENT_FLAG_DAYS = 7;

/** Active and not expired at `now`. */
const live = (k: ApiKey, now: number): boolean => k.isActive && (k.expiresAt === null || Date.parse(k.expiresAt) > now);

async function activeKeys(account: AccountFacts): Promise<{ keys: ApiKey[]; now: number }> {
  const [all, now] = await Promise.all([account.keys, account.now]);
  return { keys: all.filter((k) => live(k, now)), now };
}

/** `3 live keys (sandbox keys need a sandbox DHMAD_API_KEY)`, with `adjective` before the environment. */
const scope = (account: AccountFacts, n: number, adjective = ''): string => {
  const other = account.environment === 'live' ? 'sandbox' : 'live';
  return `${count(n, `${adjective}${account.environment} key`)} (${other} keys need a ${other} DHMAD_API_KEY)`;
};

/** `rotated`: each active key's current secret (a regenerated key is young again) is younger than --max-age; warn from 80%. */
export async function rotated(inputs: DoctorInputs): Promise<CheckOutcome> {
  const { account, options } = inputs;
  if (!account) return skipped(noAccount);
  const { keys, now } = await activeKeys(account);
  const findings: Finding[] = [];
  let oldest = 0;
  for (const k of keys) {
    // Compared to the millisecond: whole days would make a 1-day limit warn at once (80% of 1 is 0).
    const ageMs = now - Date.parse(k.secretCreatedAt);
    const age = daysSince(k.secretCreatedAt, now);
    oldest = Math.max(oldest, age);
    if (ageMs < options.maxAgeDays * 0.8 * DAY_MS) continue;
    const over = ageMs > options.maxAgeDays * DAY_MS;
    findings.push({
      message: `${keyLabel(k)}: its secret is ${age} days old (made ${day(k.secretCreatedAt)}); ${over ? 'over' : 'near'} the ${options.maxAgeDays}-day limit`,
      keyPrefix: k.keyPrefix,
      fix: `dhmad keys regenerate ${k.keyPrefix}`,
      severity: over ? 'fail' : 'warn',
    });
  }
  for (const w of rotationWorkflows(inputs.root)) {
    findings.push({ message: `${w.file} rotates ${w.keyNames.map((n) => `"${n}"`).join(', ')} with the rotation Action`, file: w.file, severity: 'note' });
  }
  const summary = `${scope(account, keys.length, 'active ')}; the oldest secret is ${oldest} days old (limit ${options.maxAgeDays}).`;
  return outcome(findings, summary);
}

/** `access-limited`: how many active keys can manage keys; more than --max-managers warns. */
export async function accessLimited(inputs: DoctorInputs): Promise<CheckOutcome> {
  const { account, options } = inputs;
  if (!account) return skipped(noAccount);
  const managers = (await activeKeys(account)).keys.filter((k) => k.scopes.includes('keys:manage'));
  const list = managers.map((k) => `${keyLabel(k)} (last used ${minute(k.lastUsedAt)})`).join(', ');
  const findings: Finding[] =
    managers.length > options.maxManagers
      ? managers.map((k) => ({
          message: `${keyLabel(k)} holds keys:manage (last used ${minute(k.lastUsedAt)})`,
          keyPrefix: k.keyPrefix,
          fix: `if nobody needs it: dhmad keys deactivate ${k.keyPrefix}`,
          severity: 'warn' as const,
        }))
      : [];
  return outcome(
    findings,
    `${count(managers.length, 'active key holds', 'active keys hold')} keys:manage, at most ${options.maxManagers} allowed: ${list}.`,
    `${managers.length} active keys hold keys:manage; more than ${options.maxManagers} people or systems can make and delete keys.`,
  );
}

/** `monitoring`: active keys nobody used for 30 days, and keys whose usage the `keys usage` rules flag. */
export async function monitoring(inputs: DoctorInputs): Promise<CheckOutcome> {
  const { account } = inputs;
  if (!account) return skipped(noAccount);
  const [all, now] = await Promise.all([account.keys, account.now]);
  const findings: Finding[] = [];
  for (const k of all.filter((x) => live(x, now))) {
    const since = k.lastUsedAt ?? k.createdAt;
    if (daysSince(since, now) < UNUSED_DAYS) continue;
    findings.push({
      message: `${keyLabel(k)}: ${k.lastUsedAt ? `not used since ${day(k.lastUsedAt)}` : `never used since it was made on ${day(k.createdAt)}`} (${daysSince(since, now)} days), yet active`,
      keyPrefix: k.keyPrefix,
      fix: `dhmad keys deactivate ${k.keyPrefix}`,
      severity: 'warn',
    });
  }
  // A flag of the last week fails; an older one warns, so a spike that was looked into stops failing CI after a week.
  const recent = day(new Date(now - (RECENT_FLAG_DAYS - 1) * 86_400_000).toISOString());
  const usages = await Promise.all(all.map(async (k) => ({ k, days: await account.usage(k) })));
  for (const { k, days } of usages) {
    for (const flag of flagUsage(k, days)) {
      findings.push({
        message: `${keyLabel(k)}: ${flag.rule} on ${flag.date}: ${flag.message}`,
        keyPrefix: k.keyPrefix,
        fix: `dhmad keys usage ${k.keyPrefix}`,
        severity: flag.date >= recent ? 'fail' : 'warn',
      });
    }
  }
  return outcome(findings, `${scope(account, all.length)}: every active key used in the last ${UNUSED_DAYS} days, and no usage flag in the last 30.`, `${count(findings.length, 'finding')} over ${count(all.length, 'key')}.`);
}

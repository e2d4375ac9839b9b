/**
 * When a replaced key may go. A fixed timer (grace-period) either retires a key something
 * still uses or keeps an unused one alive for days, so with idle-period the key must also
 * have gone unused for that long since its replacement reached every target, as DHMAD's
 * `lastUsedAt` and per-day usage tell. Deactivation is reversible; deletion (delete-after)
 * only ever touches keys deactivated long ago.
 */
import { formatDuration } from './duration.js';
import { META, withoutSealed } from './family.js';
import { errorText } from './run.js';
import type { Run } from './run.js';
import type { ManagedKey, PredecessorUse } from './types.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The most history `GET /api-keys/{id}/usage` gives. */
const MAX_USAGE_DAYS = 90;

const utcDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** How many days of usage cover `fromMs` to today (UTC days, both counted), within what the API gives. */
function usageDays(fromMs: number, nowMs: number): number {
  const days = Math.floor(Date.parse(utcDay(nowMs)) / DAY_MS) - Math.floor(Date.parse(utcDay(fromMs)) / DAY_MS) + 1;
  return Math.min(MAX_USAGE_DAYS, Math.max(1, days));
}

/**
 * What the API says about `predecessor` since its replacement reached every target at
 * `switchedAt`, and whether the plan lets it go now. `readUsage`: also count its requests
 * since the switch (one more request; the report needs it only when something may still hold it).
 */
export async function assess(run: Run, predecessor: ManagedKey, switchedAt: Date, readUsage: boolean): Promise<PredecessorUse> {
  const { plan } = run;
  const now = run.now().getTime();
  const switched = switchedAt.getTime();
  const lastUsed = predecessor.lastUsedAt === null ? null : Date.parse(predecessor.lastUsedAt);
  const usedSinceSwitch = lastUsed !== null && lastUsed > switched;
  const waitingFor: string[] = [];
  const graceEnd = switched + plan.gracePeriodMs;
  if (now < graceEnd) waitingFor.push(`its grace period (${formatDuration(plan.gracePeriodMs)}) runs until ${new Date(graceEnd).toISOString()}`);
  let retireFrom = graceEnd;
  if (plan.idlePeriodMs > 0) {
    const idleEnd = Math.max(switched, lastUsed ?? 0) + plan.idlePeriodMs;
    retireFrom = Math.max(retireFrom, idleEnd);
    if (now < idleEnd) {
      waitingFor.push(
        usedSinceSwitch
          ? `it was used ${formatDuration(Math.max(0, now - lastUsed!))} ago, after the switch, and must go unused for ${formatDuration(plan.idlePeriodMs)} (idle-period) first`
          : `it must go unused for ${formatDuration(plan.idlePeriodMs)} after the switch (idle-period)`,
      );
    }
  }

  let countedFrom = utcDay(switched);
  let requestsSinceSwitch: number | null = null;
  if (readUsage) {
    const days = usageDays(switched, now);
    try {
      const usage = await run.keys.usage(predecessor.id, days);
      countedFrom = usage.days[0] && usage.days[0].date > countedFrom ? usage.days[0].date : countedFrom;
      requestsSinceSwitch = usage.days.filter((d) => d.date >= countedFrom).reduce((n, d) => n + d.requests, 0);
    } catch (err) {
      run.logger.warning(`Could not read the usage of ${predecessor.keyPrefix} (${errorText(err)}); its last use is still known from lastUsedAt.`);
    }
  }
  return {
    keyId: predecessor.id,
    keyPrefix: predecessor.keyPrefix,
    switchedAt: switchedAt.toISOString(),
    lastUsedAt: predecessor.lastUsedAt,
    usedSinceSwitch,
    requestsSinceSwitch,
    countedFrom,
    retire: waitingFor.length === 0,
    waitingFor,
    retireFrom: new Date(retireFrom).toISOString(),
  };
}

/** One paragraph for the log: when it was last used, how much since the switch, and what that means. */
export function describeUse(use: PredecessorUse, current: ManagedKey): string {
  const last = use.lastUsedAt === null ? 'never used' : `last used ${use.lastUsedAt}`;
  const count = use.requestsSinceSwitch === null ? '' : `, ${use.requestsSinceSwitch} request(s) from ${use.countedFrom} (the day of the switch, counted whole) to today`;
  const held = use.usedSinceSwitch
    ? ` Something outside the targets still holds ${use.keyPrefix} (a service deployed with it, a job queued before the switch, a copy elsewhere): give it ${current.keyPrefix}'s secret.`
    : '';
  const verdict = use.retire ? '' : ` It stays active: ${use.waitingFor.join('; ')}. A run at or after ${use.retireFrom} may retire it.`;
  return `${use.keyPrefix} was replaced by ${current.keyPrefix} on every target at ${use.switchedAt}; ${last}${count}.${held}${verdict}`;
}

/** With alert-after: the message that fails the run, when the predecessor is still in use that long after the switch. */
export function inUseAlert(run: Run, use: PredecessorUse, current: ManagedKey): string | null {
  const { alertAfterMs } = run.plan;
  if (alertAfterMs === null || use.retire || !use.usedSinceSwitch) return null;
  const since = run.now().getTime() - Date.parse(use.switchedAt);
  if (since < alertAfterMs) return null;
  const count = use.requestsSinceSwitch === null ? '' : `, ${use.requestsSinceSwitch} request(s) since ${use.countedFrom}`;
  return (
    `${use.keyPrefix} is still in use ${formatDuration(since)} after every target switched to ${current.keyPrefix} ` +
    `(alert-after ${formatDuration(alertAfterMs)}): last used ${use.lastUsedAt}${count}. Find what still holds it ` +
    `(a deployed service, another CI system, a developer's .env), give it the secret now in ${run.plan.secretName}, and a later run retires ${use.keyPrefix}. ` +
    'It stays active until then.'
  );
}

/** `metadata` with the time of a deactivation made now, which delete-after counts from. */
export function deactivated(run: Run, metadata: Readonly<Record<string, string>>): Record<string, string> {
  return { ...metadata, [META.deactivatedAt]: run.now().toISOString() };
}

export async function retire(run: Run, key: ManagedKey, why = 'reversible in the dashboard'): Promise<void> {
  await run.keys.deactivate(key.id, deactivated(run, key.metadata));
  run.report.actions.push(`deactivated ${key.keyPrefix}`);
  run.logger.info(`Deactivated ${key.keyPrefix} (${why}).`);
}

/**
 * Delete the family's deactivated keys older than `delete-after`, never those in `keep`, nor the
 * key `key-id` names: later runs find the family through it, wherever it is in the chain.
 */
export async function deleteOld(run: Run, keep: string[]): Promise<void> {
  const { plan } = run;
  if (plan.deleteAfterMs === null) return;
  const all = await run.keys.list();
  const name = all.find((k) => k.id === keep[0])?.name;
  const now = run.now().getTime();
  for (const key of all) {
    if (key.name !== name || key.isActive || keep.includes(key.id) || key.id === plan.keyId) continue;
    // A key deactivated by hand, or before the action recorded it: its last update stands in.
    const stopped = Date.parse(key.metadata[META.deactivatedAt] ?? key.updatedAt);
    if (now - stopped < plan.deleteAfterMs) continue;
    await run.keys.delete(key.id);
    run.report.actions.push(`deleted ${key.keyPrefix}`);
    run.logger.info(`Deleted ${key.keyPrefix}, deactivated more than ${formatDuration(plan.deleteAfterMs)} ago.`);
  }
}

/**
 * Drop the sealed secret of every key named `name` but those in `keep`: only the current key and
 * the one a rollback would bring back need one, and a copy kept longer is a secret kept longer.
 * A failure here is only a warning: the delivery it follows succeeded, and the next run tries again.
 */
export async function forgetSealed(run: Run, name: string, keep: readonly string[]): Promise<void> {
  try {
    for (const key of await run.keys.list()) {
      if (key.name !== name || keep.includes(key.id) || key.metadata[META.sealed] === undefined) continue;
      await run.keys.setMetadata(key.id, withoutSealed(key.metadata));
    }
  } catch (err) {
    run.logger.warning(`Could not drop the sealed copies of older keys of "${name}" (${errorText(err)}); the next run drops them.`);
  }
}

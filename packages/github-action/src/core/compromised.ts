/**
 * `compromised: true`: the key leaked. Its secret must die now, not after a grace period or
 * once idle, and every target gets a new key at once. With the overlap strategy that is a new
 * key and the old ones deactivated right after it exists; with regenerate, a regeneration
 * (regenerate.ts). The report gives, per target, the window in which its consumers held a
 * dead key, and each leaked key's use over the last days.
 */
import { complete, createReplacement, deliver, earlierReplacement, newerRotation, unwritten, verifyProblem, writeAll } from './deliver.js';
import { activeMembers, withoutSealed } from './family.js';
import type { FamilyState } from './family.js';
import { deactivated, deleteOld, forgetSealed } from './retire.js';
import { errorText } from './run.js';
import type { Run } from './run.js';
import type { LeakedKeyUse, ManagedKey, RotationReport } from './types.js';

/** Days of usage the report shows for a leaked key (the API's default window). */
const LEAK_USAGE_DAYS = 30;

/** Each leaked key's use over the last {@link LEAK_USAGE_DAYS} days, read before anything changes. */
export async function reportLeakedUse(run: Run, leaked: readonly ManagedKey[]): Promise<void> {
  for (const key of leaked) {
    const use: LeakedKeyUse = { keyId: key.id, keyPrefix: key.keyPrefix, lastUsedAt: key.lastUsedAt, days: null, total: null, window: LEAK_USAGE_DAYS };
    try {
      const usage = await run.keys.usage(key.id, LEAK_USAGE_DAYS);
      use.days = usage.days.filter((d) => d.requests > 0 || d.errors > 0);
      use.total = usage.total;
    } catch (err) {
      run.logger.warning(`Could not read the usage of ${key.keyPrefix}: ${errorText(err)}.`);
    }
    run.report.leaked.push(use);
    const days = use.days === null ? 'usage unknown' : use.days.map((d) => `${d.date}: ${d.requests}`).join(', ') || 'no requests';
    run.logger.info(
      `${key.keyPrefix} (treated as leaked): last used ${key.lastUsedAt ?? 'never'}; ${use.total ?? '?'} request(s) in the last ${LEAK_USAGE_DAYS} days (${days}).`,
    );
  }
}

/** Deactivate a leaked key now, dropping its sealed secret in the same request so no rollback can bring it back. Returns when it died. */
export async function kill(run: Run, key: ManagedKey): Promise<Date> {
  await run.keys.deactivate(key.id, deactivated(run, withoutSealed(key.metadata)));
  const at = run.now();
  run.report.actions.push(`deactivated ${key.keyPrefix} (compromised)`);
  run.logger.warning(`Deactivated ${key.keyPrefix} at ${at.toISOString()}: treated as leaked, its secret no longer works anywhere.`);
  return at;
}

/** Overlap strategy: a new key, every active key of the name deactivated at once, every target written. */
export async function compromisedFlow(run: Run, state: FamilyState, all: readonly ManagedKey[]): Promise<RotationReport> {
  const { plan, logger } = run;
  const leaked = activeMembers(state);
  const [newest, ...older] = leaked as [ManagedKey, ...ManagedKey[]];
  run.setCurrent(newest);
  run.setOld(newest);
  await reportLeakedUse(run, leaked);
  if (plan.dryRun) {
    return run.dryRun([
      ...older.map((k) => `deactivate ${k.keyPrefix} now (compromised)`),
      `create a replacement for ${newest.keyPrefix}, then deactivate ${newest.keyPrefix} at once (compromised: no grace or idle period)`,
      'verify the new key with GET /me',
      `write it as ${plan.secretName} to ${run.stores.length} target(s); each holds a dead key from the deactivation until it is written`,
    ]);
  }

  // The older key first: the targets hold the newest (or, halfway, either), and at most two keys
  // of the name are ever active.
  const deaths = [];
  for (const key of older) deaths.push(await kill(run, key));
  const minted = await createReplacement(run, newest, { compromised: true, retryOf: earlierReplacement(newest, all) });
  logger.info(`Created ${minted.key.keyPrefix} to replace the compromised ${newest.keyPrefix}.`);
  const newestDied = await kill(run, newest);
  // Halfway (a rotation or a rollback), a target may hold either key, so its window opens with the first to die.
  const deadFrom = (state.kind === 'halfway' || state.kind === 'rolling-back') && deaths[0] ? deaths[0] : newestDied;

  const problem = await verifyProblem(run, minted.key, minted.secret);
  if (problem) {
    for (const store of run.stores) {
      const row = run.target(store);
      if (row) row.deadFrom = deadFrom.toISOString();
    }
    return run.fail(
      'failed',
      `${problem} No target was written, so every target holds the dead secret of ${newest.keyPrefix}. Run again with compromised: true.`,
    );
  }
  const failed = await writeAll(run, minted.secret, deadFrom);
  const after = await verifyProblem(run, minted.key, minted.secret);
  let delivered = minted;
  if (after) {
    // Another compromised run (a second dispatch) treated this key as leaked too and replaced it
    // while this run wrote it: deliver that key, so no target is left holding a dead one.
    const newer = await newerRotation(run, minted);
    const handed = newer ? await deliver(run, newer.minted, newer.predecessor, 1) : null;
    if (!handed) {
      if (run.report.failed) return run.report;
      const written = run.report.targets.filter((t) => t.result === 'updated').map((t) => t.label);
      return run.fail(
        'failed',
        `${after} It stopped working while this run wrote it (deactivated by another run or by hand), so ${written.join(', ') || 'no target'} may hold a dead key. ` +
          'Run again without compromised: the next run puts a working key in every target.',
      );
    }
    delivered = handed.minted;
  } else if (failed.length > 0) {
    return run.fail(
      'targets-failed',
      `${unwritten(run, failed)} They still hold the dead secret of ${newest.keyPrefix}: ` +
        `their consumers fail until a run writes them. Fix them and run again without compromised (${minted.key.keyPrefix} did not leak; the next run finishes delivering a key).`,
    );
  } else {
    await complete(run, minted);
  }
  const dead = leaked.map((k) => k.keyPrefix).join(', ');
  logger.info(`Every target holds ${delivered.key.keyPrefix} and it works; ${dead} no longer work${leaked.length === 1 ? 's' : ''}.`);
  await forgetSealed(run, delivered.key.name, [delivered.key.id]);
  await deleteOld(run, [delivered.key.id, ...leaked.map((k) => k.id)]);
  return run.finish('compromised');
}

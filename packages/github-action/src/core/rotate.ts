/**
 * The rotation core. It does no I/O of its own: the key API, the secret stores, the
 * logger and the clock are arguments, so the same code runs against DHMAD and GitHub
 * in the Action and against in-memory fakes in tests.
 *
 * Overlap strategy, in order:
 *   1. preflight (reads only; any failure ends the run having created nothing)
 *   2. create the replacement, mask it at once
 *   3. write every target
 *   4. verify the new key with GET /me
 *   5. retire the predecessor after the grace period (and, with idle-period, once nothing
 *      uses it); delete old deactivated ones
 *   6. if a target failed: leave both keys active, exit non-zero
 *   7. a later run reads the state back from the keys' metadata and finishes
 *
 * The other flows have their own modules: compromised.ts, rollback.ts, regenerate.ts.
 */
import { compromisedFlow } from './compromised.js';
import { REPLAY_WINDOW_MS, createReplacement, deliver, earlierReplacement, mint, replacementOptionsOf } from './deliver.js';
import type { Delivered } from './deliver.js';
import { formatDuration } from './duration.js';
import { isYoung, minAgeSkip } from './age.js';
import { META, isPending, secretIssuedAt } from './family.js';
import { preflight } from './preflight.js';
import { regenerateFlow } from './regenerate.js';
import { assess, deleteOld, describeUse, forgetSealed, inUseAlert, retire } from './retire.js';
import { rollbackFlow } from './rollback.js';
import { Run, errorText } from './run.js';
import type { Environment } from '@dhmad/sdk/key-format';
import type { Clock, KeyApi, Logger, ManagedKey, MintedKey, RotationOutcome, RotationPlan, RotationReport, SecretStore } from './types.js';

export { REPLAY_WINDOW_MS, replacementParams, rotationIdempotencyKey } from './deliver.js';
export { errorText } from './run.js';

/** Rotate the key named in `plan` and write it to every store. Never throws for expected failures. */
export async function rotate(
  plan: RotationPlan,
  keys: KeyApi,
  stores: readonly SecretStore[],
  logger: Logger,
  clock: Clock,
): Promise<RotationReport> {
  const run = new Run(plan, keys, stores, logger, clock);
  try {
    return await rotateIn(run);
  } catch (err) {
    // Whatever step this was, the keys' metadata says how far the run got, so a rerun is safe.
    return run.fail('failed', `The rotation stopped: ${errorText(err)}. Run again: the next run reads the state back from the keys and finishes it.`);
  }
}

async function rotateIn(run: Run): Promise<RotationReport> {
  const pre = await preflight(run);
  if (!pre) return run.report;
  const { state, all } = pre;
  const { plan } = run;

  if (state.kind === 'missing') return createFirst(run, state.name, pre.manager.environment);
  if (plan.compromised) return plan.strategy === 'regenerate' ? regenerateFlow(run, state, true) : compromisedFlow(run, state, all);
  // A rollback left halfway is finished by whichever run comes next: the schedule must not deliver the key being undone again.
  if (plan.rollback || state.kind === 'rolling-back') return rollbackFlow(run, state, all);
  if (plan.strategy === 'regenerate') return regenerateFlow(run, state, false);

  switch (state.kind) {
    case 'halfway':
      run.setOld(state.predecessor);
      return finishHalfway(run, state.pending, state.predecessor);
    case 'grace':
      return graceFlow(run, state.current, state.predecessor, state.completedAt, all);
    case 'steady':
      run.setCurrent(state.current);
      return rotateFrom(run, state.current, all);
  }
}

/** A completed rotation whose predecessor is still active: retire it once the plan allows, else wait. */
async function graceFlow(run: Run, current: ManagedKey, predecessor: ManagedKey, completedAt: Date, all: readonly ManagedKey[]): Promise<RotationReport> {
  const { plan, logger } = run;
  run.setCurrent(current);
  run.setOld(predecessor);
  const use = await assess(run, predecessor, completedAt, plan.idlePeriodMs > 0);
  run.report.predecessor = use;
  logger.info(describeUse(use, current));
  const alert = inUseAlert(run, use, current);

  if (plan.dryRun) {
    if (!use.retire) {
      return run.dryRun([
        `keep ${predecessor.keyPrefix} active: ${use.waitingFor.join('; ')}`,
        `start no new rotation of ${current.keyPrefix} until ${predecessor.keyPrefix} is retired`,
        ...(alert ? [`fail the run: ${predecessor.keyPrefix} is still in use past alert-after`] : []),
      ]);
    }
    const why = plan.idlePeriodMs > 0 ? `grace period over, unused since ${use.lastUsedAt !== null && use.usedSinceSwitch ? use.lastUsedAt : 'the switch'}` : 'grace period over';
    return run.dryRun([
      `deactivate ${predecessor.keyPrefix} (${why})`,
      ...(isYoung(run, current) ? [`keep ${current.keyPrefix}: younger than min-age`] : rotationSteps(run, current)),
    ]);
  }
  if (!use.retire) {
    logger.info(`Nothing to rotate until ${predecessor.keyPrefix} is retired; ${current.keyPrefix} is current.`);
    await deleteOld(run, [current.id, predecessor.id]);
    if (alert) return run.fail('in-use-alert', alert);
    const graceOver = run.now().getTime() >= completedAt.getTime() + plan.gracePeriodMs;
    return run.finish(graceOver ? 'skipped-in-use' : 'skipped-grace');
  }
  await retire(run, predecessor, plan.idlePeriodMs > 0 ? `unused for ${formatDuration(plan.idlePeriodMs)} since the switch; reversible in the dashboard` : undefined);
  return rotateFrom(run, current, all);
}

function rotationSteps(run: Run, current: ManagedKey): string[] {
  const { plan } = run;
  return [
    `create a replacement for ${current.keyPrefix} named "${current.name}"`,
    'verify the new key with GET /me',
    `write it as ${plan.secretName} to ${run.stores.length} target(s)`,
    retireStep(run, current),
  ];
}

function retireStep(run: Run, predecessor: ManagedKey): string {
  const { plan } = run;
  const waits = [
    ...(plan.gracePeriodMs > 0 ? [`for ${formatDuration(plan.gracePeriodMs)} (grace period)`] : []),
    ...(plan.idlePeriodMs > 0 ? [`until it has gone unused for ${formatDuration(plan.idlePeriodMs)} (idle-period)`] : []),
  ];
  return waits.length === 0
    ? `deactivate ${predecessor.keyPrefix} once every target holds the new key and it works`
    : `keep ${predecessor.keyPrefix} active ${waits.join(' and ')}, then a later run deactivates it`;
}

/**
 * A replacement of `current` that was being written when it stopped working (deactivated by
 * another run or by hand): targets may hold it, so the next rotation must not wait for min-age.
 */
function unfinishedReplacement(current: ManagedKey, all: readonly ManagedKey[]): ManagedKey | undefined {
  return all.find((k) => !k.isActive && isPending(k) && k.metadata[META.rotatedFrom] === current.id && Date.parse(k.createdAt) >= secretIssuedAt(current));
}

/** Steps 2-5 from a key with no rotation in progress. */
async function rotateFrom(run: Run, current: ManagedKey, all: readonly ManagedKey[]): Promise<RotationReport> {
  const { plan } = run;
  const unfinished = unfinishedReplacement(current, all);
  if (unfinished) {
    run.logger.info(
      `${unfinished.keyPrefix}, a replacement of ${current.keyPrefix}, stopped working before every target was confirmed to hold it; ` +
        'some may hold it, so this run rotates whatever min-age says.',
    );
  } else if (minAgeSkip(run, current)) {
    if (!plan.dryRun) await deleteOld(run, [current.id]);
    return run.finish('skipped-min-age');
  }
  if (plan.dryRun) return run.dryRun(rotationSteps(run, current));

  run.setOld(current);
  const minted = await createReplacement(run, current, { retryOf: earlierReplacement(current, all) });
  run.logger.info(`Created ${minted.key.keyPrefix} to replace ${current.keyPrefix}.`);
  return afterDelivery(run, await deliver(run, minted, current), 'rotated');
}

/**
 * Step 5 once every target holds the new key: retire the predecessor now, or say (truly) that
 * it stays active and until when; then clean up old deactivated keys.
 */
async function afterDelivery(run: Run, delivered: Delivered | null, outcome: RotationOutcome): Promise<RotationReport> {
  if (!delivered) return run.report;
  const { plan, logger } = run;
  const { minted, predecessor, completedAt } = delivered;
  const leaked = minted.key.metadata[META.compromised] === 'true';
  if (predecessor) {
    if (leaked || (plan.gracePeriodMs === 0 && plan.idlePeriodMs === 0)) {
      if ((await run.stateOf(predecessor)) === 'active') await retire(run, predecessor, leaked ? 'compromised: never kept' : undefined);
    } else if ((await run.stateOf(predecessor)) === 'active') {
      const use = await assess(run, predecessor, completedAt, false);
      run.report.predecessor = use;
      logger.info(`${predecessor.keyPrefix} stays active: ${use.waitingFor.join('; ')}. A run at or after ${use.retireFrom} may retire it.`);
    } else {
      logger.info(`${predecessor.keyPrefix} was already deactivated (by another run or by hand).`);
    }
  }
  // A rollback from here brings back `predecessor`, so its sealed copy stays; a leaked one's goes.
  await forgetSealed(run, minted.key.name, predecessor && !leaked ? [minted.key.id, predecessor.id] : [minted.key.id]);
  await deleteOld(run, predecessor ? [minted.key.id, predecessor.id] : [minted.key.id]);
  return run.finish(outcome);
}

/** Step 7: a replacement exists but its rotation never completed. */
async function finishHalfway(run: Run, pending: ManagedKey, predecessor: ManagedKey | null): Promise<RotationReport> {
  const { plan, logger } = run;
  run.setCurrent(pending);
  const age = run.now().getTime() - Date.parse(pending.createdAt);
  const from = pending.metadata[META.rotatedFrom];
  const replayable = from !== undefined && predecessor !== null && age < REPLAY_WINDOW_MS;
  // Replayed with the options it was created with; a compromised run's replacement also means its
  // predecessor leaked, so that goes as soon as the new key is everywhere.
  const options = replacementOptionsOf(pending);
  const leaked = options.compromised === true;
  logger.info(
    `Found a rotation left halfway: ${pending.keyPrefix} replaces ${predecessor?.keyPrefix ?? 'a key that is no longer active'}.`,
  );

  if (!replayable) {
    if (predecessor === null) {
      // The old key is gone, so only the new one can be held by anyone: rotating it normally
      // leaves at most two active keys and brings every target to one secret.
      logger.info(`${pending.keyPrefix} is the only active key of its name; rotating it to bring every target to one secret.`);
      return rotateFrom(run, { ...pending, createdAt: new Date(0).toISOString() }, []);
    }
    return run.fail(
      'failed',
      `The rotation from ${predecessor.keyPrefix} to ${pending.keyPrefix} was left halfway ${formatDuration(age)} ago, ` +
        "longer than the API's 24 h idempotency window, so the new secret cannot be recovered and some targets may hold either key. " +
        'Finishing it would need a third active key. To recover: deactivate whichever of the two no consumer uses ' +
        `(or deactivate ${pending.keyPrefix} and accept that targets it reached fail until this action runs again), then run again.`,
    );
  }
  if (plan.dryRun) {
    return run.dryRun([
      `recover the secret of ${pending.keyPrefix} (replaying its create)`,
      'verify the new key with GET /me',
      `write it as ${plan.secretName} to ${run.stores.length} target(s)`,
      leaked ? `deactivate ${predecessor.keyPrefix} (it was compromised)` : retireStep(run, predecessor),
    ]);
  }

  let minted: MintedKey;
  try {
    minted = await createReplacement(run, predecessor, options);
  } catch (err) {
    return run.fail(
      'failed',
      `Could not recover the secret of ${pending.keyPrefix}: ${errorText(err)}. If ${predecessor.keyPrefix}'s settings changed since the rotation began, restore them, or deactivate whichever key no consumer uses, then run again.`,
    );
  }
  if (minted.key.id !== pending.id) {
    // The API minted a key instead of replaying: no target holds it, so it goes at once.
    await run.keys.delete(minted.key.id);
    run.setCurrent(pending);
    run.report.actions.push(`deleted ${minted.key.keyPrefix} (minted instead of replayed)`);
    return run.fail(
      'failed',
      `The API did not replay the create of ${pending.keyPrefix}, so its secret cannot be recovered. ` +
        `Deactivate whichever of ${predecessor.keyPrefix} and ${pending.keyPrefix} no consumer uses, then run again.`,
    );
  }
  logger.info(`Recovered the secret of ${pending.keyPrefix}.`);
  return afterDelivery(run, await deliver(run, minted, predecessor), 'completed-pending');
}

/** create-if-missing: no key of the name exists, so make the first one and seed every target with it. */
async function createFirst(run: Run, name: string, environment: Environment): Promise<RotationReport> {
  const { plan, logger } = run;
  if (plan.dryRun) {
    return run.dryRun([
      `create the ${environment} key "${name}" (create-if-missing: no key of that name exists)`,
      'verify it with GET /me',
      `write it as ${plan.secretName} to ${run.stores.length} target(s)`,
    ]);
  }
  const minted = await mint(run, () =>
    run.keys.create(
      { name, environment, expiresAt: null, metadata: { [META.state]: 'pending' }, scopes: [] },
      // Only this run's own retries may replay it: a later run finds the key by its name.
      `dhmad-create-${environment}-${run.now().getTime()}`,
    ),
  );
  logger.info(`Created ${minted.key.keyPrefix} named "${name}" (create-if-missing).`);
  return afterDelivery(run, await deliver(run, minted, null), 'created');
}

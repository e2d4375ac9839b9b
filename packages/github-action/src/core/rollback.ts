/**
 * `rollback: true`: undo the latest rotation when the new key breaks something. The key it
 * replaced is reactivated if needed, proven to work, written back to every target and proven
 * again; only then is the newer key deactivated. DHMAD shows a secret once and GitHub never
 * returns one, so the restored secret comes from the key's own metadata, where the run that
 * delivered it sealed it for the management key (KeyApi.seal).
 *
 * A rollback never goes back two rotations: when the current key's successor was already undone
 * (a finished rollback run again, or one that stopped after deactivating the newer key), the key
 * it brings back is the current key itself, written to every target again. The newer key is
 * marked `rolling-back` before anything changes, so whatever stops this run, the next run (a
 * rollback or the schedule) finishes the rollback instead of delivering the newer key again.
 *
 * Everything that can refuse is checked before anything changes: no rotation to undo, a
 * compromised rotation (its predecessor leaked), a predecessor deleted or of another name, a
 * secret that was never sealed or was sealed by another management key, an expired key.
 */
import { unwritten, verifyProblem, writeAll } from './deliver.js';
import { META, activeMembers, withoutSealed } from './family.js';
import type { FamilyState } from './family.js';
import { deactivated, forgetSealed } from './retire.js';
import type { Run } from './run.js';
import type { ManagedKey, RotationReport } from './types.js';

const refuse = (run: Run, message: string): RotationReport => run.fail('preflight-failed', `${message} Nothing was changed.`);

interface Undo {
  /** The key every target gets back. */
  restoring: ManagedKey;
  /** The key of the rotation being undone (inactive when an earlier rollback already deactivated it). */
  newer: ManagedKey;
  /** The rotation was already undone; this run writes `restoring` to every target again. */
  again: boolean;
}

/** Which rotation to undo, or the refusal (the report) when there is none that may be. */
function whatToUndo(run: Run, state: FamilyState, all: readonly ManagedKey[]): Undo | RotationReport {
  const { logger } = run;
  if (state.kind === 'rolling-back') {
    logger.info(`Found a rollback left halfway, from ${state.newer.keyPrefix} back to ${state.restoring.keyPrefix}: finishing it.`);
    return { restoring: state.restoring, newer: state.newer, again: false };
  }
  const current = activeMembers(state)[0]!;
  const undone = all
    .filter((k) => !k.isActive && k.name === current.name && k.metadata[META.rotatedFrom] === current.id)
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))[0];
  if (undone) {
    logger.info(
      `The latest rotation, from ${current.keyPrefix} to ${undone.keyPrefix}, was already undone (${undone.keyPrefix} is deactivated): ` +
        `writing ${current.keyPrefix} to every target again.`,
    );
    return { restoring: current, newer: undone, again: true };
  }
  const fromId = current.metadata[META.rotatedFrom];
  if (fromId === undefined) {
    return refuse(run, `${current.keyPrefix} was not made by a rotation of this action (its metadata names no predecessor), so there is no rotation to roll back.`);
  }
  if (current.metadata[META.compromised] === 'true') {
    return refuse(
      run,
      `The latest rotation made ${current.keyPrefix} because its predecessor was compromised; rolling back would bring a leaked secret back. ` +
        'If the new key breaks something, fix that consumer, or rotate again.',
    );
  }
  const predecessor = all.find((k) => k.id === fromId);
  run.report.oldKeyId = fromId;
  if (!predecessor) {
    return refuse(
      run,
      `The predecessor of ${current.keyPrefix} (id ${fromId}) was deleted (by delete-after or by hand), and its secret with it, so it cannot be brought back.`,
    );
  }
  // Metadata is editable by any keys:manage key: a predecessor outside the family is not a
  // rollback, it would write another key (which this management key may also have sealed) into these targets.
  if (predecessor.name !== current.name || predecessor.environment !== current.environment) {
    run.setOld(null);
    return refuse(
      run,
      `${current.keyPrefix}'s metadata names as its predecessor ${predecessor.keyPrefix}, a key named "${predecessor.name}", not "${current.name}": ` +
        `a rotation of this action never does that, so ${META.rotatedFrom} was edited. Fix it in the dashboard, or put the key you want in the targets by hand.`,
    );
  }
  return { restoring: predecessor, newer: current, again: false };
}

export async function rollbackFlow(run: Run, state: FamilyState, all: readonly ManagedKey[]): Promise<RotationReport> {
  const { plan, logger, keys } = run;
  run.setCurrent(activeMembers(state)[0]!);
  const undo = whatToUndo(run, state, all);
  if (!('restoring' in undo)) return undo;
  const { restoring, newer, again } = undo;
  run.setOld(restoring);

  const sealed = restoring.metadata[META.sealed];
  const secret = sealed === undefined ? null : keys.unseal(restoring.id, sealed);
  if (secret === null) {
    return refuse(
      run,
      `The secret of ${restoring.keyPrefix} cannot be recovered: ${
        sealed === undefined
          ? 'this action did not deliver it (a key made by hand, or before rollback existed), so it kept no sealed copy'
          : 'its sealed copy opens only with the management key that sealed it, and that is another key (was the management key replaced since?)'
      }.`,
    );
  }
  logger.setSecret(secret);
  if (restoring.expiresAt !== null && Date.parse(restoring.expiresAt) <= run.now().getTime()) {
    return refuse(run, `${restoring.keyPrefix} expired at ${restoring.expiresAt}; it would not work again.`);
  }
  if (plan.dryRun) {
    return run.dryRun([
      ...(restoring.isActive ? [] : [`reactivate ${restoring.keyPrefix}`]),
      `verify ${restoring.keyPrefix} with GET /me`,
      `write it ${again ? 'again' : 'back'} as ${plan.secretName} to ${run.stores.length} target(s)`,
      ...(newer.isActive ? [`deactivate ${newer.keyPrefix}`] : []),
    ]);
  }

  // Before anything changes: from here targets may come to hold `restoring`.
  const marked = newer.isActive && newer.metadata[META.state] !== 'rolling-back';
  if (marked) await keys.setMetadata(newer.id, { ...newer.metadata, [META.state]: 'rolling-back' });
  if (!restoring.isActive) {
    await keys.activate(restoring.id);
    run.report.actions.push(`reactivated ${restoring.keyPrefix}`);
    logger.info(`Reactivated ${restoring.keyPrefix}.`);
  }
  const before = await verifyProblem(run, restoring, secret, again ? 'current key' : 'predecessor');
  if (before) {
    if (!restoring.isActive) await keys.deactivate(restoring.id, restoring.metadata);
    if (marked) await keys.setMetadata(newer.id, newer.metadata);
    return run.fail(
      'failed',
      `${before} No target was written; ${newer.isActive ? `${newer.keyPrefix} stays current` : 'nothing was changed'}${restoring.isActive ? '' : ` and ${restoring.keyPrefix} was deactivated again`}.`,
    );
  }
  run.setCurrent(restoring);
  run.setOld(newer);
  const failed = await writeAll(run, secret);
  const after = await verifyProblem(run, restoring, secret, again ? 'current key' : 'predecessor');
  if (failed.length > 0 || after) {
    return run.fail(
      'targets-failed',
      `${after ?? unwritten(run, failed)} ` +
        (newer.isActive ? `Both ${restoring.keyPrefix} and ${newer.keyPrefix} stay active, so every target holds a working key. ` : '') +
        'Fix the failures and run again: the next run, a rollback or the schedule, finishes the rollback.',
    );
  }
  // min-age counts from the rollback, so the next scheduled run does not rotate straight away.
  const { [META.deactivatedAt]: _, ...active } = restoring.metadata;
  await keys.setMetadata(restoring.id, {
    ...active,
    [META.rolledBackAt]: again ? (restoring.metadata[META.rolledBackAt] ?? run.now().toISOString()) : run.now().toISOString(),
  });
  const done = withoutSealed({ ...newer.metadata, [META.state]: 'rolled-back' });
  if (newer.isActive) {
    await keys.deactivate(newer.id, deactivated(run, done));
    run.report.actions.push(`deactivated ${newer.keyPrefix}`);
  } else if (newer.metadata[META.state] !== 'rolled-back' || newer.metadata[META.sealed] !== undefined) {
    await keys.setMetadata(newer.id, done);
  }
  await forgetSealed(run, restoring.name, [restoring.id]);
  run.report.rotated = true;
  logger.info(
    `Every target holds ${restoring.keyPrefix} again and it works; ` +
      (newer.isActive ? `deactivated ${newer.keyPrefix} (reversible in the dashboard).` : `${newer.keyPrefix} stays deactivated.`),
  );
  return run.finish('rolled-back');
}

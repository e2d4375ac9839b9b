/**
 * `rollback: true`: undo the latest rotation when the new key breaks something. The
 * predecessor is reactivated if needed, proven to work, written back to every target and
 * proven again; only then is the newer key deactivated. DHMAD shows a secret once and GitHub
 * never returns one, so the predecessor's secret comes from its own metadata, where the run
 * that delivered it sealed it for the management key (KeyApi.seal).
 *
 * Everything that can refuse is checked before anything changes: no rotation to undo, a
 * compromised rotation (its predecessor leaked), a deleted predecessor, a secret that was
 * never sealed or was sealed by another management key, an expired predecessor.
 */
import { verifyProblem, writeAll } from './deliver.js';
import { META, activeMembers } from './family.js';
import type { FamilyState } from './family.js';
import type { Run } from './run.js';
import type { ManagedKey, RotationReport } from './types.js';

const refuse = (run: Run, message: string): RotationReport => run.fail('preflight-failed', `${message} Nothing was changed.`);

export async function rollbackFlow(run: Run, state: FamilyState, all: readonly ManagedKey[]): Promise<RotationReport> {
  const { plan, logger } = run;
  const newer = activeMembers(state)[0]!;
  run.setCurrent(newer);
  const fromId = newer.metadata[META.rotatedFrom];
  if (fromId === undefined) {
    return refuse(run, `${newer.keyPrefix} was not made by a rotation of this action (its metadata names no predecessor), so there is no rotation to roll back.`);
  }
  if (newer.metadata[META.compromised] === 'true') {
    return refuse(
      run,
      `The latest rotation made ${newer.keyPrefix} because its predecessor was compromised; rolling back would bring a leaked secret back. ` +
        'If the new key breaks something, fix that consumer, or rotate again.',
    );
  }
  const predecessor = all.find((k) => k.id === fromId);
  run.report.oldKeyId = fromId;
  if (!predecessor) {
    return refuse(
      run,
      `The predecessor of ${newer.keyPrefix} (id ${fromId}) was deleted (by delete-after or by hand), and its secret with it, so it cannot be brought back.`,
    );
  }
  run.setOld(predecessor);
  const sealed = predecessor.metadata[META.sealed];
  const secret = sealed === undefined ? null : run.keys.unseal(predecessor.id, sealed);
  if (secret === null) {
    return refuse(
      run,
      `The secret of ${predecessor.keyPrefix} cannot be recovered: ${sealed === undefined ? 'this action did not deliver it (a key made by hand, or before rollback existed), so it kept no sealed copy' : 'its sealed copy opens only with the management key that sealed it, and that is another key'}.`,
    );
  }
  logger.setSecret(secret);
  if (predecessor.expiresAt !== null && Date.parse(predecessor.expiresAt) <= run.now().getTime()) {
    return refuse(run, `${predecessor.keyPrefix} expired at ${predecessor.expiresAt}; it would not work again.`);
  }
  if (plan.dryRun) {
    return run.dryRun([
      ...(predecessor.isActive ? [] : [`reactivate ${predecessor.keyPrefix}`]),
      `verify ${predecessor.keyPrefix} with GET /me`,
      `write it back as ${plan.secretName} to ${run.stores.length} target(s)`,
      `deactivate ${newer.keyPrefix}`,
    ]);
  }

  if (!predecessor.isActive) {
    await run.keys.activate(predecessor.id);
    run.report.actions.push(`reactivated ${predecessor.keyPrefix}`);
    logger.info(`Reactivated ${predecessor.keyPrefix}.`);
  }
  const before = await verifyProblem(run, predecessor, secret, 'predecessor');
  if (before) {
    if (!predecessor.isActive) await run.keys.deactivate(predecessor.id);
    return run.fail('failed', `${before} No target was written; ${newer.keyPrefix} stays current${predecessor.isActive ? '' : ` and ${predecessor.keyPrefix} was deactivated again`}.`);
  }
  // From here targets may hold the predecessor: marked unfinished, a later run never retires it
  // with the grace period of a rotation that is being undone.
  await run.keys.setMetadata(newer.id, { ...newer.metadata, [META.state]: 'pending' });
  run.setCurrent(predecessor);
  run.setOld(newer);
  const failed = await writeAll(run, secret);
  const after = await verifyProblem(run, predecessor, secret, 'predecessor');
  if (failed.length > 0 || after) {
    return run.fail(
      'targets-failed',
      `${after ?? `${failed.length} of ${run.stores.length} targets could not be written: ${failed.join(', ')}.`} ` +
        `Both ${predecessor.keyPrefix} and ${newer.keyPrefix} stay active, so every target holds a working key. Fix the failures and run rollback again.`,
    );
  }
  await run.keys.deactivate(newer.id);
  run.report.actions.push(`deactivated ${newer.keyPrefix}`);
  // Rolled back, not unfinished; and min-age counts from now, so the next scheduled run does not rotate straight away.
  await run.keys.setMetadata(newer.id, { ...newer.metadata, [META.state]: 'rolled-back' });
  await run.keys.setMetadata(predecessor.id, { ...predecessor.metadata, [META.rolledBackAt]: run.now().toISOString() });
  run.report.rotated = true;
  logger.info(`Every target holds ${predecessor.keyPrefix} again and it works; deactivated ${newer.keyPrefix} (reversible in the dashboard).`);
  return run.finish('rolled-back');
}

/**
 * `strategy: regenerate`: same key id, new secret, the old secret dies at once, so every
 * target holds a dead key from the regeneration until it is written (the summary shows
 * each window). With `compromised: true` it also runs mid-rotation: the other active key
 * of the name is deactivated first, and min-age does not apply.
 */
import { minAgeSkip } from './age.js';
import { kill, reportLeakedUse } from './compromised.js';
import { mint, unwritten, verifyProblem, writeAll } from './deliver.js';
import { META, activeMembers } from './family.js';
import type { FamilyState } from './family.js';
import { errorText } from './run.js';
import { forgetSealed } from './retire.js';
import type { Run } from './run.js';
import type { ManagedKey, RotationReport } from './types.js';

export async function regenerateFlow(run: Run, state: FamilyState, compromised: boolean): Promise<RotationReport> {
  const { plan, logger } = run;
  const [current, ...others] = activeMembers(state) as [ManagedKey, ...ManagedKey[]];
  if (others.length > 0 && !compromised) {
    return run.fail(
      'preflight-failed',
      `strategy: regenerate needs exactly one active key, but an overlap rotation is in progress (${[current, ...others]
        .map((k) => k.keyPrefix)
        .join(', ')}). Finish it with strategy: overlap first.`,
    );
  }
  run.setCurrent(current);
  if (compromised) await reportLeakedUse(run, [current, ...others]);
  else if (minAgeSkip(run, current)) return run.finish('skipped-min-age');
  if (plan.dryRun) {
    return run.dryRun([
      ...others.map((k) => `deactivate ${k.keyPrefix} now (compromised)`),
      `regenerate ${current.keyPrefix}: its current secret stops working at once`,
      `write the new secret as ${plan.secretName} to ${run.stores.length} target(s); each holds a dead key until it is written`,
      'verify it with GET /me',
    ]);
  }
  run.setOld(current);
  for (const key of others) await kill(run, key);
  const minted = await mint(run, () => run.keys.regenerate(current.id, `dhmad-regenerate-${current.id}-${current.updatedAt}`));
  const diedAt = run.now();
  logger.warning(`Regenerated ${current.keyPrefix} -> ${minted.key.keyPrefix}: the old secret no longer works anywhere.`);
  const failed = await writeAll(run, minted.secret, diedAt);
  const problem = await verifyProblem(run, minted.key, minted.secret);
  if (failed.length > 0) {
    return run.fail(
      'targets-failed',
      `${unwritten(run, failed)} ` +
        'They hold the old secret, which no longer works (strategy: regenerate). Fix them and run again, or switch to strategy: overlap.',
    );
  }
  if (problem) return run.fail('failed', problem);
  run.report.rotated = true;
  // Recorded only on success: after a failed target the next run must regenerate again,
  // whatever min-age says, because that target holds a dead secret.
  try {
    await run.keys.setMetadata(current.id, {
      ...minted.key.metadata,
      [META.regeneratedAt]: run.now().toISOString(),
      [META.state]: 'complete',
      [META.sealed]: run.keys.seal(current.id, minted.secret),
      ...(compromised ? { [META.compromised]: 'true' } : {}),
    });
  } catch (err) {
    logger.warning(
      `Could not record the regeneration in ${minted.key.keyPrefix}'s metadata (${errorText(err)}); min-age counts from the key's creation until a later run records it.`,
    );
  }
  await forgetSealed(run, current.name, [current.id]);
  return run.finish(compromised ? 'compromised' : 'regenerated');
}

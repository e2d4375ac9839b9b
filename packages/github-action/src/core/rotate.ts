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
 *   5. retire the predecessor after the grace period; delete old deactivated ones
 *   6. if a target failed: leave both keys active, exit non-zero
 *   7. a later run reads the state back from the keys' metadata and finishes
 */
import { redactText } from '@dhmad/sdk/key-format';
import { mapLimit } from './concurrency.js';
import { FamilyError, META, familyNameById, readFamily, secretIssuedAt, userMetadata } from './family.js';
import type { FamilyState } from './family.js';
import { formatDuration } from './duration.js';
import type {
  Clock,
  CreateKeyParams,
  KeyApi,
  KeyIdentity,
  Logger,
  ManagedKey,
  MintedKey,
  RotationOutcome,
  RotationPlan,
  RotationReport,
  SecretStore,
  TargetReport,
} from './types.js';

/**
 * The API replays a POST's first response for 24 h per `Idempotency-Key`. A rotation
 * left halfway is finished by replaying its create, which hands back the same secret;
 * an hour's margin keeps the replay from expiring between the check and the call.
 */
export const REPLAY_WINDOW_MS = 23 * 60 * 60 * 1000;

/** The idempotency key of the create that replaces `predecessorId`: the same on every run. */
export function rotationIdempotencyKey(predecessorId: string): string {
  return `dhmad-rotate-${predecessorId}`;
}

/**
 * Printable text of any error, with anything key-shaped cut to its keyPrefix and no closing
 * full stop, so it reads inside a sentence that supplies its own punctuation.
 */
export function errorText(err: unknown): string {
  return redactText(err instanceof Error ? err.message : String(err)).replace(/[.\s]+$/, '');
}

class Run {
  readonly report: RotationReport;
  constructor(
    readonly plan: RotationPlan,
    readonly keys: KeyApi,
    readonly stores: readonly SecretStore[],
    readonly logger: Logger,
    readonly clock: Clock,
  ) {
    this.report = {
      outcome: 'failed',
      rotated: false,
      failed: false,
      keyId: null,
      keyPrefix: null,
      oldKeyId: null,
      oldKeyPrefix: null,
      targets: stores.map((s) => ({ scope: s.scope, label: s.label, result: 'unchanged', at: null })),
      actions: [],
      errors: [],
    };
  }

  fail(outcome: RotationOutcome, message: string): RotationReport {
    this.logger.error(redactText(message));
    this.report.errors.push(redactText(message));
    this.report.outcome = outcome;
    this.report.failed = true;
    return this.report;
  }

  finish(outcome: RotationOutcome): RotationReport {
    this.report.outcome = outcome;
    return this.report;
  }

  now(): Date {
    return this.clock.now();
  }
}

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
  const { state } = pre;
  const { plan, logger } = run;

  if (plan.strategy === 'regenerate') return regenerateFlow(run, state);

  switch (state.kind) {
    case 'halfway':
      run.report.oldKeyId = state.predecessor?.id ?? null;
      run.report.oldKeyPrefix = state.predecessor?.keyPrefix ?? null;
      return finishHalfway(run, state.pending, state.predecessor);
    case 'grace': {
      setCurrent(run, state.current);
      run.report.oldKeyId = state.predecessor.id;
      run.report.oldKeyPrefix = state.predecessor.keyPrefix;
      const due = graceDue(run, state.completedAt);
      if (!due) {
        const until = new Date(state.completedAt.getTime() + plan.gracePeriodMs).toISOString();
        logger.info(
          `${state.predecessor.keyPrefix} is in its grace period until ${until}; ${state.current.keyPrefix} is current. ` +
            'Nothing to rotate until the predecessor is retired.',
        );
        if (plan.dryRun) return dryRunReport(run, ['wait for the grace period to end']);
        await deleteOld(run, [state.current.id, state.predecessor.id]);
        return run.finish('skipped-grace');
      }
      if (plan.dryRun) {
        const young = isYoung(run, state.current);
        return dryRunReport(run, [
          `deactivate ${state.predecessor.keyPrefix} (grace period over)`,
          ...(young ? [`keep ${state.current.keyPrefix}: younger than min-age`] : rotationSteps(run, state.current)),
        ]);
      }
      await retire(run, state.predecessor);
      return rotateFrom(run, state.current);
    }
    case 'steady':
      setCurrent(run, state.current);
      return rotateFrom(run, state.current);
  }
}

function setCurrent(run: Run, key: ManagedKey): void {
  run.report.keyId = key.id;
  run.report.keyPrefix = key.keyPrefix;
}

interface Preflight {
  state: FamilyState;
}

/** Step 1: reads only. On failure the report says why and nothing was created or changed. */
async function preflight(run: Run): Promise<Preflight | null> {
  const { keys, plan, logger } = run;
  let manager: KeyIdentity;
  try {
    manager = await keys.whoami();
  } catch (err) {
    run.fail('preflight-failed', `The management key does not work (GET /me): ${errorText(err)}.`);
    return null;
  }
  if (!manager.isActive) {
    run.fail('preflight-failed', `The management key ${manager.keyPrefix} is inactive. Reactivate it or use another key with the keys:manage scope.`);
    return null;
  }
  logger.info(`Management key ${manager.keyPrefix} (${manager.environment}) works.`);

  let all: ManagedKey[];
  try {
    all = await keys.list();
  } catch (err) {
    const text = errorText(err);
    run.fail(
      'preflight-failed',
      `The management key ${manager.keyPrefix} cannot list keys: ${text}.${/keys:manage/.test(text) ? '' : ' It needs the keys:manage scope.'}`,
    );
    return null;
  }

  let name = plan.keyName;
  if (plan.keyId !== null) {
    name = familyNameById(all, plan.keyId);
    if (name === null) {
      run.fail(
        'preflight-failed',
        `No ${manager.environment} key with id ${plan.keyId}, nor a key that replaced it, exists for this account. ` +
          'Check key-id, and that the management key is of the same environment; or name the key with key-name instead.',
      );
      return null;
    }
  }
  const family = all.filter((k) => k.name === name && k.environment === manager.environment);
  if (family.length === 0) {
    run.fail(
      'preflight-failed',
      `No active DHMAD key named "${name}" exists in the ${manager.environment} environment, the only one the management key ` +
        `${manager.keyPrefix} can manage. Check key-name, and use a management key of the same environment as the key to rotate.`,
    );
    return null;
  }
  let state: FamilyState;
  try {
    state = readFamily(family, name ?? '');
  } catch (err) {
    if (err instanceof FamilyError) {
      run.fail('preflight-failed', err.message);
      return null;
    }
    throw err;
  }
  const members = state.kind === 'halfway' ? [state.pending, state.predecessor] : state.kind === 'grace' ? [state.current, state.predecessor] : [state.current];
  if (members.some((k) => k?.id === manager.id)) {
    run.fail(
      'preflight-failed',
      `The management key ${manager.keyPrefix} is the key to rotate. Use a separate key with the keys:manage scope as management-key, so the rotation never disables its own credentials.`,
    );
    return null;
  }

  const failures: string[] = [];
  await mapLimit(run.stores, plan.concurrency, async (store) => {
    try {
      await store.preflight();
    } catch (err) {
      const message = errorText(err);
      failures.push(`${store.label}: ${message}`);
      markTarget(run, store, 'failed', null, message);
    }
  });
  if (failures.length > 0) {
    run.fail(
      'preflight-failed',
      `Preflight failed for ${failures.length} of ${run.stores.length} targets; nothing was created or changed:\n- ${failures.join('\n- ')}`,
    );
    return null;
  }
  logger.info(`Preflight passed: ${run.stores.length} target(s) reachable, their public keys readable.`);
  return { state };
}

function markTarget(run: Run, store: SecretStore, result: TargetReport['result'], at: Date | null, error?: string): void {
  const t = run.report.targets.find((r) => r.label === store.label);
  if (!t) return;
  t.result = result;
  t.at = at ? at.toISOString() : null;
  if (error === undefined) delete t.error;
  else t.error = error;
}

function graceDue(run: Run, completedAt: Date): boolean {
  return run.now().getTime() >= completedAt.getTime() + run.plan.gracePeriodMs;
}

function rotationSteps(run: Run, current: ManagedKey): string[] {
  const { plan } = run;
  const retireStep =
    plan.gracePeriodMs === 0
      ? `deactivate ${current.keyPrefix} once every target holds the new key and it works`
      : `keep ${current.keyPrefix} active for ${formatDuration(plan.gracePeriodMs)} (grace period), then a later run deactivates it`;
  return [
    `create a replacement for ${current.keyPrefix} named "${current.name}"`,
    'verify the new key with GET /me',
    `write it as ${plan.secretName} to ${run.stores.length} target(s)`,
    retireStep,
  ];
}

function dryRunReport(run: Run, steps: string[]): RotationReport {
  run.logger.info(`Dry run: nothing was created or changed. The plan:\n${steps.map((s, i) => `  ${i + 1}. ${s}`).join('\n')}`);
  for (const store of run.stores) markTarget(run, store, 'planned', null);
  return run.finish('dry-run');
}

// The age of the secret, not of the key id: a regenerated key is as young as its new secret.
function secretAge(run: Run, key: ManagedKey): number {
  return run.now().getTime() - secretIssuedAt(key);
}

function isYoung(run: Run, current: ManagedKey): boolean {
  return secretAge(run, current) < run.plan.minAgeMs;
}

function minAgeSkip(run: Run, current: ManagedKey): boolean {
  if (!isYoung(run, current)) return false;
  const age = secretAge(run, current);
  run.logger.info(
    `${current.keyPrefix} is ${formatDuration(Math.max(0, age))} old, younger than min-age ${formatDuration(run.plan.minAgeMs)}: not rotating.`,
  );
  return true;
}

/** Steps 2-5 from a key with no rotation in progress. */
async function rotateFrom(run: Run, current: ManagedKey): Promise<RotationReport> {
  const { plan } = run;
  if (minAgeSkip(run, current)) {
    if (!plan.dryRun) await deleteOld(run, [current.id]);
    return run.finish('skipped-min-age');
  }
  if (plan.dryRun) return dryRunReport(run, rotationSteps(run, current));

  run.report.oldKeyId = current.id;
  run.report.oldKeyPrefix = current.keyPrefix;
  const minted = await mint(run, () => run.keys.create(replacementParams(current), rotationIdempotencyKey(current.id)));
  run.logger.info(`Created ${minted.key.keyPrefix} to replace ${current.keyPrefix}.`);
  return deliver(run, minted, current, 'rotated');
}

/**
 * The create request for `predecessor`'s replacement. A function of the predecessor only,
 * so a rerun sends the very same request and the API replays the first response.
 */
export function replacementParams(predecessor: ManagedKey): CreateKeyParams {
  return {
    name: predecessor.name,
    environment: predecessor.environment,
    rateLimit: predecessor.rateLimit,
    // A fixed expiry belongs to the key it was set on; copying it would make the
    // replacement die on the old key's date.
    expiresAt: null,
    metadata: {
      ...userMetadata(predecessor),
      [META.rotatedFrom]: predecessor.id,
      [META.origin]: predecessor.metadata[META.origin] ?? predecessor.id,
      [META.state]: 'pending',
    },
    scopes: [...predecessor.scopes],
  };
}

/** Call the API for a new secret and mask it before anything else can see it. */
async function mint(run: Run, call: () => Promise<MintedKey>): Promise<MintedKey> {
  const minted = await call();
  run.logger.setSecret(minted.secret);
  setCurrent(run, minted.key);
  return minted;
}

/** Step 7: a replacement exists but its rotation never completed. */
async function finishHalfway(
  run: Run,
  pending: ManagedKey,
  predecessor: ManagedKey | null,
): Promise<RotationReport> {
  const { plan, logger } = run;
  setCurrent(run, pending);
  const age = run.now().getTime() - Date.parse(pending.createdAt);
  const from = pending.metadata[META.rotatedFrom];
  const replayable = from !== undefined && predecessor !== null && age < REPLAY_WINDOW_MS;
  logger.info(
    `Found a rotation left halfway: ${pending.keyPrefix} replaces ${predecessor?.keyPrefix ?? 'a key that is no longer active'}.`,
  );

  if (!replayable) {
    if (predecessor === null) {
      // The old key is gone, so only the new one can be held by anyone: rotating it normally
      // leaves at most two active keys and brings every target to one secret.
      logger.info(`${pending.keyPrefix} is the only active key of its name; rotating it to bring every target to one secret.`);
      return rotateFrom(run, { ...pending, createdAt: new Date(0).toISOString() });
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
    return dryRunReport(run, [
      `recover the secret of ${pending.keyPrefix} (replaying its create)`,
      'verify the new key with GET /me',
      `write it as ${plan.secretName} to ${run.stores.length} target(s)`,
      plan.gracePeriodMs === 0 ? `deactivate ${predecessor.keyPrefix}` : `keep ${predecessor.keyPrefix} for the grace period`,
    ]);
  }

  let minted: MintedKey;
  try {
    minted = await mint(run, () => run.keys.create(replacementParams(predecessor), rotationIdempotencyKey(predecessor.id)));
  } catch (err) {
    return run.fail(
      'failed',
      `Could not recover the secret of ${pending.keyPrefix}: ${errorText(err)}. If ${predecessor.keyPrefix}'s settings changed since the rotation began, restore them, or deactivate whichever key no consumer uses, then run again.`,
    );
  }
  if (minted.key.id !== pending.id) {
    // The API minted a key instead of replaying: no target holds it, so it goes at once.
    await run.keys.delete(minted.key.id);
    setCurrent(run, pending);
    run.report.actions.push(`deleted ${minted.key.keyPrefix} (minted instead of replayed)`);
    return run.fail(
      'failed',
      `The API did not replay the create of ${pending.keyPrefix}, so its secret cannot be recovered. ` +
        `Deactivate whichever of ${predecessor.keyPrefix} and ${pending.keyPrefix} no consumer uses, then run again.`,
    );
  }
  logger.info(`Recovered the secret of ${pending.keyPrefix}.`);
  return deliver(run, minted, predecessor, 'completed-pending');
}

/** Steps 3-6 for an overlap rotation: write, verify, complete, retire. */
async function deliver(run: Run, minted: MintedKey, predecessor: ManagedKey, outcome: RotationOutcome): Promise<RotationReport> {
  const { plan, logger } = run;
  // Checked before any target sees it: a target must never receive a key that does not work.
  const problem = await verifyProblem(run, minted);
  if (problem) {
    return run.fail('failed', `${problem} No target was written; ${predecessor.keyPrefix} is untouched and still active.`);
  }
  const failed = await writeAll(run, minted.secret);
  if (failed.length > 0) {
    return run.fail(
      'targets-failed',
      `${failed.length} of ${run.stores.length} targets could not be written: ${failed.join(', ')}. ` +
        `They still hold ${predecessor.keyPrefix}, which stays active; the others hold ${minted.key.keyPrefix}. ` +
        'Fix the failures and run again: the next run finishes this rotation.',
    );
  }
  const after = await verifyProblem(run, minted);
  if (after) {
    return run.fail('failed', `${after} ${predecessor.keyPrefix} stays active.`);
  }
  const completedAt = run.now();
  await run.keys.setMetadata(minted.key.id, {
    ...minted.key.metadata,
    [META.rotatedFrom]: predecessor.id,
    [META.state]: 'complete',
    [META.completedAt]: completedAt.toISOString(),
  });
  run.report.rotated = true;
  logger.info(`Every target holds ${minted.key.keyPrefix} and it works.`);
  if (plan.gracePeriodMs === 0) {
    await retire(run, predecessor);
  } else {
    const until = new Date(completedAt.getTime() + plan.gracePeriodMs).toISOString();
    logger.info(`${predecessor.keyPrefix} stays active until ${until} (grace-period); the first run after that deactivates it.`);
  }
  await deleteOld(run, [minted.key.id, predecessor.id]);
  return run.finish(outcome);
}

async function verifyProblem(run: Run, minted: MintedKey): Promise<string | null> {
  let me: KeyIdentity;
  try {
    me = await run.keys.verify(minted.secret);
  } catch (err) {
    return `The new key ${minted.key.keyPrefix} does not work (GET /me): ${errorText(err)}.`;
  }
  if (me.id !== minted.key.id || !me.isActive || me.environment !== minted.key.environment) {
    return `The new key ${minted.key.keyPrefix} answered GET /me as ${me.keyPrefix} (${me.environment}, ${me.isActive ? 'active' : 'inactive'}), not as itself.`;
  }
  return null;
}

/** Step 3: write every target; returns the labels that failed. */
async function writeAll(run: Run, secret: string): Promise<string[]> {
  const failed: string[] = [];
  await mapLimit(run.stores, run.plan.concurrency, async (store) => {
    try {
      await store.write(secret);
      markTarget(run, store, 'updated', run.now());
      run.logger.info(`Updated ${run.plan.secretName} in ${store.label}.`);
    } catch (err) {
      const message = errorText(err);
      markTarget(run, store, 'failed', run.now(), message);
      run.logger.error(`Could not write ${run.plan.secretName} in ${store.label}: ${message}`);
      failed.push(store.label);
    }
  });
  return failed;
}

async function retire(run: Run, key: ManagedKey): Promise<void> {
  await run.keys.deactivate(key.id);
  run.report.actions.push(`deactivated ${key.keyPrefix}`);
  run.logger.info(`Deactivated ${key.keyPrefix} (reversible in the dashboard).`);
}

/** Delete the family's deactivated keys older than `delete-after`, never those in `keep`. */
async function deleteOld(run: Run, keep: string[]): Promise<void> {
  const { plan } = run;
  if (plan.deleteAfterMs === null) return;
  const all = await run.keys.list();
  const name = all.find((k) => k.id === keep[0])?.name;
  const now = run.now().getTime();
  for (const key of all) {
    if (key.name !== name || key.isActive || keep.includes(key.id)) continue;
    // Deactivation is the key's last update, so updatedAt is when it stopped working.
    if (now - Date.parse(key.updatedAt) < plan.deleteAfterMs) continue;
    await run.keys.delete(key.id);
    run.report.actions.push(`deleted ${key.keyPrefix}`);
    run.logger.info(`Deleted ${key.keyPrefix}, deactivated more than ${formatDuration(plan.deleteAfterMs)} ago.`);
  }
}

/** `strategy: regenerate`: same key id, new secret, the old secret dies at once. */
async function regenerateFlow(run: Run, state: FamilyState): Promise<RotationReport> {
  const { plan, logger } = run;
  if (state.kind !== 'steady') {
    const keys = state.kind === 'halfway' ? [state.pending, state.predecessor] : [state.current, state.predecessor];
    return run.fail(
      'preflight-failed',
      `strategy: regenerate needs exactly one active key, but an overlap rotation is in progress (${keys
        .filter((k): k is ManagedKey => k !== null)
        .map((k) => k.keyPrefix)
        .join(', ')}). Finish it with strategy: overlap first.`,
    );
  }
  const current = state.current;
  setCurrent(run, current);
  if (minAgeSkip(run, current)) return run.finish('skipped-min-age');
  if (plan.dryRun) {
    return dryRunReport(run, [
      `regenerate ${current.keyPrefix}: its current secret stops working at once`,
      `write the new secret as ${plan.secretName} to ${run.stores.length} target(s)`,
      'verify it with GET /me',
    ]);
  }
  run.report.oldKeyId = current.id;
  run.report.oldKeyPrefix = current.keyPrefix;
  const minted = await mint(run, () => run.keys.regenerate(current.id, `dhmad-regenerate-${current.id}-${current.updatedAt}`));
  logger.warning(`Regenerated ${current.keyPrefix} -> ${minted.key.keyPrefix}: the old secret no longer works anywhere.`);
  const failed = await writeAll(run, minted.secret);
  const problem = await verifyProblem(run, minted);
  if (failed.length > 0) {
    return run.fail(
      'targets-failed',
      `${failed.length} of ${run.stores.length} targets could not be written: ${failed.join(', ')}. ` +
        'They hold the old secret, which no longer works (strategy: regenerate). Fix them and run again, or switch to strategy: overlap.',
    );
  }
  if (problem) return run.fail('failed', problem);
  run.report.rotated = true;
  // Recorded only on success: after a failed target the next run must regenerate again,
  // whatever min-age says, because that target holds a dead secret.
  try {
    await run.keys.setMetadata(current.id, { ...minted.key.metadata, [META.regeneratedAt]: run.now().toISOString() });
  } catch (err) {
    logger.warning(
      `Could not record the regeneration in ${minted.key.keyPrefix}'s metadata (${errorText(err)}); min-age counts from the key's creation until a later run records it.`,
    );
  }
  return run.finish('regenerated');
}

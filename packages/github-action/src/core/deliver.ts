/**
 * Getting a secret to every target: minting it (masked at once), proving it works before
 * and after the writes, writing, and recording in the key's metadata that the delivery
 * completed. Every flow (rotation, first key, compromise, rollback) goes through here.
 */
import { mapLimit } from './concurrency.js';
import { META, userMetadata } from './family.js';
import { errorText } from './run.js';
import type { Run } from './run.js';
import type { CreateKeyParams, KeyIdentity, ManagedKey, MintedKey } from './types.js';

/**
 * The API replays a POST's first response for 24 h per `Idempotency-Key`. A rotation
 * left halfway is finished by replaying its create, which hands back the same secret;
 * an hour's margin keeps the replay from expiring between the check and the call.
 */
export const REPLAY_WINDOW_MS = 23 * 60 * 60 * 1000;

/** What, besides the predecessor, decides a replacement's create request. */
export interface ReplacementOptions {
  /** Made because the predecessor leaked. */
  compromised?: boolean;
  /**
   * Id of an earlier replacement of the same predecessor that is no longer active (rolled back,
   * or deactivated before its rotation finished). Without it the create would replay that key.
   */
  retryOf?: string | undefined;
}

/** The options a replay of `replacement`'s create must use: they are recorded in its own metadata. */
export function replacementOptionsOf(replacement: ManagedKey): ReplacementOptions {
  return { compromised: replacement.metadata[META.compromised] === 'true', retryOf: replacement.metadata[META.retryOf] };
}

/** The newest replacement of `predecessor` that is no longer active, whose create a new one must not replay. */
export function earlierReplacement(predecessor: ManagedKey, all: readonly ManagedKey[]): string | undefined {
  const earlier = all.filter((k) => !k.isActive && k.metadata[META.rotatedFrom] === predecessor.id);
  return earlier.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))[0]?.id;
}

/** The idempotency key of the create that replaces `predecessor`: the same on every run, so two runs (or a rerun) get one replacement. */
export function rotationIdempotencyKey(predecessor: ManagedKey, options: ReplacementOptions = {}): string {
  return `dhmad-${options.compromised ? 'compromised' : 'rotate'}-${predecessor.id}${options.retryOf ? `-after-${options.retryOf}` : ''}`;
}

/**
 * The create request for `predecessor`'s replacement. A function of the predecessor and the
 * options only, so a rerun sends the very same request and the API replays the first response.
 */
export function replacementParams(predecessor: ManagedKey, options: ReplacementOptions = {}): CreateKeyParams {
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
      ...(options.compromised ? { [META.compromised]: 'true' } : {}),
      ...(options.retryOf ? { [META.retryOf]: options.retryOf } : {}),
    },
    scopes: [...predecessor.scopes],
  };
}

/** Create (or, on a rerun, replay) the replacement of `predecessor`, masked before anything else sees it. */
export function createReplacement(run: Run, predecessor: ManagedKey, options: ReplacementOptions = {}): Promise<MintedKey> {
  return mint(run, () => run.keys.create(replacementParams(predecessor, options), rotationIdempotencyKey(predecessor, options)));
}

/** Call the API for a new secret and mask it before anything else can see it. */
export async function mint(run: Run, call: () => Promise<MintedKey>): Promise<MintedKey> {
  const minted = await call();
  run.logger.setSecret(minted.secret);
  run.setCurrent(minted.key);
  return minted;
}

/** Why `secret` does not work as `key`, or null when GET /me answers as that key, active. */
export async function verifyProblem(run: Run, key: ManagedKey, secret: string, role = 'new key'): Promise<string | null> {
  let me: KeyIdentity;
  try {
    me = await run.keys.verify(secret);
  } catch (err) {
    return `The ${role} ${key.keyPrefix} does not work (GET /me): ${errorText(err)}.`;
  }
  if (me.id !== key.id || !me.isActive || me.environment !== key.environment) {
    return `The ${role} ${key.keyPrefix} answered GET /me as ${me.keyPrefix} (${me.environment}, ${me.isActive ? 'active' : 'inactive'}), not as itself.`;
  }
  return null;
}

/**
 * Write `secret` to every target; returns the labels that failed. `deadFrom`: when the secret
 * the targets held stopped working (a compromise), so each row shows its dead-key window.
 */
export async function writeAll(run: Run, secret: string, deadFrom?: Date): Promise<string[]> {
  const failed: string[] = [];
  await mapLimit(run.stores, run.plan.concurrency, async (store) => {
    try {
      await store.write(secret);
      run.markTarget(store, 'updated', run.now());
      run.logger.info(`Updated ${run.plan.secretName} in ${store.label}.`);
    } catch (err) {
      const message = errorText(err);
      run.markTarget(store, 'failed', run.now(), message);
      run.logger.error(`Could not write ${run.plan.secretName} in ${store.label}: ${message}`);
      failed.push(store.label);
    }
    const row = run.target(store);
    if (row && deadFrom) row.deadFrom = deadFrom.toISOString();
  });
  return failed;
}

/** The sentence that names the targets {@link writeAll} could not write, for the run's error. */
export function unwritten(run: Run, failed: readonly string[]): string {
  return `${failed.length} of ${run.stores.length} targets could not be written: ${failed.join(', ')}.`;
}

/**
 * Record that every target holds `minted` and it works: the state a later run reads, the
 * time grace and idle periods count from, and the secret sealed for a later rollback.
 */
export async function complete(run: Run, minted: MintedKey, extra: Record<string, string> = {}): Promise<Date> {
  const completedAt = run.now();
  await run.keys.setMetadata(minted.key.id, {
    ...minted.key.metadata,
    [META.state]: 'complete',
    [META.completedAt]: completedAt.toISOString(),
    [META.sealed]: run.keys.seal(minted.key.id, minted.secret),
    ...extra,
  });
  run.report.rotated = true;
  return completedAt;
}

/** Attempts at delivering a newer key when another run retires the one being written. */
const MAX_HANDOVERS = 3;

export interface Delivered {
  minted: MintedKey;
  /** The key the targets held before: the one given, or after a handover the key this run first wrote. */
  predecessor: ManagedKey | null;
  completedAt: Date;
}

/**
 * Write `minted` everywhere and prove it works, for a flow that keeps `predecessor` active
 * throughout. Returns null when the run failed (the report says why). When another run
 * retires `minted` while it is being written (overlapping runs and a slow GitHub write),
 * this run delivers that run's newer key instead of leaving a retired one behind.
 */
export async function deliver(run: Run, minted: MintedKey, predecessor: ManagedKey | null, handovers = 0): Promise<Delivered | null> {
  // What became of the predecessor, read afresh: another run may have retired it meanwhile.
  const kept = async (): Promise<string> => (predecessor ? ` ${await run.holdsState(predecessor)}.` : '');
  // Checked before any target sees it: a target must never receive a key that does not work.
  const before = await verifyProblem(run, minted.key, minted.secret);
  if (before) {
    run.fail('failed', `${before} No target was written.${await kept()}`);
    return null;
  }
  const failed = await writeAll(run, minted.secret);
  const after = await verifyProblem(run, minted.key, minted.secret);
  if (after) {
    const newer = handovers < MAX_HANDOVERS ? await newerRotation(run, minted) : null;
    if (newer) return deliver(run, newer.minted, newer.predecessor, handovers + 1);
    const written = run.report.targets.filter((t) => t.result === 'updated').map((t) => t.label);
    run.fail(
      'failed',
      `${after} It stopped working while this run wrote it, so ${written.length > 0 ? written.join(', ') : 'no target'} may hold a dead key. ` +
        `${(await kept()).trimStart()} Run again: the next run sees the unfinished rotation and writes every target again.`.trimStart(),
    );
    return null;
  }
  if (failed.length > 0) {
    run.fail(
      'targets-failed',
      `${unwritten(run, failed)} ` +
        (predecessor ? `They held ${predecessor.keyPrefix} before this run:${await kept()} ` : 'They hold no working key yet. ') +
        `The others hold ${minted.key.keyPrefix}. Fix the failures and run again: the next run finishes this.`,
    );
    return null;
  }
  const completedAt = await complete(run, minted);
  run.logger.info(`Every target holds ${minted.key.keyPrefix} and it works.`);
  return { minted, predecessor, completedAt };
}
/**
 * After the writes, `minted` no longer works. If another run retired it because it made a
 * newer rotation from it meanwhile, recover that rotation's secret by replaying its create
 * (same request, same idempotency key), so this run can deliver the key that is current.
 */
export async function newerRotation(run: Run, minted: MintedKey): Promise<{ minted: MintedKey; predecessor: ManagedKey } | null> {
  const all = await run.keys.list();
  const mine = all.find((k) => k.id === minted.key.id);
  if (mine?.isActive) return null;
  const successor = all.find((k) => k.isActive && k.metadata[META.rotatedFrom] === minted.key.id);
  if (!successor || run.now().getTime() - Date.parse(successor.createdAt) >= REPLAY_WINDOW_MS) return null;
  const base = mine ?? minted.key;
  const recovered = await createReplacement(run, base, replacementOptionsOf(successor));
  if (recovered.key.id !== successor.id) {
    // Minted instead of replayed: no target holds it, so it goes at once.
    await run.keys.delete(recovered.key.id);
    run.report.actions.push(`deleted ${recovered.key.keyPrefix} (minted instead of replayed)`);
    run.setCurrent(minted.key);
    return null;
  }
  run.logger.warning(
    `${minted.key.keyPrefix} was retired by another run while this run wrote it; that run replaced it with ${successor.keyPrefix}. ` +
      `Writing ${successor.keyPrefix} to every target instead, so none is left holding a retired key.`,
  );
  run.setOld(base);
  return { minted: recovered, predecessor: base };
}

/**
 * Reading a rotation's state from the keys themselves. No state file: every key the
 * action creates carries, in its metadata, the id of the key it replaces and whether
 * its rotation finished, so a later run can tell "a key", "a key and its predecessor
 * in its grace period" and "a rotation left halfway" apart by listing the keys.
 */
import type { ManagedKey } from './types.js';

/** Metadata fields the action adds to the keys it creates. */
export const META = {
  /** Id of the key this one replaces. */
  rotatedFrom: 'dhmadRotatedFrom',
  /**
   * Id of the first key of the chain, copied to every replacement, so a `key-id` naming that
   * key still finds the family once the key and its direct successor are deleted.
   */
  origin: 'dhmadOrigin',
  /**
   * `pending` until every target holds the key and it was verified, then `complete`. A rollback
   * marks the key it undoes `rolling-back` before it changes anything, and `rolled-back` once done.
   */
  state: 'dhmadRotation',
  /** ISO time the rotation completed; the grace period counts from here. */
  completedAt: 'dhmadRotationCompletedAt',
  /** ISO time `strategy: regenerate` last gave the key a new secret; its createdAt does not change. */
  regeneratedAt: 'dhmadRegeneratedAt',
  /** `true` on a key made because its predecessor leaked (`compromised: true`): never rolled back to that predecessor. */
  compromised: 'dhmadCompromised',
  /** ISO time a rollback made this key current again; min-age counts from here. */
  rolledBackAt: 'dhmadRolledBackAt',
  /** Id of an earlier, no longer active replacement of the same predecessor (see ReplacementOptions.retryOf). */
  retryOf: 'dhmadRetryOf',
  /** The key's secret sealed by the management key (see KeyApi.seal), so a rollback can write it back. */
  sealed: 'dhmadSealedSecret',
  /**
   * ISO time the action deactivated the key. delete-after counts from here: `updatedAt` moves with
   * any later change of the metadata (a sealed copy dropped, a user's edit).
   */
  deactivatedAt: 'dhmadDeactivatedAt',
} as const;

const OWN_FIELDS: ReadonlySet<string> = new Set(Object.values(META));

/** The user's own metadata of a key, without the fields the action manages. */
export function userMetadata(key: ManagedKey): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(key.metadata)) if (!OWN_FIELDS.has(k)) out[k] = v;
  return out;
}

/**
 * When the key's current secret reached the targets, for min-age: its creation, its last
 * regeneration by the action, or a rollback that made it current again, whichever is last.
 */
export function secretIssuedAt(key: ManagedKey): number {
  const times = [key.createdAt, key.metadata[META.regeneratedAt], key.metadata[META.rolledBackAt]].map((t) => Date.parse(t ?? ''));
  return Math.max(...times.filter((t) => !Number.isNaN(t)));
}

export function isPending(key: ManagedKey): boolean {
  return key.metadata[META.state] === 'pending';
}

/** The metadata without the sealed secret, for a key no rollback may bring back. */
export function withoutSealed(metadata: Readonly<Record<string, string>>): Record<string, string> {
  const { [META.sealed]: _, ...rest } = metadata;
  return rest;
}

/** What the listed keys say about the key family being rotated. */
export type FamilyState =
  /** One active key; rotate it when due. */
  | { kind: 'steady'; current: ManagedKey }
  /** A completed rotation whose predecessor is still active (grace period). */
  | { kind: 'grace'; current: ManagedKey; predecessor: ManagedKey; completedAt: Date }
  /** A replacement exists but not every target was confirmed to hold it. */
  | { kind: 'halfway'; pending: ManagedKey; predecessor: ManagedKey | null }
  /**
   * A rollback from `newer` back to `restoring` began and did not finish (it crashed, or a target
   * failed): targets may hold either, and the next run finishes the rollback.
   */
  | { kind: 'rolling-back'; newer: ManagedKey; restoring: ManagedKey };

/** The family's active keys, newest first: the one the targets hold (or are moving to) leads. */
export function activeMembers(state: FamilyState): ManagedKey[] {
  switch (state.kind) {
    case 'steady':
      return [state.current];
    case 'grace':
      return [state.current, state.predecessor];
    case 'halfway':
      return state.predecessor ? [state.pending, state.predecessor] : [state.pending];
    case 'rolling-back':
      return [state.restoring, state.newer];
  }
}

export class FamilyError extends Error {
  override readonly name = 'FamilyError';
}

const prefixes = (keys: readonly ManagedKey[]): string => keys.map((k) => k.keyPrefix).join(', ');

/**
 * The name of the family a `key-id` names: the key itself, or (once it is deleted, by
 * `delete-after` or by hand) a key rotated from it or descending from it, so a workflow
 * that names its first key by id keeps rotating for good.
 */
export function familyNameById(all: readonly ManagedKey[], id: string): string | null {
  const related = all.filter((k) => k.id === id || k.metadata[META.rotatedFrom] === id || k.metadata[META.origin] === id);
  const best = related.find((k) => k.id === id) ?? related.find((k) => k.isActive) ?? related[0];
  return best?.name ?? null;
}

/** Classify the active keys named `name`; throws {@link FamilyError} when no safe reading exists. */
export function readFamily(family: readonly ManagedKey[], name: string): FamilyState {
  const active = family.filter((k) => k.isActive);
  if (active.length === 0) {
    const inactive = family.length > 0 ? ` (inactive: ${prefixes(family)})` : '';
    throw new FamilyError(
      `No active DHMAD key named "${name}" was found${inactive}. Check key-name / key-id, or reactivate the key in the dashboard.`,
    );
  }
  // A pending key that already has an active successor was itself rotated away; it is
  // that successor's predecessor, not an unfinished rotation.
  const superseded = (k: ManagedKey): boolean => active.some((s) => s.metadata[META.rotatedFrom] === k.id);
  const pending = active.filter((k) => isPending(k) && !superseded(k));
  const settled = active.filter((k) => !pending.includes(k));
  const byId = (id: string | undefined): ManagedKey | undefined => (id ? settled.find((k) => k.id === id) : undefined);

  if (pending.length > 1) {
    throw new FamilyError(
      `Several unfinished rotations of "${name}" are active (${prefixes(pending)}). Deactivate the ones no consumer uses, then run again.`,
    );
  }
  if (pending.length === 1) {
    const p = pending[0]!;
    const predecessor = byId(p.metadata[META.rotatedFrom]) ?? null;
    const others = settled.filter((k) => k !== predecessor);
    if (others.length > 0) {
      throw new FamilyError(
        `"${name}" has an unfinished rotation (${p.keyPrefix}) and other active keys (${prefixes(others)}) that are not part of it. ` +
          'The action keeps at most two active keys of a name; deactivate the keys no consumer uses, then run again.',
      );
    }
    return { kind: 'halfway', pending: p, predecessor };
  }
  if (settled.length === 1) return { kind: 'steady', current: settled[0]! };
  if (settled.length === 2) {
    const [a, b] = settled as [ManagedKey, ManagedKey];
    const [current, predecessor] = b.metadata[META.rotatedFrom] === a.id ? [b, a] : a.metadata[META.rotatedFrom] === b.id ? [a, b] : [null, null];
    if (current && predecessor && current.metadata[META.state] === 'rolling-back') return { kind: 'rolling-back', newer: current, restoring: predecessor };
    if (current && predecessor) {
      // Without the field (a rotation finished by hand), the successor's last update stands in.
      const at = current.metadata[META.completedAt];
      const completedAt = new Date(at && !Number.isNaN(Date.parse(at)) ? at : current.updatedAt);
      return { kind: 'grace', current, predecessor, completedAt };
    }
  }
  throw new FamilyError(
    `${settled.length} active keys are named "${name}" (${prefixes(settled)}) and they are not one rotation. ` +
      'Rotating would add another active key; give each key its own name, or deactivate the ones no consumer uses, then run again.',
  );
}

/**
 * The interfaces the rotation core is written against. The runner shell passes
 * the real DHMAD client and GitHub secret stores; tests pass in-memory fakes.
 */
import type { Environment } from '@dhmad/sdk/key-format';

/** A DHMAD key as the key-management API lists it (never its secret). */
export interface ManagedKey {
  id: string;
  name: string;
  keyPrefix: string;
  environment: Environment;
  isActive: boolean;
  expiresAt: string | null;
  rateLimit: number;
  metadata: Record<string, string>;
  scopes: string[];
  /** When the key last authenticated a request; what tells a retired-but-still-held key from an idle one. */
  lastUsedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** `GET /api-keys/{id}/usage`: requests per UTC day, oldest first. */
export interface KeyUsage {
  days: { date: string; requests: number; errors: number }[];
  total: number;
}

/** A freshly minted or regenerated secret with the key it belongs to. */
export interface MintedKey {
  key: ManagedKey;
  /** The secret. Masked before anything else happens; never printed. */
  secret: string;
}

export interface CreateKeyParams {
  name: string;
  environment: Environment;
  /** Omitted: the API's default. */
  rateLimit?: number;
  expiresAt: string | null;
  metadata: Record<string, string>;
  scopes: string[];
}

/** What `GET /me` says about the key that made the request. */
export interface KeyIdentity {
  id: string;
  keyPrefix: string;
  environment: Environment;
  isActive: boolean;
}

/** The DHMAD key-management calls the rotation needs. */
export interface KeyApi {
  /** `GET /me` with the management key. */
  whoami(): Promise<KeyIdentity>;
  /** `GET /me` with `secret`: proves a new secret works. */
  verify(secret: string): Promise<KeyIdentity>;
  /** Every key of the management key's environment and account. */
  list(): Promise<ManagedKey[]>;
  /** One key as it stands now; null when it no longer exists. */
  get(id: string): Promise<ManagedKey | null>;
  create(params: CreateKeyParams, idempotencyKey: string): Promise<MintedKey>;
  regenerate(id: string, idempotencyKey: string): Promise<MintedKey>;
  setMetadata(id: string, metadata: Record<string, string>): Promise<ManagedKey>;
  activate(id: string): Promise<ManagedKey>;
  /** With `metadata`, replaced in the same request: the key stops working and records why at once, with no moment in between. */
  deactivate(id: string, metadata?: Record<string, string>): Promise<ManagedKey>;
  delete(id: string): Promise<void>;
  /** Requests per day over the last `days` days (1-90). */
  usage(id: string, days: number): Promise<KeyUsage>;
  /**
   * The secret sealed so that only the management key can open it again, bound to the key's id.
   * Kept in the key's own metadata, it is what lets a rollback write a predecessor back:
   * DHMAD shows a secret once and GitHub never gives one back.
   */
  seal(keyId: string, secret: string): string;
  /** The secret `seal` sealed for `keyId`; null when it was sealed for another key, by another management key, or altered. */
  unseal(keyId: string, sealed: string): string | null;
}

export type TargetScope = 'repository' | 'environment' | 'organization' | 'dependabot';

/** One place a secret is written to: a repository, an environment, an organization ... */
export interface SecretStore {
  readonly scope: TargetScope;
  /** Printable name, unique per run, e.g. `repository:acme/api` or `environment:acme/api:production`. */
  readonly label: string;
  /** All reads: proves the store exists and the token may use it. Throws {@link TargetError}. */
  preflight(): Promise<void>;
  /** Seal `secret` for this store and write it. Throws {@link TargetError}. */
  write(secret: string): Promise<void>;
}

/** A target could not be read or written; the message says why and what to do, never a key. */
export class TargetError extends Error {
  override readonly name = 'TargetError';
  readonly status: number | undefined;
  constructor(message: string, status?: number, options?: { cause?: unknown }) {
    super(message, options);
    this.status = status;
  }
}

/** Where the run writes its messages. `setSecret` must be called before a secret could reach any output. */
export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  setSecret(secret: string): void;
}

export interface Clock {
  now(): Date;
}

export type Strategy = 'overlap' | 'regenerate';

/** Everything `main.ts` read and validated from the inputs. */
export interface RotationPlan {
  /** Exactly one of `keyName` / `keyId`. */
  keyName: string | null;
  keyId: string | null;
  secretName: string;
  strategy: Strategy;
  /** Milliseconds a replaced key stays active after its successor is everywhere. */
  gracePeriodMs: number;
  /** Delete deactivated predecessors older than this; null = never. */
  deleteAfterMs: number | null;
  /** Skip the rotation when the current key is younger than this. */
  minAgeMs: number;
  dryRun: boolean;
  /** Targets written at the same time, at most. */
  concurrency: number;
  /** 0 = off; else a predecessor is retired only once unused this long after the switch. */
  idlePeriodMs: number;
  /** Fail the run when the predecessor is still in use this long after the switch; null = never. */
  alertAfterMs: number | null;
  /** The key leaked: kill its secret now, replace it everywhere, never wait. */
  compromised: boolean;
  /** Undo the latest rotation: write the predecessor back to every target. */
  rollback: boolean;
  /** With key-name: when no key of that name exists, create it and seed the targets. */
  createIfMissing: boolean;
}

export type TargetResult = 'updated' | 'failed' | 'planned' | 'unchanged';

export interface TargetReport {
  scope: TargetScope;
  label: string;
  result: TargetResult;
  /** ISO time the target was written or failed; null when nothing was attempted. */
  at: string | null;
  /** Why it failed (no key in it). */
  error?: string;
  /**
   * `compromised`: when the secret this target held stopped working. With `at`, the window in
   * which its consumers held a dead key; without, the target still holds one.
   */
  deadFrom?: string;
}

/** What the API says about a replaced key that is still active, for the log and the summary. */
export interface PredecessorUse {
  keyId: string;
  keyPrefix: string;
  /** When its replacement reached every target. */
  switchedAt: string;
  lastUsedAt: string | null;
  /** Used after the switch: something outside the targets still holds it. */
  usedSinceSwitch: boolean;
  /** Requests from the switch's UTC day to today, from `usage`; null when usage could not be read. */
  requestsSinceSwitch: number | null;
  /** First day counted in `requestsSinceSwitch` (YYYY-MM-DD). */
  countedFrom: string;
  /** Whether this run retires it (or, in a dry run, would). */
  retire: boolean;
  /** Why not yet, in the user's words, when `retire` is false. */
  waitingFor: string[];
  /** Earliest time a later run may retire it, when known. */
  retireFrom: string | null;
}

/** A compromised key's recent use, from `usage`. */
export interface LeakedKeyUse {
  keyId: string;
  keyPrefix: string;
  lastUsedAt: string | null;
  /** Days with any request, oldest first; null when usage could not be read. */
  days: KeyUsage['days'] | null;
  total: number | null;
  /** How many days `days` covers. */
  window: number;
}

export type RotationOutcome =
  | 'rotated'
  | 'regenerated'
  | 'completed-pending'
  | 'created'
  | 'compromised'
  | 'rolled-back'
  | 'skipped-min-age'
  | 'skipped-grace'
  | 'skipped-in-use'
  | 'in-use-alert'
  | 'dry-run'
  | 'preflight-failed'
  | 'targets-failed'
  | 'failed';

export interface RotationReport {
  outcome: RotationOutcome;
  /** True when every target now holds another key than before this run (a rotation, a first key, a rollback). */
  rotated: boolean;
  /** True when the run must exit non-zero. */
  failed: boolean;
  /** The key the targets should now hold (the new one, or the current one when skipped). */
  keyId: string | null;
  keyPrefix: string | null;
  /** The key being replaced, when there is one. */
  oldKeyId: string | null;
  oldKeyPrefix: string | null;
  targets: TargetReport[];
  /** Things done to other keys of the family (deactivated, deleted), by keyPrefix. */
  actions: string[];
  /** What went wrong, in the user's words, when `failed`. */
  errors: string[];
  /** The replaced key that is still active, when there is one. */
  predecessor: PredecessorUse | null;
  /** `compromised`: the use of each key treated as leaked. */
  leaked: LeakedKeyUse[];
  /** A dry run's plan, step by step. */
  plan: string[];
}

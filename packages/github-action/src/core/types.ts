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
  createdAt: string;
  updatedAt: string;
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
  rateLimit: number;
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
  create(params: CreateKeyParams, idempotencyKey: string): Promise<MintedKey>;
  regenerate(id: string, idempotencyKey: string): Promise<MintedKey>;
  setMetadata(id: string, metadata: Record<string, string>): Promise<ManagedKey>;
  deactivate(id: string): Promise<ManagedKey>;
  delete(id: string): Promise<void>;
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
}

export type RotationOutcome =
  | 'rotated'
  | 'regenerated'
  | 'completed-pending'
  | 'skipped-min-age'
  | 'skipped-grace'
  | 'dry-run'
  | 'preflight-failed'
  | 'targets-failed'
  | 'failed';

export interface RotationReport {
  outcome: RotationOutcome;
  /** True when a new secret was written to at least one target in this run. */
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
}

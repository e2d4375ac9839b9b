import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { formatKey, KEY_HEX_LENGTH, validateKey, type Environment } from '@dhmad/sdk/key-format';
import type { ApiKey, Developer, MeApiKey, Metadata, Scope } from '@dhmad/sdk';

export const MANAGE_SCOPE: Scope = 'keys:manage';

/** Requests per minute of a key created without `rateLimit`, as the real API's default. */
export const DEFAULT_KEY_RATE_LIMIT = 100;

/** Bootstrap keys carry the highest limit the contract allows, so suites and benches are rarely throttled by them. */
export const BOOTSTRAP_KEY_RATE_LIMIT = 10_000;

/** A key as stored: the public fields plus the SHA-256 of its secret. The secret itself is never kept. */
export interface KeyRecord {
  id: string;
  developerId: string;
  name: string;
  environment: Environment;
  keyPrefix: string;
  secretHash: string;
  /** Hashes of secrets replaced by `regenerate`, so the old secret gets its own 401 reason. */
  replacedHashes: string[];
  isActive: boolean;
  lastUsedAt: string | null;
  expiresAt: string | null;
  rateLimit: number;
  metadata: Metadata;
  scopes: Scope[];
  createdAt: string;
  /** When the current secret was made: `createdAt`, or the last `regenerate`. */
  secretCreatedAt: string;
  updatedAt: string;
}

interface DayUsage {
  requests: number;
  errors: number;
}

/** What `--data` holds. Versioned so a later layout can migrate it. */
export interface StateFile {
  version: 1;
  developers: Developer[];
  keys: KeyRecord[];
  /** Hashes of deleted keys' secrets (current and replaced), so their 401 can say "deleted". */
  deletedHashes: string[];
  /** keyId -> UTC day (YYYY-MM-DD) -> counts. */
  usage: Record<string, Record<string, DayUsage>>;
  /**
   * The bootstrap keys' secrets, the one exception to "hashes only": a restarted
   * emulator must print working bootstrap keys again. These are local emulator
   * keys; the file is written with mode 0600.
   */
  bootstrap: Partial<Record<Environment, { keyId: string; key: string }>>;
  /** Developer accounts not associated with a user account: `/me` works, the rest answers 403, as on the real API. */
  unassociatedDevelopers?: string[];
}

type Lookup =
  | { kind: 'current'; key: KeyRecord }
  | { kind: 'replaced'; key: KeyRecord }
  | { kind: 'deleted' }
  | { kind: 'unknown' };

/** YYYY-MM-DD of a timestamp, in UTC: the day usage is counted on. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function newId(): string {
  return randomBytes(12).toString('hex');
}

/** A fresh secret, `sk_<env>_` + 64 hex from the CSPRNG. */
function newSecret(environment: Environment): string {
  for (;;) {
    const secret = formatKey(environment, randomBytes(KEY_HEX_LENGTH / 2).toString('hex'));
    // A random secret that the detector would call a placeholder is astronomically unlikely; draw again if so.
    if (validateKey(secret).valid) return secret;
  }
}

function keyPrefixOf(secret: string): string {
  const v = validateKey(secret);
  if (!v.valid) throw new Error('internal: generated an invalid key');
  return v.keyPrefix;
}

interface CreateKeyInput {
  name: string;
  rateLimit?: number;
  expiresAt?: string | null;
  metadata?: Metadata;
  scopes?: Scope[];
}

interface UpdateKeyInput {
  name?: string;
  isActive?: boolean;
  rateLimit?: number;
  expiresAt?: string | null;
  metadata?: Metadata;
}

/** The emulator's data: developers, keys (hashed), usage. No HTTP in here. */
export class Store {
  developers = new Map<string, Developer>();
  keys = new Map<string, KeyRecord>();
  bootstrap: StateFile['bootstrap'] = {};
  unassociated = new Set<string>();
  #byHash = new Map<string, { key: KeyRecord; kind: 'current' | 'replaced'; digest: Buffer }>();
  #deleted = new Set<string>();
  #usage = new Map<string, Map<string, DayUsage>>();

  static fromFile(data: StateFile): Store {
    const shaped =
      data !== null &&
      typeof data === 'object' &&
      data.version === 1 &&
      Array.isArray(data.developers) &&
      Array.isArray(data.keys) &&
      (data.deletedHashes === undefined || Array.isArray(data.deletedHashes)) &&
      (data.usage === undefined || (data.usage !== null && typeof data.usage === 'object'));
    if (!shaped) throw new Error('not an emulator state file (expected {"version": 1, "developers": [...], "keys": [...], ...})');
    const store = new Store();
    for (const d of data.developers) store.developers.set(d.id, d);
    for (const k of data.keys) {
      if (typeof k?.id !== 'string' || typeof k.secretHash !== 'string' || !Array.isArray(k.replacedHashes)) {
        throw new Error('not an emulator state file (a key lacks id, secretHash or replacedHashes)');
      }
      // Files written before secretCreatedAt existed: the secret is as old as the key, the best answer they hold.
      k.secretCreatedAt ??= k.createdAt;
      store.keys.set(k.id, k);
      store.#index(k);
    }
    for (const h of data.deletedHashes ?? []) store.#deleted.add(h);
    for (const [keyId, days] of Object.entries(data.usage ?? {})) {
      store.#usage.set(keyId, new Map(Object.entries(days)));
    }
    store.bootstrap = data.bootstrap ?? {};
    store.unassociated = new Set(data.unassociatedDevelopers ?? []);
    return store;
  }

  toFile(): StateFile {
    const usage: StateFile['usage'] = {};
    for (const [keyId, days] of this.#usage) usage[keyId] = Object.fromEntries(days);
    return {
      version: 1,
      developers: [...this.developers.values()],
      keys: [...this.keys.values()],
      deletedHashes: [...this.#deleted],
      usage,
      bootstrap: this.bootstrap,
      unassociatedDevelopers: [...this.unassociated],
    };
  }

  #index(k: KeyRecord): void {
    this.#byHash.set(k.secretHash, { key: k, kind: 'current', digest: Buffer.from(k.secretHash, 'hex') });
    for (const h of k.replacedHashes) this.#byHash.set(h, { key: k, kind: 'replaced', digest: Buffer.from(h, 'hex') });
  }

  addDeveloper(email: string, companyName: string | null, associated = true): Developer {
    const developer: Developer = { id: newId(), email, companyName };
    this.developers.set(developer.id, developer);
    if (!associated) this.unassociated.add(developer.id);
    return developer;
  }

  /**
   * Find the key a presented secret belongs to. The map is keyed by SHA-256, so
   * timing reveals nothing about the secret; the final comparison is constant-time
   * anyway, on equal-length digests.
   */
  lookup(secret: string): Lookup {
    const digest = hashSecret(secret);
    const hit = this.#byHash.get(digest);
    if (hit && timingSafeEqual(hit.digest, Buffer.from(digest, 'hex'))) return { kind: hit.kind, key: hit.key };
    return this.#deleted.has(digest) ? { kind: 'deleted' } : { kind: 'unknown' };
  }

  createKey(environment: Environment, developerId: string, input: CreateKeyInput, now: string): { record: KeyRecord; secret: string } {
    const secret = newSecret(environment);
    const record: KeyRecord = {
      id: newId(),
      developerId,
      name: input.name,
      environment,
      keyPrefix: keyPrefixOf(secret),
      secretHash: hashSecret(secret),
      replacedHashes: [],
      isActive: true,
      lastUsedAt: null,
      expiresAt: input.expiresAt ?? null,
      rateLimit: input.rateLimit ?? DEFAULT_KEY_RATE_LIMIT,
      metadata: { ...(input.metadata ?? {}) },
      scopes: [...(input.scopes ?? [])],
      createdAt: now,
      secretCreatedAt: now,
      updatedAt: now,
    };
    this.keys.set(record.id, record);
    this.#index(record);
    return { record, secret };
  }

  update(record: KeyRecord, input: UpdateKeyInput, now: string): KeyRecord {
    if (input.name !== undefined) record.name = input.name;
    if (input.isActive !== undefined) record.isActive = input.isActive;
    if (input.rateLimit !== undefined) record.rateLimit = input.rateLimit;
    if (input.expiresAt !== undefined) record.expiresAt = input.expiresAt;
    if (input.metadata !== undefined) record.metadata = { ...input.metadata };
    record.updatedAt = now;
    return record;
  }

  regenerate(record: KeyRecord, now: string): string {
    const secret = newSecret(record.environment);
    record.replacedHashes.push(record.secretHash);
    record.secretHash = hashSecret(secret);
    record.keyPrefix = keyPrefixOf(secret);
    record.secretCreatedAt = now;
    record.updatedAt = now;
    this.#index(record);
    return secret;
  }

  delete(record: KeyRecord): void {
    this.keys.delete(record.id);
    for (const h of [record.secretHash, ...record.replacedHashes]) {
      this.#byHash.delete(h);
      this.#deleted.add(h);
    }
    this.#usage.delete(record.id);
    for (const [env, b] of Object.entries(this.bootstrap)) {
      if (b?.keyId === record.id) delete this.bootstrap[env as Environment];
    }
  }

  /** Keys one developer sees in one environment, oldest first. */
  visibleKeys(developerId: string, environment: Environment): KeyRecord[] {
    return [...this.keys.values()].filter((k) => k.developerId === developerId && k.environment === environment);
  }

  /** Add to a key's counts for one UTC day; returns that day's new totals. */
  addUsage(keyId: string, day: string, added: DayUsage): DayUsage {
    let days = this.#usage.get(keyId);
    if (!days) this.#usage.set(keyId, (days = new Map()));
    const counts = days.get(day) ?? { requests: 0, errors: 0 };
    counts.requests += added.requests;
    counts.errors += added.errors;
    days.set(day, counts);
    return { ...counts };
  }

  usageOn(keyId: string, day: string): DayUsage {
    return this.#usage.get(keyId)?.get(day) ?? { requests: 0, errors: 0 };
  }
}

/** `GET /me`'s `apiKey`, exactly as the real API documents it (no `scopes`, no `updatedAt`). */
export function toMeApiKey(k: KeyRecord): MeApiKey {
  return {
    id: k.id,
    name: k.name,
    keyPrefix: k.keyPrefix,
    environment: k.environment,
    isActive: k.isActive,
    lastUsedAt: k.lastUsedAt,
    expiresAt: k.expiresAt,
    rateLimit: k.rateLimit,
    metadata: { ...k.metadata },
    createdAt: k.createdAt,
  };
}

/** The contract's `ApiKey`: the `/me` fields plus `scopes`, `secretCreatedAt` and `updatedAt`. Never the secret or its hash. */
export function toApiKey(k: KeyRecord): ApiKey {
  return { ...toMeApiKey(k), scopes: [...k.scopes], secretCreatedAt: k.secretCreatedAt, updatedAt: k.updatedAt };
}

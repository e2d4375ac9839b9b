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
  /** Which write-ahead log continues this snapshot (`<data>.wal` with the same generation). */
  generation?: number;
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

/**
 * One change to the store, as the write-ahead log holds it. Each carries the new value, not a
 * difference, so replaying the log in order gives back the state whatever was saved before.
 */
export type Change =
  | { reset: true }
  | { developer: Developer; associated: boolean }
  | { key: KeyRecord }
  | { usage: { keyId: string; day: string; requests: number; errors: number } }
  | { deleted: { keyId: string; hashes: string[] } }
  | { bootstrap: StateFile['bootstrap'] };

/** The changes since the last `takeChanges`, and whether any of them is more than usage bookkeeping. */
interface ChangeSet {
  changes: Change[];
  /** A change a client asked for (create, update, regenerate, delete, recorded usage, a new account). */
  requested: boolean;
  /** Mark them unsaved again, after a failed write. */
  requeue(): void;
}

/**
 * The emulator's data: developers, keys (hashed), usage. No HTTP in here. Read the maps freely;
 * change them only through the methods, which note what changed for the write-ahead log.
 */
export class Store {
  readonly developers = new Map<string, Developer>();
  readonly keys = new Map<string, KeyRecord>();
  readonly unassociated = new Set<string>();
  #bootstrap: StateFile['bootstrap'] = {};
  #byHash = new Map<string, { key: KeyRecord; kind: 'current' | 'replaced'; digest: Buffer }>();
  #deleted = new Set<string>();
  #usage = new Map<string, Map<string, DayUsage>>();
  /** A new store replaces everything before it, so its first changes start with a `reset`. */
  #dirty = new Dirty(true);

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
      store.#put(k);
    }
    for (const h of data.deletedHashes ?? []) store.#deleted.add(h);
    for (const [keyId, days] of Object.entries(data.usage ?? {})) {
      store.#usage.set(keyId, new Map(Object.entries(days)));
    }
    store.#bootstrap = data.bootstrap ?? {};
    for (const id of data.unassociatedDevelopers ?? []) store.unassociated.add(id);
    store.#dirty = new Dirty();
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
      bootstrap: this.#bootstrap,
      unassociatedDevelopers: [...this.unassociated],
    };
  }

  /** Replay one change of the write-ahead log (never a `reset`: that starts a new store). */
  apply(change: Change): void {
    if ('developer' in change) {
      this.developers.set(change.developer.id, change.developer);
      if (change.associated) this.unassociated.delete(change.developer.id);
      else this.unassociated.add(change.developer.id);
    } else if ('key' in change) {
      const old = this.keys.get(change.key.id);
      if (old) for (const h of [old.secretHash, ...old.replacedHashes]) this.#byHash.delete(h);
      this.#put(change.key);
    } else if ('usage' in change) {
      const { keyId, day, requests, errors } = change.usage;
      if (!this.#usage.has(keyId)) this.#usage.set(keyId, new Map());
      this.#usage.get(keyId)!.set(day, { requests, errors });
    } else if ('deleted' in change) {
      const key = this.keys.get(change.deleted.keyId);
      if (key) this.delete(key);
      for (const h of change.deleted.hashes) this.#deleted.add(h);
      this.#usage.delete(change.deleted.keyId);
    } else if ('bootstrap' in change) {
      this.#bootstrap = change.bootstrap;
    }
  }

  /** The changes not yet saved, as log entries (live objects: serialise them at once); null when there are none. */
  takeChanges(): ChangeSet | null {
    const dirty = this.#dirty;
    if (dirty.empty) return null;
    this.#dirty = new Dirty();
    const changes: Change[] = [];
    if (dirty.fresh) changes.push({ reset: true });
    for (const id of dirty.developers) {
      const developer = this.developers.get(id);
      if (developer) changes.push({ developer, associated: !this.unassociated.has(id) });
    }
    for (const id of dirty.keys) {
      const key = this.keys.get(id);
      if (key) changes.push({ key });
    }
    for (const [keyId, days] of dirty.usage) {
      for (const day of days) {
        const counts = this.#usage.get(keyId)?.get(day);
        if (counts) changes.push({ usage: { keyId, day, ...counts } });
      }
    }
    for (const [keyId, hashes] of dirty.deleted) changes.push({ deleted: { keyId, hashes } });
    if (dirty.bootstrap) changes.push({ bootstrap: { ...this.#bootstrap } });
    return { changes, requested: dirty.requested, requeue: () => this.#dirty.merge(dirty) };
  }

  /** Whether a change a client asked for is not yet saved. */
  get hasUnsavedRequest(): boolean {
    return this.#dirty.requested;
  }

  get hasUnsavedChanges(): boolean {
    return !this.#dirty.empty;
  }

  get bootstrap(): Readonly<StateFile['bootstrap']> {
    return this.#bootstrap;
  }

  setBootstrap(environment: Environment, entry: { keyId: string; key: string }): void {
    this.#bootstrap = { ...this.#bootstrap, [environment]: entry };
    this.#dirty.bootstrap = this.#dirty.requested = true;
  }

  #put(k: KeyRecord): void {
    // Files written before secretCreatedAt existed: the secret is as old as the key, the best answer they hold.
    k.secretCreatedAt ??= k.createdAt;
    this.keys.set(k.id, k);
    this.#byHash.set(k.secretHash, { key: k, kind: 'current', digest: Buffer.from(k.secretHash, 'hex') });
    for (const h of k.replacedHashes) this.#byHash.set(h, { key: k, kind: 'replaced', digest: Buffer.from(h, 'hex') });
  }

  #changedKey(record: KeyRecord): void {
    this.#dirty.keys.add(record.id);
    this.#dirty.requested = true;
  }

  addDeveloper(email: string, companyName: string | null, associated = true): Developer {
    const developer: Developer = { id: newId(), email, companyName };
    this.developers.set(developer.id, developer);
    if (!associated) this.unassociated.add(developer.id);
    this.#dirty.developers.add(developer.id);
    this.#dirty.requested = true;
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
    this.#put(record);
    this.#changedKey(record);
    return { record, secret };
  }

  update(record: KeyRecord, input: UpdateKeyInput, now: string): KeyRecord {
    if (input.name !== undefined) record.name = input.name;
    if (input.isActive !== undefined) record.isActive = input.isActive;
    if (input.rateLimit !== undefined) record.rateLimit = input.rateLimit;
    if (input.expiresAt !== undefined) record.expiresAt = input.expiresAt;
    if (input.metadata !== undefined) record.metadata = { ...input.metadata };
    record.updatedAt = now;
    this.#changedKey(record);
    return record;
  }

  regenerate(record: KeyRecord, now: string): string {
    const secret = newSecret(record.environment);
    record.replacedHashes.push(record.secretHash);
    record.secretHash = hashSecret(secret);
    record.keyPrefix = keyPrefixOf(secret);
    record.secretCreatedAt = now;
    record.updatedAt = now;
    this.#put(record);
    this.#changedKey(record);
    return secret;
  }

  delete(record: KeyRecord): void {
    const hashes = [record.secretHash, ...record.replacedHashes];
    this.keys.delete(record.id);
    for (const h of hashes) {
      this.#byHash.delete(h);
      this.#deleted.add(h);
    }
    this.#usage.delete(record.id);
    this.#dirty.keys.delete(record.id);
    this.#dirty.usage.delete(record.id);
    this.#dirty.deleted.set(record.id, hashes);
    this.#dirty.requested = true;
    for (const [env, b] of Object.entries(this.#bootstrap)) {
      if (b?.keyId !== record.id) continue;
      const rest = { ...this.#bootstrap };
      delete rest[env as Environment];
      this.#bootstrap = rest;
      this.#dirty.bootstrap = true;
    }
  }

  /** Keys one developer sees in one environment, oldest first. */
  visibleKeys(developerId: string, environment: Environment): KeyRecord[] {
    return [...this.keys.values()].filter((k) => k.developerId === developerId && k.environment === environment);
  }

  /** Usage bookkeeping: the key authenticated a request at `at`. */
  markUsed(record: KeyRecord, at: string): void {
    record.lastUsedAt = at;
    this.#dirty.keys.add(record.id);
  }

  /** Usage bookkeeping: one more request (and maybe error) on a key's day. */
  countRequest(keyId: string, day: string, isError: boolean): void {
    this.#count(keyId, day, { requests: 1, errors: isError ? 1 : 0 });
  }

  /** Add usage a client asked to record (not bookkeeping); returns that day's new totals. */
  addUsage(record: KeyRecord, day: string, added: DayUsage, usedAt: string | null): DayUsage {
    if (usedAt !== null && (record.lastUsedAt === null || usedAt > record.lastUsedAt)) {
      record.lastUsedAt = usedAt;
      this.#dirty.keys.add(record.id);
    }
    this.#dirty.requested = true;
    return this.#count(record.id, day, added);
  }

  #count(keyId: string, day: string, added: DayUsage): DayUsage {
    let days = this.#usage.get(keyId);
    if (!days) this.#usage.set(keyId, (days = new Map()));
    const counts = days.get(day) ?? { requests: 0, errors: 0 };
    counts.requests += added.requests;
    counts.errors += added.errors;
    days.set(day, counts);
    let dirtyDays = this.#dirty.usage.get(keyId);
    if (!dirtyDays) this.#dirty.usage.set(keyId, (dirtyDays = new Set()));
    dirtyDays.add(day);
    return { ...counts };
  }

  usageOn(keyId: string, day: string): DayUsage {
    return this.#usage.get(keyId)?.get(day) ?? { requests: 0, errors: 0 };
  }
}

/** What changed since the last save, by id. A new store starts `fresh`: everything before it is gone. */
class Dirty {
  requested = false;
  bootstrap = false;
  readonly developers = new Set<string>();
  readonly keys = new Set<string>();
  readonly usage = new Map<string, Set<string>>();
  readonly deleted = new Map<string, string[]>();

  constructor(public fresh = false) {}

  get empty(): boolean {
    return !this.fresh && !this.bootstrap && this.developers.size + this.keys.size + this.usage.size + this.deleted.size === 0;
  }

  /** Add an older, unsaved set back in (its entries are re-read from the store when taken again). */
  merge(older: Dirty): void {
    this.fresh ||= older.fresh;
    this.requested ||= older.requested;
    this.bootstrap ||= older.bootstrap;
    for (const id of older.developers) this.developers.add(id);
    for (const id of older.keys) this.keys.add(id);
    for (const [keyId, days] of older.usage) {
      if (!this.usage.has(keyId)) this.usage.set(keyId, new Set());
      for (const day of days) this.usage.get(keyId)!.add(day);
    }
    for (const [keyId, hashes] of older.deleted) this.deleted.set(keyId, hashes);
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

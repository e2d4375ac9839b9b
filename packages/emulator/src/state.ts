import { randomBytes } from 'node:crypto';
import { resolve as resolvePath } from 'node:path';
import { redactText, type Environment } from '@dhmad/sdk/key-format';
import { loadContract, type Contract } from './contract.js';
import { FaultQueue } from './faults.js';
import { IdempotencyStore } from './idempotency.js';
import { RateLimiter } from './rate-limit.js';
import { isCalendarDay } from './schema.js';
import { DataFile } from './state-file.js';
import { BOOTSTRAP_KEY_RATE_LIMIT, MANAGE_SCOPE, Store, utcDay, type KeyRecord } from './store.js';
import type { DayUsageRecord, EmulatorOptions, NewDeveloper, NewDeveloperInput, RequestRecord, UsageInput } from './types.js';

export const ENVIRONMENTS: readonly Environment[] = ['live', 'sandbox'];

const MAX_REQUEST_LOG = 10_000;
/** 9999-12-31T23:59:59.999Z. */
const LAST_MOMENT_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
/** Past this, the next save writes a whole snapshot and starts the log over, so a restart replays little. */
const SNAPSHOT_AFTER_LOG_BYTES = 8 * 1024 * 1024;

/**
 * Everything the emulator knows apart from its sockets: the stored keys, the clock, rate-limit
 * windows, idempotent replays, pending faults, the request log, and saving to the `data` file.
 * The request pipeline reads and changes it; the server owns it.
 */
export class EmulatorState {
  readonly contract: Contract = loadContract();
  readonly faults = new FaultQueue();
  readonly limiter = new RateLimiter();
  readonly idempotency = new IdempotencyStore();
  readonly ipRateLimit: number | false;
  readonly keyRateLimits: boolean;
  /** Base URL and `host:port` of each listener, named in messages; set by the server once it listens. */
  readonly urls: Record<Environment, string> = { live: '', sandbox: '' };
  readonly hosts: Record<Environment, string> = { live: '', sandbox: '' };
  store: Store;
  readonly #clock: () => Date;
  readonly #file: DataFile | null;
  #bootstrapKeys: Record<Environment, string> = { live: '', sandbox: '' };
  #offsetMs = 0;
  #requests: RequestRecord[] = [];
  /** Saves run one at a time, in order. */
  #queue: Promise<void> = Promise.resolve();
  /** The save queued but not started: it takes every change made until it starts (group commit). */
  #nextSave: Promise<void> | null = null;
  /** The save writing a change a client asked for, while it is on its way to the disk. */
  #requestedSave: Promise<void> | null = null;
  #warned = false;
  #stopped = false;

  constructor(options: EmulatorOptions) {
    this.ipRateLimit = options.ipRateLimit ?? false;
    this.keyRateLimits = options.keyRateLimits !== false;
    this.#clock = options.now ?? (() => new Date());
    this.#file = options.data ? new DataFile(resolvePath(options.data)) : null;
    try {
      this.store = this.#file ? load(this.#file) : new Store();
      this.#ensureBootstrap();
      // A snapshot before any port opens: the log replayed is folded in, and a data path that cannot
      // be written fails now and leaves nothing running.
      this.#file?.snapshot(this.store.toFile());
    } catch (err) {
      this.#file?.release();
      throw err;
    }
    this.store.takeChanges();
  }

  get bootstrapKeys(): Readonly<Record<Environment, string>> {
    return Object.freeze({ ...this.#bootstrapKeys });
  }

  get requests(): readonly RequestRecord[] {
    return this.#requests;
  }

  now(): Date {
    return new Date(this.#clock().getTime() + this.#offsetMs);
  }

  advanceTime(ms: number): Date {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('advanceTime: ms must be a finite number >= 0 (the emulator clock only moves forward)');
    // Checked before moving: past it, every timestamp the emulator writes would fail (or leave ISO-8601's four-digit years).
    if (this.now().getTime() + ms > LAST_MOMENT_MS) {
      throw new RangeError(`advanceTime: the clock would pass ${new Date(LAST_MOMENT_MS).toISOString()}, the last moment an ISO-8601 timestamp of the API can name; it stays at ${this.now().toISOString()}`);
    }
    this.#offsetMs += ms;
    return this.now();
  }

  reset(): void {
    this.store = new Store();
    this.faults.clear();
    this.limiter.clear();
    this.idempotency.clear();
    this.#requests = [];
    this.#ensureBootstrap();
    this.#saveInBackground();
  }

  addDeveloper(input: NewDeveloperInput = {}): NewDeveloper {
    const developer = this.store.addDeveloper(
      input.email ?? `developer-${randomBytes(3).toString('hex')}@example.com`,
      input.companyName === undefined ? 'Example Corp' : input.companyName,
      input.associated ?? true,
    );
    const keys = {} as Record<Environment, string>;
    for (const env of ENVIRONMENTS) keys[env] = this.#mintManagementKey(env, developer.id, 'Management key').secret;
    this.#saveInBackground();
    return { developer: { ...developer }, keys };
  }

  recordUsage(keyId: string, input: UsageInput): DayUsageRecord {
    const key = typeof keyId === 'string' ? this.store.keys.get(keyId) : undefined;
    if (!key) throw new RangeError(`recordUsage: no key with id "${redactText(String(keyId))}"; pass the apiKey.id of a key this emulator created`);
    const nowDate = this.now();
    const today = utcDay(nowDate.getTime());
    const { date = today, requests, errors = 0, ...unknown } = (input ?? {}) as UsageInput;
    const problems: string[] = [];
    const extra = Object.keys(unknown);
    if (extra.length > 0) problems.push(`unknown field ${extra.join(', ')} (known: date, requests, errors)`);
    if (typeof date !== 'string' || !isCalendarDay(date)) {
      problems.push('date must be a UTC day, YYYY-MM-DD');
    } else if (date > today) {
      problems.push(`date must not be after today (${today} on the emulator clock)`);
    }
    const count = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
    if (!count(requests)) problems.push('requests must be a whole number >= 0');
    if (!count(errors)) problems.push('errors must be a whole number >= 0');
    else if (count(requests) && errors > requests) problems.push('errors must not exceed requests');
    if (problems.length > 0) throw new TypeError(`recordUsage: ${problems.join('; ')}`);

    const usedAt = requests === 0 ? null : date === today ? nowDate.toISOString() : `${date}T23:59:59.999Z`;
    const totals = this.store.addUsage(key, date, { requests, errors }, usedAt);
    this.#saveInBackground();
    return { keyId: key.id, date, ...totals };
  }

  log(record: RequestRecord): void {
    this.#requests.push(record);
    if (this.#requests.length > MAX_REQUEST_LOG) this.#requests.splice(0, this.#requests.length - MAX_REQUEST_LOG);
  }

  /**
   * Resolves once everything a reply may show is on the disk: the changes clients asked for,
   * this request's and any other's written or still being written (so no reply shows a change
   * a crash could undo). Usage bookkeeping alone (`lastUsedAt`, request counts) does not hold a
   * reply back; it goes to the disk in the background, with the next batch.
   */
  settled(): Promise<void> {
    if (!this.#file || this.#stopped) return Promise.resolve();
    if (this.store.hasUnsavedRequest) return this.#save();
    if (this.store.hasUnsavedChanges) this.#saveInBackground();
    return this.#requestedSave ?? Promise.resolve();
  }

  /** Resolves once every change so far is on the disk. */
  flush(): Promise<void> {
    return this.#file && !this.#stopped ? this.#save() : Promise.resolve();
  }

  /** Let the saves under way finish, then leave one snapshot and no log; no saves after this. */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    await this.#queue;
    this.#file?.close(this.store.toFile());
  }

  #saveInBackground(): void {
    this.#save().catch((err: unknown) => {
      if (this.#warned) return;
      this.#warned = true;
      process.emitWarning(`dhmad-emulator: ${(err as Error).message}`);
    });
  }

  /** Queue a save, or join the one queued and not started; it takes the changes when it starts. */
  #save(): Promise<void> {
    if (!this.#file || this.#stopped) return Promise.resolve();
    if (this.#nextSave) return this.#nextSave;
    const file = this.#file;
    const job: Promise<void> = this.#queue.then(async () => {
      this.#nextSave = null;
      const set = this.store.takeChanges();
      if (!set) return;
      try {
        if (file.needsSnapshot || file.logBytes > SNAPSHOT_AFTER_LOG_BYTES) {
          file.snapshot(this.store.toFile());
        } else {
          if (set.requested) this.#requestedSave = job;
          await file.append(set.changes);
        }
        this.#warned = false;
      } catch (err) {
        set.requeue();
        throw err;
      } finally {
        if (this.#requestedSave === job) this.#requestedSave = null;
      }
    });
    this.#nextSave = job;
    this.#queue = job.catch(() => undefined);
    return job;
  }

  #ensureBootstrap(): void {
    if (this.store.developers.size === 0) this.store.addDeveloper('developer@example.com', 'Example Corp');
    const developerId = this.store.developers.keys().next().value as string;
    const nowMs = this.now().getTime();
    for (const env of ENVIRONMENTS) {
      const saved = this.store.bootstrap[env];
      if (saved) {
        const found = this.store.lookup(saved.key);
        const k = found.kind === 'current' ? found.key : null;
        // A bootstrap key that was regenerated, deactivated or expired since it was saved no longer bootstraps anything.
        if (k && k.isActive && (k.expiresAt === null || Date.parse(k.expiresAt) > nowMs) && k.scopes.includes(MANAGE_SCOPE)) {
          this.#bootstrapKeys[env] = saved.key;
          continue;
        }
      }
      const { record, secret } = this.#mintManagementKey(env, developerId, 'Emulator bootstrap key');
      this.store.setBootstrap(env, { keyId: record.id, key: secret });
      this.#bootstrapKeys[env] = secret;
    }
  }

  #mintManagementKey(env: Environment, developerId: string, name: string): { record: KeyRecord; secret: string } {
    return this.store.createKey(
      env,
      developerId,
      { name: `${name} (${env})`, rateLimit: BOOTSTRAP_KEY_RATE_LIMIT, scopes: [MANAGE_SCOPE] },
      this.now().toISOString(),
    );
  }
}

/** The store as the data file and its log left it. */
function load(file: DataFile): Store {
  const { snapshot, batches } = file.load();
  let store: Store;
  try {
    store = snapshot ? Store.fromFile(snapshot) : new Store();
  } catch (err) {
    throw new Error(`Cannot load ${file.path}: it is ${(err as Error).message}. Move it away or pass another --data path.`, { cause: err });
  }
  for (const batch of batches) {
    for (const change of batch) {
      if ('reset' in change) store = new Store();
      else store.apply(change);
    }
  }
  return store;
}

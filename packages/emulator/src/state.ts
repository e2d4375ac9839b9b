import { randomBytes } from 'node:crypto';
import { resolve as resolvePath } from 'node:path';
import { redactText, type Environment } from '@dhmad/sdk/key-format';
import { loadContract, type Contract } from './contract.js';
import { FaultQueue } from './faults.js';
import { IdempotencyStore } from './idempotency.js';
import { RateLimiter } from './rate-limit.js';
import { readState, writeState } from './state-file.js';
import { BOOTSTRAP_KEY_RATE_LIMIT, MANAGE_SCOPE, Store, utcDay, type KeyRecord } from './store.js';
import type { DayUsageRecord, EmulatorOptions, NewDeveloper, NewDeveloperInput, RequestRecord, UsageInput } from './types.js';

export const ENVIRONMENTS: readonly Environment[] = ['live', 'sandbox'];

const MAX_REQUEST_LOG = 10_000;
const PERSIST_DELAY_MS = 100;

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
  readonly #dataFile: string | null;
  #bootstrapKeys: Record<Environment, string> = { live: '', sandbox: '' };
  #offsetMs = 0;
  #requests: RequestRecord[] = [];
  #persistTimer: NodeJS.Timeout | null = null;
  #stopped = false;

  constructor(options: EmulatorOptions) {
    this.ipRateLimit = options.ipRateLimit ?? false;
    this.keyRateLimits = options.keyRateLimits !== false;
    this.#clock = options.now ?? (() => new Date());
    this.#dataFile = options.data ? resolvePath(options.data) : null;
    const saved = this.#dataFile ? readState(this.#dataFile) : null;
    if (saved) {
      try {
        this.store = Store.fromFile(saved);
      } catch (err) {
        throw new Error(`Cannot load ${this.#dataFile}: it is ${(err as Error).message}. Move it away or pass another --data path.`, {
          cause: err,
        });
      }
    } else {
      this.store = new Store();
    }
    this.#ensureBootstrap();
    // Save before any port opens, so a data path that cannot be written fails fast and leaves nothing running.
    this.flush();
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
    this.changed();
  }

  addDeveloper(input: NewDeveloperInput = {}): NewDeveloper {
    const developer = this.store.addDeveloper(
      input.email ?? `developer-${randomBytes(3).toString('hex')}@example.com`,
      input.companyName === undefined ? 'Example Corp' : input.companyName,
      input.associated ?? true,
    );
    const keys = {} as Record<Environment, string>;
    for (const env of ENVIRONMENTS) keys[env] = this.#mintManagementKey(env, developer.id, 'Management key').secret;
    this.changed();
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
    const dayMs = typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) : NaN;
    // Date.parse rolls 2030-02-30 over to March; a day that does not come back unchanged does not exist.
    if (Number.isNaN(dayMs) || utcDay(dayMs) !== date) {
      problems.push('date must be a UTC day, YYYY-MM-DD');
    } else if (date > today) {
      problems.push(`date must not be after today (${today} on the emulator clock)`);
    }
    const count = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
    if (!count(requests)) problems.push('requests must be a whole number >= 0');
    if (!count(errors)) problems.push('errors must be a whole number >= 0');
    else if (count(requests) && errors > requests) problems.push('errors must not exceed requests');
    if (problems.length > 0) throw new TypeError(`recordUsage: ${problems.join('; ')}`);

    const totals = this.store.addUsage(key.id, date, { requests, errors });
    if (requests > 0) {
      const usedAt = date === today ? nowDate.toISOString() : `${date}T23:59:59.999Z`;
      if (key.lastUsedAt === null || usedAt > key.lastUsedAt) key.lastUsedAt = usedAt;
    }
    this.changed();
    return { keyId: key.id, date, ...totals };
  }

  log(record: RequestRecord): void {
    this.#requests.push(record);
    if (this.#requests.length > MAX_REQUEST_LOG) this.#requests.splice(0, this.#requests.length - MAX_REQUEST_LOG);
  }

  /** Something in the store changed: save it soon. */
  changed(): void {
    if (!this.#dataFile || this.#persistTimer || this.#stopped) return;
    this.#persistTimer = setTimeout(() => {
      this.#persistTimer = null;
      try {
        this.flush();
      } catch (err) {
        process.emitWarning(`dhmad-emulator: could not save state to ${this.#dataFile}: ${(err as Error).message}`);
      }
    }, PERSIST_DELAY_MS);
  }

  flush(): void {
    if (this.#persistTimer) clearTimeout(this.#persistTimer);
    this.#persistTimer = null;
    if (this.#dataFile) writeState(this.#dataFile, this.store.toFile());
  }

  /** Save one last time and schedule no more saves. */
  stop(): void {
    this.#stopped = true;
    this.flush();
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
      this.store.bootstrap[env] = { keyId: record.id, key: secret };
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

import type { Environment } from '@dhmad/sdk/key-format';
import type { Developer } from '@dhmad/sdk';
import type { FaultHandle, FaultSpec } from './faults.js';

export interface EmulatorOptions {
  /** Port of the live listener; 0 picks a free one. Default 0. */
  port?: number;
  /** Port of the sandbox listener; 0 picks a free one. Default 0. */
  sandboxPort?: number;
  /** Interface to listen on. Default 127.0.0.1. */
  host?: string;
  /**
   * Host names, besides localhost, IP addresses and `host`, under which the control routes
   * (`/__emulator/*`) answer, e.g. a container's service name. Pages of these hosts may call them too.
   */
  allowedHosts?: string[];
  /**
   * JSON file to load state from and save it to (mode 0600), with its write-ahead log `<data>.wal`:
   * a change is on the disk before the answer that shows it. Without it, state lives in memory only.
   */
  data?: string;
  /**
   * Requests per minute per client IP, per environment, like the real API's 100.
   * `false` (the default) turns it off so test suites are not throttled; pass 100 to emulate production.
   */
  ipRateLimit?: number | false;
  /** Enforce each key's own `rateLimit` (requests per minute). Default true. */
  keyRateLimits?: boolean;
  /** The base clock; `advanceTime` adds to it. Default `() => new Date()`. */
  now?: () => Date;
}

/** One request the emulator saw, for assertions in tests. Never contains a secret. */
export interface RequestRecord {
  requestId: string;
  environment: Environment;
  method: string;
  /** Full path with query string, e.g. `/api/v1/api-keys?page=2`. */
  path: string;
  /** Status sent; `null` when a fault dropped the response or hung. */
  status: number | null;
  /** `keyPrefix` of the authenticated key, if any. */
  keyPrefix: string | null;
  idempotencyKey: string | null;
  /** Which fault applied, if any (`delay` when a fault only delayed the request). */
  fault: 'status' | 'hang' | 'dropResponse' | 'delay' | null;
  /** Emulator-clock time of the request. */
  at: string;
}

export interface NewDeveloperInput {
  email?: string;
  companyName?: string | null;
  /**
   * Whether the developer account is associated with a user account (default true). The real API
   * answers 403 on most endpoints for an unassociated account, `GET /me` excepted; so does the emulator.
   */
  associated?: boolean;
}

export interface NewDeveloper {
  developer: Developer;
  /** Management keys (`keys:manage`) of the new account, one per environment. */
  keys: Record<Environment, string>;
}

/** Usage to put on a key for one day, as if it had sent those requests. */
export interface UsageInput {
  /** UTC day, `YYYY-MM-DD`; default today on the emulator clock. Not in the future. */
  date?: string;
  /** Requests to add to that day's count (a whole number >= 0). */
  requests: number;
  /** How many of them failed (default 0; at most `requests`). */
  errors?: number;
}

/** A key's counts for one day after `recordUsage`, as `GET /api-keys/{id}/usage` reports them. */
export interface DayUsageRecord {
  keyId: string;
  date: string;
  requests: number;
  errors: number;
}

export interface Emulator {
  readonly liveUrl: string;
  readonly sandboxUrl: string;
  /** Full secrets of the default account's `keys:manage` keys. New ones after `reset()`. */
  readonly bootstrapKeys: Readonly<Record<Environment, string>>;
  /** Every request seen since start or `reset()`, oldest first (the last 10,000). */
  readonly requests: readonly RequestRecord[];
  injectFault(spec: FaultSpec): FaultHandle;
  clearFaults(): void;
  /** Move the emulator clock forward: key expiry, rate-limit windows, usage days, idempotency windows. Returns the new time. */
  advanceTime(ms: number): Date;
  /** The emulator clock. */
  now(): Date;
  /** Back to a fresh state: no keys but new bootstrap keys, no faults, no usage, clock offset kept. */
  reset(): void;
  /** Another developer account with its own management keys, for cross-account tests. */
  addDeveloper(input?: NewDeveloperInput): NewDeveloper;
  /**
   * Add requests (and errors) to a key's usage on one day without sending them, for tests of usage
   * monitoring. Moves `lastUsedAt` forward to that day when `requests > 0`. Returns the day's totals.
   */
  recordUsage(keyId: string, input: UsageInput): DayUsageRecord;
  /**
   * Resolves once every change so far is on the disk (when `data` is set). Changes made through this
   * object (`reset`, `addDeveloper`, `recordUsage`) are saved in the background; HTTP requests are
   * answered only once their changes are saved.
   */
  flush(): Promise<void>;
  close(): Promise<void>;
}

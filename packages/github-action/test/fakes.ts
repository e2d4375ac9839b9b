/**
 * In-memory stand-ins for the rotation core's arguments. They keep the same rules
 * as the real API where the core depends on them: secrets shown once, idempotent
 * creates replayed for 24 h, regenerate killing the old secret, `/me` per secret.
 */
import { createHash, randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { Environment } from '@dhmad/sdk/key-format';
import { makeKey, prefixOf } from '../../../test/support/keys.js';
import type {
  Clock,
  CreateKeyParams,
  KeyApi,
  KeyIdentity,
  KeyUsage,
  Logger,
  ManagedKey,
  MintedKey,
  RotationPlan,
  RotationReport,
  SecretStore,
  TargetScope,
} from '../src/core/types.js';
import { TargetError } from '../src/core/types.js';

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;

export class FakeClock implements Clock {
  constructor(public ms = Date.parse('2026-06-01T00:00:00Z')) {}
  now(): Date {
    return new Date(this.ms);
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

const newId = (): string => randomBytes(12).toString('hex');
const newSecret = (env: Environment): string => makeKey(env);
const hash = (s: string): string => createHash('sha256').update(s).digest('hex');

type Method = keyof KeyApi;

export class FakeKeyApi implements KeyApi {
  readonly keys = new Map<string, ManagedKey>();
  /** sha256(secret) -> key id; a key's previous secrets are removed on regenerate. */
  readonly secrets = new Map<string, string>();
  readonly replays = new Map<string, { at: number; body: string; result: MintedKey }>();
  readonly calls: string[] = [];
  readonly idempotencyKeys: string[] = [];
  /** Make the next call of a method throw. */
  readonly faults = new Map<Method, Error>();
  /** Replay window; set to 0 to model an API that never replays. */
  replayMs = DAY;
  readonly managerSecret: string;
  readonly managerId: string;
  /** Requests per key id and UTC day, as `usage` reports them. */
  readonly usageByDay = new Map<string, Map<string, number>>();
  /** What `seal` handed out: only this fake (the one "management key") opens them. */
  private readonly sealedValues = new Map<string, { keyId: string; secret: string }>();

  constructor(
    readonly clock: FakeClock,
    readonly environment: Environment = 'live',
  ) {
    const { key, secret } = this.seed({ name: 'rotation-manager', scopes: ['keys:manage'] });
    this.managerSecret = secret;
    this.managerId = key.id;
  }

  /** Add a key directly, as the dashboard would; returns it with its secret. */
  seed(over: Partial<ManagedKey> = {}): MintedKey {
    const secret = newSecret(over.environment ?? this.environment);
    const at = this.clock.now().toISOString();
    const key: ManagedKey = {
      id: newId(),
      name: 'ci',
      keyPrefix: prefixOf(secret),
      environment: this.environment,
      isActive: true,
      expiresAt: null,
      rateLimit: 100,
      metadata: {},
      scopes: [],
      lastUsedAt: null,
      createdAt: at,
      updatedAt: at,
      ...over,
    };
    this.keys.set(key.id, key);
    this.secrets.set(hash(secret), key.id);
    return { key: { ...key }, secret };
  }

  private enter(method: Method, detail = ''): void {
    this.calls.push(detail ? `${method} ${detail}` : method);
    const fault = this.faults.get(method);
    if (fault) {
      this.faults.delete(method);
      throw fault;
    }
  }

  private existing(id: string): ManagedKey {
    const key = this.keys.get(id);
    if (!key) throw new Error(`404 No API key with id ${id}`);
    return key;
  }

  private identity(secret: string): KeyIdentity {
    const id = this.secrets.get(hash(secret));
    const key = id ? this.keys.get(id) : undefined;
    if (!key || !key.isActive) throw new Error('401 Invalid or expired API key');
    key.lastUsedAt = this.clock.now().toISOString();
    const day = key.lastUsedAt.slice(0, 10);
    const days = this.usageByDay.get(key.id) ?? new Map<string, number>();
    days.set(day, (days.get(day) ?? 0) + 1);
    this.usageByDay.set(key.id, days);
    return { id: key.id, keyPrefix: key.keyPrefix, environment: key.environment, isActive: key.isActive };
  }

  /** A consumer outside the targets calls the API with `secret`, as a deployed service would. */
  use(secret: string): void {
    this.identity(secret);
  }

  activeOf(name: string): ManagedKey[] {
    return [...this.keys.values()].filter((k) => k.name === name && k.isActive);
  }

  /** The key a secret belongs to, if it still works. */
  holder(secret: string | undefined): ManagedKey | null {
    if (secret === undefined) return null;
    const id = this.secrets.get(hash(secret));
    const key = id ? this.keys.get(id) : undefined;
    return key && key.isActive ? key : null;
  }

  async whoami(): Promise<KeyIdentity> {
    this.enter('whoami');
    return this.identity(this.managerSecret);
  }
  async verify(secret: string): Promise<KeyIdentity> {
    this.enter('verify');
    return this.identity(secret);
  }
  async list(): Promise<ManagedKey[]> {
    this.enter('list');
    return [...this.keys.values()].map((k) => ({ ...k, metadata: { ...k.metadata } }));
  }
  async get(id: string): Promise<ManagedKey | null> {
    this.enter('get', id);
    const key = this.keys.get(id);
    return key ? { ...key, metadata: { ...key.metadata } } : null;
  }
  async create(params: CreateKeyParams, idempotencyKey: string): Promise<MintedKey> {
    this.enter('create');
    this.idempotencyKeys.push(idempotencyKey);
    const body = JSON.stringify(params);
    const prior = this.replays.get(idempotencyKey);
    if (prior && this.clock.ms - prior.at < this.replayMs) {
      if (prior.body !== body) throw new Error('409 Idempotency-Key reused with a different request');
      return { key: { ...prior.result.key }, secret: prior.result.secret };
    }
    const minted = this.seed({ ...params, metadata: { ...params.metadata }, scopes: [...params.scopes] });
    this.replays.set(idempotencyKey, { at: this.clock.ms, body, result: minted });
    return minted;
  }
  async regenerate(id: string, idempotencyKey: string): Promise<MintedKey> {
    this.enter('regenerate', id);
    this.idempotencyKeys.push(idempotencyKey);
    const key = this.existing(id);
    for (const [h, kid] of this.secrets) if (kid === id) this.secrets.delete(h);
    const secret = newSecret(key.environment);
    this.secrets.set(hash(secret), id);
    key.keyPrefix = prefixOf(secret);
    key.updatedAt = this.clock.now().toISOString();
    return { key: { ...key }, secret };
  }
  async setMetadata(id: string, metadata: Record<string, string>): Promise<ManagedKey> {
    this.enter('setMetadata', id);
    const key = this.existing(id);
    key.metadata = { ...metadata };
    key.updatedAt = this.clock.now().toISOString();
    return { ...key };
  }
  async activate(id: string): Promise<ManagedKey> {
    this.enter('activate', id);
    const key = this.existing(id);
    key.isActive = true;
    key.updatedAt = this.clock.now().toISOString();
    return { ...key };
  }
  async usage(id: string, days: number): Promise<KeyUsage> {
    this.enter('usage', id);
    this.existing(id);
    const today = Date.parse(this.clock.now().toISOString().slice(0, 10));
    const out: KeyUsage['days'] = [];
    for (let i = days - 1; i >= 0; i--) {
      const date = new Date(today - i * DAY).toISOString().slice(0, 10);
      out.push({ date, requests: this.usageByDay.get(id)?.get(date) ?? 0, errors: 0 });
    }
    return { days: out, total: out.reduce((n, d) => n + d.requests, 0) };
  }
  seal(keyId: string, secret: string): string {
    const token = `sealed-${this.sealedValues.size + 1}`;
    this.sealedValues.set(token, { keyId, secret });
    return token;
  }
  unseal(keyId: string, sealed: string): string | null {
    const v = this.sealedValues.get(sealed);
    return v && v.keyId === keyId ? v.secret : null;
  }
  async deactivate(id: string, metadata?: Record<string, string>): Promise<ManagedKey> {
    this.enter('deactivate', id);
    const key = this.existing(id);
    key.isActive = false;
    if (metadata) key.metadata = { ...metadata };
    key.updatedAt = this.clock.now().toISOString();
    return { ...key };
  }
  async delete(id: string): Promise<void> {
    this.enter('delete', id);
    this.existing(id);
    this.keys.delete(id);
  }
}

export class FakeStore implements SecretStore {
  value: string | undefined;
  writes = 0;
  preflightError: TargetError | null = null;
  /** Errors thrown by the next writes, in order. */
  writeErrors: TargetError[] = [];
  readonly scope: TargetScope;
  constructor(
    readonly label: string,
    initial?: string,
    scope: TargetScope = 'repository',
  ) {
    this.value = initial;
    this.scope = scope;
  }
  async preflight(): Promise<void> {
    if (this.preflightError) throw this.preflightError;
  }
  /** While set, the next write waits for `gate` before landing (a slow GitHub write). */
  private held: { gate: Promise<void>; began: () => void } | null = null;
  async write(secret: string): Promise<void> {
    const err = this.writeErrors.shift();
    if (err) throw err;
    const held = this.held;
    this.held = null;
    if (held) {
      held.began();
      await held.gate;
    }
    this.writes++;
    this.value = secret;
  }
  /** Hold the next write until `release` is called; `started` resolves once that write began. */
  holdNextWrite(): { release: () => void; started: Promise<void> } {
    let release!: () => void;
    let began!: () => void;
    const started = new Promise<void>((resolve) => (began = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    this.held = { gate, began };
    return { release, started };
  }
}

export const forbidden = (): TargetError => new TargetError('403 the token lacks secrets=write', 403);

export class RecordingLogger implements Logger {
  readonly lines: string[] = [];
  readonly masked: string[] = [];
  /** Every secret printed or masked, in order of events: 'mask' or 'print'. */
  readonly events: { kind: 'mask' | 'print'; text: string }[] = [];
  info(message: string): void {
    this.push('info', message);
  }
  warning(message: string): void {
    this.push('warning', message);
  }
  error(message: string): void {
    this.push('error', message);
  }
  setSecret(secret: string): void {
    this.masked.push(secret);
    this.events.push({ kind: 'mask', text: secret });
  }
  private push(level: string, message: string): void {
    this.lines.push(`${level}: ${message}`);
    this.events.push({ kind: 'print', text: message });
  }
  get text(): string {
    return this.lines.join('\n');
  }
}

export function plan(over: Partial<RotationPlan> = {}): RotationPlan {
  return {
    keyName: 'ci',
    keyId: null,
    secretName: 'DHMAD_API_KEY',
    strategy: 'overlap',
    gracePeriodMs: 0,
    deleteAfterMs: null,
    minAgeMs: 0,
    dryRun: false,
    concurrency: 4,
    idlePeriodMs: 0,
    alertAfterMs: null,
    compromised: false,
    rollback: false,
    createIfMissing: false,
    ...over,
  };
}

/** A 90-day-old key "ci" of the dashboard's making, held by `storeCount` repository targets. */
export function setup(storeCount = 3) {
  const clock = new FakeClock();
  const api = new FakeKeyApi(clock);
  const old = api.seed({ name: 'ci', metadata: { appName: 'shop', website: 'https://shop.example' }, rateLimit: 250 });
  clock.advance(90 * DAY);
  const stores = Array.from({ length: storeCount }, (_, i) => new FakeStore(`repository:acme/app${i}`, old.secret));
  const logger = new RecordingLogger();
  return { clock, api, old, stores, logger };
}

export type Setup = ReturnType<typeof setup>;

/** Counts active keys named `ci` after every API call, so a test can assert the maximum ever seen. */
export function trackActive(api: FakeKeyApi): { max: number } {
  const seen = { max: api.activeOf('ci').length };
  for (const method of ['create', 'regenerate', 'activate', 'deactivate', 'setMetadata', 'delete'] as const) {
    const original = api[method].bind(api) as (...args: unknown[]) => Promise<unknown>;
    (api as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
      const result = await original(...args);
      seen.max = Math.max(seen.max, api.activeOf('ci').length);
      return result;
    };
  }
  return seen;
}

/** No secret (of `secrets`, the old key, the management key) in the log or the report. */
export function expectNoSecret(s: Setup, report: RotationReport, secrets: string[], logger: RecordingLogger = s.logger): void {
  const all = [...secrets, s.old.secret, s.api.managerSecret];
  const printed = logger.text + JSON.stringify(report);
  for (const secret of all) expect(printed).not.toContain(secret.slice(-58));
}

/** Every key's state but lastUsedAt (GET /me, a read, sets it), to show a run changed nothing. */
export function keyState(api: FakeKeyApi): string {
  return JSON.stringify([...api.keys.values()].map(({ lastUsedAt: _, ...k }) => k));
}

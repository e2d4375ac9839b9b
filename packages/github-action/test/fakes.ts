/**
 * In-memory stand-ins for the rotation core's arguments. They keep the same rules
 * as the real API where the core depends on them: secrets shown once, idempotent
 * creates replayed for 24 h, regenerate killing the old secret, `/me` per secret.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Environment } from '@dhmad/sdk/key-format';
import { makeKey, prefixOf } from '../../../test/support/keys.js';
import type {
  Clock,
  CreateKeyParams,
  KeyApi,
  KeyIdentity,
  Logger,
  ManagedKey,
  MintedKey,
  RotationPlan,
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

  private get(id: string): ManagedKey {
    const key = this.keys.get(id);
    if (!key) throw new Error(`404 No API key with id ${id}`);
    return key;
  }

  private identity(secret: string): KeyIdentity {
    const id = this.secrets.get(hash(secret));
    const key = id ? this.keys.get(id) : undefined;
    if (!key || !key.isActive) throw new Error('401 Invalid or expired API key');
    return { id: key.id, keyPrefix: key.keyPrefix, environment: key.environment, isActive: key.isActive };
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
    const key = this.get(id);
    for (const [h, kid] of this.secrets) if (kid === id) this.secrets.delete(h);
    const secret = newSecret(key.environment);
    this.secrets.set(hash(secret), id);
    key.keyPrefix = prefixOf(secret);
    key.updatedAt = this.clock.now().toISOString();
    return { key: { ...key }, secret };
  }
  async setMetadata(id: string, metadata: Record<string, string>): Promise<ManagedKey> {
    this.enter('setMetadata', id);
    const key = this.get(id);
    key.metadata = { ...metadata };
    key.updatedAt = this.clock.now().toISOString();
    return { ...key };
  }
  async deactivate(id: string): Promise<ManagedKey> {
    this.enter('deactivate', id);
    const key = this.get(id);
    key.isActive = false;
    key.updatedAt = this.clock.now().toISOString();
    return { ...key };
  }
  async delete(id: string): Promise<void> {
    this.enter('delete', id);
    this.get(id);
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
  async write(secret: string): Promise<void> {
    const err = this.writeErrors.shift();
    if (err) throw err;
    this.writes++;
    this.value = secret;
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
    ...over,
  };
}

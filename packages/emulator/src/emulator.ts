import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { resolve as resolvePath } from 'node:path';
import { redactText, type Environment } from '@dhmad/sdk/key-format';
import type { Developer } from '@dhmad/sdk';
import { authenticate } from './auth.js';
import { API_BASE_PATH, loadContract, type Contract, type Operation } from './contract.js';
import { FaultQueue, type FaultHandle, type FaultSpec } from './faults.js';
import { errorReply, HttpError, reasonPhrase, type Reply } from './http.js';
import { IdempotencyStore } from './idempotency.js';
import { readState, writeState } from './persist.js';
import { RateLimiter } from './rate-limit.js';
import { authorize, handlers, utcDay } from './routes.js';
import { describeProblems } from './schema.js';
import { BOOTSTRAP_KEY_RATE_LIMIT, MANAGE_SCOPE, Store, type KeyRecord } from './store.js';
import { handleControl } from './control.js';

export const ENVIRONMENTS: readonly Environment[] = ['live', 'sandbox'];

export interface EmulatorOptions {
  /** Port of the live listener; 0 picks a free one. Default 0. */
  port?: number;
  /** Port of the sandbox listener; 0 picks a free one. Default 0. */
  sandboxPort?: number;
  /** Interface to listen on. Default 127.0.0.1. */
  host?: string;
  /** JSON file to load state from and save it to (atomically, mode 0600). Without it, state lives in memory only. */
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
  /** Save state now (when `data` is set); `close()` does it too. */
  flush(): void;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;
const MAX_REQUEST_LOG = 10_000;
const PERSIST_DELAY_MS = 100;

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const instance = new EmulatorServer(options);
  await instance.listen();
  return instance;
}

class EmulatorServer implements Emulator {
  readonly #options: EmulatorOptions;
  readonly #contract: Contract = loadContract();
  readonly #dataFile: string | null;
  #store: Store;
  #bootstrapKeys: Record<Environment, string> = { live: '', sandbox: '' };
  #offsetMs = 0;
  readonly #faults = new FaultQueue();
  readonly #limiter = new RateLimiter();
  readonly #idempotency = new IdempotencyStore();
  readonly #servers = new Map<Environment, Server>();
  readonly #urls: Record<Environment, string> = { live: '', sandbox: '' };
  readonly #hosts: Record<Environment, string> = { live: '', sandbox: '' };
  #requests: RequestRecord[] = [];
  #persistTimer: NodeJS.Timeout | null = null;
  #closed = false;

  constructor(options: EmulatorOptions) {
    validateOptions(options);
    this.#options = options;
    this.#dataFile = options.data ? resolvePath(options.data) : null;
    const saved = this.#dataFile ? readState(this.#dataFile) : null;
    if (saved) {
      try {
        this.#store = Store.fromFile(saved);
      } catch (err) {
        throw new Error(`Cannot load ${this.#dataFile}: it is ${(err as Error).message}. Move it away or pass another --data path.`, {
          cause: err,
        });
      }
    } else {
      this.#store = new Store();
    }
    this.#ensureBootstrap();
    // Save before opening any port, so a --data path that cannot be written fails fast and leaves nothing running.
    this.flush();
  }

  get liveUrl(): string {
    return this.#urls.live;
  }
  get sandboxUrl(): string {
    return this.#urls.sandbox;
  }
  get bootstrapKeys(): Readonly<Record<Environment, string>> {
    return Object.freeze({ ...this.#bootstrapKeys });
  }
  get requests(): readonly RequestRecord[] {
    return this.#requests;
  }

  now(): Date {
    return new Date((this.#options.now?.() ?? new Date()).getTime() + this.#offsetMs);
  }

  advanceTime(ms: number): Date {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('advanceTime: ms must be a finite number >= 0 (the emulator clock only moves forward)');
    this.#offsetMs += ms;
    return this.now();
  }

  injectFault(spec: FaultSpec): FaultHandle {
    return this.#faults.add(spec);
  }

  clearFaults(): void {
    this.#faults.clear();
  }

  reset(): void {
    this.#store = new Store();
    this.#faults.clear();
    this.#limiter.clear();
    this.#idempotency.clear();
    this.#requests = [];
    this.#ensureBootstrap();
    this.#schedulePersist();
  }

  addDeveloper(input: NewDeveloperInput = {}): NewDeveloper {
    const developer = this.#store.addDeveloper(
      input.email ?? `developer-${randomBytes(3).toString('hex')}@example.com`,
      input.companyName === undefined ? 'Example Corp' : input.companyName,
      input.associated ?? true,
    );
    const keys = {} as Record<Environment, string>;
    for (const env of ENVIRONMENTS) keys[env] = this.#mintManagementKey(env, developer.id, 'Management key').secret;
    this.#schedulePersist();
    return { developer: { ...developer }, keys };
  }

  recordUsage(keyId: string, input: UsageInput): DayUsageRecord {
    const key = typeof keyId === 'string' ? this.#store.keys.get(keyId) : undefined;
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

    const totals = this.#store.addUsage(key.id, date, { requests, errors });
    if (requests > 0) {
      const usedAt = date === today ? nowDate.toISOString() : `${date}T23:59:59.999Z`;
      if (key.lastUsedAt === null || usedAt > key.lastUsedAt) key.lastUsedAt = usedAt;
    }
    this.#schedulePersist();
    return { keyId: key.id, date, ...totals };
  }

  flush(): void {
    if (this.#persistTimer) clearTimeout(this.#persistTimer);
    this.#persistTimer = null;
    if (this.#dataFile) writeState(this.#dataFile, this.#store.toFile());
  }

  async listen(): Promise<void> {
    const host = this.#options.host ?? '127.0.0.1';
    const ports: Record<Environment, number> = { live: this.#options.port ?? 0, sandbox: this.#options.sandboxPort ?? 0 };
    try {
      for (const env of ENVIRONMENTS) {
        const server = createServer({ keepAliveTimeout: 5_000 }, (req, res) => {
          this.#handle(env, req, res).catch((err: unknown) => this.#crash(res, err));
        });
        this.#servers.set(env, server);
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen(ports[env], host, () => {
            server.off('error', reject);
            resolve();
          });
        });
        const { port } = server.address() as AddressInfo;
        const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
        this.#hosts[env] = `${urlHost}:${port}`;
        this.#urls[env] = `http://${urlHost}:${port}${API_BASE_PATH}`;
      }
    } catch (err) {
      await this.close();
      const e = err as NodeJS.ErrnoException;
      if (e.code === 'EADDRINUSE') {
        throw new Error(`Cannot start the emulator: port ${String((e as { port?: number }).port ?? '')} on ${host} is already in use. Pick another port, or 0 for a free one.`, {
          cause: err,
        });
      }
      throw err;
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.all(
      [...this.#servers.values()].map(
        (server) =>
          new Promise<void>((resolve) => {
            if (!server.listening) return resolve();
            server.close(() => resolve());
            // Hung requests (faults) and idle keep-alive sockets would hold close() open forever.
            server.closeAllConnections();
          }),
      ),
    );
    this.flush();
  }

  #ensureBootstrap(): void {
    if (this.#store.developers.size === 0) this.#store.addDeveloper('developer@example.com', 'Example Corp');
    const developerId = this.#store.developers.keys().next().value as string;
    const nowMs = this.now().getTime();
    for (const env of ENVIRONMENTS) {
      const saved = this.#store.bootstrap[env];
      if (saved) {
        const found = this.#store.lookup(saved.key);
        const k = found.kind === 'current' ? found.key : null;
        // A bootstrap key that was regenerated, deactivated or expired since it was saved no longer bootstraps anything.
        if (k && k.isActive && (k.expiresAt === null || Date.parse(k.expiresAt) > nowMs) && k.scopes.includes(MANAGE_SCOPE)) {
          this.#bootstrapKeys[env] = saved.key;
          continue;
        }
      }
      const { record, secret } = this.#mintManagementKey(env, developerId, 'Emulator bootstrap key');
      this.#store.bootstrap[env] = { keyId: record.id, key: secret };
      this.#bootstrapKeys[env] = secret;
    }
  }

  #mintManagementKey(env: Environment, developerId: string, name: string): { record: KeyRecord; secret: string } {
    return this.#store.createKey(
      env,
      developerId,
      { name: `${name} (${env})`, rateLimit: BOOTSTRAP_KEY_RATE_LIMIT, scopes: [MANAGE_SCOPE] },
      this.now().toISOString(),
    );
  }

  #schedulePersist(): void {
    if (!this.#dataFile || this.#persistTimer || this.#closed) return;
    this.#persistTimer = setTimeout(() => {
      this.#persistTimer = null;
      try {
        this.flush();
      } catch (err) {
        process.emitWarning(`dhmad-emulator: could not save state to ${this.#dataFile}: ${(err as Error).message}`);
      }
    }, PERSIST_DELAY_MS);
  }

  #log(record: RequestRecord): void {
    this.#requests.push(record);
    if (this.#requests.length > MAX_REQUEST_LOG) this.#requests.splice(0, this.#requests.length - MAX_REQUEST_LOG);
  }

  #crash(res: ServerResponse, err: unknown): void {
    if (res.headersSent || res.destroyed) {
      res.destroy();
      return;
    }
    send(res, errorReply(500, `Internal emulator error: ${(err as Error)?.message ?? String(err)}`));
  }

  async #handle(env: Environment, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = `req_${randomBytes(12).toString('hex')}`;
    res.setHeader('X-Request-Id', requestId);
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    const method = (req.method ?? 'GET').toUpperCase();
    if (url.pathname.startsWith('/__emulator/')) {
      const raw = await readBody(req);
      send(res, raw === null ? tooLarge() : handleControl(this, method, url.pathname, raw));
      return;
    }
    const idempotencyHeader = req.headers['idempotency-key'];
    const record: RequestRecord = {
      requestId,
      environment: env,
      method,
      path: redactText(url.pathname + url.search),
      status: null,
      keyPrefix: null,
      idempotencyKey: typeof idempotencyHeader === 'string' ? redactText(idempotencyHeader) : null,
      fault: null,
      at: this.now().toISOString(),
    };
    this.#log(record);

    const relative = url.pathname === API_BASE_PATH || url.pathname.startsWith(`${API_BASE_PATH}/`) ? url.pathname.slice(API_BASE_PATH.length) || '/' : null;
    const fault = this.#faults.take(method, url.pathname, relative, env);
    if (fault?.delayMs) {
      record.fault = 'delay';
      await new Promise((r) => setTimeout(r, fault.delayMs));
    }
    if (fault?.hang) {
      record.fault = 'hang';
      // Leave the request open: the client's timeout is what is under test. close() destroys the socket.
      req.resume();
      return;
    }
    const raw = await readBody(req);
    if (fault?.status !== undefined) {
      record.fault = 'status';
      record.status = fault.status;
      const body = fault.body !== undefined ? fault.body : errorReply(fault.status, `Injected fault: the emulator was told to answer ${fault.status}.`).body;
      send(res, { status: fault.status, body, headers: fault.headers ?? {} });
      return;
    }

    let reply = raw === null ? tooLarge() : this.#process(env, req, method, url, relative, raw, record);
    if (fault?.headers) reply = { ...reply, headers: { ...reply.headers, ...fault.headers } };
    if (fault?.dropResponse) {
      record.fault = 'dropResponse';
      // The request took effect; the client never hears about it, as when a connection dies mid-response.
      res.socket?.destroy();
      return;
    }
    record.status = reply.status;
    send(res, reply);
  }

  #process(env: Environment, req: IncomingMessage, method: string, url: URL, relative: string | null, raw: Buffer, record: RequestRecord): Reply {
    const nowDate = this.now();
    const nowMs = nowDate.getTime();
    const ipLimit = this.#options.ipRateLimit ?? false;
    if (ipLimit !== false) {
      const decision = this.#limiter.hit(`ip|${env}|${req.socket.remoteAddress ?? ''}`, ipLimit, nowMs);
      if (!decision.allowed) {
        return tooManyRequests(`Too many requests from this IP address: the limit is ${ipLimit} per minute.`, decision.retryAfter);
      }
    }
    if (relative === null) {
      return errorReply(404, `Not found: ${url.pathname}. The API lives under ${API_BASE_PATH} (e.g. ${this.#urls[env]}/me).`);
    }
    const route = this.#contract.match(relative);
    if (!route) return errorReply(404, `Not found: no route ${method} ${url.pathname}. See openapi.yaml for the routes this API has.`);
    const op = route.methods.get(method);
    if (!op) {
      const allow = [...route.methods.keys()].join(', ');
      return errorReply(405, `Method ${method} is not allowed on ${API_BASE_PATH}${route.template}; use ${allow}.`, undefined, {
        headers: { Allow: allow },
      });
    }

    const other: Environment = env === 'live' ? 'sandbox' : 'live';
    const auth = authenticate(req.headers, this.#store, {
      environment: env,
      host: this.#hosts[env],
      otherUrl: this.#urls[other],
      nowMs,
    });
    const today = utcDay(nowMs);
    if (!auth.ok) {
      if (auth.key) {
        this.#store.addUsage(auth.key.id, today, { requests: 1, errors: 1 });
        this.#schedulePersist();
      }
      return auth.reply;
    }
    const caller = auth.key;
    record.keyPrefix = caller.keyPrefix;
    caller.lastUsedAt = nowDate.toISOString();
    this.#schedulePersist();

    const idem = req.headers['idempotency-key'];
    let reply: Reply;
    try {
      reply = this.#authorized({ env, caller, op, params: route.params, url, raw, now: nowDate, idempotencyKey: typeof idem === 'string' ? idem : null });
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      reply = err.reply;
    }
    // The key may have been deleted by this very request; its usage went with it.
    if (this.#store.keys.has(caller.id)) this.#store.addUsage(caller.id, today, { requests: 1, errors: reply.status >= 400 ? 1 : 0 });
    return reply;
  }

  #authorized(r: AuthorizedRequest): Reply {
    const { env, caller, op, params, url, raw, now, idempotencyKey } = r;
    const nowMs = now.getTime();
    if (this.#options.keyRateLimits !== false) {
      const decision = this.#limiter.hit(`key|${caller.id}`, caller.rateLimit, nowMs);
      if (!decision.allowed) {
        return tooManyRequests(`Too many requests for key ${caller.keyPrefix}: its limit is ${caller.rateLimit} per minute.`, decision.retryAfter);
      }
    }
    authorize(op.operationId, this.#store, caller);

    const text = raw.toString('utf8');
    let body: unknown = undefined;
    let bodyError: string | null = null;
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text);
      } catch (err) {
        bodyError = (err as Error).message;
      }
    }

    let fingerprint: string | null = null;
    if (op.method === 'POST' && idempotencyKey !== null) {
      if (idempotencyKey.length === 0 || idempotencyKey.length > 255) {
        return errorReply(400, 'The Idempotency-Key header must be 1 to 255 characters long.', { 'Idempotency-Key': 'must be 1 to 255 characters' });
      }
      fingerprint = IdempotencyStore.fingerprint(op.method, url.pathname, bodyError === null ? body : text);
      const seen = this.#idempotency.check(caller.id, idempotencyKey, fingerprint, nowMs);
      if (seen.kind === 'replay') {
        return { ...seen.reply, headers: { ...seen.reply.headers, 'Idempotent-Replayed': 'true' } };
      }
      if (seen.kind === 'conflict') {
        return errorReply(
          409,
          'This Idempotency-Key was already used with a different request (method, path or body). Use a new Idempotency-Key for a new request.',
          { 'Idempotency-Key': 'reused with a different request' },
        );
      }
    }

    for (const [name, schema] of Object.entries(op.pathParams)) {
      const problems = this.#contract.resolver.validate(schema, params[name] ?? '');
      if (Object.keys(problems).length > 0) {
        return errorReply(404, `No API key with id "${params[name] ?? ''}" in the ${env} environment of this account (ids are 24 hex characters).`);
      }
    }
    const query = this.#parseQuery(op, url.searchParams);
    let parsedBody: Record<string, unknown> = {};
    if (op.body) {
      if (bodyError !== null) {
        return errorReply(400, `Malformed JSON in the request body: ${bodyError}. Send a JSON object with Content-Type: application/json.`, {
          body: 'is not valid JSON',
        });
      }
      if (body === undefined) {
        if (op.bodyRequired) {
          return errorReply(400, 'The request body is required: send a JSON object with Content-Type: application/json.', { body: 'is required' });
        }
      } else {
        const problems = this.#contract.resolver.validate(op.body, body);
        if (Object.keys(problems).length > 0) return errorReply(400, `Invalid request body: ${describeProblems(problems)}.`, problems);
        parsedBody = body as Record<string, unknown>;
      }
    }

    const handler = handlers[op.operationId];
    if (!handler) return errorReply(501, `The emulator does not implement ${op.operationId} yet.`);
    const reply = handler({ environment: env, store: this.#store, caller, now, params, query, body: parsedBody });
    this.#schedulePersist();
    if (fingerprint !== null && idempotencyKey !== null && reply.status < 300) {
      this.#idempotency.save(caller.id, idempotencyKey, fingerprint, reply, nowMs);
    }
    return reply;
  }

  /** Query parameters converted to their schema types, with defaults; a 400 naming each bad one. */
  #parseQuery(op: Operation, search: URLSearchParams): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const problems: Record<string, string> = {};
    for (const p of op.query) {
      const schema = this.#contract.resolver.resolve(p.schema);
      const raw = search.get(p.name);
      if (raw === null) {
        if (schema.default !== undefined) out[p.name] = schema.default;
        else if (p.required) problems[p.name] = 'is required';
        continue;
      }
      let value: unknown = raw;
      if (schema.type === 'integer') value = /^-?\d+$/.test(raw) ? Number(raw) : raw;
      else if (schema.type === 'boolean') value = raw === 'true' ? true : raw === 'false' ? false : raw;
      const found = this.#contract.resolver.validate(schema, value, p.name);
      if (Object.keys(found).length > 0) Object.assign(problems, found);
      else out[p.name] = value;
    }
    if (Object.keys(problems).length > 0) {
      throw new HttpError(400, `Invalid query parameters: ${describeProblems(problems)}.`, problems);
    }
    return out;
  }
}

/** A routed, authenticated request, on its way to validation and its handler. */
interface AuthorizedRequest {
  env: Environment;
  caller: KeyRecord;
  op: Operation;
  params: Record<string, string>;
  url: URL;
  raw: Buffer;
  now: Date;
  idempotencyKey: string | null;
}

function validateOptions(o: EmulatorOptions): void {
  const port = (name: string, v: unknown) => {
    if (v !== undefined && !(Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 65535)) {
      throw new RangeError(`startEmulator: ${name} must be a port number 0-65535 (0 picks a free port)`);
    }
  };
  port('port', o.port);
  port('sandboxPort', o.sandboxPort);
  if (o.ipRateLimit !== undefined && o.ipRateLimit !== false && !(Number.isInteger(o.ipRateLimit) && o.ipRateLimit >= 1)) {
    throw new RangeError('startEmulator: ipRateLimit must be a whole number of requests per minute >= 1, or false');
  }
}

function tooManyRequests(message: string, retryAfter: number): Reply {
  return errorReply(429, `${message} Retry in ${retryAfter} s.`, undefined, {
    retryAfter,
    headers: { 'Retry-After': String(retryAfter) },
  });
}

function tooLarge(): Reply {
  return errorReply(413, `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
}

/** The whole body, or null when it exceeds the limit (the rest is drained, not buffered). */
function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) over = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function send(res: ServerResponse, reply: Reply): void {
  if (res.destroyed) return;
  const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
  res.statusCode = reply.status;
  res.statusMessage = reasonPhrase(reply.status);
  for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
  if (text !== '') res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

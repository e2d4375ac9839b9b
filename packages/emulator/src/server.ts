import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { redactText, type Environment } from '@dhmad/sdk/key-format';
import { API_BASE_PATH, apiPath } from './contract.js';
import { handleControl } from './control.js';
import { ControlAccess } from './control-access.js';
import type { FaultHandle, FaultSpec } from './faults.js';
import { respond } from './pipeline.js';
import { errorReply, reasonPhrase, tooLarge, type Reply } from './replies.js';
import { ENVIRONMENTS, EmulatorState } from './state.js';
import type { DayUsageRecord, Emulator, EmulatorOptions, NewDeveloper, NewDeveloperInput, RequestRecord, UsageInput } from './types.js';

const MAX_BODY_BYTES = 1024 * 1024;

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  validateOptions(options);
  const server = new EmulatorServer(options);
  await server.listen();
  return server;
}

/** The listeners: bodies in, replies out, the faults that act on sockets, and the control routes. */
class EmulatorServer implements Emulator {
  readonly #host: string;
  readonly #ports: Record<Environment, number>;
  readonly #state: EmulatorState;
  readonly #controlAccess: ControlAccess;
  readonly #servers = new Map<Environment, Server>();
  #closed = false;

  constructor(options: EmulatorOptions) {
    this.#host = options.host ?? '127.0.0.1';
    this.#ports = { live: options.port ?? 0, sandbox: options.sandboxPort ?? 0 };
    this.#state = new EmulatorState(options);
    this.#controlAccess = new ControlAccess(this.#host, options.allowedHosts ?? []);
  }

  get liveUrl(): string {
    return this.#state.urls.live;
  }
  get sandboxUrl(): string {
    return this.#state.urls.sandbox;
  }
  get bootstrapKeys(): Readonly<Record<Environment, string>> {
    return this.#state.bootstrapKeys;
  }
  get requests(): readonly RequestRecord[] {
    return this.#state.requests;
  }
  now(): Date {
    return this.#state.now();
  }
  advanceTime(ms: number): Date {
    return this.#state.advanceTime(ms);
  }
  injectFault(spec: FaultSpec): FaultHandle {
    return this.#state.faults.add(spec);
  }
  clearFaults(): void {
    this.#state.faults.clear();
  }
  reset(): void {
    this.#state.reset();
  }
  addDeveloper(input?: NewDeveloperInput): NewDeveloper {
    return this.#state.addDeveloper(input);
  }
  recordUsage(keyId: string, input: UsageInput): DayUsageRecord {
    return this.#state.recordUsage(keyId, input);
  }
  flush(): Promise<void> {
    return this.#state.flush();
  }

  async listen(): Promise<void> {
    const host = this.#host;
    try {
      for (const env of ENVIRONMENTS) {
        const server = createServer({ keepAliveTimeout: 5_000 }, (req, res) => {
          this.#handle(env, req, res).catch((err: unknown) => crash(res, err));
        });
        this.#servers.set(env, server);
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen(this.#ports[env], host, () => {
            server.off('error', reject);
            resolve();
          });
        });
        const { port } = server.address() as AddressInfo;
        const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
        this.#state.hosts[env] = `${urlHost}:${port}`;
        this.#state.urls[env] = `http://${urlHost}:${port}${API_BASE_PATH}`;
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
    await this.#state.stop();
  }

  async #handle(env: Environment, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = `req_${randomBytes(12).toString('hex')}`;
    res.setHeader('X-Request-Id', requestId);
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    const method = (req.method ?? 'GET').toUpperCase();
    if (url.pathname.startsWith('/__emulator/')) {
      const refusal = this.#controlAccess.refusal(req.headers);
      if (refusal !== null) {
        req.resume();
        send(res, errorReply(403, refusal, { reason: 'not_local' }));
        return;
      }
      const raw = await readBody(req);
      const reply = raw === null ? tooLarge(MAX_BODY_BYTES) : handleControl(this, method, url.pathname, raw);
      send(res, await this.#settled(reply));
      return;
    }
    const idempotencyHeader = req.headers['idempotency-key'];
    const state = this.#state;
    const record: RequestRecord = {
      requestId,
      environment: env,
      method,
      path: redactText(url.pathname + url.search),
      status: null,
      keyPrefix: null,
      idempotencyKey: typeof idempotencyHeader === 'string' ? redactText(idempotencyHeader) : null,
      fault: null,
      at: state.now().toISOString(),
    };
    state.log(record);

    const fault = state.faults.take(method, url.pathname, apiPath(url.pathname), env);
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
    const body = await readBody(req);
    if (fault?.status !== undefined) {
      record.fault = 'status';
      record.status = fault.status;
      const faultBody = fault.body !== undefined ? fault.body : errorReply(fault.status, `Injected fault: the emulator was told to answer ${fault.status}.`).body;
      send(res, { status: fault.status, body: faultBody, headers: fault.headers ?? {} });
      return;
    }

    let reply: Reply;
    if (body === null) {
      reply = tooLarge(MAX_BODY_BYTES);
    } else {
      const answer = respond(state, { environment: env, method, path: req.url ?? '/', headers: req.headers, body, remoteAddress: req.socket.remoteAddress ?? '' });
      record.keyPrefix = answer.keyPrefix;
      reply = answer.reply;
    }
    if (fault?.headers) reply = { ...reply, headers: { ...reply.headers, ...fault.headers } };
    reply = await this.#settled(reply);
    if (fault?.dropResponse) {
      record.fault = 'dropResponse';
      // The request took effect (and is saved); the client never hears about it, as when a connection dies mid-response.
      res.socket?.destroy();
      return;
    }
    record.status = reply.status;
    send(res, reply);
  }

  /** `reply` once what it may show is on the disk; a 500 instead when that cannot be done. */
  async #settled(reply: Reply): Promise<Reply> {
    try {
      await this.#state.settled();
      return reply;
    } catch (err) {
      return errorReply(500, `${(err as Error).message}. The change is made in memory, but a restart would lose it.`);
    }
  }
}

function validateOptions(o: EmulatorOptions): void {
  const port = (name: string, v: unknown) => {
    if (v !== undefined && !(Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 65535)) {
      throw new RangeError(`startEmulator: ${name} must be a port number 0-65535 (0 picks a free port)`);
    }
  };
  port('port', o.port);
  port('sandboxPort', o.sandboxPort);
  if (o.allowedHosts !== undefined && !(Array.isArray(o.allowedHosts) && o.allowedHosts.every((h) => typeof h === 'string' && h !== ''))) {
    throw new TypeError('startEmulator: allowedHosts must be an array of host names, e.g. ["emulator.internal"]');
  }
  if (o.ipRateLimit !== undefined && o.ipRateLimit !== false && !(Number.isInteger(o.ipRateLimit) && o.ipRateLimit >= 1)) {
    throw new RangeError('startEmulator: ipRateLimit must be a whole number of requests per minute >= 1, or false');
  }
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

function crash(res: ServerResponse, err: unknown): void {
  if (res.headersSent || res.destroyed) {
    res.destroy();
    return;
  }
  send(res, errorReply(500, `Internal emulator error: ${(err as Error)?.message ?? String(err)}`));
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.destroyed) return;
  const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
  res.statusCode = reply.status;
  res.statusMessage = reasonPhrase(reply.status);
  for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
  if (text !== '') res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

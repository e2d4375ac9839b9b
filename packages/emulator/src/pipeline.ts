import type { IncomingHttpHeaders } from 'node:http';
import type { Environment } from '@dhmad/sdk/key-format';
import { authenticate } from './auth.js';
import { API_BASE_PATH, apiPath, type Operation } from './contract.js';
import { authorize, handlers } from './handlers.js';
import { IdempotencyStore } from './idempotency.js';
import { errorReply, HttpError, tooManyRequests, type Reply } from './replies.js';
import { describeProblems } from './schema.js';
import type { EmulatorState } from './state.js';
import { utcDay, type KeyRecord } from './store.js';

/** A request as the pipeline needs it: what came over the socket, already read. */
export interface ApiRequest {
  environment: Environment;
  /** Upper-case, e.g. `POST`. */
  method: string;
  /** Path with query string, e.g. `/api/v1/api-keys?page=2`. */
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  remoteAddress: string;
}

interface Answer {
  reply: Reply;
  /** `keyPrefix` of the key that authenticated, for the request log. */
  keyPrefix: string | null;
}

/**
 * One API request to its reply, in the order the real API checks: per-IP limit, route, method,
 * authentication, per-key limit, scope, idempotency, validation, handler. No sockets: the
 * server reads the body and sends the reply (or drops it, for a fault).
 */
export function respond(state: EmulatorState, req: ApiRequest): Answer {
  const { environment: env, method } = req;
  const url = new URL(req.path, 'http://emulator.invalid');
  const nowDate = state.now();
  const nowMs = nowDate.getTime();
  if (state.ipRateLimit !== false) {
    const decision = state.limiter.hit(`ip|${env}|${req.remoteAddress}`, state.ipRateLimit, nowMs);
    if (!decision.allowed) {
      return anonymous(tooManyRequests(`Too many requests from this IP address: the limit is ${state.ipRateLimit} per minute.`, decision.retryAfter));
    }
  }
  const relative = apiPath(url.pathname);
  if (relative === null) {
    return anonymous(errorReply(404, `Not found: ${url.pathname}. The API lives under ${API_BASE_PATH} (e.g. ${state.urls[env]}/me).`));
  }
  const route = state.contract.match(relative);
  if (!route) return anonymous(errorReply(404, `Not found: no route ${method} ${url.pathname}. See openapi.yaml for the routes this API has.`));
  const op = route.methods.get(method);
  if (!op) {
    const allow = [...route.methods.keys()].join(', ');
    return anonymous(
      errorReply(405, `Method ${method} is not allowed on ${API_BASE_PATH}${route.template}; use ${allow}.`, undefined, { headers: { Allow: allow } }),
    );
  }

  const other: Environment = env === 'live' ? 'sandbox' : 'live';
  const auth = authenticate(req.headers, state.store, { environment: env, host: state.hosts[env], otherUrl: state.urls[other], nowMs });
  const today = utcDay(nowMs);
  if (!auth.ok) {
    if (auth.key) state.store.countRequest(auth.key.id, today, true);
    return anonymous(auth.reply);
  }
  const caller = auth.key;
  state.store.markUsed(caller, nowDate.toISOString());

  const idem = req.headers['idempotency-key'];
  let reply: Reply;
  try {
    reply = authorized(state, { environment: env, caller, op, params: route.params, url, body: req.body, now: nowDate, idempotencyKey: typeof idem === 'string' ? idem : null });
  } catch (err) {
    if (!(err instanceof HttpError)) throw err;
    reply = err.reply;
  }
  // The key may have been deleted by this very request; its usage went with it.
  if (state.store.keys.has(caller.id)) state.store.countRequest(caller.id, today, reply.status >= 400);
  return { reply, keyPrefix: caller.keyPrefix };
}

function anonymous(reply: Reply): Answer {
  return { reply, keyPrefix: null };
}

/** A routed, authenticated request, on its way to validation and its handler. */
interface AuthorizedRequest {
  environment: Environment;
  caller: KeyRecord;
  op: Operation;
  params: Record<string, string>;
  url: URL;
  body: Buffer;
  now: Date;
  idempotencyKey: string | null;
}

function authorized(state: EmulatorState, r: AuthorizedRequest): Reply {
  const { environment: env, caller, op, params, url, now, idempotencyKey } = r;
  const nowMs = now.getTime();
  if (state.keyRateLimits) {
    const decision = state.limiter.hit(`key|${caller.id}`, caller.rateLimit, nowMs);
    if (!decision.allowed) {
      return tooManyRequests(`Too many requests for key ${caller.keyPrefix}: its limit is ${caller.rateLimit} per minute.`, decision.retryAfter);
    }
  }
  authorize(op.operationId, state.store, caller);

  const text = r.body.toString('utf8');
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
    const seen = state.idempotency.check(caller.id, idempotencyKey, fingerprint, nowMs);
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

  const resolver = state.contract.resolver;
  for (const [name, schema] of Object.entries(op.pathParams)) {
    const problems = resolver.validate(schema, params[name] ?? '');
    if (Object.keys(problems).length > 0) {
      return errorReply(404, `No API key with id "${params[name] ?? ''}" in the ${env} environment of this account (ids are 24 hex characters).`);
    }
  }
  const query = parseQuery(state, op, url.searchParams);
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
      const problems = resolver.validate(op.body, body);
      if (Object.keys(problems).length > 0) return errorReply(400, `Invalid request body: ${describeProblems(problems)}.`, problems);
      parsedBody = body as Record<string, unknown>;
    }
  }

  const handler = handlers[op.operationId];
  if (!handler) return errorReply(501, `The emulator does not implement ${op.operationId} yet.`);
  const reply = handler({ environment: env, store: state.store, caller, now, params, query, body: parsedBody });
  if (fingerprint !== null && idempotencyKey !== null && reply.status < 300) {
    state.idempotency.save(caller.id, idempotencyKey, fingerprint, reply, nowMs);
  }
  return reply;
}

/** Query parameters converted to their schema types, with defaults; a 400 naming each bad one. */
function parseQuery(state: EmulatorState, op: Operation, search: URLSearchParams): Record<string, unknown> {
  const resolver = state.contract.resolver;
  const out: Record<string, unknown> = {};
  const problems: Record<string, string> = {};
  for (const p of op.query) {
    const schema = resolver.resolve(p.schema);
    const raw = search.get(p.name);
    if (raw === null) {
      if (schema.default !== undefined) out[p.name] = schema.default;
      else if (p.required) problems[p.name] = 'is required';
      continue;
    }
    let value: unknown = raw;
    if (schema.type === 'integer') value = /^-?\d+$/.test(raw) ? Number(raw) : raw;
    else if (schema.type === 'boolean') value = raw === 'true' ? true : raw === 'false' ? false : raw;
    const found = resolver.validate(schema, value, p.name);
    if (Object.keys(found).length > 0) Object.assign(problems, found);
    else out[p.name] = value;
  }
  if (Object.keys(problems).length > 0) {
    throw new HttpError(400, `Invalid query parameters: ${describeProblems(problems)}.`, problems);
  }
  return out;
}

import type { Environment } from '@dhmad/sdk/key-format';
import type { Metadata, Scope } from '@dhmad/sdk';
import { HttpError, type Reply } from './replies.js';
import { MANAGE_SCOPE, toApiKey, toMeApiKey, utcDay, type KeyRecord, type Store } from './store.js';

interface HandlerContext {
  environment: Environment;
  store: Store;
  /** The authenticated key. */
  caller: KeyRecord;
  now: Date;
  params: Record<string, string>;
  /** Query parameters, already validated and converted to their schema types. */
  query: Record<string, unknown>;
  /** The JSON body, already validated against the operation's schema. */
  body: Record<string, unknown>;
}

type Handler = (ctx: HandlerContext) => Reply;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Operations any valid key may call; everything else is key management. */
const OPEN_OPERATIONS: ReadonlySet<string> = new Set(['retrieveMe']);

/**
 * Whether `caller` may call the operation at all. Checked before the request is
 * validated, so a key that may not manage keys hears that first, not about its body.
 */
export function authorize(operationId: string, store: Store, caller: KeyRecord): void {
  if (OPEN_OPERATIONS.has(operationId)) return;
  if (store.unassociated.has(caller.developerId)) {
    throw new HttpError(
      403,
      'This developer account is not associated with a user account, so its keys can only call GET /me. Associate it on developer.dhmad.tn.',
      { reason: 'account_not_associated' },
    );
  }
  if (!caller.scopes.includes(MANAGE_SCOPE)) {
    throw new HttpError(
      403,
      `Key ${caller.keyPrefix} may not manage API keys: it lacks the "${MANAGE_SCOPE}" scope. Use a management key (created with scopes: ["${MANAGE_SCOPE}"]).`,
      { requiredScope: MANAGE_SCOPE },
    );
  }
}

/** A key the caller may see: same developer, same environment. Anything else is a 404, not a 403, so ids do not leak. */
function findKey(ctx: HandlerContext): KeyRecord {
  const id = ctx.params.id ?? '';
  const key = ctx.store.keys.get(id);
  if (!key || key.developerId !== ctx.caller.developerId || key.environment !== ctx.environment) {
    throw new HttpError(404, `No API key with id "${id}" in the ${ctx.environment} environment of this account.`);
  }
  return key;
}

function futureExpiry(ctx: HandlerContext, expiresAt: unknown): void {
  if (typeof expiresAt === 'string' && Date.parse(expiresAt) <= ctx.now.getTime()) {
    throw new HttpError(400, `Invalid request body: expiresAt must be in the future (now is ${ctx.now.toISOString()}).`, {
      expiresAt: 'must be in the future',
    });
  }
}

/** Normalise a date-time to the API's ISO form (UTC, milliseconds). */
function iso(value: unknown): string | null | undefined {
  if (value === undefined || value === null) return value as null | undefined;
  return new Date(String(value)).toISOString();
}

export const handlers: Record<string, Handler> = {
  retrieveMe(ctx) {
    const developer = ctx.store.developers.get(ctx.caller.developerId)!;
    return { status: 200, body: { apiKey: toMeApiKey(ctx.caller), developer: { ...developer } } };
  },

  listApiKeys(ctx) {
    const page = ctx.query.page as number;
    const limit = ctx.query.limit as number;
    let keys = ctx.store.visibleKeys(ctx.caller.developerId, ctx.environment);
    if (typeof ctx.query.isActive === 'boolean') keys = keys.filter((k) => k.isActive === ctx.query.isActive);
    const total = keys.length;
    const items = keys.slice((page - 1) * limit, page * limit).map(toApiKey);
    return { status: 200, body: { apiKeys: items, pagination: { page, limit, total, pages: Math.ceil(total / limit) } } };
  },

  createApiKey(ctx) {
    const b = ctx.body;
    if (b.environment !== undefined && b.environment !== ctx.environment) {
      throw new HttpError(
        400,
        `Invalid request body: this is the ${ctx.environment} API, so it can only create ${ctx.environment} keys; environment was "${String(b.environment)}". Send the request to the ${String(b.environment)} API, or leave environment out.`,
        { environment: `must be "${ctx.environment}" on this host` },
      );
    }
    futureExpiry(ctx, b.expiresAt);
    const now = ctx.now.toISOString();
    const { record, secret } = ctx.store.createKey(
      ctx.environment,
      ctx.caller.developerId,
      {
        name: b.name as string,
        rateLimit: b.rateLimit as number | undefined,
        expiresAt: iso(b.expiresAt),
        metadata: b.metadata as Metadata | undefined,
        scopes: b.scopes as Scope[] | undefined,
      },
      now,
    );
    return {
      status: 201,
      body: {
        message: 'API key created. Copy the key now: it is shown only once.',
        apiKey: toApiKey(record),
        key: secret,
      },
    };
  },

  retrieveApiKey(ctx) {
    return { status: 200, body: { apiKey: toApiKey(findKey(ctx)) } };
  },

  updateApiKey(ctx) {
    const key = findKey(ctx);
    const b = ctx.body;
    futureExpiry(ctx, b.expiresAt);
    ctx.store.update(
      key,
      {
        name: b.name as string | undefined,
        isActive: b.isActive as boolean | undefined,
        rateLimit: b.rateLimit as number | undefined,
        expiresAt: iso(b.expiresAt),
        metadata: b.metadata as Metadata | undefined,
      },
      ctx.now.toISOString(),
    );
    return { status: 200, body: { apiKey: toApiKey(key) } };
  },

  regenerateApiKey(ctx) {
    const key = findKey(ctx);
    const secret = ctx.store.regenerate(key, ctx.now.toISOString());
    return {
      status: 200,
      body: {
        message: 'API key regenerated. The previous secret no longer works. Copy the new key now: it is shown only once.',
        apiKey: toApiKey(key),
        key: secret,
      },
    };
  },

  deleteApiKey(ctx) {
    const key = findKey(ctx);
    ctx.store.delete(key);
    return { status: 200, body: { message: `API key ${key.keyPrefix} ("${key.name}") deleted.` } };
  },

  retrieveApiKeyUsage(ctx) {
    const key = findKey(ctx);
    const count = ctx.query.days as number;
    const today = Date.UTC(ctx.now.getUTCFullYear(), ctx.now.getUTCMonth(), ctx.now.getUTCDate());
    const days = [];
    let total = 0;
    for (let i = count - 1; i >= 0; i--) {
      const date = utcDay(today - i * DAY_MS);
      const u = ctx.store.usageOn(key.id, date);
      total += u.requests;
      days.push({ date, requests: u.requests, errors: u.errors });
    }
    return { status: 200, body: { usage: { keyId: key.id, days, total } } };
  },
};

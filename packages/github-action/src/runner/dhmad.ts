/** The rotation core's {@link KeyApi} over `@dhmad/sdk`'s `Dhmad` client. */
import { Dhmad, LIVE_BASE_URL, NotFoundError, SANDBOX_BASE_URL } from '@dhmad/sdk';
import { environmentOf } from '@dhmad/sdk/key-format';
import type { ApiKey, Scope } from '@dhmad/sdk';
import type { CreateKeyParams, KeyApi, KeyIdentity, ManagedKey, MintedKey } from '../core/types.js';
import { sealerFor } from './sealing.js';

export interface DhmadKeyApiOptions {
  managementKey: string;
  /** Empty: chosen by the key's prefix (live or sandbox host). */
  baseUrl?: string | undefined;
  maxRetries?: number;
  fetch?: typeof fetch;
}

function managed(k: ApiKey): ManagedKey {
  return {
    id: k.id,
    name: k.name,
    keyPrefix: k.keyPrefix,
    environment: k.environment,
    isActive: k.isActive,
    expiresAt: k.expiresAt ?? null,
    rateLimit: k.rateLimit,
    metadata: { ...k.metadata },
    scopes: [...k.scopes],
    lastUsedAt: k.lastUsedAt ?? null,
    createdAt: k.createdAt,
    updatedAt: k.updatedAt,
  };
}

export function dhmadKeyApi(options: DhmadKeyApiOptions): KeyApi {
  const common = {
    maxRetries: options.maxRetries ?? 2,
    // The Action's own output is the only place anything is printed.
    logLevel: 'off' as const,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
  // Chosen here rather than left to the SDK, which would read DHMAD_BASE_URL: a job may set
  // that for its own code, and the documented default is the host of the key's environment.
  const baseUrl = options.baseUrl || (environmentOf(options.managementKey) === 'sandbox' ? SANDBOX_BASE_URL : LIVE_BASE_URL);
  const manager = new Dhmad({ apiKey: options.managementKey, baseUrl, ...common });
  const identity = async (client: Dhmad): Promise<KeyIdentity> => {
    const { apiKey } = await client.me.retrieve();
    return { id: apiKey.id, keyPrefix: apiKey.keyPrefix, environment: apiKey.environment, isActive: apiKey.isActive };
  };
  const minted = (r: { apiKey: ApiKey; key: string }): MintedKey => ({ key: managed(r.apiKey), secret: r.key });
  const sealer = sealerFor(options.managementKey);

  return {
    whoami: () => identity(manager),
    // The new key must answer on the same host as the key that made it.
    verify: (secret) => identity(new Dhmad({ apiKey: secret, baseUrl: manager.baseUrl, ...common })),
    async list() {
      const out: ManagedKey[] = [];
      for await (const k of manager.apiKeys.list({ limit: 100 })) out.push(managed(k));
      return out;
    },
    async get(id) {
      try {
        return managed((await manager.apiKeys.retrieve(id)).apiKey);
      } catch (err) {
        if (err instanceof NotFoundError) return null;
        throw err;
      }
    },
    create: async (params: CreateKeyParams, idempotencyKey) =>
      minted(
        await manager.apiKeys.create(
          {
            name: params.name,
            environment: params.environment,
            ...(params.rateLimit === undefined ? {} : { rateLimit: params.rateLimit }),
            expiresAt: params.expiresAt,
            metadata: params.metadata,
            scopes: params.scopes as Scope[],
          },
          { idempotencyKey },
        ),
      ),
    regenerate: async (id, idempotencyKey) => minted(await manager.apiKeys.regenerate(id, { idempotencyKey })),
    setMetadata: async (id, metadata) => managed((await manager.apiKeys.update(id, { metadata })).apiKey),
    activate: async (id) => managed((await manager.apiKeys.activate(id)).apiKey),
    deactivate: async (id, metadata) => managed((await manager.apiKeys.update(id, { isActive: false, ...(metadata ? { metadata } : {}) })).apiKey),
    delete: async (id) => {
      await manager.apiKeys.delete(id);
    },
    async usage(id, days) {
      const { usage } = await manager.apiKeys.usage(id, { days });
      return { days: usage.days.map((d) => ({ date: d.date, requests: d.requests, errors: d.errors })), total: usage.total };
    },
    seal: (keyId, secret) => sealer.seal(keyId, secret),
    unseal: (keyId, sealed) => sealer.unseal(keyId, sealed),
  };
}

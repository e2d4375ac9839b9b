import { APIConnectionError, AuthenticationError, Dhmad, DhmadError, redactText } from '@dhmad/sdk';
import { secretOf } from './collector.js';
import type { Finding, Verification } from './findings.js';

export interface VerifyOptions {
  /** Base URL for keys of both environments (the emulator, a proxy); default DHMAD's own hosts. */
  baseUrl?: string;
  /** Base URL for live keys only; wins over `baseUrl`. */
  liveBaseUrl?: string;
  /** Base URL for sandbox keys only; wins over `baseUrl`. */
  sandboxBaseUrl?: string;
  /** Per request, ms (default 10 000). */
  timeout?: number;
  /** Retries on connection errors, 429 and 5xx (default 1). */
  maxRetries?: number;
}

/**
 * Ask `GET /me`, with each found key against its own environment's host only,
 * whether the key works. Each distinct key is asked once. The key never leaves
 * the SDK client; what is recorded is a status and words without the key.
 */
export async function verifyFindings(findings: readonly Finding[], options: VerifyOptions): Promise<void> {
  const byKey = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.ruleId !== 'live-key' && f.ruleId !== 'sandbox-key') continue;
    const key = secretOf(f);
    if (key === undefined) continue;
    const list = byKey.get(key);
    if (list) list.push(f);
    else byKey.set(key, [f]);
  }
  for (const [key, list] of byKey) {
    const environment = list[0]!.environment!;
    const baseUrl = (environment === 'live' ? options.liveBaseUrl : options.sandboxBaseUrl) ?? options.baseUrl;
    const verified = await verifyKey(key, { ...options, baseUrl });
    for (const f of list) f.verified = verified;
  }
}

async function verifyKey(apiKey: string, options: VerifyOptions): Promise<Verification> {
  let client: Dhmad;
  try {
    client = new Dhmad({
      apiKey,
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
      maxRetries: options.maxRetries ?? 1,
      timeout: options.timeout ?? 10_000,
    });
  } catch (e) {
    return { status: 'unreachable', detail: `Not checked: ${safeMessage(e)}` };
  }
  try {
    const me = await client.me.retrieve();
    return me.apiKey.isActive
      ? { status: 'active', detail: `Active key "${me.apiKey.name}": anyone holding it can use it now. Regenerate it.` }
      : { status: 'inactive', detail: 'The key exists but is deactivated.' };
  } catch (e) {
    if (e instanceof AuthenticationError) {
      switch (e.reason) {
        case 'inactive':
          return { status: 'inactive', detail: 'The key exists but is deactivated.' };
        case 'expired':
          return { status: 'expired', detail: 'The key has expired.' };
        case 'unknown':
          return { status: 'revoked', detail: 'The API does not know this key (deleted, or never issued).' };
        case 'regenerated':
          return { status: 'revoked', detail: 'This secret was replaced by a regeneration and no longer works.' };
        default:
          return { status: 'revoked', detail: `The API refused the key: ${safeMessage(e)}` };
      }
    }
    if (e instanceof APIConnectionError) return { status: 'unreachable', detail: `Could not reach the API: ${safeMessage(e)}` };
    if (e instanceof DhmadError) return { status: 'unreachable', detail: `The API did not answer usefully: ${safeMessage(e)}` };
    throw e;
  }
}

/** SDK messages never hold a key; scrub anyway, a message is what ends up printed. */
function safeMessage(e: unknown): string {
  return redactText(e instanceof Error ? e.message : String(e));
}

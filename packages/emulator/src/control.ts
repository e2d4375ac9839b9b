import type { Emulator, UsageInput } from './types.js';
import type { FaultSpec } from './faults.js';
import { errorReply, type Reply } from './replies.js';

/**
 * `/__emulator/*`: the programmatic controls over HTTP, for non-JS clients and
 * for an emulator started from the CLI. Unauthenticated, like the emulator's
 * other test hooks; it listens on 127.0.0.1 unless told otherwise.
 */
export function handleControl(emu: Emulator, method: string, path: string, raw: Buffer): Reply {
  const routes: Record<string, Record<string, () => Reply>> = {
    '/__emulator/faults': {
      POST: () => {
        const spec = parseSpec(raw);
        const handle = emu.injectFault(spec);
        return { status: 201, body: { message: 'Fault injected.', fault: { id: handle.id, remaining: handle.remaining } } };
      },
      DELETE: () => {
        emu.clearFaults();
        return { status: 200, body: { message: 'All faults cleared.' } };
      },
    },
    '/__emulator/advance-time': {
      POST: () => {
        const body = json(raw) as { ms?: unknown } | undefined;
        const ms = body?.ms;
        if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
          throw new ControlError('Send {"ms": <milliseconds >= 0>} to move the emulator clock forward.', { ms: 'must be a number >= 0' });
        }
        return { status: 200, body: { now: emu.advanceTime(ms).toISOString() } };
      },
    },
    '/__emulator/usage': {
      POST: () => {
        const body = json(raw);
        if (body === null || typeof body !== 'object' || Array.isArray(body)) {
          throw new ControlError('Send usage as a JSON object, e.g. {"keyId": "<24 hex>", "date": "2030-01-31", "requests": 500, "errors": 3}.');
        }
        const { keyId, ...input } = body as { keyId?: unknown } & UsageInput;
        return { status: 200, body: { usage: emu.recordUsage(keyId as string, input) } };
      },
    },
    '/__emulator/reset': {
      POST: () => {
        emu.reset();
        return {
          status: 200,
          body: { message: 'State reset; new bootstrap keys issued.', liveUrl: emu.liveUrl, sandboxUrl: emu.sandboxUrl, bootstrapKeys: emu.bootstrapKeys },
        };
      },
    },
    '/__emulator/health': {
      GET: () => ({ status: 200, body: { ok: true, now: emu.now().toISOString(), liveUrl: emu.liveUrl, sandboxUrl: emu.sandboxUrl } }),
    },
  };
  const route = routes[path];
  if (!route) return errorReply(404, `No emulator control route ${path}. Known: ${Object.keys(routes).join(', ')}.`);
  const action = route[method];
  if (!action) {
    const allow = Object.keys(route).join(', ');
    return errorReply(405, `Use ${allow} on ${path}.`, undefined, { headers: { Allow: allow } });
  }
  try {
    return action();
  } catch (err) {
    if (err instanceof ControlError) return errorReply(400, err.message, err.details);
    if (err instanceof TypeError || err instanceof RangeError) return errorReply(400, err.message);
    throw err;
  }
}

class ControlError extends Error {
  constructor(
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

function json(raw: Buffer): unknown {
  const text = raw.toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ControlError(`Malformed JSON in the request body: ${(err as Error).message}.`, { body: 'is not valid JSON' });
  }
}

/** A FaultSpec from JSON; `times: null` stands for Infinity. */
function parseSpec(raw: Buffer): FaultSpec {
  const body = json(raw);
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ControlError('Send a fault as a JSON object, e.g. {"status": 503, "times": 2, "match": {"path": "/me"}}.');
  }
  const spec = { ...(body as Record<string, unknown>) } as FaultSpec;
  if (spec.times === null) spec.times = Infinity;
  const match = spec.match as Record<string, unknown> | undefined;
  if (match && typeof match === 'object' && Object.hasOwn(match, 'pathPattern')) {
    // A regular expression from any client could backtrack for ever ("(a+)+$") and freeze every listener.
    throw new ControlError(
      'match.pathPattern (a regular expression) is not accepted over HTTP, as a pattern such as (a+)+$ could freeze the emulator. ' +
        'Use a glob in match.path instead, e.g. "/api-keys/*/regenerate" (* matches within one path segment).',
      { 'match.pathPattern': 'use a glob in match.path' },
    );
  }
  return spec;
}

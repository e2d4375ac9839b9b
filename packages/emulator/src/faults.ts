import type { Environment } from '@dhmad/sdk/key-format';

/** Which requests a fault applies to; every given field must match. */
export interface FaultMatch {
  method?: string;
  /**
   * Compared with the path relative to `/api/v1` (`/api-keys`) and with the full path (`/api/v1/api-keys`).
   * In a string, each `*` matches any characters within one path segment (see the README).
   */
  path?: string | RegExp;
  environment?: Environment;
}

export interface FaultSpec {
  /** How many matching requests this fault applies to (default 1). `Infinity` until cleared. */
  times?: number;
  /** Answer with this status instead of processing the request. */
  status?: number;
  /** Body of that answer (default: the API's error body for the status). */
  body?: unknown;
  /** Headers of that answer; without `status`, added to the real response. */
  headers?: Record<string, string>;
  /** Wait this long (real milliseconds) before answering or processing. */
  delayMs?: number;
  /** Never answer (for client timeouts); the socket is closed by `close()`. */
  hang?: boolean;
  /** Process the request fully (state changes), then destroy the socket without a reply: a lost response. */
  dropResponse?: boolean;
  match?: FaultMatch;
}

export interface FaultHandle {
  readonly id: string;
  /** Requests this fault has applied to so far. */
  readonly hits: number;
  /** Requests it will still apply to. */
  readonly remaining: number;
}

interface ActiveFault {
  id: string;
  spec: FaultSpec;
  remaining: number;
  hits: number;
}

let nextId = 1;

/** A queue of faults; the first one matching a request applies and is used up. */
export class FaultQueue {
  #faults: ActiveFault[] = [];

  add(spec: FaultSpec): FaultHandle {
    validateFault(spec);
    const fault: ActiveFault = { id: `fault_${nextId++}`, spec, remaining: spec.times ?? 1, hits: 0 };
    this.#faults.push(fault);
    return {
      id: fault.id,
      get hits() {
        return fault.hits;
      },
      get remaining() {
        return fault.remaining;
      },
    };
  }

  /** The fault for this request, if any; consumes one use of it. */
  take(method: string, fullPath: string, relativePath: string | null, environment: Environment): FaultSpec | null {
    const i = this.#faults.findIndex((f) => matches(f.spec.match, method, fullPath, relativePath, environment));
    if (i === -1) return null;
    const fault = this.#faults[i]!;
    fault.remaining--;
    fault.hits++;
    if (fault.remaining <= 0) this.#faults.splice(i, 1);
    return fault.spec;
  }

  clear(): void {
    this.#faults = [];
  }

  get size(): number {
    return this.#faults.length;
  }
}

function matches(
  m: FaultMatch | undefined,
  method: string,
  fullPath: string,
  relativePath: string | null,
  environment: Environment,
): boolean {
  if (!m) return true;
  if (m.method !== undefined && m.method.toUpperCase() !== method) return false;
  if (m.environment !== undefined && m.environment !== environment) return false;
  if (m.path !== undefined) {
    const candidates = relativePath === null ? [fullPath] : [relativePath, fullPath];
    const p = m.path;
    const ok = candidates.some((c) => (typeof p === 'string' ? globMatches(p, c) : new RegExp(p.source, p.flags.replace('g', '')).test(c)));
    if (!ok) return false;
  }
  return true;
}

/**
 * `*` matches within one path segment; everything else is literal. No regular expression is built,
 * so a pattern sent over HTTP cannot backtrack for ever: each segment is matched by ordered indexOf.
 */
function globMatches(pattern: string, path: string): boolean {
  if (!pattern.includes('*')) return pattern === path;
  const want = pattern.split('/');
  const got = path.split('/');
  return want.length === got.length && want.every((w, i) => segmentMatches(w, got[i]!));
}

function segmentMatches(pattern: string, text: string): boolean {
  const parts = pattern.split('*');
  if (parts.length === 1) return pattern === text;
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  if (text.length < first.length + last.length || !text.startsWith(first) || !text.endsWith(last)) return false;
  let at = first.length;
  const end = text.length - last.length;
  for (const part of parts.slice(1, -1)) {
    const found = text.indexOf(part, at);
    if (found === -1 || found + part.length > end) return false;
    at = found + part.length;
  }
  return true;
}

const FAULT_FIELDS = ['times', 'status', 'body', 'headers', 'delayMs', 'hang', 'dropResponse', 'match'];
const MATCH_FIELDS = ['method', 'path', 'environment'];

/** Reject a fault that could never do what its author meant, with a message saying what to fix. */
function validateFault(spec: FaultSpec): void {
  const problems: string[] = [];
  if (spec === null || typeof spec !== 'object') throw new TypeError('injectFault: expected an object such as { status: 503 }');
  if (spec.times !== undefined && !(typeof spec.times === 'number' && spec.times >= 1 && (Number.isInteger(spec.times) || spec.times === Infinity))) {
    problems.push('times must be a whole number >= 1 (or Infinity)');
  }
  if (spec.status !== undefined && !(Number.isInteger(spec.status) && spec.status >= 100 && spec.status <= 599)) {
    problems.push('status must be an HTTP status code (100-599)');
  }
  if (spec.delayMs !== undefined && !(typeof spec.delayMs === 'number' && spec.delayMs >= 0)) {
    problems.push('delayMs must be a number >= 0');
  }
  if (spec.hang && (spec.status !== undefined || spec.dropResponse)) {
    problems.push('hang never answers, so it cannot be combined with status or dropResponse');
  }
  if (spec.dropResponse && spec.status !== undefined) {
    problems.push('dropResponse processes the real request, so it cannot be combined with status');
  }
  if (spec.headers !== undefined && (typeof spec.headers !== 'object' || Object.values(spec.headers).some((v) => typeof v !== 'string'))) {
    problems.push('headers must be an object of strings');
  }
  // A misspelt field (`{ staus: 503 }`) would otherwise make a fault that silently does nothing but use up a request.
  const unknown = Object.keys(spec).filter((k) => !FAULT_FIELDS.includes(k));
  if (unknown.length > 0) problems.push(`unknown field ${unknown.join(', ')} (known: ${FAULT_FIELDS.join(', ')})`);
  const m = spec.match as unknown;
  if (m !== undefined) {
    if (m === null || typeof m !== 'object' || Array.isArray(m)) {
      problems.push('match must be an object such as { method: "POST", path: "/api-keys" }');
    } else {
      const match = m as Record<string, unknown>;
      const unknownMatch = Object.keys(match).filter((k) => !MATCH_FIELDS.includes(k));
      if (unknownMatch.length > 0) problems.push(`unknown match field ${unknownMatch.join(', ')} (known: ${MATCH_FIELDS.join(', ')})`);
      if (match.method !== undefined && typeof match.method !== 'string') problems.push('match.method must be a string such as "POST"');
      if (match.path !== undefined && typeof match.path !== 'string' && !(match.path instanceof RegExp)) {
        problems.push('match.path must be a string or a RegExp');
      }
      const env = match.environment;
      if (env !== undefined && env !== 'live' && env !== 'sandbox') problems.push('match.environment must be "live" or "sandbox"');
    }
  }
  if (problems.length > 0) throw new TypeError(`injectFault: ${problems.join('; ')}`);
}

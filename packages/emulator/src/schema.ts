/**
 * A small validator for the JSON Schema subset openapi.yaml uses. The emulator
 * validates every request against the contract itself rather than a hand-written
 * copy of it, so the contract and the emulator cannot drift apart.
 */

export type Schema = { [keyword: string]: unknown };

/** Field path (`name`, `metadata.appName`, `scopes[0]`, or `body` for the whole value) -> problem. */
type FieldProblems = Record<string, string>;

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class SchemaResolver {
  readonly #root: Schema;
  constructor(root: Schema) {
    this.#root = root;
  }

  /** Follow `$ref`s (local `#/...` pointers only); siblings of `$ref` override the target, as OpenAPI 3.1 allows. */
  resolve(schema: Schema): Schema {
    let current = schema;
    for (let depth = 0; typeof current.$ref === 'string'; depth++) {
      if (depth > 32) throw new Error(`openapi.yaml: $ref cycle at ${String(current.$ref)}`);
      const { $ref, ...siblings } = current;
      current = { ...this.pointer($ref as string), ...siblings };
    }
    return current;
  }

  pointer(ref: string): Schema {
    if (!ref.startsWith('#/')) throw new Error(`openapi.yaml: only local $refs are supported, got ${ref}`);
    let node: unknown = this.#root;
    for (const raw of ref.slice(2).split('/')) {
      const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      node = node !== null && typeof node === 'object' ? (node as Schema)[part] : undefined;
      if (node === undefined) throw new Error(`openapi.yaml: $ref ${ref} points nowhere`);
    }
    return node as Schema;
  }

  /** Every problem with `value`, by field. Empty when valid. */
  validate(schema: Schema, value: unknown, path = ''): FieldProblems {
    // No prototype: a field named `__proto__` must become a problem like any other, not a prototype.
    const problems: FieldProblems = Object.create(null) as FieldProblems;
    this.#check(schema, value, path, problems);
    return problems;
  }

  #check(raw: Schema, value: unknown, path: string, out: FieldProblems): void {
    const s = this.resolve(raw);
    const field = path === '' ? 'body' : path;
    const types = s.type === undefined ? undefined : Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
    if (types !== undefined && !types.some((t) => matchesType(t, value))) {
      out[field] = `must be ${types.map(article).join(' or ')}`;
      return;
    }
    if (Array.isArray(s.enum) && !s.enum.includes(value)) {
      out[field] = `must be one of: ${s.enum.map((v) => JSON.stringify(v)).join(', ')}`;
      return;
    }
    if (typeof value === 'string') {
      if (typeof s.minLength === 'number' && value.length < s.minLength) {
        out[field] = s.minLength === 1 ? 'must not be empty' : `must be at least ${s.minLength} characters`;
      } else if (typeof s.maxLength === 'number' && value.length > s.maxLength) {
        out[field] = `must be at most ${s.maxLength} characters`;
      } else if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(value)) {
        out[field] = `must match ${s.pattern}`;
      } else if (s.format === 'date-time' && !(DATE_TIME.test(value) && isCalendarDay(value.slice(0, 10)) && Number(value.slice(11, 13)) < 24 && !Number.isNaN(Date.parse(value)))) {
        out[field] = 'must be an ISO-8601 date-time with a time zone, e.g. 2030-01-31T12:00:00Z';
      } else if (s.format === 'date' && !isCalendarDay(value)) {
        out[field] = 'must be a date, YYYY-MM-DD';
      }
      return;
    }
    if (typeof value === 'number') {
      // Past 2^53 a number is no longer the one sent (99999999999999999999 reads as 1e20), so it could not be echoed back as it came.
      if (types?.includes('integer') && !Number.isSafeInteger(value)) out[field] = `must be at most ${Number.MAX_SAFE_INTEGER}`;
      else if (typeof s.minimum === 'number' && value < s.minimum) out[field] = `must be at least ${s.minimum}`;
      else if (typeof s.maximum === 'number' && value > s.maximum) out[field] = `must be at most ${s.maximum}`;
      return;
    }
    if (Array.isArray(value)) {
      if (s.uniqueItems === true && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) {
        out[field] = 'must not contain duplicates';
      }
      if (s.items !== undefined) {
        value.forEach((item, i) => this.#check(s.items as Schema, item, `${path}[${i}]`, out));
      }
      return;
    }
    if (value !== null && typeof value === 'object') this.#checkObject(s, value as Record<string, unknown>, path, out);
  }

  #checkObject(s: Schema, value: Record<string, unknown>, path: string, out: FieldProblems): void {
    const field = path === '' ? 'body' : path;
    const keys = Object.keys(value);
    if (typeof s.minProperties === 'number' && keys.length < s.minProperties) {
      const names = s.properties ? Object.keys(s.properties as Schema).join(', ') : '';
      out[field] = names ? `must set at least one of: ${names}` : `must have at least ${s.minProperties} properties`;
    }
    if (typeof s.maxProperties === 'number' && keys.length > s.maxProperties) {
      out[field] = `must have at most ${s.maxProperties} entries`;
    }
    const props = (s.properties ?? {}) as Record<string, Schema>;
    for (const name of (s.required ?? []) as string[]) {
      if (!Object.hasOwn(value, name)) out[join(path, name)] = 'is required';
    }
    for (const name of keys) {
      const sub = join(path, name);
      // Own properties only: `constructor` or `toString` in a body must not find Object.prototype's.
      const propSchema = Object.hasOwn(props, name) ? props[name] : undefined;
      if (propSchema !== undefined) this.#check(propSchema, value[name], sub, out);
      else if (s.additionalProperties === false) out[sub] = 'is not a known field';
      else if (s.additionalProperties !== undefined && typeof s.additionalProperties === 'object') {
        this.#check(s.additionalProperties as Schema, value[name], sub, out);
      }
    }
  }
}

/**
 * Whether `day` is a `YYYY-MM-DD` day of the calendar: `Date.parse` rolls 2030-02-30 over to
 * March 2, which would store a date the client never sent.
 */
export function isCalendarDay(day: string): boolean {
  if (!DATE.test(day)) return false;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function join(path: string, name: string): string {
  return path === '' ? name : `${path}.${name}`;
}

function matchesType(type: string, value: unknown): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'array':
      return Array.isArray(value);
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    default:
      return true;
  }
}

function article(type: string): string {
  if (type === 'null') return 'null';
  if (type === 'array' || type === 'object' || type === 'integer') return `an ${type}`;
  return `a ${type}`;
}

/** "name is required; rateLimit must be at most 10000" for a 400 message. */
export function describeProblems(problems: FieldProblems): string {
  return Object.entries(problems)
    .map(([field, problem]) => `${field} ${problem}`)
    .join('; ');
}

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'yaml';
import { SchemaResolver, type Schema } from './schema.js';

/** Base path of the API on every listener, as on the real hosts (`https://dhmad.tn/api/v1`). */
export const API_BASE_PATH = '/api/v1';

/** A path relative to the API base (`/api/v1/me` -> `/me`), or null outside it. */
export function apiPath(pathname: string): string | null {
  if (pathname !== API_BASE_PATH && !pathname.startsWith(`${API_BASE_PATH}/`)) return null;
  return pathname.slice(API_BASE_PATH.length) || '/';
}

interface QueryParameter {
  name: string;
  required: boolean;
  schema: Schema;
}

/** One operation of openapi.yaml, ready for routing and validation. */
export interface Operation {
  operationId: string;
  method: string;
  /** The OpenAPI path template, e.g. `/api-keys/{id}`. */
  template: string;
  /** Matches a path relative to the API base; named groups are the path parameters. */
  pattern: RegExp;
  query: QueryParameter[];
  /** Schema of the JSON body, when the operation takes one. */
  body: Schema | null;
  bodyRequired: boolean;
  pathParams: Record<string, Schema>;
  /** Response schemas by status code, used by tests to check the emulator against the contract. */
  responses: Record<string, Schema>;
}

export interface Contract {
  resolver: SchemaResolver;
  operations: Operation[];
  /** Allowed methods of each path template, for 405s. */
  match(path: string): { template: string; methods: Map<string, Operation>; params: Record<string, string> } | null;
  schema(name: string): Schema;
}

let cached: Contract | undefined;

/** The path of `@dhmad/sdk/openapi.yaml`, resolved the way Node resolves the package export. */
function contractPath(): string {
  return createRequire(import.meta.url).resolve('@dhmad/sdk/openapi.yaml');
}

/** Parse openapi.yaml once per process. */
export function loadContract(): Contract {
  if (cached) return cached;
  const doc = parse(readFileSync(contractPath(), 'utf8')) as Schema;
  const resolver = new SchemaResolver(doc);
  const operations: Operation[] = [];
  const paths = (doc.paths ?? {}) as Record<string, Schema>;
  for (const [template, item] of Object.entries(paths)) {
    const shared = (item.parameters ?? []) as Schema[];
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const op = item[method] as Schema | undefined;
      if (!op) continue;
      const params = [...shared, ...((op.parameters ?? []) as Schema[])].map((p) => resolver.resolve(p));
      const requestBody = op.requestBody ? resolver.resolve(op.requestBody as Schema) : null;
      const content = requestBody?.content as Record<string, Schema> | undefined;
      const responses: Record<string, Schema> = {};
      for (const [status, response] of Object.entries((op.responses ?? {}) as Record<string, Schema>)) {
        const resolved = resolver.resolve(response);
        const schema = (resolved.content as Record<string, Schema> | undefined)?.['application/json']?.schema;
        if (schema) responses[status] = schema as Schema;
      }
      operations.push({
        operationId: String(op.operationId),
        method: method.toUpperCase(),
        template,
        pattern: templatePattern(template),
        query: params
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: String(p.name), required: p.required === true, schema: p.schema as Schema })),
        pathParams: Object.fromEntries(
          params.filter((p) => p.in === 'path').map((p) => [String(p.name), p.schema as Schema]),
        ),
        body: (content?.['application/json']?.schema as Schema | undefined) ?? null,
        bodyRequired: requestBody?.required === true,
        responses,
      });
    }
  }
  const byTemplate = new Map<string, Operation[]>();
  for (const op of operations) byTemplate.set(op.template, [...(byTemplate.get(op.template) ?? []), op]);
  cached = {
    resolver,
    operations,
    match(path) {
      for (const [template, ops] of byTemplate) {
        const m = ops[0]!.pattern.exec(path);
        if (m) {
          return { template, methods: new Map(ops.map((o) => [o.method, o])), params: { ...m.groups } };
        }
      }
      return null;
    },
    schema(name) {
      return resolver.pointer(`#/components/schemas/${name}`);
    },
  };
  return cached;
}

/** `/api-keys/{id}/usage` -> /^\/api-keys\/(?<id>[^/]+)\/usage\/?$/ */
function templatePattern(template: string): RegExp {
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith('{') ? `(?<${part.slice(1, -1)}>[^/]+)` : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}/?$`);
}

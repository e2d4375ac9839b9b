import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as sdk from '../src/index.js';

const apiMd = readFileSync(new URL('../api.md', import.meta.url), 'utf8');
const indexTs = readFileSync(new URL('../src/index.ts', import.meta.url), 'utf8');
const typesTs = readFileSync(new URL('../src/types.ts', import.meta.url), 'utf8');

describe('api.md', () => {
  it('names every runtime export of @dhmad/sdk', () => {
    const missing = Object.keys(sdk).filter((name) => name !== 'default' && !apiMd.includes(`\`${name}`));
    expect(missing).toEqual([]);
  });

  it('names every type exported by name from src/index.ts and src/types.ts', () => {
    const typeNames = [
      ...[...indexTs.matchAll(/export type \{([^}]*)\}/g)].flatMap((m) => m[1]!.split(',').map((s) => s.trim())),
      ...[...typesTs.matchAll(/^export type (\w+)/gm)].map((m) => m[1]!),
    ].filter(Boolean);
    expect(typeNames.length).toBeGreaterThan(20);
    expect(typeNames.filter((name) => !apiMd.includes(`\`${name}`))).toEqual([]);
  });

  it('lists every resource method with its HTTP route', () => {
    for (const method of ['list', 'create', 'retrieve', 'update', 'activate', 'deactivate', 'regenerate', 'delete', 'usage']) {
      expect(typeof (sdk.ApiKeys.prototype as unknown as Record<string, unknown>)[method]).toBe('function');
      expect(apiMd).toContain(`dhmad.apiKeys.${method}(`);
    }
    expect(apiMd).toContain('dhmad.me.retrieve(');
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { rules } from '../src/rules/index.js';
import { ruleDocsUrl } from '../src/util/create-rule.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
const ruleFiles = readdirSync(new URL('../src/rules/', import.meta.url))
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => f.slice(0, -'.ts'.length))
  .sort();
const docFiles = readdirSync(new URL('../docs/rules/', import.meta.url))
  .filter((f) => f.endsWith('.md'))
  .map((f) => f.slice(0, -'.md'.length))
  .sort();
const ruleNames = Object.keys(rules).sort();

describe('the plugin object', () => {
  it('carries name, version and namespace from package.json', () => {
    expect(plugin.meta).toEqual({ name: pkg.name, version: pkg.version, namespace: '@dhmad' });
  });

  it('exposes every rule of the index', () => {
    expect(Object.keys(plugin.rules).sort()).toEqual(ruleNames);
  });
});

describe('rule index, source files and docs agree', () => {
  it('has one source file per rule and nothing else', () => {
    expect(ruleFiles).toEqual(ruleNames);
  });

  it('has one docs page per rule and nothing else', () => {
    expect(docFiles).toEqual(ruleNames);
  });

  it.each(ruleNames)('%s: docs page has the generated header and the rule’s title', (name) => {
    const doc = readFileSync(new URL(`../docs/rules/${name}.md`, import.meta.url), 'utf8');
    expect(doc.startsWith(`# @dhmad/${name}\n`)).toBe(true);
    expect(doc).toContain('<!-- end auto-generated rule header -->');
    expect(doc).toMatch(/incorrect/);
    expect(doc).toMatch(/correct/);
  });

  it('lists every rule in the README', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const name of ruleNames) expect(readme).toContain(`[${name}](docs/rules/${name}.md)`);
  });
});

describe('each rule', () => {
  it.each(ruleNames)('%s: named, documented, with a closed schema and default options', (name) => {
    const rule = rules[name as keyof typeof rules];
    expect(rule.name).toBe(name);
    expect(rule.meta.docs?.url).toBe(ruleDocsUrl(name));
    expect(rule.meta.docs?.description).toMatch(/^[A-Z].*[^.]$/);
    expect(Array.isArray(rule.meta.defaultOptions)).toBe(true);
    const schema = rule.meta.schema;
    expect(Array.isArray(schema)).toBe(true);
    for (const option of schema as { type: string; additionalProperties?: boolean }[]) {
      if (option.type === 'object') expect(option.additionalProperties).toBe(false);
    }
    expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
  });
});

describe('configs.recommended', () => {
  const recommended = plugin.configs.recommended;

  it('is a named flat config that carries the plugin itself', () => {
    expect(recommended.name).toBe('@dhmad/recommended');
    expect(recommended.files).toEqual(['**/*']);
    expect(recommended.plugins['@dhmad']).toBe(plugin);
  });

  it('turns on exactly the rules marked recommended, as errors', () => {
    const marked = ruleNames.filter((n) => rules[n as keyof typeof rules].meta.docs?.recommended === true);
    expect(Object.keys(recommended.rules).sort()).toEqual(marked.map((n) => `@dhmad/${n}`));
    expect(new Set(Object.values(recommended.rules))).toEqual(new Set(['error']));
    expect(marked).toEqual(ruleNames);
  });
});

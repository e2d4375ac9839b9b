import { readFileSync } from 'node:fs';
import { rules } from './rules/index.js';

const { name, version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  name: string;
  version: string;
};

/**
 * Every file the rest of the user's config lints (JavaScript by default; TypeScript,
 * Vue, Svelte, Astro where a parser for them is configured). ESLint does not start
 * linting new files for a pattern that ends in `*`, so this cannot make ESLint
 * parse `.ts` or `.d.ts` files in a project that has no TypeScript parser.
 */
const RECOMMENDED_FILES = ['**/*'];

/**
 * The rules' names, written out so that the published types need nothing from the
 * rule modules, and so nothing from `@typescript-eslint/utils`, which the plugin does
 * not install (see scripts/bundle.mjs). `_ruleNamesAgree` stops the build when this
 * list and the rule index differ.
 */
export type RuleName = 'no-hardcoded-key' | 'no-public-env-key' | 'require-env-gitignore';
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _ruleNamesAgree: Same<RuleName, keyof typeof rules> = true;

const recommendedRules = Object.fromEntries(
  (Object.keys(rules) as RuleName[])
    .filter((rule) => rules[rule].meta.docs?.recommended === true)
    .map((rule) => [`@dhmad/${rule}`, 'error']),
) as Record<string, 'error'>;

/**
 * A rule as both ESLint's types (9 and 10) and typescript-eslint's
 * `LooseRuleDefinition` accept it.
 */
export type LooseRule = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each linter passes its own context type
  create: (context: any) => Record<string, ((...args: any[]) => void) | undefined>;
  meta?: object | undefined;
};

/**
 * Typed loosely on purpose (as typescript-eslint types its own plugin): ESLint's
 * rule and config types and typescript-eslint's disagree in detail, and the
 * loose form is assignable to both, so `defineConfig` accepts the plugin.
 */
export type DhmadPlugin = {
  meta: { name: string; version: string; namespace: '@dhmad' };
  rules: Record<RuleName, LooseRule>;
  configs: { recommended: DhmadConfig };
};

/** A flat config object: spread it into a config array, or `extends: ['@dhmad/recommended']`. */
export type DhmadConfig = {
  name: string;
  files: string[];
  // Without `configs`, as ESLint's own types see a plugin inside a config.
  plugins: { '@dhmad': Omit<DhmadPlugin, 'configs'> };
  rules: Record<string, 'error'>;
};

const plugin: DhmadPlugin = {
  meta: { name, version, namespace: '@dhmad' },
  // RuleListener types `never`-typed handlers for unknown selectors, which no linter type accepts.
  rules: rules as unknown as DhmadPlugin['rules'],
  configs: {} as DhmadPlugin['configs'],
};

// The config names the plugin itself, so it works both spread into a config
// array and through `extends: ['@dhmad/recommended']`.
plugin.configs.recommended = {
  name: '@dhmad/recommended',
  files: RECOMMENDED_FILES,
  plugins: { '@dhmad': plugin },
  rules: recommendedRules,
};

// Only a default export: a CommonJS app's `require()` gets the plugin itself from
// dist/index.cjs, and eslint-doc-generator reads a module with more named exports as
// the plugin object.
export default plugin;

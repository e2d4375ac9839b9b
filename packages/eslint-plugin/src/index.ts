import { readFileSync } from 'node:fs';
import type { TSESLint } from '@typescript-eslint/utils';
import { rules } from './rules/index.js';

const { name, version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  name: string;
  version: string;
};

/** The files `configs.recommended` applies to: JavaScript and TypeScript, with JSX. */
export const RECOMMENDED_FILES = ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'];

type RuleName = keyof typeof rules;

const recommendedRules = Object.fromEntries(
  (Object.keys(rules) as RuleName[])
    .filter((rule) => rules[rule].meta.docs?.recommended === true)
    .map((rule) => [`@dhmad/${rule}`, 'error']),
) as TSESLint.FlatConfig.Rules;

interface DhmadPlugin {
  meta: { name: string; version: string; namespace: '@dhmad' };
  rules: typeof rules;
  configs: { recommended: TSESLint.FlatConfig.Config };
}

const plugin: DhmadPlugin = {
  meta: { name, version, namespace: '@dhmad' },
  rules,
  configs: {} as DhmadPlugin['configs'],
};

// The config names the plugin itself, so it works both spread into a config
// array and through `extends: ['@dhmad/recommended']`.
plugin.configs.recommended = {
  name: '@dhmad/recommended',
  files: RECOMMENDED_FILES,
  plugins: { '@dhmad': plugin as unknown as TSESLint.FlatConfig.Plugin },
  rules: recommendedRules,
};

export { rules };
export default plugin;

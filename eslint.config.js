// @ts-check
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import globals from 'globals';
// The repository lints itself with its own plugin, from its build (`npm run build` runs before lint).
import dhmad from '@dhmad/eslint-plugin';

export default defineConfig(
  globalIgnores(['**/dist/**', 'packages/secret-scan/standalone/**', '**/node_modules/**', '**/*.generated.ts', '**/coverage/**', '.bench/**']),
  js.configs.recommended,
  tseslint.configs.recommended,
  dhmad.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // CommonJS files (the bins that load a bundle): require() is how they load it.
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
  // TypeScript checks names itself; no-undef only misfires on type-only globals.
  { files: ['**/*.ts', '**/*.mts', '**/*.cts'], rules: { 'no-undef': 'off' } },
);

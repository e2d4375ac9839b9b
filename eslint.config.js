// @ts-check
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default defineConfig(
  globalIgnores(['**/dist/**', '**/node_modules/**', '**/*.generated.ts', '**/coverage/**']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // TypeScript checks names itself; no-undef only misfires on type-only globals.
  { files: ['**/*.ts', '**/*.mts', '**/*.cts'], rules: { 'no-undef': 'off' } },
);

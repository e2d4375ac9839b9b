import { ESLintUtils } from '@typescript-eslint/utils';

/** What each rule declares about itself in `meta.docs`, beyond ESLint's own fields. */
export interface DhmadRuleDocs {
  /** Whether `configs.recommended` turns the rule on (as an error). */
  recommended: boolean;
}

/** Where each rule's docs page lives; editors link to it from the problem. */
export function ruleDocsUrl(name: string): string {
  return `https://github.com/dhmad/toolkit/blob/main/packages/eslint-plugin/docs/rules/${name}.md`;
}

export const createRule = ESLintUtils.RuleCreator<DhmadRuleDocs>(ruleDocsUrl);

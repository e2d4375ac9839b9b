import { ESLintUtils } from '@typescript-eslint/utils';

/** What each rule declares about itself in `meta.docs`, beyond ESLint's own fields. */
export interface DhmadRuleDocs {
  /** Whether `configs.recommended` turns the rule on (as an error). */
  recommended: boolean;
}

/** Where each rule's docs page lives; editors link to it from the problem. */
export function ruleDocsUrl(name: string): string {
  return `https://github.com/dhmad/dhmad-toolkit/blob/main/packages/eslint-plugin/docs/rules/${name}.md`;
}

const ruleCreator = ESLintUtils.RuleCreator<DhmadRuleDocs>(ruleDocsUrl);

/** Structural equality of JSON-schema-validated option values. */
function sameOptions(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((v, i) => sameOptions(v, b[i]));
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => sameOptions((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * `ESLintUtils.RuleCreator` (docs URL, typed options and messages), with one
 * change for speed: RuleCreator merges the options with their defaults on every
 * file (a `structuredClone` and a deep merge, tens of microseconds), which was
 * most of our rules' cost on files they have nothing to say about. Here the
 * merge is done by the same `applyDefault`, but once per distinct options value.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  spec: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, DhmadRuleDocs>>,
): ReturnType<typeof ruleCreator<Options, MessageIds>> {
  const rule = ruleCreator(spec);
  const defaults = (spec.meta.defaultOptions ?? []) as Options;
  let lastRaw: unknown;
  let lastMerged: Options | undefined;
  return {
    ...rule,
    create(context) {
      let merged = lastMerged;
      if (merged === undefined || !sameOptions(context.options, lastRaw)) {
        merged = ESLintUtils.applyDefault<Options, Options>(defaults, context.options);
        lastRaw = context.options;
        lastMerged = merged;
      }
      return spec.create(context, merged);
    },
  };
}

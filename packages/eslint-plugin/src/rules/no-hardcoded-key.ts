import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { findKeys, KEY_MARKER, type KeyMatch } from '@dhmad/sdk/key-format';
import { createRule } from '../util/create-rule.js';
import { matchesFilePatterns } from '../util/file-patterns.js';

export type Options = [
  {
    /** The environment variable the suggestion reads the key from. */
    envVariable?: string;
    /** gitignore-style patterns for test files, where a live key gets its own message. */
    testFilePatterns?: string[];
  },
];
export type MessageIds = 'hardcodedKey' | 'liveKeyInTest' | 'useEnvVariable';

export const DEFAULT_ENV_VARIABLE = 'DHMAD_API_KEY';

export const DEFAULT_TEST_FILE_PATTERNS: readonly string[] = Object.freeze([
  '*.test.*',
  '*.spec.*',
  '__tests__/',
  '__mocks__/',
  '__fixtures__/',
  'test/',
  'tests/',
  'e2e/',
  'fixtures/',
]);

/**
 * Whether a string literal sits where an expression may stand, so replacing it
 * with `process.env.X` still parses and means "the value". Object, class and
 * interface member names, module specifiers and import/export names,
 * directives and literal types are names, not values.
 */
function isValuePosition(node: TSESTree.Literal): boolean {
  const parent = node.parent;
  // Every member-like node (properties, methods, accessors, their abstract and
  // signature forms) names itself with a `key` that is a value only when computed.
  if ('key' in parent && parent.key === node) return 'computed' in parent && parent.computed;
  switch (parent.type) {
    case AST_NODE_TYPES.ImportDeclaration:
    case AST_NODE_TYPES.ExportAllDeclaration:
    case AST_NODE_TYPES.ExportNamedDeclaration:
    case AST_NODE_TYPES.ImportAttribute:
    case AST_NODE_TYPES.ImportSpecifier:
    case AST_NODE_TYPES.ExportSpecifier:
    case AST_NODE_TYPES.TSLiteralType:
    case AST_NODE_TYPES.TSEnumMember:
    case AST_NODE_TYPES.TSExternalModuleReference:
    case AST_NODE_TYPES.TSModuleDeclaration:
      return false;
    case AST_NODE_TYPES.ExpressionStatement:
      return parent.directive === undefined;
    default:
      return true;
  }
}

export default createRule<Options, MessageIds>({
  name: 'no-hardcoded-key',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow DHMAD secret keys written in code, comments or JSX',
      recommended: true,
    },
    hasSuggestions: true,
    messages: {
      hardcodedKey:
        'A {{environment}} DHMAD secret key ({{keyPrefix}}…) is written in this file: anyone who can read the code can use it. Load it from the environment (process.env.{{envVariable}}) and regenerate this key at developer.dhmad.tn.',
      liveKeyInTest:
        'A live DHMAD secret key ({{keyPrefix}}…) is written in a test file: tests must never move real money. Use a sandbox key loaded from the environment (process.env.{{envVariable}}) and regenerate this live key at developer.dhmad.tn.',
      useEnvVariable: 'Replace the key with process.env.{{envVariable}}.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          envVariable: {
            type: 'string',
            pattern: '^[A-Za-z_][A-Za-z0-9_]*$',
            description: 'Environment variable the suggestion reads the key from.',
          },
          testFilePatterns: {
            type: 'array',
            items: { type: 'string' },
            description:
              'gitignore-style patterns (relative to the ESLint cwd) for test files, where a live key gets the `liveKeyInTest` message.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ envVariable: DEFAULT_ENV_VARIABLE, testFilePatterns: [...DEFAULT_TEST_FILE_PATTERNS] }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const text = sourceCode.text;
    // The whole cost of this rule on a file without keys: one substring search.
    if (!text.includes(KEY_MARKER)) return {};

    const envVariable = options.envVariable ?? DEFAULT_ENV_VARIABLE;
    const replacement = `process.env.${envVariable}`;
    let testFile: boolean | undefined;
    const isTestFile = (): boolean =>
      (testFile ??= matchesFilePatterns(
        options.testFilePatterns ?? DEFAULT_TEST_FILE_PATTERNS,
        context.physicalFilename,
        context.cwd,
      ));

    /** The literal the key is the whole value of, when the key can be swapped for an env read. */
    function replaceableNode(m: KeyMatch): { node: TSESTree.Node; text: string } | null {
      const node = sourceCode.getNodeByRangeIndex(m.index);
      if (node === null) return null;
      const isWholeKey = (value: unknown): boolean =>
        typeof value === 'string' && value.length === m.length && text.startsWith(value, m.index);
      if (node.type === AST_NODE_TYPES.Literal && isWholeKey(node.value) && isValuePosition(node)) {
        const inJsxAttribute = node.parent.type === AST_NODE_TYPES.JSXAttribute;
        return { node, text: inJsxAttribute ? `{${replacement}}` : replacement };
      }
      if (
        node.type === AST_NODE_TYPES.TemplateElement &&
        node.parent.type === AST_NODE_TYPES.TemplateLiteral &&
        node.parent.expressions.length === 0 &&
        node.parent.parent.type !== AST_NODE_TYPES.TaggedTemplateExpression &&
        isWholeKey(node.value.cooked)
      ) {
        return { node: node.parent, text: replacement };
      }
      return null;
    }

    return {
      Program(): void {
        const matches = findKeys(text, { malformed: false });
        if (matches.length === 0) return;
        const comments = sourceCode.getAllComments();
        for (const m of matches) {
          const loc = {
            start: sourceCode.getLocFromIndex(m.index),
            end: sourceCode.getLocFromIndex(m.index + m.length),
          };
          const messageId = m.environment === 'live' && isTestFile() ? 'liveKeyInTest' : 'hardcodedKey';
          const data = { environment: m.environment, keyPrefix: m.keyPrefix, envVariable };
          const inComment = comments.some((c) => c.range[0] <= m.index && m.index < c.range[1]);
          const target = inComment ? null : replaceableNode(m);
          const suggest: TSESLint.ReportSuggestionArray<MessageIds> =
            target === null
              ? []
              : [
                  {
                    messageId: 'useEnvVariable',
                    data: { envVariable },
                    fix: (fixer) => fixer.replaceText(target.node, target.text),
                  },
                ];
          context.report({ loc, messageId, data, suggest });
        }
      },
    };
  },
});

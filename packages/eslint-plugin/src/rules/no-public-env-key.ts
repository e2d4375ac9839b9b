import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../util/create-rule.js';
import { staticString } from '../util/static-path.js';

export type Options = [
  {
    /** Variable-name prefixes that frameworks inline into client bundles. */
    publicPrefixes?: string[];
    /** A variable whose name matches this (case-insensitive) holds a DHMAD secret key. */
    secretNamePattern?: string;
  },
];
export type MessageIds = 'publicEnvKey';

/** Next.js, Vite, Create React App, Nuxt, Expo, SvelteKit/Astro, Gatsby. */
export const DEFAULT_PUBLIC_PREFIXES: readonly string[] = Object.freeze([
  'NEXT_PUBLIC_',
  'VITE_',
  'REACT_APP_',
  'NUXT_PUBLIC_',
  'EXPO_PUBLIC_',
  'PUBLIC_',
  'GATSBY_',
]);

/** Mentions DHMAD and KEY or SECRET; a key *prefix* is not secret and may be public. */
export const DEFAULT_SECRET_NAME_PATTERN = '^(?=.*DHMAD)(?=.*(?:KEY|SECRET))(?!.*PREFIX)';

/** SvelteKit modules whose variables are sent to the browser. */
const SVELTEKIT_STATIC_PUBLIC = '$env/static/public';
const SVELTEKIT_DYNAMIC_PUBLIC = '$env/dynamic/public';

/** `process.env` or `import.meta.env`, given the `.env` member expression. */
function isEnvObject(node: TSESTree.MemberExpression): boolean {
  const object = node.object;
  if (object.type === AST_NODE_TYPES.Identifier) return object.name === 'process';
  return (
    object.type === AST_NODE_TYPES.MetaProperty && object.meta.name === 'import' && object.property.name === 'meta'
  );
}

/** The static name of a property access or a destructured key, if it has one. */
function staticName(key: TSESTree.Node, computed: boolean): string | null {
  if (!computed && key.type === AST_NODE_TYPES.Identifier) return key.name;
  return staticString(key);
}

/** The option as a RegExp, or an error that names the option instead of a bare `SyntaxError`. */
function secretNameRegExp(pattern: string): RegExp {
  try {
    return new RegExp(pattern, 'iu');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `@dhmad/no-public-env-key: the secretNamePattern option ${JSON.stringify(pattern)} is not a valid regular expression (${reason}). Fix it in your ESLint config; it is compiled with the "iu" flags.`,
      { cause: error },
    );
  }
}

export default createRule<Options, MessageIds>({
  name: 'no-public-env-key',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow reading a DHMAD secret key from an environment variable that is shipped to the browser',
      recommended: true,
    },
    messages: {
      publicEnvKey:
        '{{name}} is shipped to the browser: frameworks inline {{prefix}} variables into the client bundle, so a DHMAD secret key in it leaks to every visitor. Read the key in server code only, from a variable without the {{prefix}} prefix (such as DHMAD_API_KEY), and regenerate any key that was deployed this way.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          publicPrefixes: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            description: 'Variable-name prefixes that frameworks expose to client code.',
          },
          secretNamePattern: {
            type: 'string',
            description:
              'Regular expression (tested case-insensitively on the whole variable name) for variables that hold a DHMAD secret key.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [
      { publicPrefixes: [...DEFAULT_PUBLIC_PREFIXES], secretNamePattern: DEFAULT_SECRET_NAME_PATTERN },
    ],
  },
  create(context, [options]) {
    const prefixes = options.publicPrefixes ?? DEFAULT_PUBLIC_PREFIXES;
    const text = context.sourceCode.text;
    // Every read this rule judges goes through `process.env`, `import.meta.env` or
    // SvelteKit's `$env/` modules and spells a public prefix: a scan for `.env` or
    // `$env/` rules out nearly every file.
    if ((!text.includes('.env') && !text.includes('$env/')) || !prefixes.some((p) => text.includes(p))) return {};
    const secretName = secretNameRegExp(options.secretNamePattern ?? DEFAULT_SECRET_NAME_PATTERN);

    function check(name: string | null, node: TSESTree.Node): void {
      if (name === null) return;
      const prefix = prefixes.find((p) => name.startsWith(p));
      if (prefix === undefined || !secretName.test(name)) return;
      context.report({ node, messageId: 'publicEnvKey', data: { name, prefix } });
    }

    function checkPattern(pattern: TSESTree.ObjectPattern): void {
      for (const property of pattern.properties) {
        if (property.type === AST_NODE_TYPES.Property) check(staticName(property.key, property.computed), property);
      }
    }

    /** A read of one variable, or a destructuring of several, from an env object. */
    function checkRead(envObject: TSESTree.Node): void {
      // `(process.env as Env).X` and `process.env!.X` read the same variable.
      let object: TSESTree.Node = envObject;
      while (
        (object.parent?.type === AST_NODE_TYPES.TSAsExpression ||
          object.parent?.type === AST_NODE_TYPES.TSNonNullExpression ||
          object.parent?.type === AST_NODE_TYPES.TSSatisfiesExpression) &&
        object.parent.expression === object
      ) {
        object = object.parent;
      }
      const parent = object.parent;
      if (parent === undefined) return;
      if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === object) {
        check(staticName(parent.property, parent.computed), parent);
      } else if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === object) {
        if (parent.id.type === AST_NODE_TYPES.ObjectPattern) checkPattern(parent.id);
      } else if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === object) {
        if (parent.left.type === AST_NODE_TYPES.ObjectPattern) checkPattern(parent.left);
      }
    }

    return {
      'MemberExpression[property.name="env"]'(env: TSESTree.MemberExpression): void {
        if (!env.computed && isEnvObject(env)) checkRead(env);
      },
      // SvelteKit: `import { PUBLIC_X } from '$env/static/public'`, and reads of
      // `env` from '$env/dynamic/public'; both reach the browser.
      ImportDeclaration(node): void {
        const source = node.source.value;
        if (source !== SVELTEKIT_STATIC_PUBLIC && source !== SVELTEKIT_DYNAMIC_PUBLIC) return;
        for (const specifier of node.specifiers) {
          if (specifier.type !== AST_NODE_TYPES.ImportSpecifier) continue;
          const imported = staticName(specifier.imported, false);
          if (source === SVELTEKIT_STATIC_PUBLIC) {
            check(imported, specifier);
          } else if (imported === 'env') {
            const [variable] = context.sourceCode.getDeclaredVariables(specifier);
            for (const reference of variable?.references ?? []) checkRead(reference.identifier);
          }
        }
      },
    };
  },
});

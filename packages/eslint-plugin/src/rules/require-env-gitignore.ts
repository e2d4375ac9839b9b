import path from 'node:path';
import { fileGitStatus, isEnvTemplate, statIfAny } from '@dhmad/git-facts';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../util/create-rule.js';
import { staticPath, staticString, type PathContext } from '../util/static-path.js';

export type Options = [];
export type MessageIds = 'envFileNotIgnored' | 'envFileTracked';

/** Modules whose `config()` loads an env file. */
const DOTENV_MODULES = new Set(['dotenv', '@dotenvx/dotenvx']);
/** Modules that load `.env` as a side effect of being imported. */
const DOTENV_CONFIG_MODULES = new Set(['dotenv/config', '@dotenvx/dotenvx/config']);
const PROCESS_MODULES = new Set(['process', 'node:process']);

type Scope = TSESLint.Scope.Variable;

function propertyName(node: TSESTree.Property | TSESTree.MemberExpression | TSESTree.ImportSpecifier): string | null {
  const key = node.type === AST_NODE_TYPES.ImportSpecifier ? node.imported : node.type === AST_NODE_TYPES.Property ? node.key : node.property;
  const computed = node.type !== AST_NODE_TYPES.ImportSpecifier && node.computed;
  if (!computed && key.type === AST_NODE_TYPES.Identifier) return key.name;
  return staticString(key);
}

/**
 * The folder the code most likely runs from, which is where relative env paths
 * resolve: the nearest package root (npm scripts run there), else the
 * repository root, else the file's own folder.
 */
function expectedCwd(fileDir: string): string {
  for (let dir = fileDir; ; ) {
    if (statIfAny(path.join(dir, 'package.json'))?.isFile() === true) return dir;
    if (statIfAny(path.join(dir, '.git')) !== undefined) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return fileDir;
    dir = parent;
  }
}

export default createRule<Options, MessageIds>({
  name: 'require-env-gitignore',
  meta: {
    type: 'problem',
    docs: {
      description: "Require env files loaded by code to be untracked and ignored by the repository's .gitignore files",
      recommended: true,
    },
    messages: {
      envFileNotIgnored:
        "This loads {{file}}, which the repository's .gitignore files do not ignore: a `git add .` would commit its secrets. Add `{{pattern}}` to a .gitignore and commit it (.git/info/exclude and global excludes do not protect your teammates).",
      envFileTracked:
        'This loads {{file}}, which is tracked by git: its secrets are in the repository. Run `git rm --cached {{file}}` at the repository root, ignore it in .gitignore, and regenerate every key it held.',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    const text = sourceCode.text;
    // Files that never mention a loader register no listeners at all.
    if (!text.includes('dotenv') && !text.includes('loadEnvFile')) return {};
    const filename = context.physicalFilename;
    if (!path.isAbsolute(filename)) return {};
    const fileDir = path.dirname(filename);
    let pathContext: PathContext | undefined;
    const paths = (): PathContext => (pathContext ??= { fileDir, cwd: expectedCwd(fileDir) });
    const defaultEnvFile = (): string => path.join(paths().cwd, '.env');

    function check(node: TSESTree.Node, files: readonly (string | null)[]): void {
      for (const file of new Set(files)) {
        // A template (.env.example) is meant to be committed; any other file code loads env variables from holds secrets.
        if (file === null || isEnvTemplate(file)) continue;
        const status = fileGitStatus(file);
        if (status === null) continue;
        const data = { file: status.relPath, pattern: path.posix.basename(status.relPath) };
        if (status.tracked) context.report({ node, messageId: 'envFileTracked', data });
        else if (!status.ignored) context.report({ node, messageId: 'envFileNotIgnored', data });
      }
    }

    /** `config()`, `config({ path })`, `config({ path: [a, b] })` of dotenv or dotenvx. */
    function checkConfigCall(call: TSESTree.CallExpression): void {
      const [options] = call.arguments;
      if (options === undefined) return check(call, [defaultEnvFile()]);
      // Options built elsewhere could name any file; only literal objects are judged.
      if (options.type !== AST_NODE_TYPES.ObjectExpression) return;
      let value: TSESTree.Node | undefined;
      for (const property of options.properties) {
        if (property.type === AST_NODE_TYPES.SpreadElement) return;
        if (propertyName(property) === 'path') value = property.value;
      }
      if (value === undefined) return check(call, [defaultEnvFile()]);
      const elements = value.type === AST_NODE_TYPES.ArrayExpression ? value.elements : [value];
      check(
        call,
        elements.map((e) => (e === null || e.type === AST_NODE_TYPES.SpreadElement ? null : staticPath(e, paths()))),
      );
    }

    function checkLoadEnvFile(call: TSESTree.CallExpression): void {
      const [file] = call.arguments;
      check(call, [file === undefined ? defaultEnvFile() : staticPath(file, paths())]);
    }

    /** Calls through a binding: `name(...)`, or `name.member(...)` when `member` is given. */
    function forEachCall(variable: Scope | undefined, member: string | null, onCall: (c: TSESTree.CallExpression) => void): void {
      for (const reference of variable?.references ?? []) {
        const id = reference.identifier;
        const parent = id.parent;
        if (member === null) {
          if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === id) onCall(parent);
        } else if (
          parent?.type === AST_NODE_TYPES.MemberExpression &&
          parent.object === id &&
          propertyName(parent) === member &&
          parent.parent.type === AST_NODE_TYPES.CallExpression &&
          parent.parent.callee === parent
        ) {
          onCall(parent.parent);
        }
      }
    }

    return {
      ImportDeclaration(node): void {
        const source = node.source.value;
        if (DOTENV_CONFIG_MODULES.has(source)) return check(node, [defaultEnvFile()]);
        const fromDotenv = DOTENV_MODULES.has(source);
        if (!fromDotenv && !PROCESS_MODULES.has(source)) return;
        for (const specifier of node.specifiers) {
          const [variable] = sourceCode.getDeclaredVariables(specifier);
          if (specifier.type !== AST_NODE_TYPES.ImportSpecifier) {
            if (fromDotenv) forEachCall(variable, 'config', checkConfigCall);
            // A default import named `process` is the member-call listener's already.
            else if (specifier.local.name !== 'process') forEachCall(variable, 'loadEnvFile', checkLoadEnvFile);
          } else if (fromDotenv && propertyName(specifier) === 'config') {
            forEachCall(variable, null, checkConfigCall);
          } else if (!fromDotenv && propertyName(specifier) === 'loadEnvFile') {
            forEachCall(variable, null, checkLoadEnvFile);
          }
        }
      },
      ImportExpression(node): void {
        const source = staticString(node.source);
        if (source !== null && DOTENV_CONFIG_MODULES.has(source)) check(node, [defaultEnvFile()]);
      },
      'CallExpression[callee.type="Identifier"][callee.name="require"]'(call: TSESTree.CallExpression): void {
        const source = staticString(call.arguments[0]);
        if (source === null) return;
        if (DOTENV_CONFIG_MODULES.has(source)) return check(call, [defaultEnvFile()]);
        if (!DOTENV_MODULES.has(source)) return;
        const parent = call.parent;
        if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === call) {
          // require('dotenv').config(...)
          if (propertyName(parent) === 'config' && parent.parent.type === AST_NODE_TYPES.CallExpression && parent.parent.callee === parent) {
            checkConfigCall(parent.parent);
          }
        } else if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === call) {
          const variables = sourceCode.getDeclaredVariables(parent);
          if (parent.id.type === AST_NODE_TYPES.Identifier) {
            forEachCall(variables[0], 'config', checkConfigCall);
          } else if (parent.id.type === AST_NODE_TYPES.ObjectPattern) {
            // const { config } = require('dotenv')
            for (const property of parent.id.properties) {
              if (property.type !== AST_NODE_TYPES.Property || propertyName(property) !== 'config') continue;
              const local = property.value;
              if (local.type !== AST_NODE_TYPES.Identifier) continue;
              forEachCall(variables.find((v) => v.name === local.name), null, checkConfigCall);
            }
          }
        }
      },
      'CallExpression[callee.object.name="process"][callee.property.name="loadEnvFile"]': checkLoadEnvFile,
    };
  },
});

import path from 'node:path';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

/** Where relative paths resolve for the code being linted. */
export interface PathContext {
  /** Folder of the linted file (`__dirname`, `import.meta.dirname`, `import.meta.url`). */
  fileDir: string;
  /** What `process.cwd()` will most likely be when the code runs. */
  cwd: string;
}

function isImportMeta(node: TSESTree.Node, property: string): boolean {
  return (
    node.type === AST_NODE_TYPES.MemberExpression &&
    !node.computed &&
    node.object.type === AST_NODE_TYPES.MetaProperty &&
    node.object.meta.name === 'import' &&
    node.property.type === AST_NODE_TYPES.Identifier &&
    node.property.name === property
  );
}

/** The value of a string literal or of a template literal without expressions. */
export function staticString(node: TSESTree.Node | undefined): string | null {
  if (node?.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node?.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) {
    return node.quasis[0]?.value.cooked ?? null;
  }
  return null;
}

function calleeName(node: TSESTree.CallExpression | TSESTree.NewExpression): string | null {
  const callee = node.callee;
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier) {
    return callee.property.name;
  }
  return null;
}

/** One argument of `path.join`/`path.resolve`: a string, or a folder known at lint time. */
function segment(node: TSESTree.Node, ctx: PathContext): string | null {
  if (node.type === AST_NODE_TYPES.Identifier && node.name === '__dirname') return ctx.fileDir;
  if (isImportMeta(node, 'dirname')) return ctx.fileDir;
  if (node.type === AST_NODE_TYPES.CallExpression && node.arguments.length === 0 && calleeName(node) === 'cwd') {
    return ctx.cwd;
  }
  return staticString(node);
}

/** `new URL('../.env', import.meta.url)` resolved to a file path, or null. */
function fileUrl(node: TSESTree.Node, ctx: PathContext): string | null {
  if (node.type !== AST_NODE_TYPES.NewExpression || calleeName(node) !== 'URL' || node.arguments.length !== 2) {
    return null;
  }
  const [relative, base] = node.arguments;
  if (relative === undefined || base === undefined || !isImportMeta(base, 'url')) return null;
  const rel = staticString(relative);
  return rel === null ? null : path.resolve(ctx.fileDir, decodeURIComponent(rel));
}

/**
 * The absolute file a path expression names, when it can be known without
 * running the code: string literals (relative to the expected cwd), `path.join`
 * and `path.resolve` over strings, `__dirname`, `import.meta.dirname` and
 * `process.cwd()`, and `new URL(x, import.meta.url)` (also through
 * `fileURLToPath` or `.pathname`). Anything else (a variable, an env var) is null.
 */
export function staticPath(node: TSESTree.Node, ctx: PathContext): string | null {
  const literal = staticString(node);
  if (literal !== null) return path.resolve(ctx.cwd, literal);
  const url = fileUrl(node, ctx);
  if (url !== null) return url;
  if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed && node.property.type === AST_NODE_TYPES.Identifier && node.property.name === 'pathname') {
    return fileUrl(node.object, ctx);
  }
  if (node.type !== AST_NODE_TYPES.CallExpression) return null;
  const name = calleeName(node);
  if (name === 'fileURLToPath' && node.arguments[0] !== undefined) return fileUrl(node.arguments[0], ctx);
  if (name !== 'join' && name !== 'resolve') return null;
  const parts: string[] = [];
  for (const arg of node.arguments) {
    const part = segment(arg, ctx);
    if (part === null) return null;
    parts.push(part);
  }
  if (parts.length === 0) return null;
  return name === 'resolve' ? path.resolve(ctx.cwd, ...parts) : path.resolve(ctx.cwd, path.join(...parts));
}

import { isCall, isIdentifier, isMember, propertyName, type Node } from './nodes';

/** How a module names what it loads and exports, in the syntax of ES modules and CommonJS. */

/** `module.exports` itself. */
export function isWholeExports(node: Node): boolean {
  return isMember(node) && isIdentifier(node.object, 'module') && propertyName(node) === 'exports';
}

/** `exports` or `module.exports`: the object a CommonJS module exports. */
export function isExportsObject(node: Node): boolean {
  return isIdentifier(node, 'exports') || isWholeExports(node);
}

/** `require('x')` with a plain string: the specifier; else undefined. */
export function requiredSpecifier(node: Node): string | undefined {
  if (!isCall(node) || !isIdentifier(node.callee, 'require')) return undefined;
  const [arg] = node.arguments;
  return arg?.type === 'StringLiteral' ? (arg.value as string) : undefined;
}

/** The name an import or export specifier, or an object key, gives: `x` or `'x'`. */
export function exportName(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (isIdentifier(node)) return node.name;
  return node.type === 'StringLiteral' ? (node.value as string) : undefined;
}

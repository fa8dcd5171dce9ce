import { isCall, isIdentifier, isMember, propertyName, type Node, type Path } from './nodes';

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

/**
 * Where a module's code says what it exports under `name` ('default' for its default export), in
 * source order: the exported expression or declaration (for `export { local as name }`, the local
 * name), a module it re-exports `name` from, or the value `module.exports` is set to, whose member
 * `name` is.
 */
export type ExportLead = { kind: 'value'; path: Path } | { kind: 'from'; specifier: string; name: string } | { kind: 'member'; object: Path };

export function exportLeads(program: Path, name: string): ExportLead[] {
  const leads: ExportLead[] = [];
  (program.node.body as Node[]).forEach((node, i) => {
    const statement = program.get('body', i) as Path;
    if (node.type === 'ExportNamedDeclaration') leads.push(...namedExportLeads(statement, name));
    else if (node.type === 'ExportDefaultDeclaration' && name === 'default') leads.push({ kind: 'value', path: statement.get('declaration') as Path });
    else if (node.type === 'ExportAllDeclaration' && name !== 'default' && !node.exported) leads.push({ kind: 'from', specifier: (node.source as Node).value as string, name });
    else if (node.type === 'ExpressionStatement' && (node.expression as Node).type === 'AssignmentExpression' && (node.expression as Node).operator === '=') {
      const left = (node.expression as Node).left as Node;
      const right = statement.get('expression', 'right') as Path;
      if (isWholeExports(left)) leads.push(name === 'default' ? { kind: 'value', path: right } : { kind: 'member', object: right });
      else if (isMember(left) && propertyName(left) === name && isExportsObject(left.object)) leads.push({ kind: 'value', path: right });
    }
  });
  return leads;
}

/** `export function name`, `export const name = ...`, `export { local as name }`, `export { local as name } from './x'`. */
function namedExportLeads(statement: Path, name: string): ExportLead[] {
  const node = statement.node;
  const declaration = node.declaration as Node | null;
  if (declaration) {
    if ((declaration.type === 'FunctionDeclaration' || declaration.type === 'ClassDeclaration') && isIdentifier(declaration.id as Node, name)) return [{ kind: 'value', path: statement.get('declaration') as Path }];
    if (declaration.type !== 'VariableDeclaration') return [];
    const index = (declaration.declarations as Node[]).findIndex((d) => isIdentifier(d.id as Node, name));
    const declarator = index === -1 ? undefined : (statement.get('declaration', 'declarations', index) as Path);
    return declarator?.node.init ? [{ kind: 'value', path: declarator.get('init') as Path }] : [];
  }
  const specifiers = node.specifiers as Node[];
  const index = specifiers.findIndex((s) => s.type === 'ExportSpecifier' && exportName(s.exported as Node) === name);
  if (index === -1) return [];
  const local = exportName(specifiers[index]!.local as Node)!;
  return [node.source ? { kind: 'from', specifier: (node.source as Node).value as string, name: local } : { kind: 'value', path: statement.get('specifiers', index, 'local') as Path }];
}

/** The name an import or export specifier names on the module side (`imported`/`local`) or the importing side (`exported`). */
export function importedName(specifier: Node, side: 'imported' | 'local' | 'exported' = 'imported'): string | undefined {
  return exportName(specifier[side] as Node | undefined);
}

/** `exports`, `module.exports`, or a member of either at any depth: where CommonJS code puts what it exports. */
export function isExportsTarget(node: Node): boolean {
  return isExportsObject(node) || (isMember(node) && isExportsTarget(node.object));
}

/** A statement that is an `export` declaration, or the declaration one exports. */
export function isExportedStatement(statement: Path | null | undefined): boolean {
  const parent = statement?.parent?.node as Node | undefined;
  const own = statement?.node as Node | undefined;
  return own?.type === 'ExportNamedDeclaration' || own?.type === 'ExportDefaultDeclaration' || parent?.type === 'ExportNamedDeclaration' || parent?.type === 'ExportDefaultDeclaration';
}

/** `import { x }`, `export { x }`, `export default x`, `module.exports = { x }`, `exports.x = x`: naming a binding, not using it. */
export function isImportOrExportName(identifier: Path): boolean {
  const parent = identifier.parent as Path | null;
  if (!parent) return false;
  if (/^(Import|Export)(Default|Namespace)?Specifier$/.test(parent.node.type)) return true;
  if (parent.node.type === 'ExportDefaultDeclaration') return parent.node.declaration === identifier.node;
  return isCommonJsExport(identifier);
}

/** `module.exports = x`, `exports.name = x` or `module.exports = { name: x }` at the identifier `x`. */
export function isCommonJsExport(identifier: Path): boolean {
  const parent = identifier.parent as Path | null;
  if (!parent) return false;
  if (parent.node.type === 'AssignmentExpression') return parent.node.right === identifier.node && isExportsTarget(parent.node.left as Node);
  if (parent.node.type !== 'ObjectProperty' || parent.node.value !== identifier.node) return false;
  const assignment = parent.parent?.parent?.node as Node | undefined;
  return assignment?.type === 'AssignmentExpression' && isExportsTarget(assignment.left as Node);
}

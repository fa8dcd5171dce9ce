import { isExportedStatement, isExportsTarget, isWholeExports } from '../ast/modules';
import { isIdentifier, isMember, propertyName, some, type Node, type Path } from '../ast/nodes';

/** The name a helper is called by, and whether code outside the file can reach it. */
export interface HelperIdentity {
  name: string;
  /** The identifier that declares the name (function name, variable, method key). */
  nameNode: Node;
  /** The declaration to resolve same-file calls against; undefined for class methods. */
  declaration: Node | undefined;
  isMethod: boolean;
  exported: boolean;
  /** Exported as the module itself (`export default`, `module.exports = fn`): importers may rename it. */
  defaultExport: boolean;
}

/** The name code calls a function by (declaration, variable, exported property or method key) and how other files reach it; undefined without one. */
export function helperIdentity(fn: Path): HelperIdentity | undefined {
  const node = fn.node;
  const parent = fn.parent as Path | null;
  if (node.type === 'FunctionDeclaration' && node.id) {
    const id = node.id as Node;
    const name = id.name as string;
    const defaultExport = parent?.node.type === 'ExportDefaultDeclaration' || isDefaultExportedByName(fn, name);
    return { name, nameNode: id, declaration: id, isMethod: false, exported: defaultExport || isExportedStatement(parent) || isExportedByName(fn, name), defaultExport };
  }
  if (parent?.node.type === 'VariableDeclarator' && isIdentifier(parent.node.id as Node)) {
    const id = parent.node.id as Node;
    const name = id.name as string;
    const defaultExport = isDefaultExportedByName(fn, name);
    return { name, nameNode: id, declaration: id, isMethod: false, exported: defaultExport || isExportedStatement(parent.parent as Path) || isExportedByName(fn, name), defaultExport };
  }
  // `exports.name = function`, `module.exports.name = async (s) => {}`.
  if (parent?.node.type === 'AssignmentExpression' && parent.node.right === node && isMember(parent.node.left as Node)) {
    const left = parent.node.left as Node & { object: Node; property: Node };
    const name = propertyName(left);
    if (name && isExportsTarget(left.object)) return { name, nameNode: left.property, declaration: undefined, isMethod: false, exported: true, defaultExport: false };
  }
  // `module.exports = { name(s) {...} }` or `{ name: function (s) {...} }`.
  const property = node.type === 'ObjectMethod' ? node : parent?.node.type === 'ObjectProperty' && parent.node.value === node ? parent.node : undefined;
  const object = property ? ((node.type === 'ObjectMethod' ? parent : parent?.parent) as Path | null | undefined) : undefined;
  const assignment = object?.parent?.node as Node | undefined;
  if (property && !property.computed && isIdentifier(property.key as Node) && assignment?.type === 'AssignmentExpression' && assignment.right === object!.node && isExportsTarget(assignment.left as Node)) {
    const key = property.key as Node;
    return { name: key.name as string, nameNode: key, declaration: undefined, isMethod: false, exported: true, defaultExport: false };
  }
  if ((node.type === 'ClassMethod' || node.type === 'ClassPrivateMethod') && !node.computed && isIdentifier(node.key as Node)) {
    const key = node.key as Node;
    const classPath = parent?.parent as Path | null;
    const className = (classPath?.node.id as Node | undefined)?.name as string | undefined;
    const exported = node.type === 'ClassMethod' && (isExportedStatement(classPath?.parent as Path | null) || (className !== undefined && isExportedByName(fn, className)));
    return { name: key.name as string, nameNode: key, declaration: undefined, isMethod: true, exported, defaultExport: false };
  }
  return undefined;
}

/** `export { name }`, `module.exports = { name }`, `exports.name = name`, `module.exports = name`. */
function isExportedByName(fn: Path, name: string): boolean {
  let program: Path = fn;
  while (program.parent) program = program.parent as Path;
  return some(program.node, (node) => {
    if (node.type === 'ExportSpecifier') return isIdentifier(node.local as Node, name);
    if (node.type !== 'AssignmentExpression' || !isExportsTarget(node.left as Node)) return false;
    const right = node.right as Node;
    if (isIdentifier(right, name)) return true;
    return right.type === 'ObjectExpression' && (right.properties as Node[]).some((p) => p.type === 'ObjectProperty' && isIdentifier(p.value as Node, name));
  });
}

/** `export default name` or `module.exports = name`. */
function isDefaultExportedByName(fn: Path, name: string): boolean {
  let program: Path = fn;
  while (program.parent) program = program.parent as Path;
  return some(program.node, (node) => {
    if (node.type === 'ExportDefaultDeclaration') return isIdentifier(node.declaration as Node, name);
    if (node.type !== 'AssignmentExpression' || !isIdentifier(node.right as Node, name)) return false;
    return isWholeExports(node.left as Node);
  });
}

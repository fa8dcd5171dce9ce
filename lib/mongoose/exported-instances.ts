import { importedName, isExportsTarget, isWholeExports } from '../ast/modules';
import { isIdentifier, propertyName, walk, type Node, type Path } from '../ast/nodes';
import type { ExportedName } from './importer-search';

/**
 * The names under which the module exports an instance of the method's class, made in place
 * (`export const tx = new TransactionService()`, `export default new Tx()`, `module.exports = new
 * Tx()`, `exports.tx = new Tx()`) or in a variable it exports (`export { tx }`, `module.exports = { tx }`).
 */
export function exportedInstances(method: Path): ExportedName[] {
  const classPath = method.parent?.parent as Path | null;
  const id = classPath?.node.id as Node | undefined;
  if (!id || !isIdentifier(id)) return [];
  let program: Path = method;
  while (program.parent) program = program.parent as Path;
  const out: ExportedName[] = [];
  walk(program.node, (node) => {
    if (node.type !== 'NewExpression' || !isIdentifier(node.callee as Node, id.name as string)) return undefined;
    out.push(...exportsOfValue(program.node, node));
    return undefined;
  });
  return out;
}

/** The names the module exports `value` under: directly, or through the variable it initialises. */
function exportsOfValue(program: Node, value: Node): ExportedName[] {
  const out: ExportedName[] = [];
  const file = '';
  let variable: string | undefined;
  walk(program, (node) => {
    if (node.type === 'ExportDefaultDeclaration' && node.declaration === value) out.push({ file, name: 'default', whole: true });
    if (node.type === 'AssignmentExpression' && node.right === value && isExportsTarget(node.left as Node)) out.push(exportTargetName(node.left as Node));
    if (node.type === 'VariableDeclarator' && node.init === value && isIdentifier(node.id as Node)) variable = (node.id as Node).name as string;
    return undefined;
  });
  if (variable === undefined) return out;
  const name = variable;
  walk(program, (node) => {
    if (node.type === 'ExportNamedDeclaration' && (node.declaration as Node | undefined)?.type === 'VariableDeclaration') {
      const declared = ((node.declaration as Node).declarations as Node[]).some((d) => isIdentifier(d.id as Node, name));
      if (declared) out.push({ file, name, whole: false });
    }
    if (node.type === 'ExportSpecifier' && isIdentifier(node.local as Node, name)) {
      const as = importedName(node, 'exported')!;
      out.push({ file, name: as, whole: as === 'default' });
    }
    if (node.type === 'ExportDefaultDeclaration' && isIdentifier(node.declaration as Node, name)) out.push({ file, name: 'default', whole: true });
    if (node.type === 'AssignmentExpression' && isExportsTarget(node.left as Node)) {
      const right = node.right as Node;
      if (isIdentifier(right, name)) out.push(exportTargetName(node.left as Node));
      if (right.type === 'ObjectExpression') {
        for (const p of right.properties as Node[]) {
          const key = p.key as Node | undefined;
          if (p.type === 'ObjectProperty' && isIdentifier(p.value as Node, name) && key && !p.computed) out.push({ file, name: (key.name ?? key.value) as string, whole: false });
        }
      }
    }
    return undefined;
  });
  return out;
}

/** `module.exports` (the whole module) or `exports.name` / `module.exports.name`. */
function exportTargetName(left: Node): ExportedName {
  return isWholeExports(left) ? { file: '', name: 'default', whole: true } : { file: '', name: propertyName(left) ?? 'default', whole: propertyName(left) === undefined };
}

import { calleeName, isCall, isIdentifier, isMember, namingExpression, propertyKey, type Node, type Path } from '../ast/nodes';
import type { MongooseAnalysis } from './analysis';

/** A NestJS module reference's lookups of a provider by its class. */
const INSTANCE_LOOKUPS = new Set(['get', 'resolve']);

/** Object keys of a NestJS module whose arrays list classes for the injector (instances then arrive by the class's type). */
const INJECTOR_LISTS = new Set(['providers', 'exports', 'controllers', 'imports']);

/**
 * Where an instance of a class may travel where calls on it cannot be tied to the class: `new C()`
 * not kept in a variable, a variable holding one that is used other than by its members
 * (`register(tx)`), a subclass (`extends C`), the class handed to code that makes instances
 * (`moduleRef.get(C)`, `{ useClass: C }`). Type annotations, static members, `instanceof` and
 * NestJS module lists (instances injected by the class's type) keep it in sight.
 */
export function instanceEscape(analysis: MongooseAnalysis, classRefs: readonly Path[]): Path | undefined {
  const rootPath = analysis.root.get() as Path;
  for (const ref of classRefs) {
    const expression = namingExpression(ref);
    const parent = expression.parent as Path | null;
    if (!parent) continue;
    const node = parent.node;
    if (node.type === 'NewExpression' && node.callee === expression.node) {
      const declarator = parent.parent as Path | null;
      const id = declarator?.node.type === 'VariableDeclarator' && declarator.node.init === node ? (declarator.node.id as Node) : undefined;
      if (!id || !isIdentifier(id)) return parent;
      const passed = analysis.bindings.referencesIn(rootPath, id).find((use) => {
        const member = use.parent as Path | null;
        return use.node !== id && !(member && isMember(member.node) && member.node.object === use.node);
      });
      if (passed) return passed;
      continue;
    }
    if (isMember(node) && node.object === expression.node) continue;
    // `class OrderRepo extends BaseRepo`: what its instances call is searched through the subclass.
    if ((node.type === 'ClassDeclaration' || node.type === 'ClassExpression') && node.superClass === expression.node) continue;
    if (node.type.startsWith('TS') || (node.type === 'BinaryExpression' && node.operator === 'instanceof' && node.right === expression.node)) continue;
    // `{ provide: C, useValue: stub }` names a token; `moduleRef.get(C)` gives an instance whose calls this file shows.
    if (node.type === 'ObjectProperty' && node.value === expression.node && propertyKey(node) === 'provide') continue;
    if (isCall(node) && (node.arguments as Node[])[0] === expression.node && INSTANCE_LOOKUPS.has(calleeName(node) ?? '')) continue;
    const list = node.type === 'ArrayExpression' ? (parent.parent as Path | null)?.node : undefined;
    if (list?.type === 'ObjectProperty' && INJECTOR_LISTS.has(propertyKey(list) ?? '')) continue;
    return parent;
  }
  return undefined;
}

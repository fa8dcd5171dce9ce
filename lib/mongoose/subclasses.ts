import { namingExpression, type Node, type Path } from '../ast/nodes';
import type { MongooseAnalysis } from './analysis';
import { memberOf, valueOf } from './callees';
import { isMethod, type MethodRef } from './self-calls';

/** The superclass (by name) whose own `name` method the method overrides, or undefined. */
export function overriddenBy(analysis: MongooseAnalysis, method: Path, name: string): string | undefined {
  if (method.node.static) return undefined;
  const cls = method.parent?.parent as Path | null;
  if (!cls?.node.superClass) return undefined;
  const parent = valueOf(analysis, cls.get('superClass') as Path, 0);
  if (parent?.kind !== 'class') return undefined;
  const inherited = memberOf({ kind: 'instance', analysis: parent.analysis, cls: parent.cls }, name, 0);
  return inherited?.kind === 'function' ? (((parent.cls.node.id as Node | undefined)?.name as string | undefined) ?? 'its superclass') : undefined;
}

/** `class X extends C` at a reference of C, when X's instances run C's `method` (X does not override it). */
export function inheritingSubclass(analysis: MongooseAnalysis, ref: Path, method: MethodRef, name: string): Path | undefined {
  const expression = namingExpression(ref);
  const parent = expression.parent as Path | null;
  if (!parent || (parent.node.type !== 'ClassDeclaration' && parent.node.type !== 'ClassExpression') || parent.node.superClass !== expression.node) return undefined;
  const inherited = memberOf({ kind: 'instance', analysis, cls: parent }, name, 0);
  return inherited?.kind === 'function' && isMethod(inherited, method) ? parent : undefined;
}

import * as path from 'node:path';
import { isFunction, isIdentifier, isMember, propertyName, rootIdentifier, startOf, unwrapExpression, unwrapPath, type Node, type Path } from '../ast/nodes';
import { enclosingClass, propertyAnnotation } from '../ast/classes';
import { packageOf } from '../facts/import-scan';
import type { MongooseAnalysis } from './analysis';

/**
 * The step of the callee resolver (callees.ts) that syntax cannot take: the function of another
 * project file a call runs, as type facts place it (where the called signature is declared).
 * Asked only of calls that can reach project code: of an imported or required name, or a member
 * of `this`.
 */
export function declaredCallee(analysis: MongooseAnalysis, call: Path, callee: Path): { analysis: MongooseAnalysis; fn: Path; file: string } | undefined {
  if (!mayReachProjectCode(analysis, callee)) return undefined;
  const declaredAt = analysis.declarationCalled(call);
  if (!declaredAt || (analysis.file !== undefined && path.resolve(declaredAt.file) === path.resolve(analysis.file))) return undefined;
  const there = analysis.links.analysisOf(declaredAt.file);
  const fn = there && functionNamedAt(there, declaredAt.start);
  return fn && there ? { fn, analysis: there, file: declaredAt.file } : undefined;
}

/**
 * `userService.remove()` on an imported or required name, `this.repo.save()`: calls whose target
 * may be the project's. Not a name imported or required from a package, nor a method of
 * a `this` property annotated with a package's class: what they call is declared by the package,
 * so type facts never name a project function for them, and asking builds a program for nothing
 * (laudspeaker's accounts service: 2.6 s for `admin.app(id)` of firebase-admin).
 */
function mayReachProjectCode(analysis: MongooseAnalysis, callee: Path): boolean {
  let object = callee;
  while (object.node.type === 'MemberExpression' || object.node.type === 'OptionalMemberExpression') object = unwrapPath(object.get('object') as Path);
  if (object.node.type === 'ThisExpression') return !isPackageProperty(analysis, callee);
  const root = isIdentifier(object.node) ? object : rootIdentifier(callee);
  if (!root) return false;
  const declaration = analysis.bindings.declarationOf(root);
  if (!declaration) return false;
  const origin = analysis.bindings.originOf(declaration);
  if (origin?.kind === 'variable') {
    const init = origin.declarator.node.init as Node | null;
    const required = init == null ? undefined : requireCallIn(unwrapExpression(init));
    const [specifier] = (required?.arguments as Node[] | undefined) ?? [];
    return required !== undefined && !(specifier?.type === 'StringLiteral' && isPackage(analysis, specifier.value as string));
  }
  return origin === undefined && analysis.index.of('ImportDeclaration').some((p) => (p.node.specifiers as Node[]).some((s) => s.local === declaration) && !isPackage(analysis, (p.node.source as Node).value as string));
}

/** `this.dataSource.createQueryRunner()` where the class declares `dataSource: DataSource` imported from a package. */
function isPackageProperty(analysis: MongooseAnalysis, callee: Path): boolean {
  if (!isMember(callee.node)) return false;
  const object = unwrapPath(callee.get('object') as Path);
  if (!isMember(object.node) || (object.node.object as Node).type !== 'ThisExpression') return false;
  const owner = enclosingClass(object);
  const property = propertyName(object.node);
  const type = owner && property !== undefined ? propertyAnnotation(owner.node, property) : undefined;
  if (type?.type !== 'TSTypeReference' || !isIdentifier(type.typeName as Node)) return false;
  const name = (type.typeName as Node).name as string;
  return analysis.index.of('ImportDeclaration').some((p) => (p.node.specifiers as Node[]).some((s) => s.type !== 'ImportNamespaceSpecifier' && isIdentifier(s.local as Node, name)) && isPackage(analysis, (p.node.source as Node).value as string));
}

/** A bare specifier that names no file of the project (its import graph, with workspaces and path aliases): a package's. */
function isPackage(analysis: MongooseAnalysis, specifier: string): boolean {
  return packageOf(specifier) !== undefined && analysis.links.moduleAt(specifier) === undefined;
}

/** The `require(...)` call at the root of `require('x')`, `require('x').y`, `require('x')(...)`. */
function requireCallIn(node: Node): Node | undefined {
  let current = node;
  while (current.type === 'MemberExpression' || current.type === 'CallExpression') {
    if (current.type === 'CallExpression' && isIdentifier(current.callee as Node, 'require')) return current;
    current = (current.type === 'MemberExpression' ? current.object : current.callee) as Node;
  }
  return undefined;
}

/** The function whose name (its own, or that of the variable, property or class field holding it) starts at `offset`. */
function functionNamedAt(analysis: MongooseAnalysis, offset: number): Path | undefined {
  for (const fn of analysis.index.functions()) {
    const node = fn.node;
    const named = (node.id ?? node.key) as Node | undefined;
    if ((named && startOf(named) === offset) || startOf(node) === offset) return fn;
    const holder = fn.parent?.node as Node | undefined;
    const holderName = (holder?.id ?? holder?.key) as Node | undefined;
    if (holderName && startOf(holderName) === offset && isFunction(node)) return fn;
  }
  return undefined;
}

import * as path from 'node:path';
import { endOf, isFunction, isIdentifier, isMember, propertyName, rootIdentifier, startOf, unwrapExpression, type Node, type Path } from '../ast/nodes';
import { enclosingClass, propertyAnnotation } from '../facts/declared-facts';
import { packageOf } from '../facts/import-scan';
import type { TransformContext } from '../transform';
import { unwrapPath, type MongooseAnalysis } from './analysis';

/** The function a call runs, with the analysis of the file that declares it. */
export interface CalledFunction {
  fn: Path;
  analysis: MongooseAnalysis;
  /** Path of the declaring file; the calling file's own for a local function. */
  file: string;
  /** The function's name as the call names it (`startTaskProcessing`, `userRepository.save`). */
  name: string;
}

/**
 * Follows a call to the function it runs: a function or method of the same file by syntax, one of
 * another file of the project through type facts (where the called signature is declared). Only
 * calls that can reach project code are followed: of a local name, an imported or required one,
 * or a member of `this`.
 */
export function calledFunction(ctx: TransformContext, analysis: MongooseAnalysis, call: Path): CalledFunction | undefined {
  const callee = unwrapPath(call.get('callee') as Path);
  const name = ctx.source.slice(startOf(callee.node), endOf(callee.node)).replace(/^this\./, '').replace(/\s+/g, '');
  const local = analysis.localFunctionCalled(call);
  if (local) return { fn: local, analysis, file: ctx.file, name };
  if (!mayReachProjectCode(ctx, analysis, callee)) return undefined;
  const declaredAt = ctx.types.thenableAt(ctx.file, ctx.source, startOf(call.node), endOf(call.node))?.declaredAt;
  if (!declaredAt || path.resolve(declaredAt.file) === path.resolve(ctx.file)) return undefined;
  const there = ctx.project.analysisOf(declaredAt.file);
  const fn = there && functionNamedAt(there, declaredAt.start);
  return fn && there ? { fn, analysis: there, file: declaredAt.file, name } : undefined;
}

/**
 * `userService.remove()` on an imported or required name, `this.repo.save()`: calls whose target
 * may be the project's. Not a name imported or required from a package, nor a method of
 * a `this` property annotated with a package's class: what they call is declared by the package,
 * so type facts never name a project function for them, and asking builds a program for nothing
 * (laudspeaker's accounts service: 2.6 s for `admin.app(id)` of firebase-admin).
 */
function mayReachProjectCode(ctx: TransformContext, analysis: MongooseAnalysis, callee: Path): boolean {
  let object = callee;
  while (object.node.type === 'MemberExpression' || object.node.type === 'OptionalMemberExpression') object = object.get('object') as Path;
  if (object.node.type === 'ThisExpression') return !isPackageProperty(ctx, analysis, callee);
  const root = isIdentifier(object.node) ? object : rootIdentifier(callee);
  if (!root) return false;
  const declaration = analysis.bindings.declarationOf(root);
  if (!declaration) return false;
  const origin = analysis.bindings.originOf(declaration);
  if (origin?.kind === 'variable') {
    const init = origin.declarator.node.init as Node | null;
    const required = init == null ? undefined : requireCallIn(unwrapExpression(init));
    const [specifier] = (required?.arguments as Node[] | undefined) ?? [];
    return required !== undefined && !(specifier?.type === 'StringLiteral' && isPackage(ctx, specifier.value as string));
  }
  return origin === undefined && analysis.index.of('ImportDeclaration').some((p) => (p.node.specifiers as Node[]).some((s) => s.local === declaration) && !isPackage(ctx, (p.node.source as Node).value as string));
}

/** `this.dataSource.createQueryRunner()` where the class declares `dataSource: DataSource` imported from a package. */
function isPackageProperty(ctx: TransformContext, analysis: MongooseAnalysis, callee: Path): boolean {
  if (!isMember(callee.node)) return false;
  const object = unwrapPath(callee.get('object') as Path);
  if (!isMember(object.node) || (object.node.object as Node).type !== 'ThisExpression') return false;
  const owner = enclosingClass(object);
  const property = propertyName(object.node);
  const type = owner && property !== undefined ? propertyAnnotation(owner.node, property) : undefined;
  if (type?.type !== 'TSTypeReference' || !isIdentifier(type.typeName as Node)) return false;
  const name = (type.typeName as Node).name as string;
  return analysis.index.of('ImportDeclaration').some((p) => (p.node.specifiers as Node[]).some((s) => s.type !== 'ImportNamespaceSpecifier' && isIdentifier(s.local as Node, name)) && isPackage(ctx, (p.node.source as Node).value as string));
}

/** A bare specifier that names no file of the project (its import graph, with workspaces and path aliases): a package's. */
function isPackage(ctx: TransformContext, specifier: string): boolean {
  return packageOf(specifier) !== undefined && ctx.project.moduleFile(specifier) === undefined;
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

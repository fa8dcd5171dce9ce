import * as path from 'node:path';
import { endOf, isFunction, isIdentifier, rootIdentifier, startOf, unwrapExpression, type Node, type Path } from '../ast/nodes';
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
  if (!mayReachProjectCode(analysis, callee)) return undefined;
  const declaredAt = ctx.types.thenableAt(ctx.file, ctx.source, startOf(call.node), endOf(call.node))?.declaredAt;
  if (!declaredAt || path.resolve(declaredAt.file) === path.resolve(ctx.file)) return undefined;
  const there = ctx.project.analysisOf(declaredAt.file);
  const fn = there && functionNamedAt(there, declaredAt.start);
  return fn && there ? { fn, analysis: there, file: declaredAt.file, name } : undefined;
}

/** `userService.remove()` on an imported or required name, `this.repo.save()`: calls whose target may be the project's. */
function mayReachProjectCode(analysis: MongooseAnalysis, callee: Path): boolean {
  let object = callee;
  while (object.node.type === 'MemberExpression' || object.node.type === 'OptionalMemberExpression') object = object.get('object') as Path;
  if (object.node.type === 'ThisExpression') return true;
  const root = isIdentifier(object.node) ? object : rootIdentifier(callee);
  if (!root) return false;
  const declaration = analysis.bindings.declarationOf(root);
  if (!declaration) return false;
  const origin = analysis.bindings.originOf(declaration);
  if (origin?.kind === 'variable') {
    const init = origin.declarator.node.init as Node | null;
    return init != null && isRequire(unwrapExpression(init));
  }
  return origin === undefined && analysis.index.of('ImportDeclaration').some((p) => (p.node.specifiers as Node[]).some((s) => s.local === declaration));
}

function isRequire(node: Node): boolean {
  let current = node;
  while (current.type === 'MemberExpression' || current.type === 'CallExpression') {
    if (current.type === 'CallExpression' && isIdentifier(current.callee as Node, 'require')) return true;
    current = (current.type === 'MemberExpression' ? current.object : current.callee) as Node;
  }
  return false;
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

import * as path from 'node:path';
import { classNameOf } from '../ast/classes';
import { isIdentifier, isMember, type Node, type Path } from '../ast/nodes';
import type { MongooseAnalysis } from './analysis';
import { valueOf } from './callees';

/**
 * `this.m()` or `super.m()`: whether the one resolver (callees.ts) says it runs `method`, runs
 * something else (the enclosing class or a closer superclass defines `m`), or cannot tell;
 * undefined for any other receiver.
 */
export function selfCall(analysis: MongooseAnalysis, call: Path, method: MethodRef): 'method' | 'other' | 'unknown' | undefined {
  const callee = call.node.callee as Node;
  const receiver = isMember(callee) ? (callee.object as Node).type : undefined;
  if (receiver !== 'ThisExpression' && receiver !== 'Super') return undefined;
  const value = valueOf(analysis, call.get('callee') as Path, 0);
  if (value?.kind === 'function') return isMethod(value, method) ? 'method' : 'other';
  return value === undefined || value.kind === 'expression' ? 'unknown' : 'other';
}

/**
 * The helper method, by its file and its class and name: another file reaches the helper's file
 * through an analysis of its own (of the text on disk, while the pipeline works on a rewritten one).
 */
export interface MethodRef {
  file: string;
  fn: Path;
}

export function methodRef(file: string, fn: Path): MethodRef {
  return { file, fn };
}

/** Whether a function the resolver reached is the helper method: the same node, or, read through another analysis of its file, the same class and name. */
export function isMethod(value: { analysis: MongooseAnalysis; fn: Path }, method: MethodRef): boolean {
  if (value.fn.node === method.fn.node) return true;
  const key = methodKey(method.fn);
  return key !== undefined && value.analysis.file !== undefined && path.resolve(value.analysis.file) === path.resolve(method.file) && methodKey(value.fn) === key;
}

/** `Class#name` (`Class.name` if static) of a method of a named class. */
function methodKey(fn: Path): string | undefined {
  const className = classNameOf(fn);
  const key = fn.node.key as Node | undefined;
  if (fn.node.type !== 'ClassMethod' || className === undefined || !key || !isIdentifier(key) || fn.node.computed) return undefined;
  return `${className}${fn.node.static ? '.' : '#'}${key.name as string}`;
}

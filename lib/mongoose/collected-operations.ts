import { calleeName, enclosingFunction, isCall, isFunction, isIdentifier, isMember, propertyName, type Node, type Path } from '../ast/nodes';
import type { MongooseAnalysis } from './analysis';

/**
 * Operations collected before a combinator waits for them: `const ops = []; ... ops.push(op(x,
 * session)); ... await Promise.all(ops)`, also pushed from a `forEach` callback, or kept by key
 * in a `Map` (`tasks.set(key, op)`, `Promise.all(tasks.values())`). Each operation starts where it
 * is collected, so all of them run at once on the session.
 */

/** `ops.push(value)` (one value, `ops` a plain name): the array's name and the value. */
export function pushedOnto(call: Path): { array: Path; value: Path } | undefined {
  return collectingCall(call, 'push', 1);
}

/** One collecting call on a plain name: `ops.push(op)`, `tasks.set(key, op)`; the name and the value collected (the last argument). */
function collectingCall(call: Path, method: 'push' | 'set', arity: number): { array: Path; value: Path } | undefined {
  const callee = call.node.callee as Node | undefined;
  if (!isCall(call.node) || !isMember(callee) || callee.computed || propertyName(callee) !== method || !isIdentifier(callee.object as Node)) return undefined;
  if ((call.node.arguments as Node[]).length !== arity) return undefined;
  return { array: call.get('callee', 'object') as Path, value: call.get('arguments', arity - 1) as Path };
}

/** The array every statement of a callback pushes into (`(x) => ops.push(op(x))`, `(x) => { ops.push(op(x)); }`), by name. */
export function arrayEveryStepPushesInto(callback: Path): string | undefined {
  const body = callback.get('body') as Path;
  const statements = body.node.type === 'BlockStatement' ? (body.node.body as Node[]).map((_, i) => body.get('body', i) as Path) : undefined;
  const steps = statements ? statements.map((s) => (s.node.type === 'ExpressionStatement' ? (s.get('expression') as Path) : undefined)) : [body];
  const arrays = new Set(steps.map((step) => (step ? (pushedOnto(step)?.array.node.name as string | undefined) : undefined)));
  const [only] = arrays;
  return arrays.size === 1 && only !== undefined && steps.length > 0 ? only : undefined;
}

/** One operation collected. */
export interface CollectedPush {
  /** `ops.push(op)` or `tasks.set(key, op)`. */
  call: Path;
  /** What is collected: `op`. */
  value: Path;
  /** The call as a statement of its own (`ops.push(op);`), in the collecting function or in a forEach callback's block. */
  statement: Path | undefined;
  /** Collected from `items.forEach((item) => ...)`, a statement of the collecting function: that statement and its callback. */
  forEach: { statement: Path; callback: Path } | undefined;
}

export interface Collected {
  /** `const ops = []` or `const tasks = new Map()`. */
  declaration: Path;
  container: 'array' | 'map';
  pushes: CollectedPush[];
  /** Uses other than the collecting calls and the combinator's (`if (ops.length)`, `tasks.keys()`). */
  reads: Path[];
}

/**
 * The collection `name` refers to (the combinator's argument, or the map of `tasks.values()`),
 * when it is declared empty as the only declarator of its statement and is filled only by
 * collecting statements of its own function or of forEach callbacks that function runs. Other
 * uses in that function are its reads; a use anywhere else gives undefined.
 */
export function collectedOperations(analysis: MongooseAnalysis, name: Path): Collected | undefined {
  const declaration = analysis.bindings.declarationOf(name);
  const origin = declaration ? analysis.bindings.originOf(declaration) : undefined;
  if (origin?.kind !== 'variable' || origin.declarator.node.id !== declaration) return undefined;
  const statement = origin.declarator.parent as Path;
  if ((statement.node.declarations as Node[]).length !== 1) return undefined;
  const container = containerOf(origin.declarator.node.init as Node | null);
  if (!container) return undefined;
  const fn = enclosingFunction(statement);
  const pushes: CollectedPush[] = [];
  const reads: Path[] = [];
  for (const ref of analysis.bindings.referencesIn(fn ?? (analysis.root.get() as Path), declaration!)) {
    if (ref.node === name.node) continue;
    const call = ref.parent?.parent as Path | null;
    const collecting = call && (container === 'array' ? collectingCall(call, 'push', 1) : collectingCall(call, 'set', 2));
    if (!collecting || collecting.array.node !== ref.node) {
      if (enclosingFunction(ref)?.node !== fn?.node) return undefined;
      reads.push(ref);
      continue;
    }
    const push = collectedAt(call!, collecting.value, fn);
    if (!push) return undefined;
    pushes.push(push);
  }
  return pushes.length > 0 ? { declaration: statement, container, pushes, reads } : undefined;
}

/** `[]` or `new Map()`, empty. */
function containerOf(init: Node | null): Collected['container'] | undefined {
  if (init?.type === 'ArrayExpression' && (init.elements as unknown[]).length === 0) return 'array';
  if (init?.type === 'NewExpression' && isIdentifier(init.callee as Node, 'Map') && (init.arguments as Node[]).length === 0) return 'map';
  return undefined;
}

/** Where a collecting call stands: a statement of `fn`, or of (or the body of) a forEach callback whose forEach is a statement of `fn`. */
function collectedAt(call: Path, value: Path, fn: Path | undefined): CollectedPush | undefined {
  const parent = call.parent as Path;
  const statement = parent.node.type === 'ExpressionStatement' ? parent : undefined;
  const inner = enclosingFunction(call);
  if (inner?.node === fn?.node) return statement ? { call, value, statement, forEach: undefined } : undefined;
  if (!statement && (inner?.node.body as Node | undefined) !== call.node) return undefined;
  const forEachCall = inner?.parent as Path | null;
  if (!inner || !forEachCall || !isCall(forEachCall.node) || calleeName(forEachCall.node) !== 'forEach' || !isMember(forEachCall.node.callee) || forEachCall.node.arguments[0] !== inner.node) return undefined;
  const forEachStatement = forEachCall.parent as Path | null;
  if (forEachStatement?.node.type !== 'ExpressionStatement' || enclosingFunction(forEachStatement)?.node !== fn?.node || !isFunction(inner.node)) return undefined;
  return { call, value, statement, forEach: { statement: forEachStatement, callback: inner } };
}

import { enclosingFunction, isCall, isFunction, isMember, propertyName, type Node, type Path } from './nodes';
import type { PathIndex } from './path-index';

/** One step of a promise chain: what it receives, what it runs, and what it resolves to. */
export interface ChainStep {
  /** The `.then()` callback; undefined for the chain's head. */
  callback: Path | undefined;
  /** The callback's parameter: the previous step's value. */
  param: Node | undefined;
  /** Statements run before the step's value (block bodies). */
  statements: Path[];
  /** The expression the step resolves to (awaited by the chain); undefined when nothing is returned. */
  value: Path | undefined;
  /** The block also returns from somewhere other than its last statement. */
  earlyReturn: boolean;
}

export interface PromiseChain {
  /** The whole chain expression. */
  outer: Path;
  steps: ChainStep[];
  /** `.catch(handler)` at the very end. */
  catchHandler: Path | undefined;
  /** `.finally(handler)` at the very end. */
  finallyHandler: Path | undefined;
}

export type ChainResult = { chain: PromiseChain } | { unsupported: string } | undefined;

/**
 * Takes `a().then(x => b(x)).then(() => { s; return c(); }).catch(h)` apart into steps, splicing a
 * chain that a step returns into the steps that follow. Undefined when the expression is not a
 * `.then()` chain; `unsupported` for shapes whose order of evaluation a list of steps cannot hold.
 */
export function promiseChainOf(index: PathIndex, expression: Path): ChainResult {
  let current = expression;
  let catchHandler: Path | undefined;
  let finallyHandler: Path | undefined;
  for (;;) {
    const method = chainMethod(current);
    if (method === 'catch' && !catchHandler) catchHandler = onlyCallback(current);
    else if (method === 'finally' && !finallyHandler) finallyHandler = onlyCallback(current);
    else break;
    if (!(catchHandler ?? finallyHandler)) return { unsupported: `.${method}() is not given a callback function` };
    current = current.get('callee', 'object') as Path;
  }
  if (chainMethod(current) !== 'then') return undefined;
  const links = linksOf(current);
  if ('unsupported' in links) return links;
  const steps: ChainStep[] = [{ callback: undefined, param: undefined, statements: [], value: links.head, earlyReturn: false }];
  for (const callback of links.callbacks) {
    const spliced = stepsOfCallback(index, callback);
    if ('unsupported' in spliced) return spliced;
    steps.push(...spliced);
  }
  return { chain: { outer: expression, steps, catchHandler, finallyHandler } };
}

function chainMethod(path: Path): string | undefined {
  if (!isCall(path.node)) return undefined;
  const callee = path.node.callee as Node;
  return isMember(callee) ? propertyName(callee) : undefined;
}

function onlyCallback(call: Path): Path | undefined {
  const args = call.node.arguments as Node[];
  return args.length === 1 && isFunction(args[0]) ? (call.get('arguments', 0) as Path) : undefined;
}

function linksOf(outer: Path): { head: Path; callbacks: Path[] } | { unsupported: string } {
  const callbacks: Path[] = [];
  let current = outer;
  for (;;) {
    const method = chainMethod(current);
    if (method === 'catch' || method === 'finally') return { unsupported: `.${method}() in the middle of the chain` };
    if (method !== 'then') break;
    const args = current.node.arguments as Node[];
    if (args.length !== 1) return { unsupported: '.then() is given a rejection handler' };
    if (!isFunction(args[0])) return { unsupported: '.then() is given something other than a callback function' };
    callbacks.unshift(current.get('arguments', 0) as Path);
    current = current.get('callee', 'object') as Path;
  }
  return { head: current, callbacks };
}

/** A callback becomes one step, or several when it returns a chain of its own. */
function stepsOfCallback(index: PathIndex, callback: Path): ChainStep[] | { unsupported: string } {
  const fn = callback.node;
  const params = fn.params as Node[];
  if (params.length > 1) return { unsupported: 'a .then() callback takes more than one parameter' };
  const param = params[0];
  const body = callback.get('body') as Path;
  let statements: Path[] = [];
  let value: Path | undefined;
  let earlyReturn = false;
  if (body.node.type === 'BlockStatement') {
    const all = (body.node.body as Node[]).map((_, i) => body.get('body', i) as Path);
    const last = all[all.length - 1];
    const finalReturn = last?.node.type === 'ReturnStatement' && last.node.argument ? last : undefined;
    statements = finalReturn ? all.slice(0, -1) : all;
    value = finalReturn ? (finalReturn.get('argument') as Path) : undefined;
    earlyReturn = index.within(body.node, 'ReturnStatement').some((r) => r.node !== finalReturn?.node && enclosingFunction(r)?.node === fn);
  } else {
    value = body;
  }
  const step: ChainStep = { callback, param, statements, value, earlyReturn };
  if (!value || chainMethod(value) !== 'then' || earlyReturn) return [step];
  const inner = promiseChainOf(index, value);
  if (!inner || 'unsupported' in inner) return inner ?? [step];
  if (inner.chain.catchHandler || inner.chain.finallyHandler) return { unsupported: 'a step returns a chain with its own .catch() or .finally()' };
  const [head, ...rest] = inner.chain.steps;
  return [{ ...step, value: head!.value }, ...rest];
}

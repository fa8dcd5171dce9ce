import { contains, functionName, isCall, isFunction, isIdentifier, isMember, propertyKey, type Node, type Path } from '../ast/nodes';
import type { MongooseInstance } from './als-detection';
import type { MongooseAnalysis } from './analysis';
import { calledFunction } from './callees';
import { callChain } from './operations';
import { inCatch, inTransactionAt, waitedFor } from './wrappers';

/**
 * A function that starts a transaction and calls one of its parameters inside it without handing
 * it the session (`async transaction(fn) { session.startTransaction(); await fn(); await
 * session.commitTransaction(); }`): nothing the callback writes carries the session, so it all runs
 * outside the transaction, which commits nothing. Only inside `connection.transaction()` with
 * AsyncLocalStorage on do the callback's operations get the session (docs/mongoose-semantics.md §2.3).
 */
export interface SessionlessWrapper {
  /** The wrapper as a reader finds it: `DBService.transaction`, `runInTransaction`. */
  name: string;
  /** Index of the callback among the wrapper's parameters. */
  callbackIndex: number;
  /** The call of the callback inside the transaction (`fn()`). */
  call: Path;
  /** The callback is called inside this instance's `connection.transaction()`: with AsyncLocalStorage on there, its operations join the transaction. */
  transactionInstance?: MongooseInstance;
}

/** A callback this file hands to a session-less wrapper (of this file or one it loads). */
export interface SessionlessCallback {
  /** The call of the wrapper (`this.dbService.transaction(async () => {...})`). */
  call: Path;
  callback: Path;
  wrapper: SessionlessWrapper & { analysis: MongooseAnalysis; fn: Path };
}

/**
 * `fn` as a session-less wrapper, or undefined: a parameter of `fn` is called and waited for (the
 * work of the transaction, not a Node-style completion callback), outside any catch, where a
 * transaction `fn` runs is open (between its `startTransaction()` and commit, or inside its
 * `transaction()`/`withTransaction()` callback), and that transaction's session goes nowhere the
 * callback could get it from: it is only the receiver of its own methods and the `session` option of
 * model operations. A wrapper that hands the callback its session is `detectWrapper`'s.
 */
export function detectSessionlessWrapper(analysis: MongooseAnalysis, fn: Path): SessionlessWrapper | undefined {
  if (analysis.wrapperOf(fn)) return undefined;
  const params = fn.node.params as Node[];
  for (let index = 0; index < params.length; index++) {
    const param = params[index]!.type === 'AssignmentPattern' ? (params[index]!.left as Node) : params[index]!;
    if (!isIdentifier(param)) continue;
    for (const ref of analysis.bindings.referencesIn(fn, param)) {
      const call = ref.parent as Path;
      if (!isCall(call.node) || call.node.callee !== ref.node || inCatch(call, fn.node) || !waitedFor(call)) continue;
      const around = transactionAround(analysis, fn, call);
      if (!around || around.sessions.some((session) => sessionLeaves(analysis, fn, session))) continue;
      const name = wrapperName(fn);
      return name ? { name, callbackIndex: index, call, transactionInstance: around.transactionInstance } : undefined;
    }
  }
  return undefined;
}

/** Callbacks passed in this file, inline or by the name of a function of the file, to a session-less wrapper. */
export function sessionlessCallbacks(analysis: MongooseAnalysis): SessionlessCallback[] {
  const found: SessionlessCallback[] = [];
  for (const call of analysis.index.calls()) {
    if (!(call.node.arguments as Node[]).some((a) => isFunction(a) || isIdentifier(a))) continue;
    const target = calledFunction(analysis, call, { syntaxOnly: true });
    const wrapper = target && target.analysis.sessionlessWrapperOf(target.fn);
    const callback = wrapper && analysis.callbackAt(call, wrapper.callbackIndex);
    if (callback) found.push({ call, callback, wrapper: { ...wrapper, analysis: target.analysis, fn: target.fn } });
  }
  return found;
}

/** The transaction open at `call`, started in `fn`: the sessions that hold it, and the instance of its `transaction()`. */
function transactionAround(analysis: MongooseAnalysis, fn: Path, call: Path): { sessions: Node[]; transactionInstance?: MongooseInstance } | undefined {
  const scope = analysis.callbackScopes().find((s) => s.kind !== 'withSession' && contains(fn.node, s.call.node) && contains(s.callback.node, call.node));
  if (scope) return { sessions: scope.sessions, transactionInstance: scope.kind === 'transaction' ? analysis.instanceOf(scope.call.get('callee', 'object') as Path) : undefined };
  const started = analysis.index
    .within(fn.node, 'CallExpression')
    .map((c) => analysis.lifecycleCall(c))
    .find((c) => c?.method === 'startTransaction' && c.declaration !== undefined && analysis.isSessionDeclaration(c.declaration) && inTransactionAt(analysis, call, c.declaration));
  return started ? { sessions: [started.declaration!] } : undefined;
}

/**
 * The session may reach the callback some other way: a use of it in `fn` other than calling one
 * of its methods or giving it to a model operation as `{ session }` or `.session(session)` (kept
 * on `this`, in a store of the project's own, handed to a function).
 */
function sessionLeaves(analysis: MongooseAnalysis, fn: Path, session: Node): boolean {
  return analysis.bindings.referencesIn(fn, session).some((ref) => {
    const parent = ref.parent as Path;
    if (isMember(parent.node) && parent.node.object === ref.node) return !(isCall(parent.parent?.node) && (parent.parent!.node as Node).callee === parent.node);
    if (parent.node.type === 'ObjectProperty' && parent.node.value === ref.node && propertyKey(parent.node) === 'session') return !modelOperationArgument(analysis, parent.parent as Path);
    if (isCall(parent.node) && isMember(parent.node.callee as Node) && propertyKey(parent.node.callee as Node) === 'session') return !modelOperationArgument(analysis, parent);
    return true;
  });
}

/** `held` (an options object, or a `.session()` call) belongs to an operation on a model. */
function modelOperationArgument(analysis: MongooseAnalysis, held: Path): boolean {
  const call = held.node.type === 'ObjectExpression' ? (held.parent as Path | null) : held;
  if (!call || !isCall(call.node)) return false;
  const root = callChain(call).root;
  return root !== undefined && analysis.kindOf(root) === 'model';
}

/** `DBService.transaction` for a method, else the function's own name. */
function wrapperName(fn: Path): string | undefined {
  const name = functionName(fn) ?? (fn.parent?.node.type === 'ExportDefaultDeclaration' ? 'default export' : undefined);
  const cls = fn.node.type === 'ClassMethod' ? (fn.parent?.parent?.node as Node | undefined) : undefined;
  const className = (cls?.id as Node | undefined)?.name as string | undefined;
  return name && className ? `${className}.${name}` : name;
}

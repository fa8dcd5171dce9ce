import { contains, enclosingFunction, functionName, isCall, isFunction, isIdentifier, startOf, type Node, type Path } from '../ast/nodes';
import { shortText } from '../edit/text';
import type { MongooseAnalysis } from './analysis';
import type { MongooseInstance } from './als-detection';

/**
 * A home-made transaction wrapper: a function that runs one of its parameters inside a
 * transaction it starts (`withTransaction(cb)`, `runInTransaction(fn)`,
 * `transactionService.execute(fn)`), handing it the session.
 */
export interface TransactionWrapper {
  /** How the wrapper is called by name, for findings. */
  name: string;
  /** Index of the callback among the wrapper's parameters. */
  callbackIndex: number;
  /** Index of the session among the arguments the callback is called with. */
  sessionIndex: number;
  /** Calls of the callback in a catch that pass no session: after a failure the work runs again, outside any transaction. */
  reruns: Path[];
  /** The wrapper ends the session once the callback is done (itself, or through `transaction()`). */
  endsSession: boolean;
  /** The wrapper waits for what the callback returns (`await cb(session)`, `return cb(session)`): the callback may be made async. */
  awaitsCallback: boolean;
  /**
   * The wrapper calls the callback inside a `connection.transaction()` of this Mongoose instance:
   * with AsyncLocalStorage on for it, the callback's operations join the transaction without the session.
   */
  transactionInstance?: MongooseInstance;
}

/**
 * `fn` as a transaction wrapper, or undefined: a parameter of `fn` is called with a session, at a
 * point where that session runs a transaction (inside its `transaction()`/`withTransaction()`
 * callback, or after its `startTransaction()` and before its `commitTransaction()`).
 */
export function detectWrapper(analysis: MongooseAnalysis, fn: Path): TransactionWrapper | undefined {
  const params = fn.node.params as Node[];
  for (let index = 0; index < params.length; index++) {
    const param = parameterIdentifier(params[index]!);
    if (!param) continue;
    const calls = analysis.bindings
      .referencesIn(fn, param)
      .filter((ref) => isCall(ref.parent?.node) && (ref.parent!.node as Node).callee === ref.node)
      .map((ref) => ref.parent as Path);
    for (const call of calls) {
      const sessionIndex = (call.node.arguments as Node[]).findIndex((_, i) => {
        const session = sessionArgument(analysis, call.get('arguments', i) as Path);
        return session !== undefined && inTransactionAt(analysis, call, session);
      });
      if (sessionIndex === -1) continue;
      const name = functionName(fn) ?? (fn.parent?.node.type === 'ExportDefaultDeclaration' ? 'default export' : undefined);
      if (!name) return undefined;
      const session = sessionArgument(analysis, call.get('arguments', sessionIndex) as Path)!;
      const reruns = calls.filter((other) => other !== call && inCatch(other, fn.node) && !sessionArgument(analysis, other.get('arguments', sessionIndex) as Path));
      const awaitsCallback = waitedFor(call);
      const transaction = analysis.callbackScopes().find((s) => s.kind === 'transaction' && s.sessions.includes(session) && contains(s.callback.node, call.node));
      const transactionInstance = transaction && analysis.instanceOf(transaction.call.get('callee', 'object') as Path);
      return { name, callbackIndex: index, sessionIndex, reruns, endsSession: endsSession(analysis, fn, session), awaitsCallback, transactionInstance };
    }
  }
  return undefined;
}

/**
 * Wrappers of this file that, after the transaction failed, call their callback again without the
 * session (`catch { return fn(undefined) }`): the same work runs a second time, outside any transaction.
 */
export function wrapperReruns(analysis: MongooseAnalysis): Array<{ at: Path; reason: string }> {
  const out: Array<{ at: Path; reason: string }> = [];
  for (const fn of analysis.index.functions()) {
    const wrapper = (fn.node.params as Node[]).length > 0 ? analysis.wrapperOf(fn) : undefined;
    for (const rerun of wrapper?.reruns ?? []) {
      const text = shortText(analysis.source, rerun.node, 50);
      out.push({
        at: rerun,
        reason: `after the transaction failed, ${wrapper!.name}() runs its callback again without the session (\`${text}\`): the work is done a second time outside any transaction, where nothing undoes a write if it fails halfway, and what it does outside the database happens twice`,
      });
    }
  }
  return out;
}

function parameterIdentifier(param: Node): Node | undefined {
  const inner = param.type === 'AssignmentPattern' ? (param.left as Node) : param;
  return isIdentifier(inner) ? inner : undefined;
}

/** The session declaration an argument names, if it is a plain reference to one. */
function sessionArgument(analysis: MongooseAnalysis, arg: Path | undefined): Node | undefined {
  if (!arg?.node || !isIdentifier(arg.node)) return undefined;
  const declaration = analysis.bindings.declarationOf(arg);
  return declaration && analysis.isSessionDeclaration(declaration) ? declaration : undefined;
}

/**
 * The call runs while `session` is in a transaction: inside a `transaction()` or
 * `withTransaction()` callback of that session, or between its `startTransaction()` and a later
 * `commitTransaction()` of the same function, outside any catch.
 */
export function inTransactionAt(analysis: MongooseAnalysis, call: Path, session: Node): boolean {
  const scope = analysis.callbackScopes().find((s) => s.kind !== 'withSession' && s.sessions.includes(session) && contains(s.callback.node, call.node));
  if (scope) return true;
  const fn = enclosingFunction(call);
  if (!fn || inCatch(call, fn.node)) return false;
  const lifecycle = analysis.index
    .within(fn.node, 'CallExpression')
    .map((c) => analysis.lifecycleCall(c))
    .filter((c) => c !== undefined && c.declaration === session && enclosingFunction(c.call)?.node === fn.node);
  const at = startOf(call.node);
  const started = lifecycle.some((c) => c!.method === 'startTransaction' && startOf(c!.call.node) < at);
  const committed = lifecycle.some((c) => c!.method === 'commitTransaction' && startOf(c!.call.node) > at);
  return started && committed;
}

/** `session.endSession()` somewhere in the wrapper, or the session is a `transaction()` callback's, which ends it. */
function endsSession(analysis: MongooseAnalysis, fn: Path, session: Node): boolean {
  if (analysis.callbackScopes().some((s) => s.kind === 'transaction' && s.sessions.includes(session))) return true;
  return analysis.index.within(fn.node, 'CallExpression').some((c) => {
    const lifecycle = analysis.lifecycleCall(c);
    return lifecycle?.method === 'endSession' && lifecycle.declaration === session;
  });
}

/** `await cb()`, `return cb()`, `() => cb()`: the caller goes on once the call's promise settles. */
export function waitedFor(call: Path): boolean {
  const used = call.parent?.node as Node | undefined;
  return used?.type === 'AwaitExpression' || used?.type === 'ReturnStatement' || (isFunction(used) && used?.body === call.node);
}

/** Inside a catch clause, between `path` and `fn`. */
export function inCatch(path: Path, fn: Node): boolean {
  for (let current = path.parent as Path | null; current && current.node !== fn; current = current.parent as Path | null) {
    if (current.node.type === 'CatchClause') return true;
  }
  return false;
}


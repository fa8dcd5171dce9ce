import { enclosingFunction, endOf, startOf, statementsOf, unwrapExpression, type Node, type Path } from '../ast/nodes';
import { parameterSlots } from '../ast/parameters';
import type { MongooseInstance } from './als-detection';
import type { MongooseAnalysis, SessionCreation } from './analysis';
import type { CallSiteFinder } from './callers';
import { clientOf, type MongoClientIdentity } from './connections';
import { REQUEST_SESSION_MARKERS, requestSessionArguments, requestSessionCalls, requestSessionPassed } from './request-sessions';

/**
 * A stretch of code whose Mongoose operations must finish before the transaction (or session)
 * around them does (docs/mongoose-semantics.md §5.2).
 */
export interface OperationScope {
  /**
   * `callback`: a callback of transaction() / withTransaction() / withSession();
   * `manual`: from startTransaction() to the last commit or abort in the same function;
   * `helper`: a function that receives the session and is called from one of the above.
   */
  kind: 'callback' | 'manual' | 'helper';
  fn: Path;
  /** Offsets of the scope inside `fn`. */
  start: number;
  end: number;
  /** Declarations holding the scope's session. */
  sessions: Node[];
  /** The scope's operations run in a transaction when they carry its session (a `withSession()` callback has none; a helper's callers decide). */
  inTransaction: boolean;
  /** For a `connection.transaction()` callback, that call: AsyncLocalStorage (when on for its connection's instance) puts session-less operations in it too. */
  transactionCall?: Path;
  /**
   * The Mongoose instance whose AsyncLocalStorage, when on, hands the scope's operations its
   * session: a `connection.transaction()` callback's, or that of the `transaction()` a home-made
   * wrapper runs its callback in.
   */
  alsInstance?: MongooseInstance;
  /** The callback of a home-made wrapper: the call that hands it over, the wrapper's name, and which of the callback's arguments is the session. */
  wrapper?: { call: Path; name: string; sessionIndex: number };
  /** Only operations that carry the scope's session count (not those a type or shape says run without it). */
  sessionOnly?: boolean;
  /** `fn` is the callback itself, so it may be made `async` (those APIs expect a promise anyway). */
  mayBecomeAsync: boolean;
  /** `manual`: true for code that only runs once the transaction was committed or aborted on every path to it. */
  endedBefore?: (path: Path) => boolean;
}

/** Words every file holding a direct scope contains. */
const SCOPE_MARKERS = ['transaction', 'withTransaction', 'startTransaction', 'withSession'];

/** Callback and manual scopes: the ones visible in the file itself. */
export function directScopes(analysis: MongooseAnalysis): OperationScope[] {
  const scopes: OperationScope[] = analysis.sessionScopes().map((scope) => ({
    kind: 'callback',
    fn: scope.callback,
    start: startOf(scope.callback.node),
    end: endOf(scope.callback.node),
    sessions: scope.sessions,
    inTransaction: scope.kind !== 'withSession',
    transactionCall: scope.kind === 'transaction' ? scope.call : undefined,
    alsInstance: scope.kind === 'transaction' ? analysis.instanceOf(scope.call.get('callee', 'object') as Path) : scope.wrapper?.transactionInstance,
    wrapper: scope.wrapper && { call: scope.call, name: scope.wrapper.name, sessionIndex: scope.wrapper.sessionIndex },
    mayBecomeAsync: scope.wrapper?.awaitsCallback ?? true,
  }));
  for (const call of analysis.index.calls()) {
    const lifecycle = analysis.lifecycleCall(call);
    if (lifecycle?.method !== 'startTransaction' || !lifecycle.declaration || !analysis.isSessionDeclaration(lifecycle.declaration)) continue;
    const fn = enclosingFunction(call);
    if (!fn) continue;
    const declaration = lifecycle.declaration;
    const ends = analysis.index
      .within(fn.node, 'CallExpression')
      .map((c) => analysis.lifecycleCall(c))
      .filter((c) => c && (c.method === 'commitTransaction' || c.method === 'abortTransaction') && c.declaration === declaration && startOf(c.call.node) > endOf(call.node) && enclosingFunction(c.call)?.node === fn.node);
    const last = ends.length > 0 ? startOf(ends[ends.length - 1]!.call.node) : endOf(fn.node);
    const endCalls = new Set(ends.map((c) => c!.call.node));
    scopes.push({
      kind: 'manual',
      fn,
      start: endOf(call.node),
      end: last,
      sessions: [declaration],
      inTransaction: true,
      mayBecomeAsync: false,
      endedBefore: (path) => endedOnEveryPath(path, fn.node, (node) => endCalls.has(node)),
    });
  }
  return [...scopes, ...requestScopes(analysis)];
}

/**
 * Route handlers that use a session they got from the request (`req.dbSession`) as one: they
 * commit, abort or end it, start its transaction, or give it to operations as their session. The middleware that put it there started
 * the transaction, so from the start of the handler (or its own startTransaction()) to its last
 * commit or abort (without one, to where it ends the session, or to its end) the session runs a
 * transaction, whose parallel operations are made sequential. express-session's `req.session` has
 * none of these methods.
 */
function requestScopes(analysis: MongooseAnalysis): OperationScope[] {
  const scopes: OperationScope[] = [];
  const calls = requestSessionCalls(analysis);
  const handed = requestSessionArguments(analysis);
  for (const handler of new Set([...calls, ...handed].map((c) => c.slot.fn.node))) {
    const own = calls.filter((c) => c.slot.fn.node === handler && enclosingFunction(c.call)?.node === handler);
    const fn = [...own, ...handed].find((c) => c.slot.fn.node === handler)!.slot.fn;
    const commits = own.filter((c) => c.method === 'commitTransaction' || c.method === 'abortTransaction');
    const ends = commits.length > 0 ? commits : own.filter((c) => c.method === 'endSession');
    const started = own.find((c) => c.method === 'startTransaction');
    const endCalls = new Set(ends.map((c) => c.call.node));
    // The locals the handler reads the session into (`const session = req.dbSession`).
    const sessions = own.map((c) => unwrapExpression((c.call.node.callee as Node).object as Node)).filter((n) => n.type === 'Identifier');
    const declarations = [...new Set(sessions.flatMap((id) => analysis.index.named(id.name as string).filter((ref) => ref.node === id).map((ref) => analysis.bindings.declarationOf(ref)).filter((d): d is Node => d !== undefined)))];
    scopes.push({
      kind: 'manual',
      fn,
      start: started ? endOf(started.call.node) : startOf(fn.node.body as Node),
      // Up to a commit or abort; else up to, not including, the endSession() (which aborts it).
      end: ends.length > 0 ? Math.max(...ends.map((c) => startOf(c.call.node))) - (commits.length > 0 ? 0 : 1) : endOf(fn.node),
      sessions: declarations,
      // Without a commit here, whether its writes are ever committed is not this handler's to say: no session is added to them.
      inTransaction: commits.length > 0,
      sessionOnly: commits.length === 0,
      mayBecomeAsync: false,
      endedBefore: (path) => endedOnEveryPath(path, fn.node, (node) => endCalls.has(node)),
    });
  }
  return scopes;
}

/**
 * Functions that take a session parameter and are called, with a session, from inside a direct
 * scope (in this file, or in another one found through ts-morph references).
 */
export function helperScopes(analysis: MongooseAnalysis, finder: CallSiteFinder, direct: OperationScope[]): OperationScope[] {
  const scopes: OperationScope[] = [];
  const callbacks = new Set(direct.filter((s) => s.kind === 'callback').map((s) => s.fn.node));
  const known = new Map<MongooseAnalysis, OperationScope[]>([[analysis, direct]]);
  const scopesOf = (there: MongooseAnalysis) => {
    let found = known.get(there);
    if (!found) known.set(there, (found = directScopes(there)));
    return found;
  };
  const inScope = (there: MongooseAnalysis, call: Path) => scopesOf(there).some((scope) => contains(scope, call));
  for (const fn of analysis.index.functions()) {
    if (callbacks.has(fn.node)) continue;
    const sessionSlots = parameterSlots(fn.node).filter((slot) => analysis.isSessionDeclaration(slot.declaration));
    // A route handler handing it the session it got from the request (`place(req.body, req.dbSession)`).
    const fromRequest = (there: MongooseAnalysis, call: Path) => sessionSlots.some((slot) => requestSessionPassed(there, call, slot) !== undefined);
    // Cheapest first: a marker in a file naming the helper, a call by that name in a scope (or handing it the request's session), then the real callers.
    if (sessionSlots.length === 0) continue;
    const byScope = finder.hasCallByName(fn, SCOPE_MARKERS, inScope);
    if (!byScope && !finder.hasCallByName(fn, REQUEST_SESSION_MARKERS, fromRequest)) continue;
    const sites = finder.find(fn).sites;
    const inTransactionScope = byScope && sites.some((site) => inScope(site.analysis, site.call));
    if (!inTransactionScope && !sites.some((site) => fromRequest(site.analysis, site.call))) continue;
    scopes.push({
      kind: 'helper',
      fn,
      start: startOf(fn.node),
      end: endOf(fn.node),
      sessions: sessionSlots.map((slot) => slot.declaration),
      inTransaction: false,
      // Reached only from handlers: like theirs, only what runs on the session is its business (`req.session` may be express-session's).
      sessionOnly: !inTransactionScope,
      mayBecomeAsync: false,
    });
  }
  return scopes;
}

/** True when `path` lies inside the scope, in its function or in a function nested in it. */
export function contains(scope: OperationScope, path: Path): boolean {
  const at = startOf(path.node);
  if (at < scope.start || at > scope.end) return false;
  if (scope.endedBefore?.(path)) return false;
  for (let fn = enclosingFunction(path); fn; fn = enclosingFunction(fn)) {
    if (fn.node === scope.fn.node) return true;
  }
  return false;
}

/**
 * True when every path from the function's start to `path` runs a statement that ends the
 * transaction (`isEnd` picks the commit and abort calls) before it: code after the commit in the
 * same block, or after a try whose block commits and whose catch aborts or leaves.
 */
function endedOnEveryPath(path: Path, fn: Node, isEnd: (call: Node) => boolean): boolean {
  for (let child = path, parent = path.parent as Path | null; parent && child.node !== fn; child = parent, parent = parent.parent as Path | null) {
    const siblings = statementsOf(parent.node);
    if (!siblings) continue;
    const before = siblings.slice(0, siblings.indexOf(child.node));
    if (before.some((statement) => endsTransaction(statement, isEnd))) return true;
  }
  return false;
}

/** The statement commits or aborts on every path that completes normally. */
function endsTransaction(statement: Node, isEnd: (call: Node) => boolean): boolean {
  switch (statement.type) {
    case 'ExpressionStatement': {
      const expression = unwrapExpression(statement.expression as Node);
      const call = expression.type === 'AwaitExpression' ? unwrapExpression(expression.argument as Node) : expression;
      return isEnd(call);
    }
    case 'BlockStatement':
      return (statement.body as Node[]).some((s) => endsTransaction(s, isEnd));
    case 'IfStatement':
      return statement.alternate != null && endsTransaction(statement.consequent as Node, isEnd) && endsTransaction(statement.alternate as Node, isEnd);
    case 'TryStatement': {
      const handler = (statement.handler as Node | null)?.body as Node | undefined;
      const finalizer = statement.finalizer as Node | null;
      if (finalizer && endsTransaction(finalizer, isEnd)) return true;
      return endsTransaction(statement.block as Node, isEnd) && (!handler || endsTransaction(handler, isEnd) || leaves(handler));
    }
    default:
      return false;
  }
}

/** A block whose last statement throws or returns: nothing after it in the enclosing code runs from here. */
function leaves(block: Node): boolean {
  const last = (block.body as Node[])[(block.body as Node[]).length - 1];
  return last?.type === 'ThrowStatement' || last?.type === 'ReturnStatement';
}

/** The client of the connection the scope's transaction runs on. */
export function scopeClient(analysis: MongooseAnalysis, scope: OperationScope): MongoClientIdentity {
  if (scope.transactionCall) return clientOf(analysis, scope.transactionCall.get('callee', 'object') as Path);
  const creation = sessionCreationOf(analysis, scope);
  if (!creation) return { kind: 'unknown' };
  return creation.receiver ? clientOf(analysis, creation.receiver) : creation.kind === 'mongoose' ? { kind: 'default' } : { kind: 'unknown' };
}

/** The Mongoose instance of the session of a hand-managed or withTransaction() scope. */
export function scopeSessionInstance(analysis: MongooseAnalysis, scope: OperationScope): MongooseInstance {
  const creation = sessionCreationOf(analysis, scope);
  if (!creation) return { kind: 'unknown' };
  return creation.receiver ? analysis.instanceOf(creation.receiver) : creation.kind === 'mongoose' ? { kind: 'default' } : { kind: 'unknown' };
}

/** Where the scope's session was started, when this file starts it. */
function sessionCreationOf(analysis: MongooseAnalysis, scope: OperationScope): SessionCreation | undefined {
  return analysis.sessionCreations().find((creation) => {
    const binding = analysis.bindingOf(creation);
    return binding !== undefined && scope.sessions.includes(binding.declaration);
  });
}

/** An `await` may stand at `path`: its function is async, or is the scope's own callback, which may be made async. */
export function mayAwaitIn(scope: OperationScope, path: Path): boolean {
  const fn = enclosingFunction(path);
  return fn !== undefined && (fn.node.async === true || (fn.node === scope.fn.node && scope.mayBecomeAsync));
}

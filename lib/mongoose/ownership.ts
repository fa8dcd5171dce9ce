import {
  calleeName,
  callStatement,
  contains,
  endOf,
  enclosingFunction,
  enclosingStatement,
  isCall,
  isFunction,
  isIdentifier,
  isMember,
  isPromiseCallback,
  outermostExpression,
  propertyName,
  some,
  startOf,
  statementCall,
  statementsOf,
  SYNCHRONOUS_CALLBACK_METHODS,
  unwrapExpression,
  unwrapPath,
  type CallStatementForms,
  type Node,
  type Path,
} from '../ast/nodes';
import { declaredNames, freeName } from '../ast/bindings';
import { parameterSlots } from '../ast/parameters';
import type { MongooseAnalysis, SessionBinding, SessionCreation } from './analysis';
import { calledFunction } from './callees';
import { handedOutByItsFunction } from './factories';
import { DOCUMENT_OPERATIONS, MODEL_OPERATIONS, QUERY_CHAIN_METHODS } from './api';
import { chainEndProblem, endedUnderChainReason, returnedChainOf, type ReturnedChain } from './returned-chain';
import { storingMethod } from './session-storage';
import { conditionalOwnership, declaredOnce, ownedEndStatement, ownedOnlyReason, runsOnlyWhenOwned, type ConditionalOwnership } from './owned-when';
import { isLogLine } from './retry-safety';
import { lineOf } from './places';
import { outlivesHandler, requestSessionCalls, requestSlotOf } from './request-sessions';

/** Where the owner's `finally { await session.endSession() }` goes. */
export type FinallyPlacement =
  /** A covering finally already ends the session. */
  | { kind: 'present' }
  /** Add to (or create) the finally of this try, which covers everything after the creation. */
  | { kind: 'append'; tryStatement: Path; sessionMayBeUnset: boolean }
  /** Wrap the statements of `block` from `fromIndex` up to `toIndex` (exclusive; its end when undefined). */
  | { kind: 'wrap'; block: Path; fromIndex: number; toIndex?: number }
  /**
   * The function returns a chain that goes on using the session: the chain ends it, with a
   * `.finally(() => s.endSession())` link, or by calling the `endSession` its last link names (`uncalled`).
   */
  | { kind: 'chain'; chain: Path; uncalled?: Path };

export interface OwnerFix {
  status: 'fix';
  fn: Path;
  binding: SessionBinding;
  /** The function owns the session only under a condition: the finally ends it under the same test (or, without one, only when set). */
  owned: ConditionalOwnership | undefined;
  /** `endSession()` statements to delete (the finally ends the session instead). */
  removals: Path[];
  placement: FinallyPlacement;
  /** `abortTransaction()` statements without await that precede a removed `endSession()`. */
  awaits: Path[];
}

export type OwnerPlan =
  | OwnerFix
  | { status: 'skip' }
  /** `endsTooEarly`: the function's own finally ends the session while a promise it returned still uses it. */
  | { status: 'refuse'; at: Path; reason: string; endsTooEarly?: boolean };

/**
 * Decides how the function that creates a session can end it exactly once, in a finally that
 * covers every use (docs/mongoose-semantics.md §5.3). Refuses, with the reason, when the session
 * escapes the function or the shape cannot be rewritten without changing what the code does.
 */
export function planOwner(analysis: MongooseAnalysis, creation: SessionCreation): OwnerPlan {
  const fn = enclosingFunction(creation.call);
  // A function that hands out the session it makes: its callers own it.
  if (handedOutByItsFunction(analysis, creation)) return { status: 'skip' };
  const owned = conditionalOwnership(analysis, creation);
  const binding = owned?.binding ?? analysis.bindingOf(creation);
  if (!binding) {
    if (isReturnedFactory(creation.call)) return { status: 'skip' };
    if (!fn || !fn.node.async) return { status: 'refuse', at: creation.call, reason: notAsyncReason(fn) };
    return { status: 'refuse', at: creation.call, reason: unboundReason(analysis, creation.call) };
  }
  if (!fn) return { status: 'refuse', at: creation.call, reason: 'the session is created outside any function; it cannot be ended in a finally' };
  if (owned && !owned.recorded) return { status: 'refuse', at: creation.call, reason: ownedOnlyReason(owned, 'and nothing records whether it did, so it cannot be ended in a finally') };
  const chain = returnedChainOf(analysis, fn, binding.declaration);
  if (chain) return planReturnedChain(analysis, fn, binding, chain);
  if (!fn.node.async) return { status: 'refuse', at: creation.call, reason: notAsyncReason(fn) };
  if (binding.statement.node.type === 'VariableDeclaration' && String(binding.statement.node.kind).includes('using')) return { status: 'skip' };
  const declaredIn = declarationFunction(analysis, binding.declaration, fn);
  if (declaredIn !== fn.node) {
    return { status: 'refuse', at: creation.call, reason: 'the session variable is declared outside the function that starts it, so ownership is not local' };
  }

  const refs = analysis.bindings
    .referencesIn(fn, binding.declaration)
    .filter((r) => !(binding.form === 'assignment' && contains(binding.statement.node, r.node)))
    // Before a conditional creation the variable holds what the caller passed in.
    .filter((r) => !owned || startOf(r.node) > startOf(binding.statement.node));
  const endCalls: Path[] = [];
  const returned: Path[] = [];
  for (const ref of refs) {
    const call = methodCallOn(ref, 'endSession');
    if (call) {
      endCalls.push(call);
      continue;
    }
    if (isReturnedAsIs(ref, fn)) {
      returned.push(ref);
      continue;
    }
    const reason = escapeReason(analysis, ref, fn, binding);
    if (reason) return { status: 'refuse', at: ref, reason };
  }
  // A function whose job is to hand out a new session (`return session`): its caller owns it.
  if (returned.length > 0) return { status: 'skip' };

  const removals: Path[] = [];
  let finallyEnd: Path | undefined;
  for (const call of endCalls) {
    const owner = enclosingFunction(call);
    if (owner?.node !== fn.node) {
      const scope = analysis.enclosingScope(call);
      if (scope && scope.sessions.includes(binding.declaration)) continue;
      return { status: 'refuse', at: call, reason: 'endSession() runs in a callback, which may run after the function returns' };
    }
    const found = endSessionStatement(analysis, call);
    if (!found) return { status: 'refuse', at: call, reason: 'endSession() is used as a value (its result or callback matters), so it cannot be moved' };
    if (owned && !runsOnlyWhenOwned(owned, call, fn.node)) {
      return { status: 'refuse', at: call, reason: `${ownedOnlyReason(owned, 'and this endSession() runs whether or not it did')}: it also ends a session the caller passed in, which the caller may still use` };
    }
    const statement = owned ? ownedEndStatement(owned, found) : found;
    const tryOfFinally = finallyOwner(statement);
    if (tryOfFinally && !finallyEnd && coversRest(analysis, binding, tryOfFinally)) finallyEnd = statement;
    else removals.push(statement);
  }

  const savesAfterEnd = removals.find((r) => !inCatchClause(r) && laterSiblingsSave(r));
  if (savesAfterEnd) {
    return {
      status: 'refuse',
      at: savesAfterEnd,
      reason: 'save() calls follow this early endSession(); ending the session later would run them inside the session',
    };
  }

  const placed = finallyEnd ? ({ kind: 'present' } as const) : placeFinally(analysis, binding, owned !== undefined && owned.test === undefined);
  const placement = 'reason' in placed ? placed : keepFinallyReadsInScope(analysis, fn, binding, owned?.test, placed);
  if ('reason' in placement) return { status: 'refuse', at: binding.statement, reason: placement.reason };
  // Started and ended by the very next statement: there is nothing a finally would protect.
  if (placement.kind === 'wrap' && removals.some((r) => r.node === statementsOf(placement.block.node)![placement.fromIndex])) {
    return { status: 'skip' };
  }
  if (placement.kind === 'wrap') placement.toIndex = lastUseEnd(analysis, binding.declaration, placement, removals);
  if (placement.kind === 'wrap' && hasFinallyEnd(removals)) {
    return {
      status: 'refuse',
      at: binding.statement,
      reason: 'code between startSession() and the try that ends the session can throw and leak it; move that code into the try',
    };
  }
  return {
    status: 'fix',
    fn,
    binding,
    owned,
    removals,
    placement,
    awaits: unawaitedAbortsBefore(removals, binding.declaration),
  };
}

/** A session the function's returned chain goes on using is ended by that chain, never by a finally. */
function planReturnedChain(analysis: MongooseAnalysis, fn: Path, binding: SessionBinding, returned: ReturnedChain): OwnerPlan {
  if (returned.end?.kind === 'ends') return { status: 'skip' };
  const endsInFinally = analysis.bindings.referencesIn(fn, binding.declaration).some((ref) => {
    const call = methodCallOn(ref, 'endSession');
    const statement = call && enclosingFunction(call)?.node === fn.node ? endSessionStatement(analysis, call) : undefined;
    const tryStatement = statement && finallyOwner(statement);
    return tryStatement !== undefined && contains(tryStatement.node.block as Node, returned.statement.node);
  });
  if (endsInFinally) {
    return { status: 'refuse', at: returned.statement, reason: endedUnderChainReason(analysis, returned, binding.declaration.name as string), endsTooEarly: true };
  }
  const problem = chainEndProblem(analysis, fn, binding, returned, cannotThrow);
  if (problem) return { status: 'refuse', at: returned.statement, reason: problem };
  const uncalled = returned.end?.kind === 'uncalled' ? { uncalled: returned.end.member } : {};
  return { status: 'fix', fn, binding, owned: undefined, removals: [], placement: { kind: 'chain', chain: returned.chain, ...uncalled }, awaits: [] };
}

/**
 * The function that creates the session already ends it in a finally of its own (`finally {
 * session.endSession(); }`, under `if (session)` too) that covers everything after the
 * creation: what planOwner would write is there.
 */
export function endedInFinally(analysis: MongooseAnalysis, creation: SessionCreation): boolean {
  const fn = enclosingFunction(creation.call);
  const binding = analysis.bindingOf(creation);
  if (!binding) return continuedSessionEndedInFinally(analysis, creation.call) || keptPromiseEnds(analysis, creation.call).some((end) => finallyOwner(end) !== undefined);
  if (!fn) return false;
  return analysis.bindings.referencesIn(fn, binding.declaration).some((ref) => {
    const call = methodCallOn(ref, 'endSession');
    const statement = call && enclosingFunction(call)?.node === fn.node ? endSessionStatement(analysis, call) : undefined;
    const tryStatement = statement && finallyOwner(statement);
    return tryStatement !== undefined && coversRest(analysis, binding, tryStatement);
  });
}

/** `return session;` (through `as`/`!`): the function hands the session itself to its caller. */
function isReturnedAsIs(ref: Path, fn: Path): boolean {
  let current = ref;
  while (current.parent && ['TSAsExpression', 'TSNonNullExpression', 'ParenthesizedExpression', 'TSSatisfiesExpression'].includes((current.parent.node as Node).type)) current = current.parent as Path;
  const parent = current.parent as Path | null;
  return parent?.node.type === 'ReturnStatement' && enclosingFunction(parent)?.node === fn.node;
}

/** Why a session that never lands in a plain variable of its own cannot be ended in a finally here. */
export function unboundReason(analysis: MongooseAnalysis, call: Path, consequence = 'so it cannot simply be ended in a finally'): string {
  const source = analysis.source;
  let current = call;
  while (current.parent && ['AwaitExpression', 'TSAsExpression', 'TSNonNullExpression', 'ParenthesizedExpression'].includes((current.parent.node as Node).type)) current = current.parent as Path;
  const parent = current.parent?.node as Node | undefined;
  const text = (node: Node) => {
    const whole = source.slice(startOf(node), endOf(node)).replace(/\s+/g, ' ');
    return whole.length > 60 ? `${whole.slice(0, 57)}...` : whole;
  };
  if (parent?.type === 'LogicalExpression' || parent?.type === 'ConditionalExpression') {
    return `the function owns the session only when it created it (\`${text(parent)}\`), ${consequence}`;
  }
  if (parent?.type === 'AssignmentExpression' && isMember(parent.left as Node)) {
    return `the session is kept in \`${text(parent.left as Node)}\` (a registry or another object), so it outlives this function; it is ended where it is taken out`;
  }
  if (parent?.type === 'ObjectProperty' || parent?.type === 'ArrayExpression') return 'the session is put into an object or array, so it outlives this function';
  if (parent?.type === 'AssignmentExpression' && isIdentifier(parent.left as Node) && analysis.bindings.declarationOf(current.parent!.get('left') as Path) === undefined) {
    return `the session is kept in \`${(parent.left as Node).name as string}\`, which nothing in this file declares (an implicit global, shared by every call that runs at the same time), ${consequence}`;
  }
  if (parent && isCall(parent) && (parent.arguments as Node[]).includes(current.node)) {
    return `the session is handed straight to \`${text(parent.callee)}()\`, which decides when it ends`;
  }
  const promise = keptPromise(analysis, call);
  if (promise) {
    const name = promise.name as string;
    return `the session is kept as the promise startSession() returns (\`${name}\`) and awaited wherever it is used (\`(await ${name})\`), ${consequence}`;
  }
  const continuation = continuationOf(call);
  if (continuation?.method === 'then') return `the session is handed to the \`.then()\` callback at line ${lineOf(continuation.call)}, which owns it from there, ${consequence}`;
  if (continuation?.method === 'catch') {
    return `the session is taken through \`.catch()\` at line ${lineOf(continuation.call)}, whose handler may give something other than a session, ${consequence}`;
  }
  return 'the session is not stored in a variable, so it cannot be ended in a finally';
}

/**
 * `const session = mongoose.startSession();` (not awaited, never reassigned): the variable holds the
 * promise of the session, and the code awaits it where it uses it (`(await session).startTransaction()`).
 */
function keptPromise(analysis: MongooseAnalysis, creation: Path): Node | undefined {
  return declaredOnce(analysis, creation)?.binding.declaration;
}

/** `(await p).endSession()` statements of a kept promise `p` (see keptPromise) in its function. */
function keptPromiseEnds(analysis: MongooseAnalysis, creation: Path): Path[] {
  const promise = keptPromise(analysis, creation);
  const fn = enclosingFunction(creation);
  if (!promise || !fn) return [];
  return analysis.bindings.referencesIn(fn, promise).flatMap((ref) => {
    const awaited = outermostExpression(ref).parent as Path | null;
    if (awaited?.node.type !== 'AwaitExpression') return [];
    const end = methodCallOn(outermostExpression(awaited), 'endSession');
    const statement = end && enclosingFunction(end)?.node === fn.node ? endSessionStatement(analysis, end) : undefined;
    return statement ? [statement] : [];
  });
}

/** `x.startSession().then(cb)` or `x.startSession().catch(handler)`: the call that continues the creation. */
function continuationOf(creation: Path): { method: 'then' | 'catch'; call: Path } | undefined {
  const member = creation.parent as Path | null;
  const call = member?.parent as Path | null;
  if (!member || !isMember(member.node) || member.node.object !== creation.node || !call || !isCall(call.node) || call.node.callee !== member.node) return undefined;
  const method = calleeName(call.node);
  return method === 'then' || method === 'catch' ? { method, call } : undefined;
}

/**
 * Where a session that is not bound by its creation is still ended in a finally: the `.then()`
 * callback's parameter, or the variable `const s = await x.startSession().catch(...)` fills.
 */
function continuedSessionEndedInFinally(analysis: MongooseAnalysis, creation: Path): boolean {
  const continuation = continuationOf(creation);
  if (!continuation) return false;
  let holder: { scope: Path; declaration: Node } | undefined;
  if (continuation.method === 'then') {
    const callback = continuation.call.get('arguments', 0) as Path;
    const param = isFunction(callback.node) ? (callback.node.params as Node[])[0] : undefined;
    if (param && isIdentifier(param)) holder = { scope: callback, declaration: param };
  } else {
    const fn = enclosingFunction(creation);
    const stored = analysis.bindingOf({ call: continuation.call, kind: 'unknown', receiver: undefined });
    if (fn && stored) holder = { scope: fn, declaration: stored.declaration };
  }
  if (!holder) return false;
  const { scope, declaration } = holder;
  return analysis.bindings.referencesIn(scope, declaration).some((ref) => {
    const end = methodCallOn(ref, 'endSession');
    const statement = end && enclosingFunction(end)?.node === scope.node ? endSessionStatement(analysis, end) : undefined;
    return statement !== undefined && finallyOwner(statement) !== undefined;
  });
}

function notAsyncReason(fn: Path | undefined): string {
  return fn
    ? 'the session is managed in a function that is not async (a promise chain); endSession() cannot be moved into a finally here'
    : 'the session is created outside any function';
}

/** `return x.startSession()` or `() => x.startSession()`: a session factory, its callers own the session. */
function isReturnedFactory(call: Path): boolean {
  let current = call;
  while (current.parent && ['AwaitExpression', 'TSAsExpression', 'TSNonNullExpression'].includes((current.parent.node as Node).type)) current = current.parent as Path;
  const parent = current.parent?.node as Node | undefined;
  return parent?.type === 'ReturnStatement' || (isFunction(parent) && parent?.body === current.node);
}

function declarationFunction(analysis: MongooseAnalysis, declaration: Node, fn: Path): Node | undefined {
  const origin = analysis.bindings.originOf(declaration);
  if (origin?.kind === 'variable') return enclosingFunction(origin.declarator)?.node;
  if (origin?.kind === 'parameter') return origin.fn.node;
  return contains(fn.node, declaration) ? fn.node : undefined;
}

/** `ref.method(...)` where ref is the receiver; returns the call path. */
export function methodCallOn(ref: Path, method: string): Path | undefined {
  let current = ref;
  while (current.parent && ['TSNonNullExpression', 'TSAsExpression'].includes((current.parent.node as Node).type)) current = current.parent as Path;
  const member = current.parent as Path | null;
  if (!member || !isMember(member.node) || member.node.object !== current.node) return undefined;
  const call = member.parent as Path | null;
  if (!call || !isCall(call.node) || call.node.callee !== member.node || calleeName(call.node) !== method) return undefined;
  return call;
}

/**
 * The statement to delete for an `endSession()` call: `s.endSession();`, `await s.endSession();`,
 * `void s.endSession();`, or `if (s) ...` around one. Undefined when the call's value is used or
 * it passes a callback.
 */
export function endSessionStatement(analysis: MongooseAnalysis, call: Path): Path | undefined {
  if ((call.node.arguments as Node[]).some((a) => isFunction(a))) return undefined;
  let current = call;
  while (current.parent) {
    const parent = current.parent.node as Node;
    if (parent.type === 'AwaitExpression' || (parent.type === 'UnaryExpression' && parent.operator === 'void')) current = current.parent as Path;
    else break;
  }
  const statement = current.parent as Path | null;
  if (!statement || statement.node.type !== 'ExpressionStatement') return undefined;
  const guarded = guardingIf(analysis, statement) ?? statement;
  return swallowingTry(guarded) ?? guarded;
}

/**
 * `try { session.endSession(); } catch { // ignore }`: a try around the call alone whose catch does
 * nothing only swallows the call's failure; it goes with the call (else an empty try is left).
 */
function swallowingTry(statement: Path): Path | undefined {
  const block = statement.parent as Path | null;
  const tryPath = block?.parent as Path | null;
  if (block?.node.type !== 'BlockStatement' || (block.node.body as Node[]).length !== 1) return undefined;
  if (tryPath?.node.type !== 'TryStatement' || tryPath.node.block !== block.node || tryPath.node.finalizer) return undefined;
  const handler = tryPath.node.handler as Node | null;
  return handler && ((handler.body as Node).body as Node[]).length === 0 ? tryPath : undefined;
}

/** `if (session) session.endSession();` (or with braces): the whole if goes with the call. */
function guardingIf(analysis: MongooseAnalysis, statement: Path): Path | undefined {
  let candidate = statement.parent as Path | null;
  if (candidate?.node.type === 'BlockStatement') {
    if ((candidate.node.body as Node[]).length !== 1) return undefined;
    candidate = candidate.parent as Path | null;
  }
  if (!candidate || candidate.node.type !== 'IfStatement' || candidate.node.alternate) return undefined;
  const test = candidate.get('test') as Path;
  const tested = test.node.type === 'BinaryExpression' ? (test.get('left') as Path) : test;
  return isIdentifier(tested.node) && analysis.isSessionReference(tested) ? candidate : undefined;
}

/**
 * The try statement whose finally holds `statement`, directly or nested (`finally { try {
 * await session.endSession(); } catch {} }` ends the session in the finally too).
 */
function finallyOwner(statement: Path): Path | undefined {
  for (let child = statement, parent = statement.parent as Path | null; parent; child = parent, parent = parent.parent as Path | null) {
    if (isFunction(parent.node)) return undefined;
    if (parent.node.type === 'TryStatement' && parent.node.finalizer === child.node) return parent;
  }
  return undefined;
}

function inCatchClause(statement: Path): boolean {
  for (let current = statement.parent as Path | null; current; current = current.parent as Path | null) {
    if (current.node.type === 'CatchClause') return true;
    if (isFunction(current.node)) return false;
  }
  return false;
}

function hasFinallyEnd(removals: Path[]): boolean {
  return removals.some((r) => finallyOwner(r) !== undefined);
}

/** Later statements in the same block that save documents (which relied on the session having ended). */
function laterSiblingsSave(statement: Path): boolean {
  const block = statement.parent?.node as Node | undefined;
  const siblings = block ? statementsOf(block) : undefined;
  if (!siblings) return false;
  const after = siblings.slice(siblings.indexOf(statement.node) + 1);
  return after.some((s) => containsSaveCall(s));
}

function containsSaveCall(node: Node): boolean {
  return some(node, (n) => isCall(n) && calleeName(n) === 'save');
}

/** Whether the existing try at `tryStatement` runs everything that follows the creation. */
function coversRest(analysis: MongooseAnalysis, binding: SessionBinding, tryStatement: Path): boolean {
  const placement = placeFinally(analysis, binding, false);
  return 'kind' in placement && placement.kind === 'append' && placement.tryStatement.node === tryStatement.node;
}

/** Where to put the finally: reuse the try that follows the creation when it covers the rest, else wrap. */
function placeFinally(analysis: MongooseAnalysis, binding: SessionBinding, mayBeUnset: boolean): FinallyPlacement | { reason: string } {
  const statement = binding.statement;
  const container = statement.parent as Path | null;
  if (!container) return { reason: 'the session is created in a position tx-codemod does not rewrite' };

  const tryOfBlock = container.parent as Path | null;
  if (binding.form === 'assignment' && container.node.type === 'BlockStatement' && tryOfBlock?.node.type === 'TryStatement' && tryOfBlock.node.block === container.node) {
    const outer = tryOfBlock.parent as Path | null;
    const outerStatements = outer ? statementsOf(outer.node) : undefined;
    if (!outerStatements) return { reason: 'the try that creates the session is not in a block' };
    const after = outerStatements.slice(outerStatements.indexOf(tryOfBlock.node) + 1);
    if (usesSessionIn(analysis, binding.declaration, outer!, after)) {
      return { reason: 'the session is used after the try that creates it, so a finally there would end it too early' };
    }
    return { kind: 'append', tryStatement: tryOfBlock, sessionMayBeUnset: true };
  }

  const statements = statementsOf(container.node);
  if (!statements || container.node.type === 'Program' || container.node.type === 'SwitchCase') {
    return { reason: 'the session is created at the top level of a module or in a switch case' };
  }
  const index = statements.indexOf(statement.node);
  const rest = statements.slice(index + 1);
  if (usedAfter(analysis, binding.declaration, container)) {
    return { reason: 'the session is used after the block that creates it, so a finally in that block would end it too early' };
  }
  if (rest.length === 0) return { reason: 'nothing uses the session after it is created' };
  if (hoistedFunctionUsedEarlier(analysis, container, statements, index)) {
    return { reason: 'a function declared after startSession() is used before it; wrapping it in a try would change its scope' };
  }

  let next = 0;
  while (next < rest.length && needsNoCover(analysis, container.get('body', index + 1 + next) as Path, binding.declaration)) next++;
  if (next === rest.length) {
    const conditional = tryAfterConditionalStart(analysis, binding, container);
    if (conditional) return conditional;
  }
  const candidate = rest[next];
  if (candidate?.type === 'TryStatement') {
    const tryPath = (container.get('body', index + 1 + next) as Path) ?? undefined;
    const after = rest.slice(next + 1);
    if (tryPath && !usesSessionIn(analysis, binding.declaration, container, after)) {
      return { kind: 'append', tryStatement: tryPath, sessionMayBeUnset: mayBeUnset };
    }
  }
  return { kind: 'wrap', block: container, fromIndex: index + 1 };
}

/**
 * A statement after the session's creation that a finally need not cover: it starts the
 * transaction, cannot throw, only logs, or puts the session on the request.
 */
function needsNoCover(analysis: MongooseAnalysis, statement: Path, session: Node): boolean {
  const node = statement.node;
  return startsTransaction(node, session) || cannotThrow(node) || logsNamedValues(node) || putOnParameter(analysis, statement, session);
}

/**
 * The added finally tests the ownership flag (`if (isNew) await s.endSession()`); a flag declared
 * inside the code the new try takes in would be out of the finally's scope: a ReferenceError on
 * every call. A new try starts right after such a declaration when only code that needs no cover
 * precedes it; otherwise the reason. (A `var` is in scope anywhere in the function.)
 */
function keepFinallyReadsInScope(analysis: MongooseAnalysis, fn: Path, binding: SessionBinding, test: string | undefined, placement: FinallyPlacement): FinallyPlacement | { reason: string } {
  if (test === undefined || (placement.kind !== 'wrap' && placement.kind !== 'append')) return placement;
  const names = new Set(test.match(/(?<![.\w$])[A-Za-z_$][\w$]*/g) ?? []);
  const declarators = analysis.index
    .within(fn.node, 'VariableDeclarator')
    .filter((d) => isIdentifier(d.node.id as Node) && names.has((d.node.id as Node).name as string) && (d.parent?.node as Node).kind !== 'var' && enclosingFunction(d)?.node === fn.node);
  const outOfScope = (name: string, tryBlock: Path, tryStart: number) => {
    const own = declarators.filter((d) => (d.node.id as Node).name === name);
    const visible = own.some((d) => contains((d.parent!.parent as Path).node, tryBlock.node) && startOf(d.parent!.node) < tryStart);
    return own.length > 0 && !visible ? own[0]! : undefined;
  };
  const reason = (flag: Path, why: string) => `the finally that would end the session tests \`${(flag.node.id as Node).name as string}\` (line ${lineOf(flag)}), ${why}`;
  if (placement.kind === 'append') {
    const hidden = [...names].map((name) => outOfScope(name, placement.tryStatement.parent as Path, startOf(placement.tryStatement.node))).find((d) => d !== undefined);
    return hidden ? { reason: reason(hidden, 'which is declared inside the try, out of the finally\'s scope') } : placement;
  }
  const statements = statementsOf(placement.block.node)!;
  let fromIndex = placement.fromIndex;
  for (const name of names) {
    const hidden = fromIndex < statements.length ? outOfScope(name, placement.block, startOf(statements[fromIndex]!)) : undefined;
    if (!hidden) continue;
    const at = statements.indexOf(hidden.parent!.node as Node);
    const throwing = at === -1 ? undefined : statements.slice(fromIndex, at + 1).findIndex((_, i) => !needsNoCover(analysis, placement.block.get('body', fromIndex + i) as Path, binding.declaration));
    if (at === -1 || throwing !== -1) {
      const cause = at === -1 || throwing === undefined ? 'which is declared in a nested block' : `which is declared after code that can throw (line ${lineOf(placement.block.get('body', fromIndex + throwing) as Path)})`;
      return { reason: reason(hidden, `${cause}: a try that covers that code could not read it in its finally` ) };
    }
    fromIndex = at + 1;
  }
  if (fromIndex >= statements.length) return { reason: 'nothing that could throw follows the session\'s creation and its ownership flag' };
  return { ...placement, fromIndex };
}

/**
 * `let s = null; if (!parent) { s = await x.startSession(); s.startTransaction(); } ... try { } finally { }`:
 * the function owns the session only when it started it, and the try after the if (past code that
 * cannot throw) covers every use; its finally ends the session when there is one.
 */
function tryAfterConditionalStart(analysis: MongooseAnalysis, binding: SessionBinding, block: Path): FinallyPlacement | undefined {
  const ifPath = block.parent as Path | null;
  const outer = ifPath?.parent as Path | null;
  const outerStatements = outer ? statementsOf(outer.node) : undefined;
  if (binding.form !== 'assignment' || ifPath?.node.type !== 'IfStatement' || ifPath.node.consequent !== block.node || ifPath.node.alternate || !outerStatements) return undefined;
  const after = outerStatements.slice(outerStatements.indexOf(ifPath.node) + 1);
  const next = after.findIndex((statement) => !cannotThrow(statement));
  if (after[next]?.type !== 'TryStatement' || usesSessionIn(analysis, binding.declaration, outer!, after.slice(next + 1))) return undefined;
  return { kind: 'append', tryStatement: outer!.get('body', outerStatements.indexOf(after[next]!)) as Path, sessionMayBeUnset: true };
}

/**
 * A declaration whose values are computed without running anything that could throw: literals,
 * names, functions, and object or array literals of those (`let result = null;`, `const opts = { session };`).
 */
export function cannotThrow(statement: Node): boolean {
  return statement.type === 'VariableDeclaration' && (statement.declarations as Node[]).every((d) => isIdentifier(d.id as Node) && (!d.init || isInert(d.init as Node)));
}

/**
 * `logger.info(`Processing payout ${payoutId}`);`, `console.log('Transaction started')`: a log line
 * of literals and names, which a finally need not cover (it does not throw).
 */
function logsNamedValues(statement: Node): boolean {
  if (statement.type !== 'ExpressionStatement') return false;
  const call = statement.expression as Node;
  if (!isLogLine(call)) return false;
  return (call.arguments as Node[]).every((arg) => isInert(arg) || (arg.type === 'TemplateLiteral' && (arg.expressions as Node[]).every(isInert)));
}

/**
 * `req.session = session`, `res.locals.session = session`, `ctx.state.session = session`: the
 * session put on a property of an object the function is handed (the request a middleware passes
 * on). Setting a property of a plain object does not throw, so a finally need not cover it.
 */
function putOnParameter(analysis: MongooseAnalysis, statement: Path, declaration: Node): boolean {
  if (statement.node?.type !== 'ExpressionStatement') return false;
  const assignment = statement.get('expression') as Path;
  if (assignment.node.type !== 'AssignmentExpression' || assignment.node.operator !== '=') return false;
  const target = assignment.get('left') as Path;
  const value = unwrapPath(assignment.get('right') as Path);
  if (!isMember(target.node) || target.node.computed || !isIdentifier(value.node) || analysis.bindings.declarationOf(value) !== declaration) return false;
  let object = target.get('object') as Path;
  while (isMember(object.node) && !object.node.computed) object = object.get('object') as Path;
  const holder = isIdentifier(object.node) ? analysis.bindings.declarationOf(object) : undefined;
  const origin = holder && analysis.bindings.originOf(holder);
  return origin?.kind === 'parameter' && origin.param === holder;
}

/** `session.startTransaction()`, also under an if whose test cannot throw (`if (ownSession) session.startTransaction();`). */
function startsTransaction(statement: Node, declaration: Node): boolean {
  if (isSessionMethodStatement(statement, declaration, 'startTransaction')) return true;
  if (statement.type !== 'IfStatement' || statement.alternate || !isInert(statement.test as Node)) return false;
  const consequent = statement.consequent as Node;
  const inner = consequent.type === 'BlockStatement' && (consequent.body as Node[]).length === 1 ? (consequent.body as Node[])[0]! : consequent;
  return isSessionMethodStatement(inner, declaration, 'startTransaction');
}

const INERT_OPERATORS = new Set(['!', 'typeof', 'void', '==', '!=', '===', '!==', '&&', '||', '??']);

function isInert(node: Node): boolean {
  if (isIdentifier(node) || isFunction(node) || (/Literal$/.test(node.type) && node.type !== 'TemplateLiteral')) return true;
  if (node.type === 'UnaryExpression') return INERT_OPERATORS.has(node.operator as string) && isInert(node.argument as Node);
  if (node.type === 'LogicalExpression' || node.type === 'BinaryExpression') return INERT_OPERATORS.has(node.operator as string) && isInert(node.left as Node) && isInert(node.right as Node);
  if (node.type === 'ConditionalExpression') return isInert(node.test as Node) && isInert(node.consequent as Node) && isInert(node.alternate as Node);
  // `options?.session`: an optional read of a named property stops at an empty object instead of throwing.
  if (node.type === 'OptionalMemberExpression') return node.optional === true && !node.computed && isInert(node.object as Node);
  if (node.type === 'ArrayExpression') return (node.elements as Array<Node | null>).every((e) => e === null || isInert(e));
  if (node.type === 'ObjectExpression') {
    return (node.properties as Node[]).every((p) => p.type === 'ObjectMethod' || (p.type === 'ObjectProperty' && !p.computed && isInert(p.value as Node)));
  }
  return false;
}

/**
 * Where the try of a wrap can close: at the `endSession()` the author wrote in the same block, when
 * nothing after it uses the session (the session then lives as long as before, not to the function's end).
 */
function lastUseEnd(analysis: MongooseAnalysis, declaration: Node, placement: { block: Path; fromIndex: number }, removals: Path[]): number | undefined {
  const statements = statementsOf(placement.block.node)!;
  const ends = removals.map((r) => statements.indexOf(r.node)).filter((i) => i > placement.fromIndex);
  if (ends.length === 0) return undefined;
  const end = Math.max(...ends);
  const after = statements.slice(end + 1);
  if (usesSessionIn(analysis, declaration, placement.block, after)) return undefined;
  // A name declared in the wrapped statements and read after them would end up inside the try.
  const declared = statements.slice(placement.fromIndex, end).flatMap(declaredNames);
  const readAfter = declared.some((id) => analysis.bindings.referencesIn(placement.block, id).some((ref) => after.some((s) => contains(s, ref.node))));
  return readAfter ? undefined : end;
}


/** The variable (declared outside `block`: a parameter, an outer `let`) is used after the block, endSession() calls aside. */
function usedAfter(analysis: MongooseAnalysis, declaration: Node, block: Path): boolean {
  const fn = enclosingFunction(block);
  if (!fn) return false;
  return analysis.bindings.referencesBetween(declaration, endOf(block.node), endOf(fn.node)).some((ref) => !methodCallOn(ref, 'endSession'));
}

/** References to the session (other than endSession calls being removed) in the given statements. */
function usesSessionIn(analysis: MongooseAnalysis, declaration: Node, container: Path, statements: Node[]): boolean {
  if (statements.length === 0) return false;
  const refs = analysis.bindings.referencesIn(container, declaration);
  return refs.some((ref) => statements.some((s) => contains(s, ref.node)) && !methodCallOn(ref, 'endSession'));
}

function hoistedFunctionUsedEarlier(analysis: MongooseAnalysis, container: Path, statements: Node[], index: number): boolean {
  const declared = statements.slice(index + 1).filter((s) => s.type === 'FunctionDeclaration' && s.id) as Array<Node & { id: Node }>;
  return declared.some((fn) => {
    const before = statements.slice(0, index + 1);
    return analysis.bindings.referencesIn(container, fn.id).some((ref) => before.some((s) => contains(s, ref.node)));
  });
}

/**
 * Why a use of the session makes it escape the owner, or undefined when the use ends before the
 * owner returns (an awaited call, an option of a call, a method call on the session).
 */
export function escapeReason(analysis: MongooseAnalysis, ref: Path, fn: Path, binding: SessionBinding, depth = 0): string | undefined {
  let child = ref;
  let awaited = false;
  let inLiteral = false;
  let viaCall = false;
  /** The first call the session (or an options object holding it) is an argument of. */
  let handedTo: Node | undefined;
  for (let parent = ref.parent as Path | null; parent && parent.node !== fn.node; child = parent, parent = parent.parent as Path | null) {
    const node = parent.node;
    switch (node.type) {
      case 'AwaitExpression':
        awaited = true;
        break;
      case 'MemberExpression':
      case 'OptionalMemberExpression':
        if (node.object !== child.node) break;
        if (!viaCall && !inLiteral) return undefined;
        break;
      case 'ObjectProperty':
      case 'ObjectExpression':
      case 'ArrayExpression':
      case 'SpreadElement':
        inLiteral = true;
        break;
      case 'NewExpression':
        return 'the session is passed to a constructor, which may keep it';
      case 'CallExpression':
      case 'OptionalCallExpression': {
        if (node.callee === child.node) break;
        const name = storingMethod(node);
        // `stockMovementService.add({ session, ... })` calls a function of the project, not a collection's method.
        if (name && !calledFunction(analysis, parent, { syntaxOnly: true })) {
          // `ops.push(Order.updateOne(..., { session }))`: the array collects operations, not the session; it matters only if the array escapes.
          const collected = viaCall ? collectingArray(analysis, parent, fn) : undefined;
          const escaped = collected && derivedEscape(analysis, collected, fn, binding, depth);
          if (escaped) return escaped;
          // `ops.push(helper(x, session))` then `await Promise.all(ops)`: what is kept is the call's promise, waited for here.
          if (collected && !(handedTo && isHelperCall(handedTo) && !awaitedCollection(analysis, collected, fn))) return undefined;
          // `results.push(await helper(x, session))`: the call has finished; what is kept is what it gave.
          if (viaCall && awaited) return undefined;
          return viaCall
            ? `a call given the session is kept with ${name}(), so it may still run after the function returns`
            : `the session is stored with ${name}(), so it outlives the function`;
        }
        if (!viaCall) handedTo = node;
        viaCall = true;
        inLiteral = false;
        break;
      }
      case 'ReturnStatement':
        if (enclosingFunction(parent)?.node !== fn.node) {
          // The closure's return value goes to its caller, which closureReason judges.
          awaited = true;
          break;
        }
        if (awaited || !(child.node === ref.node || viaCall || inLiteral)) return undefined;
        if (handedTo && isHelperCall(handedTo)) {
          return `the session is handed to \`${calleeText(analysis.source, handedTo)}()\` in a return without await (line ${lineOf(parent)}): that call goes on using it after this function returns, and may abort the transaction or end the session itself`;
        }
        return 'the session is returned (or a query or promise that uses it is returned without await)';
      case 'AssignmentExpression':
        if (node.left === child.node) {
          // `query = Model.find()` where `query` only held something built on the session: its old value is dropped.
          return analysis.bindings.declarationOf(child) === binding.declaration ? 'the session variable is reassigned' : undefined;
        }
        if (awaited) return undefined;
        // `query = query.session(session)`: a variable of this function, which goes where its references go.
        if (isIdentifier(node.left as Node) && declaredWithin(analysis, parent.get('left') as Path, fn)) {
          return derivedEscape(analysis, analysis.bindings.declarationOf(parent.get('left') as Path)!, fn, binding, depth);
        }
        const slot = requestSlotOf(analysis, parent.get('left') as Path);
        // A route handler that awaits all it hands the request to: the session is done with when it returns.
        if (slot && !outlivesHandler(analysis, slot, parent.get('left') as Path)) return undefined;
        if (slot) return `the session is put on the request (\`${slot.text}\`) for the route handlers, so it outlives the function`;
        return 'the session is stored on an object or another variable, so it outlives the function';
      case 'VariableDeclarator': {
        if (awaited) return undefined;
        // `const opts = { session, new: true }`: the session goes wherever the options go.
        if (inLiteral && isIdentifier(node.id as Node) && analysis.sessionInOptions(node.id as Node) === binding.declaration) {
          return derivedEscape(analysis, node.id as Node, fn, binding, depth);
        }
        if (child.node === ref.node || inLiteral) return 'the session is stored in another variable or object';
        return derivedEscape(analysis, node.id as Node, fn, binding, depth);
      }
      case 'ExpressionStatement':
        return undefined;
      default:
        if (isFunction(node)) {
          const reason = closureReason(parent);
          if (reason) return reason;
          return undefined;
        }
    }
  }
  return undefined;
}

/** `ops.push(...)` on an array `fn` declares (`const ops = []`): the array's declaration. */
function collectingArray(analysis: MongooseAnalysis, call: Path, fn: Path): Node | undefined {
  const callee = call.node.callee as Node;
  if (!isMember(callee) || !isIdentifier(callee.object as Node)) return undefined;
  const name = call.get('callee', 'object') as Path;
  if (!declaredWithin(analysis, name, fn)) return undefined;
  const declaration = analysis.bindings.declarationOf(name)!;
  const origin = analysis.bindings.originOf(declaration);
  return origin?.kind === 'variable' && (origin.declarator.node.init as Node | null)?.type === 'ArrayExpression' ? declaration : undefined;
}

/** An array of `fn` (its declaration) that `fn` hands to an awaited `Promise.all()` / `Promise.allSettled()`. */
function awaitedCollection(analysis: MongooseAnalysis, declaration: Node, fn: Path): boolean {
  return analysis.bindings.referencesIn(fn, declaration).some((ref) => {
    const call = ref.parent as Path | null;
    const callee = call?.node.callee as Node | undefined;
    const combinator = callee && isMember(callee) && isIdentifier(callee.object, 'Promise') && ['all', 'allSettled'].includes(propertyName(callee) ?? '');
    return combinator && (call!.node.arguments as Node[])[0] === ref.node && (call!.parent?.node as Node | undefined)?.type === 'AwaitExpression';
  });
}

/** A variable holding a query or cursor built on the session (initialised or assigned with it) must not escape either. */
function derivedEscape(analysis: MongooseAnalysis, id: Node, fn: Path, binding: SessionBinding, depth: number): string | undefined {
  if (depth > 1 || !isIdentifier(id)) return undefined;
  for (const ref of analysis.bindings.referencesIn(fn, id)) {
    const reason = escapeReason(analysis, ref, fn, binding, depth + 1);
    if (reason) return reason;
  }
  return undefined;
}

/** A variable declared in `fn` itself (not a parameter of it, nor anything outside). */
function declaredWithin(analysis: MongooseAnalysis, identifier: Path, fn: Path): boolean {
  const declaration = analysis.bindings.declarationOf(identifier);
  const origin = declaration ? analysis.bindings.originOf(declaration) : undefined;
  return origin?.kind === 'variable' && enclosingFunction(origin.declarator)?.node === fn.node;
}

/** A call of a function that is not a query or document method (`handleError(res, err, session)`, `cb({ session })`). */
function isHelperCall(call: Node): boolean {
  const name = calleeName(call) ?? '';
  return !MODEL_OPERATIONS.has(name) && !DOCUMENT_OPERATIONS.has(name) && !QUERY_CHAIN_METHODS.has(name);
}

function calleeText(source: string, call: Node): string {
  const callee = call.callee as Node;
  return source.slice(startOf(callee), endOf(callee)).replace(/\s+/g, '');
}

/** Closures that capture the session are fine only when the function waits for them. */
function closureReason(closure: Path): string | undefined {
  const call = closure.parent as Path | null;
  if (!call || !isCall(call.node) || !(call.node.arguments as Node[]).includes(closure.node)) {
    return 'the session is captured by a function that may run after this one returns';
  }
  if (isAwaitedCall(call)) return undefined;
  const name = calleeName(call.node);
  if (name && SYNCHRONOUS_CALLBACK_METHODS.has(name) && !closure.node.async) return undefined;
  if (name === 'map' && isAwaitedCall(parentCallOf(call))) return undefined;
  return 'the session is captured by a callback that may run after this function returns';
}

function parentCallOf(path: Path): Path | undefined {
  let current = path.parent as Path | null;
  while (current && current.node.type === 'ArrayExpression') current = current.parent as Path | null;
  return current && isCall(current.node) ? current : undefined;
}

function isAwaitedCall(call: Path | undefined): boolean {
  if (!call) return false;
  let current = call;
  while (current.parent && ['TSAsExpression', 'TSNonNullExpression'].includes((current.parent.node as Node).type)) current = current.parent as Path;
  return (current.parent?.node as Node | undefined)?.type === 'AwaitExpression';
}

/**
 * The statements that abort: `[await] session.abortTransaction();`, and `void
 * session.abortTransaction();`, which aborts all the same without waiting (its failure after a
 * commit is an unhandled rejection instead of a thrown error).
 */
export const ABORT_FORMS: CallStatementForms = { orVoid: true };

/** An `abortTransaction()` statement that can run after the commit was sent, and the session it aborts. */
export interface UnguardedAbort {
  statement: Path;
  session: Node;
  /** `if (session) <abort>`: the if whose test only checks that the session exists. */
  presenceCheck: Path | undefined;
  /**
   * The catch swallows the error (it neither leaves the function after the abort nor reads the
   * error): the guarded abort must throw it again where the unguarded one threw, or a failed
   * commit would pass for a success. The name to throw (`declare`: the catch has no parameter yet).
   */
  rethrow: { name: string; declare: Path | undefined } | undefined;
  /** The session as the abort names it, where that is not the declaration's name (`req.dbSession`). */
  target?: string;
}

/**
 * Aborts in a catch whose try sends `commitTransaction()` (or runs `withTransaction()`, which
 * commits or aborts on its own) on the same session: a failed commit leaves the session
 * "committed", so the abort throws and hides the real error (docs/mongoose-semantics.md §3.3,
 * §3.4). Aborts already under `if (session.inTransaction())` are left.
 */
export function unguardedAborts(analysis: MongooseAnalysis): UnguardedAbort[] {
  const out: UnguardedAbort[] = [];
  for (const tryPath of analysis.index.of('TryStatement')) {
    if (!tryPath.node.handler) continue;
    const fn = enclosingFunction(tryPath)?.node;
    const inFn = (call: Path) => enclosingFunction(call)?.node === fn;
    const committed = new Set(
      analysis.index
        .within(tryPath.node.block as Node, 'CallExpression')
        .map((call) => analysis.lifecycleCall(call))
        .filter((c) => (c?.method === 'commitTransaction' || c?.method === 'withTransaction') && c.declaration && inFn(c.call) && analysis.isSessionDeclaration(c.declaration))
        .map((c) => c!.declaration!),
    );
    if (committed.size === 0) continue;
    const handler = tryPath.get('handler', 'body') as Path;
    for (const call of analysis.index.within(handler.node, 'CallExpression')) {
      // `(await session).abortTransaction()` on a session the try commits as `session.commitTransaction()`.
      const abort = analysis.lifecycleCall(call) ?? awaitedReceiverCall(analysis, call);
      if (abort?.method !== 'abortTransaction' || !abort.declaration || !committed.has(abort.declaration) || !inFn(call)) continue;
      const statement = callStatement(call, ABORT_FORMS);
      if (!statement || guardedByInTransaction(statement, abort.declaration, handler.node) || failureHandled(statement, handler.node)) continue;
      const presenceCheck = guardingIf(analysis, statement);
      const rethrow = swallowedError(analysis, tryPath.get('handler') as Path, presenceCheck ?? statement);
      out.push({ statement, session: abort.declaration, presenceCheck, rethrow });
    }
  }
  return out;
}

/** `(await x).method()`: the method and the variable awaited for its receiver. */
function awaitedReceiverCall(analysis: MongooseAnalysis, call: Path): { method: string; declaration: Node | undefined } | undefined {
  const callee = unwrapPath(call.get('callee') as Path);
  if (!isMember(callee.node)) return undefined;
  const receiver = unwrapPath(callee.get('object') as Path);
  if (receiver.node.type !== 'AwaitExpression') return undefined;
  const awaited = unwrapPath(receiver.get('argument') as Path);
  const method = propertyName(callee.node);
  return isIdentifier(awaited.node) && method ? { method, declaration: analysis.bindings.declarationOf(awaited) } : undefined;
}

/**
 * A helper whose job is to abort the session it is given (`abortTransaction(session) { await
 * session.abortTransaction(); session.endSession(); }`): its callers call it from catches, also after
 * a commit that failed, where its unguarded abort throws and hides the commit's error. The abort
 * statement and its session; the helper neither starts nor commits a transaction.
 */
export function abortHelpers(analysis: MongooseAnalysis): Array<UnguardedAbort & { fn: Path }> {
  const out: Array<UnguardedAbort & { fn: Path }> = [];
  const callbacks = new Set(analysis.sessionScopes().map((s) => s.callback.node));
  for (const fn of analysis.index.functions()) {
    // A transaction()'s own callback, or a chain's step: the session is not handed to a helper.
    if (callbacks.has(fn.node) || isPromiseCallback(fn)) continue;
    // `session`, `session = null`, `session?: ClientSession`, `{ session, reason }`.
    const params = parameterSlots(fn.node).map((slot) => slot.declaration).filter((p) => analysis.isSessionDeclaration(p));
    for (const session of params) {
      const uses = analysis.bindings.referencesIn(fn, session).map((ref) => ({ ref, method: methodOf(ref) }));
      if (uses.some((u) => u.method === 'commitTransaction' || u.method === 'startTransaction' || u.method === 'withTransaction')) continue;
      for (const use of uses) {
        if (use.method !== 'abortTransaction') continue;
        const call = methodCallOn(use.ref, 'abortTransaction')!;
        const statement = enclosingFunction(call)?.node === fn.node ? callStatement(call, ABORT_FORMS) : undefined;
        if (!statement || guardedByInTransaction(statement, session, fn.node) || failureHandled(statement, fn.node) || leavesOutsideTransactionBefore(statement, session)) continue;
        out.push({ fn, statement, session, presenceCheck: guardingIf(analysis, statement), rethrow: undefined });
      }
    }
  }
  return out;
}

/**
 * Error handlers `(err, req, res, next)` that abort the session of the request (`req.dbSession`,
 * `res.locals.session`, or a local read from one), unguarded: a route may have committed the
 * transaction before it failed (or its commit failed, which leaves the session "committed" too),
 * and the abort then throws "Cannot call abortTransaction after calling commitTransaction" instead
 * of the handler answering with the route's error. The handler runs only for an error, so a
 * skipped abort lets no failure pass for a success.
 */
export function requestErrorHandlerAborts(analysis: MongooseAnalysis): UnguardedAbort[] {
  const out: UnguardedAbort[] = [];
  for (const { call, method, slot } of requestSessionCalls(analysis)) {
    const fn = slot.fn;
    if (method !== 'abortTransaction' || (fn.node.params as Node[]).length !== 4 || enclosingFunction(call)?.node !== fn.node) continue;
    const statement = callStatement(call, ABORT_FORMS);
    const object = unwrapExpression((call.node.callee as Node).object as Node);
    const target = analysis.source.slice(startOf(object), endOf(object));
    if (!statement || failureHandled(statement, fn.node) || testsInTransactionOf(statement, target, fn.node, analysis.source)) continue;
    out.push({ statement, session: object, presenceCheck: presenceCheckOf(statement, target, analysis.source), rethrow: undefined, target });
  }
  return out;
}

/** Inside `if (<target>.inTransaction())` (or `?.`, or `&&` with it) between the statement and `within`. */
function testsInTransactionOf(statement: Path, target: string, within: Node, source: string): boolean {
  for (let current = statement.parent as Path | null; current && current.node !== within; current = current.parent as Path | null) {
    if (current.node.type !== 'IfStatement') continue;
    const object = (n: Node) => unwrapExpression((n.callee as Node).object as Node);
    if (some(current.node.test as Node, (n) => isCall(n) && calleeName(n) === 'inTransaction' && isMember(n.callee) && textOf(source, object(n)) === target)) return true;
  }
  return false;
}

/** `if (<target>) <statement>` with nothing else in it: the if that only checks the session is there. */
function presenceCheckOf(statement: Path, target: string, source: string): Path | undefined {
  let candidate = statement.parent as Path | null;
  if (candidate?.node.type === 'BlockStatement') {
    if ((candidate.node.body as Node[]).length !== 1) return undefined;
    candidate = candidate.parent as Path | null;
  }
  return candidate?.node.type === 'IfStatement' && !candidate.node.alternate && textOf(source, candidate.node.test as Node) === target ? candidate : undefined;
}

function textOf(source: string, node: Node): string {
  return source.slice(startOf(node), endOf(node));
}

/** `if (!session.inTransaction()) return;` (or `=== false`) before the statement, in its block: the abort is already guarded. */
function leavesOutsideTransactionBefore(statement: Path, session: Node): boolean {
  const siblings = statementsOf((statement.parent as Path).node) ?? [];
  return siblings.slice(0, siblings.indexOf(statement.node)).some((s) => s.type === 'IfStatement' && alwaysLeaves(s.consequent as Node) && some(s.test as Node, (n) => isCall(n) && calleeName(n) === 'inTransaction' && isMember(n.callee) && isIdentifier(n.callee.object, session.name as string)));
}

function methodOf(ref: Path): string | undefined {
  const member = ref.parent as Path | null;
  return member && isMember(member.node) && member.node.object === ref.node ? propertyName(member.node) : undefined;
}

/**
 * True when a failure that `call` no longer throws would pass unseen: the call sits in a catch that
 * neither leaves the function after it nor reads the error it caught.
 */
export function swallowsFailureAt(analysis: MongooseAnalysis, call: Path, readsArgument: (index: number) => boolean = () => false): boolean {
  const statement = enclosingStatement(call);
  // `return handleError(session, res)`: the catch leaves with the helper's value (its response), whatever its abort does.
  if (statement.node.type === 'ReturnStatement') return false;
  // `handleError(res, err, session)`: the error handed to a helper that reads it is reported there.
  const handedOver = (ref: Path) => (ref.parent?.node as Node | undefined) === call.node && readsArgument((call.node.arguments as Node[]).indexOf(ref.node));
  for (let current = call.parent as Path | null; current && !isFunction(current.node); current = current.parent as Path | null) {
    if (current.node.type === 'CatchClause') return swallowedError(analysis, current, statement, handedOver) !== undefined;
  }
  return false;
}

/** The parameters (by position) a helper reads anywhere but in `except`: `err` of `handleError(res, err, session)`, read after its abort. */
export function parametersReadOutside(analysis: MongooseAnalysis, fn: Path, except: Node): Set<number> {
  const read = new Set<number>();
  for (const slot of parameterSlots(fn.node)) {
    if (analysis.bindings.referencesIn(fn, slot.declaration).some((ref) => !contains(except, ref.node))) read.add(slot.index);
  }
  return read;
}

/**
 * An unguarded abort after a failed commit throws, so the failure left the catch. The guarded
 * abort does not: when the catch itself neither leaves the function on every path after the abort
 * (a rethrow, a returned failure value or response) nor reads the error it caught (to log, report
 * or return it), the function would go on as if the commit had succeeded. Then the error must be
 * thrown again where the abort is skipped: the name to throw it by.
 */
function swallowedError(analysis: MongooseAnalysis, clause: Path, abort: Path, handedOver: (ref: Path) => boolean = () => false): UnguardedAbort['rethrow'] {
  const param = clause.node.param as Node | null;
  const body = clause.node.body as Node;
  if (alwaysLeavesAfter(abort, body)) return undefined;
  if (param && !isIdentifier(param)) return undefined;
  if (param) {
    const read = analysis.bindings.referencesIn(clause, param).some((ref) => !contains(abort.node, ref.node) || handedOver(ref));
    return read ? undefined : { name: param.name as string, declare: undefined };
  }
  const taken = new Set(analysis.index.of('Identifier').map((p) => p.node.name as string));
  return { name: freeName('error', taken), declare: clause };
}

/** Every path from `statement` to the end of `within` (a block it is in) returns or throws. */
function alwaysLeavesAfter(statement: Path, within: Node): boolean {
  for (let child = statement, parent = statement.parent as Path | null; parent; child = parent, parent = parent.parent as Path | null) {
    const siblings = statementsOf(parent.node);
    if (siblings && siblings.slice(siblings.indexOf(child.node) + 1).some(alwaysLeaves)) return true;
    if (parent.node === within || isFunction(parent.node)) return false;
  }
  return false;
}

function alwaysLeaves(statement: Node): boolean {
  if (statement.type === 'ReturnStatement' || statement.type === 'ThrowStatement') return true;
  if (statement.type === 'BlockStatement') return (statement.body as Node[]).some(alwaysLeaves);
  if (statement.type === 'IfStatement') return statement.alternate != null && alwaysLeaves(statement.consequent as Node) && alwaysLeaves(statement.alternate as Node);
  return false;
}

/** `try { await s.abortTransaction(); } catch {}`: the author already keeps a failing abort from hiding the error. */
function failureHandled(statement: Path, within: Node): boolean {
  for (let child = statement, parent = statement.parent as Path | null; parent && parent.node !== within; child = parent, parent = parent.parent as Path | null) {
    if (parent.node.type === 'TryStatement' && parent.node.block === child.node && parent.node.handler) return true;
  }
  return false;
}

/** Inside `if (s.inTransaction())` (or `&&` with it) between the statement and `within`. */
function guardedByInTransaction(statement: Path, session: Node, within: Node): boolean {
  for (let current = statement.parent as Path | null; current && current.node !== within; current = current.parent as Path | null) {
    if (current.node.type !== 'IfStatement') continue;
    const tested = some(current.node.test as Node, (n) => isCall(n) && calleeName(n) === 'inTransaction' && isMember(n.callee) && isIdentifier(unwrapExpression(n.callee.object as Node), session.name as string));
    if (tested) return true;
  }
  return false;
}

/** `s.method(...)` or `await s.method(...)` as a statement, on the given session. */
function isSessionMethodStatement(statement: Node, declaration: Node, method: string): boolean {
  const call = statementCall(statement)?.call;
  if (!call || calleeName(call) !== method) return false;
  const object = isMember(call.callee) ? unwrapExpression(call.callee.object as Node) : undefined;
  return isIdentifier(object, declaration.name as string);
}


function unawaitedAbortsBefore(removals: Path[], declaration: Node): Path[] {
  const out: Path[] = [];
  for (const removal of removals) {
    const block = removal.parent as Path | null;
    const statements = block ? statementsOf(block.node) : undefined;
    if (!statements) continue;
    const index = statements.indexOf(removal.node);
    const previous = statements[index - 1];
    if (previous && statementCall(previous)?.awaited === false && isSessionMethodStatement(previous, declaration, 'abortTransaction')) {
      out.push(block!.get('body', index - 1) as Path);
    }
  }
  return out;
}

import { declaredNames } from '../ast/bindings';
import {
  calleeName,
  contains,
  enclosingFunction,
  isCall,
  isFunction,
  isIdentifier,
  isMember,
  outermostExpression,
  isPromiseCallback,
  endOf,
  settledExpression,
  startOf,
  statementCall,
  type CallStatementForms,
  statementsOf,
  unwrapExpression,
  walk,
  type Node,
  type Path,
} from '../ast/nodes';
import type { MongooseVersion } from '../facts/project';
import type { MongooseAnalysis, SessionBinding, SessionCreation } from './analysis';
import type { CallSiteFinder } from './callers';
import { ABORT_FORMS, cannotThrow, endSessionStatement, escapeReason, unboundReason } from './ownership';
import { handedOutByItsFunction } from './factories';
import { classifyCall } from './operations';
import { conditionalOwnership, ownedOnlyReason } from './owned-when';
import { modelDocumentType } from './model-types';
import { WrapperCallbacks, type CallbackChecks } from './wrapper-callbacks';
import { abortBeforeThrow, alsJoinProblem, callbackValueLost, connectionOf, declaredPromiseType, isLifecycleDemo, retryProblem, staleDocumentProblem, versionProblem } from './transaction-body';
import { lineOf } from './places';

/**
 * Planning the rewrite of a hand-managed async/await transaction (`startSession()`,
 * `startTransaction()`, commit in the try, abort in the catch, `endSession()` in the finally, and
 * the shapes real code writes around them) into `await conn.transaction(async (session) => ...)`
 * (docs/mongoose-semantics.md §1.2, §3.3, §5.1).
 */

/** An intentional abort on a normal path: what ran after it (up to its return) moves after the call. */
export interface EarlyExit {
  /** The statements after the abort, ending with the return: replaced in the callback by `<flag> = true; return;`. */
  moved: Path[];
  /** `endSession()` statements between the abort and those statements. */
  ends: Path[];
  /**
   * No abort preceded the return: the transaction was left open and aborted when the session
   * ended. Inside transaction() the return would commit, so the callback aborts before leaving.
   */
  abortAdded: boolean;
}

export interface ManualPlan {
  kind: 'manual' | 'withTransaction';
  /** No try protected the transaction: a throw left it open and leaked the session. */
  unprotected: boolean;
  /** The withTransaction() call was not awaited: the function went on (and ended the session) before it finished. */
  floating: boolean;
  connection: string;
  sessionName: string;
  /** Second argument of transaction(): what startTransaction() or withTransaction() were given. */
  options: Path | undefined;
  /** The statements of `block` from `from` to `to` (inclusive) are replaced. */
  block: Path;
  from: number;
  to: number;
  /** Statements of the region that stay in front of the call, outside the kept try. */
  before: Path[];
  /** Statements of the try that stay in front of the call, inside the kept try. */
  beforeInside: Path[];
  /** The callback's statements (top level), in order. */
  body: Path[];
  /** Statements inside the body that go (`endSession()` and its guards). */
  bodyRemovals: Path[];
  /** Aborts in the body that a throw follows: they go, since inside transaction() the throw aborts. */
  abortsBeforeThrow: Path[];
  earlyExits: EarlyExit[];
  /** Statements after the commit (or the withTransaction() call) that run after the call. */
  post: Path[];
  /** The catch that stays (without its abort): around the call and what follows it. */
  handler: { clause: Path; statements: Path[] } | undefined;
  /** Where the call comes from in the source: the startTransaction() (or withTransaction()) statement. */
  startAt: number;
  /** Where a kept try comes from: the original try statement. */
  tryAt: number | undefined;
  /** The statements that go because transaction() does their work: start, commit, the catch's abort, every endSession(). */
  lifecycle: Path[];
  /** What the finally does besides ending the session. */
  finallyRest: Path[];
  /** Names declared in the body that the code after it reads: the callback's value carries them out. */
  carried: Node[];
  /** `return`: the callback returns them (Mongoose 8+); `let`: assigned to variables declared before the call. */
  carryStyle: 'return' | 'let';
  /** TypeScript: types for carried names the code declares without an annotation, from their model's interface. */
  carriedTypes: Map<Node, string>;
  /**
   * TypeScript where transaction() does not give the callback's value and the carried names have no
   * stated type: the `return <expression>` after the commit, whose value the callback computes into a
   * variable of the function's declared return type (`type`), returned after the call.
   */
  computed?: { statement: Path; expression: Path; type: string };
  /** `const p = x.startSession();` when the session is awaited from a kept promise: transaction() starts its own, so it goes too. */
  promiseStatement: Path | undefined;
  /** The callback reads the session (else it takes no parameter); for `withTransaction(cb)`, a callback without parameters that reads the outer session. */
  usesSession: boolean;
  /** `withTransaction(cb)`: the callback that becomes transaction()'s, and the name its value is bound to. */
  callback: Path | undefined;
  /** `const r = await session.withTransaction(...)`: the declaration whose value the call now gives. */
  resultStatement: Path | undefined;
}

export type ManualPlanResult = ManualPlan | { reason: string; at: Path } | undefined;

export interface ManualPlanContext {
  mongoose: MongooseVersion;
  als: boolean;
  typescript: boolean;
  /** How the callers of a transaction wrapper are found (the file planned, and its search): its callbacks are judged where the body calls them. */
  callers?: { file: string; finder: Pick<CallSiteFinder, 'find'>; givenSessionIn?: CallbackChecks['givenSessionIn'] };
}

interface Layout {
  block: Path;
  from: number;
  to: number;
  head: Path[];
  main: Path[];
  tryStatement: Path | undefined;
}

/** What a lifecycle call does, and where. */
interface SessionUse {
  ref: Path;
  method: string | undefined;
  call: Path | undefined;
}

const EFFECT_FREE = new Set([
  'Identifier', 'MemberExpression', 'OptionalMemberExpression', 'StringLiteral', 'NumericLiteral', 'BooleanLiteral', 'NullLiteral',
  'TemplateLiteral', 'TemplateElement', 'ObjectExpression', 'ObjectProperty', 'ArrayExpression', 'SpreadElement', 'ConditionalExpression',
  'LogicalExpression', 'BinaryExpression', 'UnaryExpression', 'TSAsExpression', 'TSNonNullExpression', 'TSSatisfiesExpression',
  'ParenthesizedExpression', 'ThisExpression',
]);

/** An expression that only reads: names, members, literals and operators (no call, await, assignment or `delete`). */
function withoutEffects(expression: Node): boolean {
  let pure = true;
  walk(expression, (node) => {
    if (!pure) return false;
    if (node.type.startsWith('TS') && !EFFECT_FREE.has(node.type)) return false;
    if (!EFFECT_FREE.has(node.type) || (node.type === 'UnaryExpression' && node.operator === 'delete')) pure = false;
    return undefined;
  });
  return pure;
}

/**
 * Undefined when the session does not run a hand-managed transaction in its function; `{ reason }`
 * when it does but the rewrite would change what the code does (or the shape is not one followed).
 */
export function planManualTransaction(analysis: MongooseAnalysis, creation: SessionCreation, context: ManualPlanContext): ManualPlanResult {
  const binding = analysis.bindingOf(creation);
  const fn = enclosingFunction(creation.call);
  if (!fn) return undefined;
  // A function that hands out the session it starts: the transaction is its callers'.
  if (handedOutByItsFunction(analysis, creation)) return undefined;
  const owned = conditionalOwnership(analysis, creation);
  if (owned) {
    const reason = ownedOnlyReason(owned, 'so it cannot replace that session with a transaction() of its own');
    return startsTransactionIn(analysis, fn) ? { reason, at: creation.call } : undefined;
  }
  if (!binding) {
    // `parent ?? await startSession()`, `this.sessions[id] = await startSession()`: started here, owned elsewhere too.
    const reason = unboundReason(analysis, creation.call, 'so it cannot replace that session with a transaction() of its own');
    return startsTransactionIn(analysis, fn) ? { reason, at: creation.call } : undefined;
  }
  return new ManualPlanner(analysis, creation, binding, fn, context).plan();
}

/**
 * `startTransaction()` on a session the function received (a parameter): the function runs a
 * transaction on a session it does not own, so it cannot swap it for a transaction() of its own.
 */
export function receivedTransactions(analysis: MongooseAnalysis): Array<{ at: Path; reason: string }> {
  const out: Array<{ at: Path; reason: string }> = [];
  const seen = new Set<Node>();
  for (const call of analysis.index.calls()) {
    const lifecycle = analysis.lifecycleCall(call);
    if (lifecycle?.method !== 'startTransaction' || !lifecycle.declaration || seen.has(lifecycle.declaration)) continue;
    const origin = analysis.bindings.originOf(lifecycle.declaration);
    if (origin?.kind !== 'parameter' || !analysis.isSessionDeclaration(lifecycle.declaration)) continue;
    // `if (!session) { session = await X.startSession(); ... }`: told at the creation, with the condition.
    if (analysis.sessionCreations().some((c) => conditionalOwnership(analysis, c)?.binding.declaration === lifecycle.declaration)) continue;
    if (isPromiseCallback(origin.fn) || analysis.sessionScopes().some((scope) => scope.callback.node === origin.fn.node)) continue;
    seen.add(lifecycle.declaration);
    out.push({ at: call, reason: `the session \`${lifecycle.declaration.name as string}\` is received from the caller (a parameter), so this function does not own it and cannot replace it with a transaction() of its own` });
  }
  return out;
}

function startsTransactionIn(analysis: MongooseAnalysis, fn: Path): boolean {
  return analysis.index.within(fn.node, 'CallExpression').some((call) => calleeName(call.node) === 'startTransaction' && enclosingFunction(call)?.node === fn.node);
}

const LIFECYCLE = new Set(['startTransaction', 'commitTransaction', 'abortTransaction', 'endSession', 'inTransaction', 'withTransaction']);

class ManualPlanner {
  private readonly uses: SessionUse[];
  private readonly session: Node;

  constructor(
    private readonly analysis: MongooseAnalysis,
    private readonly creation: SessionCreation,
    private readonly binding: SessionBinding,
    private readonly fn: Path,
    private readonly context: ManualPlanContext,
  ) {
    this.session = binding.declaration;
    this.uses = analysis.bindings
      .referencesIn(fn, this.session)
      .filter((ref) => !(binding.form === 'assignment' && contains(binding.statement.node, ref.node)))
      .map((ref) => {
        // `(await session).abortTransaction()`: awaiting the session gives the session itself.
        const receiver = awaitedAs(ref);
        const member = receiver.parent as Path | null;
        const call = member?.parent as Path | null;
        const method = member && isMember(member.node) && member.node.object === receiver.node && call && isCall(call.node) && call.node.callee === member.node ? calleeName(call.node) : undefined;
        return { ref, method: method && LIFECYCLE.has(method) ? method : undefined, call: method && LIFECYCLE.has(method) ? call! : undefined };
      });
  }

  /** Left as is, for `reason`, reported at `where` (the session's creation unless a place is named). */
  private refuse(reason: string, where: Path = this.creation.call): { reason: string; at: Path } {
    return { reason, at: where };
  }

  private calls(method: string): Path[] {
    return this.uses.filter((u) => u.method === method).map((u) => u.call!);
  }

  plan(): ManualPlanResult {
    const starts = this.calls('startTransaction');
    const withTransactions = this.calls('withTransaction');
    if (starts.length === 0 && withTransactions.length === 0) return undefined;
    // Not async/await code: a promise chain (promise-chain-to-transaction's) or callbacks.
    const inPromiseCallback = this.uses.some((u) => u.call && isPromiseCallbackInside(u.call, this.fn.node));
    if (!this.fn.node.async || inPromiseCallback) return undefined;

    const promise = this.keptPromiseProblem();
    if (promise) return this.refuse(promise);
    // endSession() inside the withTransaction() callback (a silent abort) goes with the conversion.
    const nested = this.uses.find((u) => u.method !== undefined && enclosingFunction(u.call!)?.node !== this.fn.node && !this.endsInsideCallback(u));
    if (nested) return this.refuse(`${nested.method}() runs in a nested function or callback (line ${lineOf(nested.call!)}), which transaction() cannot follow`, nested.call);
    for (const use of this.uses) {
      if (use.method) continue;
      const escape = escapeReason(this.analysis, use.ref, this.fn, this.binding);
      if (escape) return this.refuse(escape, use.ref);
    }
    if (this.uses.some((u) => u.call && (u.call.node.arguments as Node[]).some((a) => isFunction(a)) && u.method !== 'withTransaction')) {
      return this.refuse('a session method is given a Node-style callback');
    }
    // What the code does with its session decides first, then where the session comes from when
    // that is the driver, then the version; which connection runs the transaction only matters
    // for code all of these allow.
    const connection = connectionOf(this.analysis, this.creation);
    if (typeof connection !== 'string' && this.creation.kind === 'client') return this.refuse(connection.reason);
    const version = versionProblem(this.context.mongoose);
    // session.withTransaction() is already the form a version without a session-ending transaction() wants.
    if (version && starts.length === 0) return undefined;
    if (version) return this.refuse(version);
    if (typeof connection !== 'string' && !connection.unknown) return this.refuse(connection.reason);
    // Where the connection cannot be named, a reason found in the code itself is the one to give.
    const planned = this.planOn(typeof connection === 'string' ? connection : '', starts, withTransactions);
    return typeof connection === 'string' || !planned || 'reason' in planned ? planned : this.refuse(connection.reason);
  }

  private planOn(connection: string, starts: Path[], withTransactions: Path[]): ManualPlanResult {
    if (starts.length === 0) return this.planWithTransaction(connection, withTransactions);
    if (starts.length > 1 || withTransactions.length > 0) return this.refuse('the session runs more than one transaction', starts[1] ?? withTransactions[0]);
    return this.planManual(connection, starts[0]!);
  }

  /** `session.endSession()` directly in the callback of this session's withTransaction(). */
  private endsInsideCallback(use: SessionUse): boolean {
    if (use.method !== 'endSession') return false;
    const scope = this.analysis.enclosingScope(use.call!);
    return scope?.kind === 'withTransaction' && enclosingFunction(use.call!)?.node === scope.callback.node && this.calls('withTransaction').some((c) => c.node === scope.call.node);
  }

  /** `const session = ...; [try {] await session.withTransaction(cb, options); [} finally {] session.endSession();` */
  private planWithTransaction(connection: string, calls: Path[]): ManualPlanResult {
    if (calls.length > 1) return this.refuse('the session runs more than one transaction', calls[1]);
    const call = calls[0]!;
    const callback = call.get('arguments', 0) as Path;
    if (!callback.node || (!isFunction(callback.node) && !isIdentifier(callback.node))) return this.refuse('withTransaction() is not given a function');
    if (this.uses.some((u) => u.method && u.method !== 'withTransaction' && u.method !== 'endSession')) return undefined;
    // The withTransaction() call is a statement of the block the session is created in, or of a try there.
    const statement = statementOf(call);
    if (!statement) return this.refuse('the value of withTransaction() is used inside a larger expression', call);
    const layout = this.layout();
    if ('reason' in layout) return this.refuse(layout.reason, layout.at);
    const { head, main, tryStatement } = layout;
    const index = main.findIndex((s) => s.node === statement.node);
    if (index === -1) return this.refuse('withTransaction() is not run directly in the function that starts the session', call);
    const before = [...head, ...main.slice(0, index)];
    const usesBefore = before.find((s) => this.refsIn(s).length > 0);
    if (usesBefore) return this.refuse(`the session is used before withTransaction() (line ${lineOf(usesBefore)})`, usesBefore);
    const ends = this.endStatements();
    if ('reason' in ends) return ends;
    const post = main.slice(index + 1).filter((s) => !ends.some((e) => e.node === s.node));
    // The catch's own endSession() and abort go with the rest; keptHandler judges what stays of it.
    const after = this.usedIn(post);
    if (after) return this.refuse(`the session is used after the transaction (line ${lineOf(after)}), when transaction() has already ended it`, after);
    const handler = tryStatement ? this.keptHandler(tryStatement, ends) : undefined;
    if (handler && 'reason' in handler) return handler;
    const parts = [statement];
    const als = alsJoinProblem(this.analysis, parts, [this.session], this.context.als);
    if (als) return this.refuse(als);
    if (isFunction(callback.node) && (callback.node.body as Node).type === 'BlockStatement') {
      const body = callback.get('body') as Path;
      if (isLifecycleDemo((body.node.body as Node[]).map((_, i) => body.get('body', i) as Path))) return undefined;
    }
    if (isFunction(callback.node) && !this.callbackCanTakeSession(callback)) {
      return this.refuse('the withTransaction() callback names its parameter differently from the session it uses', callback);
    }
    const swallowed = this.startUnderSwallowingCatch(handler?.keep);
    if (swallowed) return this.refuse(swallowed);
    const result = statement.node.type === 'VariableDeclaration' ? statement : undefined;
    return {
      kind: 'withTransaction',
      unprotected: false,
      floating: call.parent?.node.type !== 'AwaitExpression',
      ...this.frame(connection, layout, ends, handler),
      options: (call.node.arguments as Node[])[1] ? (call.get('arguments', 1) as Path) : undefined,
      before: head,
      beforeInside: main.slice(0, index),
      body: [],
      bodyRemovals: ends.filter((e) => contains(callback.node, e.node)),
      abortsBeforeThrow: [],
      earlyExits: [],
      post,
      startAt: startOf(statement.node),
      lifecycle: [...ends, ...this.handlerAborts(tryStatement)],
      carried: [],
      carryStyle: 'return',
      carriedTypes: new Map(),
      usesSession: isFunction(callback.node) && this.analysis.bindings.referencesIn(callback, this.session).length > 0,
      callback,
      resultStatement: result,
    };
  }

  /**
   * `const p = x.startSession(); ... const session = await p;`: transaction() starts a session of its
   * own, so the kept promise's statement must go with the rest, or its session would never be ended.
   */
  private keptPromiseProblem(): string | undefined {
    const promise = this.binding.promise;
    if (!promise) return undefined;
    const name = promise.declaration.name as string;
    const statement = promise.statement.node;
    const alone = statement.type === 'VariableDeclaration' && (statement.declarations as Node[]).length === 1;
    if (!alone || enclosingFunction(promise.statement)?.node !== this.fn.node || enclosingFunction(this.binding.statement)?.node !== this.fn.node) {
      return `the promise of startSession() is kept in \`${name}\` in a statement or function the rewrite cannot remove it from, and transaction() starts a session of its own`;
    }
    const refs = this.analysis.bindings.referencesIn(this.fn, promise.declaration).filter((ref) => !contains(statement, ref.node));
    if (refs.length > 1) {
      const other = refs.find((ref) => !contains(this.binding.statement.node, ref.node)) ?? refs[1]!;
      return `the promise of startSession() is kept in \`${name}\` and used again at line ${lineOf(other)}, and transaction() starts a session of its own`;
    }
    return undefined;
  }

  /** What both shapes' plans take from where the transaction lives: the region, the kept catch, the rest of the finally. */
  private frame(connection: string, layout: Layout, ends: Path[], handler: { keep: ManualPlan['handler'] } | undefined) {
    const { tryStatement } = layout;
    return {
      connection,
      sessionName: this.session.name as string,
      block: layout.block,
      from: layout.from,
      to: layout.to,
      handler: handler?.keep,
      tryAt: tryStatement ? startOf(tryStatement.node) : undefined,
      finallyRest: tryStatement ? this.finallyRest(tryStatement, ends) : [],
      promiseStatement: this.binding.promise?.statement,
    };
  }

  /** The catch's aborts, which go with the rest of the lifecycle. */
  private handlerAborts(tryStatement: Path | undefined): Path[] {
    return tryStatement ? this.handlerStatements(tryStatement).filter((s) => this.isAbortStatement(s)) : [];
  }

  /** The callback either takes no parameter (it will get the session's name) or takes it under the session's name. */
  private callbackCanTakeSession(callback: Path): boolean {
    const params = callback.node.params as Node[];
    if (params.length === 0) return true;
    const first = params[0]!;
    if (isIdentifier(first, this.session.name as string)) return true;
    return this.analysis.bindings.referencesIn(callback, this.session).length === 0;
  }

  /** The judge of a wrapper's calls of its callback, where the callers can be searched. */
  private wrapperCallbacks(): WrapperCallbacks | undefined {
    const { callers, mongoose, als } = this.context;
    return callers && new WrapperCallbacks(this.analysis, callers.file, callers.finder, { mongoose, als, givenSessionIn: callers.givenSessionIn });
  }

  private planManual(connection: string, start: Path): ManualPlanResult {
    const layout = this.layout();
    if ('reason' in layout) return this.refuse(layout.reason, layout.at);
    const { tryStatement } = layout;
    // startTransaction() before the try starts the transaction the try's statements run in.
    const startStatement = statementOf(start);
    const startInHead = layout.head.findIndex((s) => s.node === startStatement?.node);
    const main = startInHead === -1 ? layout.main : [...layout.head.slice(startInHead), ...layout.main];
    const outside = startInHead === -1 ? layout.head : layout.head.slice(0, startInHead);
    const startIndex = startStatement ? main.findIndex((s) => s.node === startStatement.node) : -1;
    if (startIndex === -1) return this.refuse('the transaction is started conditionally, or not as a statement of its own', start);
    const earlier = [...outside, ...main.slice(0, startIndex)].find((s) => this.refsIn(s).length > 0);
    if (earlier) return this.refuse(`the session is used before the transaction starts (line ${lineOf(earlier)})`, earlier);

    const commits = this.calls('commitTransaction');
    if (commits.length > 1) return this.refuse(severalCommitsReason(commits), commits[1]);
    const commitStatement = commits[0] ? statementOf(commits[0]) : undefined;
    if (commits[0] && !commitStatement) return this.refuse('the commit is used inside a larger expression', commits[0]);
    let endIndex = commitStatement ? main.findIndex((s) => s.node === commitStatement.node) : -1;
    if (commits[0] && endIndex === -1) return this.refuse('the commit is not reached on every normal path (it sits inside a condition, loop or callback)', commits[0]);
    const abortsAtEnd = endIndex === -1;
    if (abortsAtEnd) {
      // No commit: the transaction is aborted on the normal path, as its last act.
      endIndex = main.findIndex((s, i) => i > startIndex && this.isMethodStatement(s, 'abortTransaction'));
      if (endIndex === -1) {
        const handedTo = this.handedToOtherCode(this.uses);
        const where = handedTo ? ` (the session is handed to other code at line ${lineOf(handedTo)}, which may end it)` : '';
        return this.refuse(`the transaction is not committed or aborted in this function${where}`);
      }
    }

    const ends = this.endStatements();
    if ('reason' in ends) return ends;
    const kept = this.keptBeforeCall(layout, main, startIndex, ends);
    if ('reason' in kept) return this.refuse(kept.reason, kept.at);
    const bodyFrom = startIndex + 1 + kept.length;
    const body = main.slice(bodyFrom, abortsAtEnd ? endIndex + 1 : endIndex);
    if (!abortsAtEnd && isLifecycleDemo(body)) return undefined;
    const post = main.slice(endIndex + 1).filter((s) => !ends.some((e) => e.node === s.node));
    const postUse = this.usedIn(post);
    if (postUse) return this.refuse(`the session is used after the commit (line ${lineOf(postUse)}), when transaction() has already ended it`, postUse);
    const handler = tryStatement ? this.keptHandler(tryStatement, ends) : undefined;
    if (handler && 'reason' in handler) return handler;

    const bodyEnds = ends.filter((e) => body.some((s) => contains(s.node, e.node)));
    if (bodyEnds.some((e) => body.some((s) => s.node === e.node))) return this.refuse('the session is ended before the commit', bodyEnds[0]);
    const aborts = this.calls('abortTransaction').filter((a) => body.some((s) => contains(s.node, a.node)) && !(abortsAtEnd && contains(main[endIndex]!.node, a.node)));
    const exits: EarlyExit[] = [];
    const thrownAborts: Path[] = [];
    for (const abort of aborts) {
      const exit = this.earlyExit(abort, body, bodyEnds);
      if ('reason' in exit) return this.refuse(exit.reason, abort);
      if ('throwsAfter' in exit) thrownAborts.push(exit.throwsAfter);
      else if (exit.moved.length > 0) exits.push(exit);
    }
    const openExits = this.returnsBeforeCommit(body, exits);
    if (!('reason' in openExits)) exits.push(...openExits);
    const region: Node = { type: 'TransactionBody', start: kept.length > 0 ? endOf(kept[kept.length - 1]!.node) : startOf(main[startIndex]!.node), end: endOf(main[endIndex]!.node) };
    const movedOut = exits.flatMap((e) => e.moved.map((m) => m.node));
    const problem =
      this.nodeCallbacks(body) ??
      ('reason' in openExits ? openExits.reason : undefined) ??
      this.jumpsOut(body) ??
      alsJoinProblem(this.analysis, body, [this.session], this.context.als, movedOut) ??
      this.callbackWithoutSession(body) ??
      retryProblem(this.analysis, body, region, [this.session], movedOut, this.wrapperCallbacks()) ??
      staleDocumentProblem(this.analysis, body, region, this.context.mongoose) ??
      this.exitReadsBody(exits, region);
    if (problem) return this.refuse(problem);

    const carried = this.carriedNames(body, [...post, ...(handler?.keep?.statements ?? [])]);
    if ('reason' in carried) return this.refuse(carried.reason, carried.at);
    const stated = this.context.typescript ? this.modelTypes(carried.names) : { types: new Map<Node, string>(), reasons: new Map<Node, string>() };
    const carryStyle = this.carryStyle(carried.names, stated);
    const computed = typeof carryStyle === 'string' || exits.length > 0 ? undefined : this.computedReturn(post, handler?.keep?.statements ?? [], carried.names);
    if (typeof carryStyle !== 'string' && !computed) return this.refuse(carryStyle.reason, carryStyle.at);
    // `let order: Order;` of a name carried in a variable: declared before the call instead.
    const declaredAhead = carryStyle === 'let' && !computed ? body.filter((s) => isUninitialised(s.node) && declaredNames(s.node).some((id) => carried.names.includes(id))) : [];
    const swallowed = this.startUnderSwallowingCatch(handler?.keep);
    if (swallowed) return this.refuse(swallowed);
    return {
      kind: 'manual',
      unprotected: tryStatement === undefined,
      floating: false,
      ...this.frame(connection, layout, ends, handler),
      options: (start.node.arguments as Node[])[0] ? (start.get('arguments', 0) as Path) : undefined,
      before: [...outside, ...kept],
      beforeInside: main.slice(0, startIndex),
      body: body.filter((s) => ![...bodyEnds, ...thrownAborts, ...declaredAhead].some((e) => e.node === s.node)),
      bodyRemovals: bodyEnds,
      abortsBeforeThrow: thrownAborts,
      earlyExits: exits,
      post: computed ? [] : post,
      startAt: startOf(main[startIndex]!.node),
      lifecycle: [main[startIndex]!, ...(abortsAtEnd ? [] : [main[endIndex]!]), ...ends, ...this.handlerAborts(tryStatement)],
      carried: computed ? [] : carried.names,
      carryStyle: computed ? 'let' : (carryStyle as 'return' | 'let'),
      carriedTypes: stated.types,
      computed,
      usesSession: this.sessionReadIn(body, [...bodyEnds, ...thrownAborts, ...exits.flatMap((e) => [...e.moved, ...e.ends])]) || exits.length > 0,
      callback: undefined,
      resultStatement: undefined,
    };
  }

  /**
   * `session.startTransaction(); let total = 0; try { ... } finally { ... } return total;`: a
   * declaration between the start and the try is visible after the try, so one read there (or in
   * the catch, or what stays of the finally) must stay before the call, with every statement before it (they
   * keep their order; none may use the session). Empty when nothing after the try reads them.
   */
  private keptBeforeCall(layout: Layout, main: Path[], startIndex: number, ends: Path[]): Path[] | { reason: string; at: Path } {
    if (!layout.tryStatement) return [];
    const between = main.slice(startIndex + 1, main.length - layout.main.length);
    const statements = statementsOf(layout.block.node)!;
    // What stays outside the callback: the statements after the try, what stays of the finally, and the catch.
    const after = [
      ...statements.slice(layout.to + 1).map((_, i) => layout.block.get('body', layout.to + 1 + i) as Path),
      ...this.handlerStatements(layout.tryStatement),
      ...this.finallyRest(layout.tryStatement, ends),
    ];
    const readAfter = (statement: Path) => declaredNames(statement.node).some((id) => after.some((s) => this.analysis.bindings.referencesIn(s, id).length > 0));
    let count = 0;
    between.forEach((statement, i) => {
      if (readAfter(statement)) count = i + 1;
    });
    const kept = between.slice(0, count);
    const usesSession = kept.find((s) => this.refsIn(s).length > 0);
    if (usesSession) {
      return { reason: `a value declared between startTransaction() and the try is read after the try or in its catch, and it is computed with the session (line ${lineOf(usesSession)}), so it can neither stay before transaction() nor move into it`, at: usesSession };
    }
    return kept;
  }

  /**
   * Where the transaction lives. `head`: statements between the creation and the try that follows
   * it; `main`: the try's statements (or, without a try, everything after the creation); `block`
   * and `from`..`to`: the statements the rewrite replaces.
   */
  private layout(): Layout | { reason: string; at: Path } {
    const statement = this.binding.statement;
    const block = statement.parent as Path;
    const siblings = statementsOf(block.node);
    if (!siblings || block.node.type !== 'BlockStatement') return { reason: 'the session is created outside a block of statements', at: statement };
    const index = siblings.indexOf(statement.node);
    const paths = siblings.map((_, i) => block.get('body', i) as Path);
    if (this.binding.form === 'assignment') {
      // `let session; try { session = await x.startSession(); ... }`: the try's block holds the transaction.
      const tryPath = block.parent as Path;
      const outer = tryPath?.parent as Path | null;
      const outerStatements = outer && outer.node.type === 'BlockStatement' ? statementsOf(outer.node) : undefined;
      if (tryPath?.node.type !== 'TryStatement' || tryPath.node.block !== block.node || index !== 0 || !outer || !outerStatements) {
        return { reason: 'the session is assigned in a position tx-codemod does not rewrite', at: statement };
      }
      const declaration = this.declarationStatement();
      const tryIndex = outerStatements.indexOf(tryPath.node);
      const declIndex = declaration ? outerStatements.indexOf(declaration.node) : -1;
      const between = outerStatements.slice(declIndex + 1, tryIndex).map((_, i) => outer.get('body', declIndex + 1 + i) as Path);
      if (declIndex === -1 || between.some((s) => !cannotThrow(s.node))) {
        return { reason: 'the session variable is not declared right before the try that creates it', at: statement };
      }
      return this.withAfter({ block: outer, from: declIndex, to: tryIndex, head: between, main: paths.slice(1), tryStatement: tryPath }, outer);
    }
    const rest = paths.slice(index + 1);
    // The try is the transaction's when the commit (or withTransaction()) runs inside it.
    const ending = [...this.calls('commitTransaction'), ...this.calls('withTransaction')];
    const tryAt = rest.findIndex((s) => s.node.type === 'TryStatement' && ending.some((call) => contains(s.node.block as Node, call.node)));
    if (tryAt !== -1) {
      const tryPath = rest[tryAt]!;
      const tryBlock = tryPath.get('block') as Path;
      const main = ((tryPath.node.block as Node).body as Node[]).map((_, i) => tryBlock.get('body', i) as Path);
      return this.withAfter({ block, from: index, to: index + 1 + tryAt, head: rest.slice(0, tryAt), main, tryStatement: tryPath }, block);
    }
    // No try: the transaction runs in the block itself, to its end.
    return { block, from: index, to: siblings.length - 1, head: [], main: rest, tryStatement: undefined };
  }

  /** Statements after the replaced ones must not use the session: it no longer exists there. */
  private withAfter(layout: Layout, block: Path): Layout | { reason: string; at: Path } {
    const statements = statementsOf(block.node)!;
    const after = statements.slice(layout.to + 1).map((_, i) => block.get('body', layout.to + 1 + i) as Path);
    const use = this.usedIn(after);
    return use ? { reason: `the session is used after the try (line ${lineOf(use)}), where transaction() has already ended it`, at: use } : layout;
  }

  /** `let session;` (or `= null`, with a type) declaring the variable the try assigns. */
  private declarationStatement(): Path | undefined {
    const origin = this.analysis.bindings.originOf(this.session);
    if (origin?.kind !== 'variable') return undefined;
    const declaration = origin.declarator.parent as Path;
    const init = origin.declarator.node.init as Node | null;
    const single = (declaration.node.declarations as Node[]).length === 1 && (!init || init.type === 'NullLiteral' || isIdentifier(init, 'undefined'));
    return single ? declaration : undefined;
  }

  /** Every `endSession()` of the session as a removable statement (with its `if (session)` guard). */
  private endStatements(): Path[] | { reason: string; at: Path } {
    const out: Path[] = [];
    for (const call of this.calls('endSession')) {
      const statement = endSessionStatement(this.analysis, call);
      if (!statement) return { reason: 'endSession() is used as a value', at: call };
      out.push(statement);
    }
    return out;
  }

  /** The catch without its abort and endSession(): kept when it does more than rethrow. */
  private keptHandler(tryStatement: Path, ends: Path[]): { keep: ManualPlan['handler'] } | { reason: string; at: Path } | undefined {
    const handler = tryStatement.node.handler as Node | null;
    if (!handler) return undefined;
    const clause = tryStatement.get('handler') as Path;
    const statements = this.handlerStatements(tryStatement);
    const kept = statements.filter((s) => !ends.some((e) => e.node === s.node) && !this.isAbortStatement(s));
    const other = this.usedIn(kept);
    if (other) return { reason: `the catch uses the session for more than aborting it (line ${lineOf(other)})`, at: other };
    const param = handler.param as Node | null;
    const onlyRethrows = kept.length === 1 && kept[0]!.node.type === 'ThrowStatement' && param !== null && isIdentifier(unwrapExpression(kept[0]!.node.argument as Node), param.name as string);
    return { keep: onlyRethrows ? undefined : { clause, statements: kept } };
  }

  /**
   * transaction() starts its session inside the kept try: a failure of a start that ran before the
   * try, which the function threw, would reach the catch, which must then rethrow it on every path.
   */
  private startUnderSwallowingCatch(handler: ManualPlan['handler']): string | undefined {
    if (!handler || this.binding.form === 'assignment' || throwsOnEveryPath(handler.statements.map((s) => s.node))) return undefined;
    return `converting would move the start of the session under a catch that swallows its failure: startSession() runs before the try, so the function throws when it fails; transaction() starts its session inside the try, whose catch does not rethrow on every path`;
  }

  private handlerStatements(tryStatement: Path): Path[] {
    if (!tryStatement.node.handler) return [];
    const body = tryStatement.get('handler', 'body') as Path;
    return (body.node.body as Node[]).map((_, i) => body.get('body', i) as Path);
  }

  private finallyRest(tryStatement: Path, ends: Path[]): Path[] {
    if (!tryStatement.node.finalizer) return [];
    const body = tryStatement.get('finalizer') as Path;
    return (body.node.body as Node[]).map((_, i) => body.get('body', i) as Path).filter((s) => !ends.some((e) => e.node === s.node));
  }

  /**
   * `[await] session.abortTransaction();` (or `void session.abortTransaction();`, which does not wait
   * for it) as a statement, alone or under `if (session.inTransaction())`,
   * `if (session)` (with the `else throw err` hoist-end-session gives a catch that swallows the error),
   * or in its own `try { } catch { }`.
   */
  private isAbortStatement(statement: Path): boolean {
    const node = statement.node;
    if (this.isMethodStatement(statement, 'abortTransaction', ABORT_FORMS)) return true;
    if (node.type === 'IfStatement' && (!node.alternate || rethrowsOnly(node.alternate as Node))) return this.onlyAborts(statement.get('consequent') as Path);
    if (node.type === 'TryStatement' && !node.finalizer) return this.onlyAborts(statement.get('block') as Path);
    return false;
  }

  private onlyAborts(path: Path): boolean {
    if (path.node.type !== 'BlockStatement') return this.isAbortStatement(path);
    const body = path.node.body as Node[];
    return body.length === 1 && this.isAbortStatement(path.get('body', 0) as Path);
  }

  private isMethodStatement(statement: Path, method: string, forms?: CallStatementForms): boolean {
    const call = statementCall(statement.node, forms)?.call;
    return call !== undefined && this.calls(method).some((c) => c.node === call);
  }

  /**
   * An abort in the body: it ends the transaction, so transaction() neither commits nor retries and
   * what follows it runs once. What follows must leave the callback: a return (which moves after
   * the call behind a flag) or a throw, which aborts by itself inside transaction(), so the abort
   * before it goes (`throwsAfter`: the abort statement).
   */
  private earlyExit(abort: Path, body: Path[], ends: Path[]): EarlyExit | { throwsAfter: Path } | { reason: string } {
    const statement = statementOf(abort);
    const list = statement?.parent as Path | null;
    const siblings = list?.node.type === 'BlockStatement' ? statementsOf(list.node) : undefined;
    if (!statement || !list || !siblings) return { reason: `the abort at line ${lineOf(abort)} is not followed by a return or throw in a block of its own` };
    const index = siblings.indexOf(statement.node);
    const following = siblings.slice(index + 1).map((_, i) => list.get('body', index + 1 + i) as Path);
    const ended = following.filter((s) => ends.some((e) => e.node === s.node));
    const rest = following.filter((s) => !ended.includes(s));
    const last = rest[rest.length - 1];
    if (last?.node.type === 'ThrowStatement') {
      const thrown = abortBeforeThrow(last, body.map((s) => s.node));
      if (thrown === 'caught') return { reason: `the transaction is aborted at line ${lineOf(abort)} and the error thrown after it is caught inside the transaction, so the code goes on; transaction() cannot express that` };
      const used = this.usedIn(rest);
      if (used) return { reason: `after the abort at line ${lineOf(abort)}, the code uses the session (line ${lineOf(used)}) before it throws` };
      return { throwsAfter: statement };
    }
    if (last?.node.type !== 'ReturnStatement') return { reason: `the transaction is aborted at line ${lineOf(abort)} and the code goes on; transaction() cannot express that` };
    for (let p = list; p && !body.some((s) => s.node === p!.node); p = p.parent as Path) {
      if (/^(For|ForIn|ForOf|While|DoWhile)Statement$/.test(p.node.type)) return { reason: `the transaction is aborted inside a loop (line ${lineOf(abort)})` };
    }
    if (body.some((s) => s.node === statement.node)) return { reason: `the transaction is aborted at the top of the body (line ${lineOf(abort)}), and what follows never runs` };
    return { moved: rest, ends: ended, abortAdded: false };
  }

  /**
   * The body calls the function's callback parameter without the session (a session-less wrapper):
   * without AsyncLocalStorage, transaction() would not hand the callback the session either.
   */
  private callbackWithoutSession(body: Path[]): string | undefined {
    const call = this.context.als ? undefined : this.analysis.sessionlessWrapperOf(this.fn)?.call;
    if (!call || !body.some((s) => contains(s.node, call.node))) return undefined;
    const text = this.analysis.source.slice(startOf(call.node), endOf(call.node)).replace(/\s+/g, ' ');
    return `the transaction body calls its callback without the session (\`${text}\` at line ${lineOf(call)}), so nothing the callback writes is in the transaction, and transaction() would not hand it the session either`;
  }

  /** An operation given a Node-style callback (Mongoose 5/6) runs on its own: transaction() would not wait for it. */
  private nodeCallbacks(body: Path[]): string | undefined {
    const context = { sessions: [this.session], alsCovers: false, sessionDocuments: new Set<Node>(), documents: new Set<Node>() };
    for (const statement of body) {
      const call = [statement, ...this.analysis.index.within(statement.node, 'CallExpression')].find((c) => isCall(c.node) && classifyCall(this.analysis, c, context).kind === 'callback');
      if (call) return `the operation at line ${lineOf(call)} is given a Node-style callback, so transaction() would not wait for it`;
    }
    return undefined;
  }

  /** The first use that hands the session to code other than an operation (`rollback(session)`, `notify(res, session)`). */
  private handedToOtherCode(uses: SessionUse[]): Path | undefined {
    const context = { sessions: [this.session], alsCovers: false, sessionDocuments: new Set<Node>(), documents: new Set<Node>() };
    return uses.find((u) => {
      const call = u.ref.parent as Path | null;
      if (u.method || !call || !isCall(call.node) || !(call.node.arguments as Node[]).includes(u.ref.node) || calleeName(call.node) === 'session') return false;
      return classifyCall(this.analysis, call, context).kind !== 'operation';
    })?.ref;
  }

  /**
   * Returns in the body that no abort precedes left the transaction open, to be aborted when the
   * session ended; inside transaction() they would commit, so each becomes an exit that aborts
   * first. One that follows a call given the session may follow an abort made in that call, which
   * transaction() cannot see.
   */
  private returnsBeforeCommit(body: Path[], exits: EarlyExit[]): EarlyExit[] | { reason: string } {
    const open: EarlyExit[] = [];
    for (const statement of body) {
      for (const ret of [statement, ...this.analysis.index.within(statement.node, 'ReturnStatement')]) {
        if (ret.node.type !== 'ReturnStatement' || enclosingFunction(ret)?.node !== this.fn.node) continue;
        if (exits.some((e) => e.moved.some((m) => m.node === ret.node))) continue;
        const siblings = statementsOf((ret.parent as Path).node) ?? [];
        const before = siblings.slice(0, siblings.indexOf(ret.node));
        const handed = this.handedToOtherCode(this.uses.filter((u) => before.some((s) => contains(s, u.ref.node))));
        if (handed) {
          const callee = (handed.parent as Path).node.callee as Node;
          return { reason: `the function returns at line ${lineOf(ret)} after handing the session to \`${this.analysis.source.slice(startOf(callee), endOf(callee))}()\` (line ${lineOf(handed)}), which may abort the transaction there; transaction() cannot follow a transaction ended in another function, and inside it that return would commit` };
        }
        if (ret === statement || insideLoop(ret, statement)) {
          return { reason: `the function returns at line ${lineOf(ret)} without committing or aborting, which leaves the transaction to be aborted when the session ends; inside transaction() that return would commit` };
        }
        open.push({ moved: [ret], ends: [], abortAdded: true });
      }
    }
    return open;
  }

  /** `break`/`continue` that leave the body for a loop around it, and `yield`. */
  private jumpsOut(body: Path[]): string | undefined {
    for (const statement of body) {
      const jump = [statement, ...this.analysis.index.within(statement.node, 'BreakStatement', 'ContinueStatement', 'YieldExpression')].find((p) => {
        if (!['BreakStatement', 'ContinueStatement', 'YieldExpression'].includes(p.node.type) || enclosingFunction(p)?.node !== this.fn.node) return false;
        if (p.node.type === 'YieldExpression') return true;
        for (let q = p.parent as Path | null; q; q = q.parent as Path | null) {
          if (/^(For|ForIn|ForOf|While|DoWhile)Statement$/.test(q.node.type) || (p.node.type === 'BreakStatement' && q.node.type === 'SwitchStatement' && !p.node.label)) return false;
          if (q.node === statement.node) break;
        }
        return true;
      });
      if (jump) return `the body ${jump.node.type === 'YieldExpression' ? 'yields' : 'jumps out of a loop around it'} at line ${lineOf(jump)}, which a callback cannot do`;
    }
    return undefined;
  }

  /** Code moved after the call cannot read what the callback declared. */
  private exitReadsBody(exits: EarlyExit[], region: Node): string | undefined {
    for (const exit of exits) {
      for (const statement of exit.moved) {
        const local = [statement, ...this.analysis.index.within(statement.node, 'Identifier')].find((id) => {
          if (!isIdentifier(id.node)) return false;
          const declaration = this.analysis.bindings.declarationOf(id);
          return declaration !== undefined && declaration !== this.session && contains(region, declaration) && !exit.moved.some((m) => contains(m.node, declaration));
        });
        const after = exit.abortAdded ? `the return at line ${lineOf(statement)}, which would run after the call,` : `after the abort at line ${lineOf(statement)}, the code`;
        if (local) return `${after} reads \`${local.node.name as string}\` from inside the transaction`;
        if (this.refsIn(statement).length > 0) return `${after} uses the session`;
      }
    }
    return undefined;
  }

  /** Top-level declarations of the body that the code after it reads. */
  private carriedNames(body: Path[], after: Path[]): { names: Node[] } | { reason: string; at: Path } {
    const names: Node[] = [];
    for (const statement of body) {
      for (const declared of declaredNames(statement.node)) {
        const read = after.some((s) => this.analysis.bindings.referencesIn(s, declared).length > 0);
        if (!read) continue;
        if (statement.node.type !== 'VariableDeclaration' || statement.node.kind === 'var' || (statement.node.declarations as Node[]).length !== 1 || !carriable((statement.node.declarations as Node[])[0]!)) {
          return { reason: `\`${declared.name as string}\` is declared in the transaction body in a way that cannot be carried out of it`, at: statement };
        }
        names.push(declared);
      }
    }
    return { names };
  }

  /**
   * How carried values leave the callback: its return value from Mongoose 8 (8.5 for TypeScript,
   * whose types said `Promise<void>` before), else variables declared before the call, which in
   * TypeScript need the type the declaration states.
   */
  private carryStyle(names: Node[], stated: { types: Map<Node, string>; reasons: Map<Node, string> }): 'return' | 'let' | { reason: string; at: Path } {
    const returns = !callbackValueLost(this.context.mongoose, this.context.typescript);
    if (returns || names.length === 0) return names.length === 0 || returns ? 'return' : 'let';
    if (this.context.typescript) {
      const untyped = names.find((n) => !n.typeAnnotation && !stated.types.has(n));
      if (untyped) {
        const why = stated.reasons.get(untyped) ?? 'no type the code states for it is found (an annotation, or the interface that a model of this file is declared with, Model<T> or model<T>())';
        return {
          reason: `\`${untyped.name as string}\` is used after the commit; on this Mongoose version transaction() does not return the callback's value, and ${why}, so it cannot be declared before the call`,
          at: this.creation.call,
        };
      }
    }
    return 'let';
  }

  /** Carried names without an annotation whose value a model makes, with the document type the code's model interface gives. */
  private modelTypes(names: Node[]): { types: Map<Node, string>; reasons: Map<Node, string> } {
    const types = new Map<Node, string>();
    const reasons = new Map<Node, string>();
    for (const name of names) {
      const origin = name.typeAnnotation ? undefined : this.analysis.bindings.originOf(name);
      const found = origin?.kind === 'variable' ? modelDocumentType(this.analysis, origin.declarator, name) : undefined;
      if (found && 'type' in found) types.set(name, found.type);
      else if (found) reasons.set(name, found.reason);
    }
    return { types, reasons };
  }

  /**
   * `const order = ...; await session.commitTransaction(); return toDto(order)` in TypeScript, where
   * the carried names state no type: when the code after the commit is only `return <expression>`,
   * the expression has no effect of its own (names, members, literals, operators: nothing it calls
   * runs twice on a retry or before the commit), the catch that stays reads none of the names, and
   * the async function declares `Promise<T>`, the callback computes the value into a `T` variable.
   */
  private computedReturn(post: Path[], kept: Path[], names: Node[]): ManualPlan['computed'] {
    const [statement] = post;
    if (post.length !== 1 || statement!.node.type !== 'ReturnStatement' || !statement!.node.argument) return undefined;
    if (kept.some((s) => names.some((name) => this.analysis.bindings.referencesIn(s, name).length > 0))) return undefined;
    const expression = statement!.get('argument') as Path;
    if (!withoutEffects(expression.node)) return undefined;
    const fn = enclosingFunction(statement!);
    const type = fn?.node.async ? declaredPromiseType(fn.node, this.analysis.source) : undefined;
    return type === undefined ? undefined : { statement: statement!, expression, type };
  }

  /** Whether `statements` use the session outside the statements that go. */
  private sessionReadIn(statements: Path[], removed: Path[]): boolean {
    return this.uses.some((u) => statements.some((s) => contains(s.node, u.ref.node)) && !removed.some((r) => contains(r.node, u.ref.node)));
  }

  private refsIn(statement: Path): Path[] {
    return this.uses.filter((u) => contains(statement.node, u.ref.node)).map((u) => u.ref);
  }

  /** The first use of the session in `statements`, if any. */
  private usedIn(statements: Path[]): Path | undefined {
    for (const statement of statements) {
      const [first] = this.refsIn(statement);
      if (first) return first;
    }
    return undefined;
  }
}

/** `(await ref)` where the reference is awaited as it is read, else the reference. */
function awaitedAs(ref: Path): Path {
  const outer = outermostExpression(ref);
  const parent = outer.parent as Path | null;
  return parent?.node.type === 'AwaitExpression' ? outermostExpression(parent) : ref;
}

/** `const x = value`, `const { a } = value`, or `let x: T;` assigned later (declared before the call as it is). */
function carriable(declarator: Node): boolean {
  return declarator.init ? true : (declarator.id as Node).type === 'Identifier';
}

/** `let x;`: one name, no value. */
function isUninitialised(statement: Node): boolean {
  return statement.type === 'VariableDeclaration' && (statement.declarations as Node[]).length === 1 && !(statement.declarations as Node[])[0]!.init;
}

/**
 * Several commits: on one path they commit twice; in branches that exclude each other (`if`/`else`,
 * or a commit followed by a return) each path commits once, but inside a branch, where
 * transaction() cannot commit: it commits when its callback returns.
 */
function severalCommitsReason(commits: Path[]): string {
  const lines = commits.map(lineOf);
  const list = `${lines.slice(0, -1).join(', ')} and ${lines[lines.length - 1]}`;
  const exclusive = commits.every((a, i) => commits.slice(i + 1).every((b) => onDifferentPaths(a, b)));
  return exclusive
    ? `the transaction is committed at lines ${list}, each on a path of its own (an early commit and return, or another branch); transaction() commits in one place, when its callback returns`
    : `the session commits more than once on one path (lines ${list})`;
}

/** `b` cannot run after `a`: they sit in the two branches of an if, or `a`'s block returns or throws right after it. */
function onDifferentPaths(a: Path, b: Path): boolean {
  for (let child = a, parent = a.parent as Path | null; parent && !isFunction(parent.node); child = parent, parent = parent.parent as Path | null) {
    const node = parent.node;
    if (node.type === 'IfStatement' && contains(node, b.node)) {
      const other = node.consequent === child.node ? (node.alternate as Node | null) : (node.consequent as Node);
      return other !== null && child.node !== node.test && contains(other, b.node);
    }
    if (node.type === 'BlockStatement' && !contains(node, b.node)) {
      const statements = node.body as Node[];
      if (statements.slice(statements.indexOf(child.node) + 1).some((s) => s.type === 'ReturnStatement' || s.type === 'ThrowStatement')) return true;
    }
  }
  return false;
}

/** The call runs in a `.then()`/`.catch()`/`.finally()` callback inside `fn`. */
function isPromiseCallbackInside(call: Path, fn: Node): boolean {
  for (let current = enclosingFunction(call); current && current.node !== fn; current = enclosingFunction(current)) {
    if (isPromiseCallback(current)) return true;
  }
  return false;
}

/** The statement a call is the whole expression of (`[await] call;`, or `const x = await call;`). */
function statementOf(call: Path): Path | undefined {
  const current = settledExpression(call).path;
  const parent = current.parent as Path | null;
  if (parent?.node.type === 'ExpressionStatement') return parent;
  if (parent?.node.type === 'VariableDeclarator' && parent.node.init === current.node && ((parent.parent!.node as Node).declarations as Node[]).length === 1) {
    return parent.parent as Path;
  }
  return undefined;
}

/** Every path through the statements ends in a throw: none returns, jumps out or completes normally first. */
function throwsOnEveryPath(statements: Node[]): boolean {
  for (const statement of statements) {
    if (alwaysThrows(statement)) return true;
    if (mayJump(statement)) return false;
  }
  return false;
}

function alwaysThrows(statement: Node): boolean {
  if (statement.type === 'ThrowStatement') return true;
  if (statement.type === 'BlockStatement') return throwsOnEveryPath(statement.body as Node[]);
  if (statement.type === 'IfStatement') return statement.alternate != null && alwaysThrows(statement.consequent as Node) && alwaysThrows(statement.alternate as Node);
  return false;
}

/** A return, break or continue of this function's code (not of a nested function). */
function mayJump(statement: Node): boolean {
  let found = false;
  walk(statement, (node) => {
    if (found || isFunction(node)) return false;
    if (node.type === 'ReturnStatement' || node.type === 'BreakStatement' || node.type === 'ContinueStatement') found = true;
    return undefined;
  });
  return found;
}

/** `throw err;` or `{ throw err; }`: an else that only rethrows what was caught. */
function rethrowsOnly(statement: Node): boolean {
  const inner = statement.type === 'BlockStatement' && (statement.body as Node[]).length === 1 ? (statement.body as Node[])[0]! : statement;
  return inner.type === 'ThrowStatement' && isIdentifier(inner.argument as Node);
}

/** A loop between `path` and the body statement `top` that holds it. */
function insideLoop(path: Path, top: Path): boolean {
  for (let p = path.parent as Path | null; p && p.node !== top.node; p = p.parent as Path | null) {
    if (/^(For|ForIn|ForOf|While|DoWhile)Statement$/.test(p.node.type)) return true;
  }
  return /^(For|ForIn|ForOf|While|DoWhile)Statement$/.test(top.node.type);
}

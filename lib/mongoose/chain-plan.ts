import { declaredNames, freeName, patternIdentifiers } from '../ast/bindings';
import { calleeName, contains, enclosingFunction, endOf, isCall, isFunction, isIdentifier, isMember, startOf, unwrapAwaitedPath, type Node, type Path } from '../ast/nodes';
import { promiseChainOf, type ChainStep, type PromiseChain } from '../ast/promise-chain';
import type { MongooseVersion } from '../facts/project';
import { unwrapPath, type MongooseAnalysis, type SessionCreation } from './analysis';
import { lineOf } from './places';
import { abortBeforeThrow, alsJoinProblem, callbackValueLost, connectionOf, isLifecycleDemo, retryProblem, staleDocumentProblem, versionProblem } from './transaction-body';
import { storedBeyond } from './session-storage';
import { documentTypeFrom } from './model-types';

/** A step turned into code: its statements as written, then its value, bound to `bind` when the next step reads it. */
export interface Piece {
  statements: Path[];
  value: Path | undefined;
  /** What the value is bound to (`const <bind> = await <value>`), when something reads it: a name, or a step's destructuring parameter. */
  bind: string | { pattern: Node } | undefined;
}

/** How a `return` inside the transaction body is rewritten (commit or abort decided by a condition). */
export interface BodyReturn {
  statement: Path;
  /** `await session.abortTransaction()` goes first. */
  aborts: boolean;
  /** What the callback returns (undefined: nothing). */
  value: Path | undefined;
}

export interface ChainPlan {
  /** `mongoose.connection`, `Order.db`, `this.connection`... */
  connection: string;
  sessionName: string;
  /** Second argument of transaction() (from startTransaction(), withTransaction() or defaultTransactionOptions). */
  options: Path | undefined;
  /** Where the transaction starts in the source: the startTransaction() statement or the withTransaction() call. */
  startAt: number;
  pre: Piece[];
  body: Piece[];
  post: Piece[];
  /** The body ends the transaction with an explicit abort on the normal path. */
  abortsAtEnd: boolean;
  /** The chain used withTransaction(): its callback's value is the transaction's value. */
  withTransaction: boolean;
  bodyReturns: BodyReturn[];
  /** The commit was a statement nothing returned or awaited, so the chain did not wait for it; `ended`: the chain also ended the session. */
  floatingCommit: { ended: boolean } | undefined;
  /** What the chain resolves to: nothing, the transaction's value, or the last step after it. */
  result: 'nothing' | 'transaction' | 'post';
  /** A value carried past the commit (`commitTransaction().then(() => order)`): the callback returns it. */
  transactionValue: Path | undefined;
  /** The name the first step after the transaction reads the transaction's value by. */
  transactionBind: string | undefined;
  /** Before Mongoose 8 (transaction() resolves to the commit result): a free name to carry the body's value out. */
  resultName: string | undefined;
  /** TypeScript: the type the code states for the carried value, which the variable is declared with. */
  resultType: string | undefined;
  /** Identifiers to rename: the session parameter to `sessionName`, step parameters that would clash. */
  renames: Array<{ identifier: Node; name: string }>;
  /** The `.catch()` code that stays (in a try/catch around everything), or undefined when it only aborted and rethrew. */
  handler: { param: Node | undefined; statements: Path[]; value: Path | undefined } | undefined;
  /** `let session = null;` declared for the chain. */
  removals: Path[];
  /** Aborts in the body that a throw follows (with an endSession() between them): they go, since inside transaction() the throw aborts. */
  abortsBeforeThrow: Path[];
  /** The callback reads its session (else it takes no parameter). */
  usesSession: boolean;
}

export type ChainPlanResult = ChainPlan | { reason: string } | undefined;

/** What the project and the chain's place tell the planner. */
export interface ChainContext {
  mongoose: MongooseVersion;
  als: boolean;
  typescript: boolean;
  /**
   * Where the chain's value is used (returned, or declared: `const r = await chain`), with the type
   * the code states for it there (the `Promise<T>` the function declares, the declaration's
   * annotation); undefined when nothing uses the value.
   */
  valueUse: { type: string | undefined } | undefined;
}

/**
 * Plans the rewrite of a promise-chain transaction into `await conn.transaction(async (session) => ...)`
 * (docs/mongoose-semantics.md §1, §5.1). Undefined when the chain does not run a transaction on the
 * session it creates; `{ reason }` when it does but cannot be rewritten without changing its meaning.
 */
export function planChainTransaction(
  analysis: MongooseAnalysis,
  chain: PromiseChain,
  creation: SessionCreation,
  fn: Path,
  context: ChainContext,
): ChainPlanResult {
  return new ChainPlanner(analysis, chain, creation, fn, context).plan();
}

/** Pieces with the names their values are bound to. */
interface NamedPieces {
  pre: Piece[];
  body: Piece[];
  post: Piece[];
  transactionBind: string | undefined;
  resultName: string | undefined;
  renames: Array<{ identifier: Node; name: string }>;
}

/** The chain's steps sorted by where they end up: before, inside or after the transaction. */
interface Roles {
  pre: ChainStep[];
  body: ChainStep[];
  /** The commit or abort step: its parameter receives the body's last value. */
  ending: ChainStep | undefined;
  post: ChainStep[];
  abortsAtEnd: boolean;
  bodyReturns: BodyReturn[];
  result: ChainPlan['result'];
  transactionValue: Path | undefined;
  floatingCommit: boolean;
}

class ChainPlanner {
  private readonly steps: ChainStep[];
  private sessions: Node[] = [];
  private readonly removedStatements: Path[] = [];

  constructor(
    private readonly analysis: MongooseAnalysis,
    private readonly chain: PromiseChain,
    private readonly creation: SessionCreation,
    private readonly fn: Path,
    private readonly context: ChainContext,
  ) {
    this.steps = chain.steps;
  }

  private get mongoose(): MongooseVersion {
    return this.context.mongoose;
  }

  /** AsyncLocalStorage is on: inside transaction() every Mongoose operation joins the transaction. */
  private get als(): boolean {
    return this.context.als;
  }

  plan(): ChainPlanResult {
    const created = this.steps.findIndex((s) => s.value !== undefined && unwrapAwaitedPath(s.value).node === this.creation.call.node);
    if (created === -1) return undefined;
    const acquired = this.steps[created + 1];
    const param = acquired?.param;
    if (!acquired || !param || !isIdentifier(param)) return undefined;
    const outer = this.outerSessionVariable(acquired, param);
    this.sessions = outer ? [param, outer.declaration] : [param];
    const start = this.findStart(created + 1);
    if (!start) return undefined;

    if (outer && !outer.local) {
      return { reason: `the session is kept in a variable declared outside this function (line ${lineOf(outer.declarationStatement)}), so other code may still use it` };
    }
    const refusal = versionProblem(this.mongoose);
    if (refusal) return { reason: refusal };
    const connection = connectionOf(this.analysis, this.creation);
    if (typeof connection !== 'string' && !connection.unknown) return { reason: connection.reason };

    const roles = this.roles(created, start);
    if ('reason' in roles) return roles;
    const { pre, body, ending, post, abortsAtEnd, bodyReturns, result, transactionValue } = roles;

    const bodyParts = body.flatMap((s) => [...s.statements, ...(s.value ? [s.value] : [])]);
    if (!abortsAtEnd && bodyReturns.length === 0 && isLifecycleDemo(bodyParts)) return undefined;
    const problem =
      this.sessionUsedOutside(body, bodyReturns) ??
      alsJoinProblem(this.analysis, bodyParts, this.sessions, this.als) ??
      retryProblem(this.analysis, bodyParts, this.chain.outer.node, this.sessions) ??
      staleDocumentProblem(this.analysis, bodyParts, this.chain.outer.node, this.mongoose) ??
      this.callbackUsesThis([...pre, ...body, ...post]) ??
      this.bodyEarlyReturns(body, bodyReturns);
    if (problem) return { reason: problem };

    const thrownAborts = this.abortsBeforeThrows(body);
    if ('reason' in thrownAborts) return thrownAborts;
    const handler = this.handlerPlan();
    if (handler && 'reason' in handler) return handler;
    const finallyProblem = this.finallyProblem();
    if (finallyProblem) return { reason: finallyProblem };

    const sessionName = (outer?.declaration.name ?? param.name) as string;
    const names = this.names({ ...roles, withTransaction: start.statement === undefined }, sessionName);
    if ('reason' in names) return names;
    const escaped = this.bodyLocalUsedAfter(body, ending, post, transactionValue);
    if (escaped) return { reason: escaped };
    const carried = this.carriedType(result, names, post, transactionValue);
    if ('reason' in carried) return carried;
    // Where the connection cannot be named, a reason found in the code itself is the one to give.
    if (typeof connection !== 'string') return { reason: connection.reason };
    if (outer) this.removedStatements.push(outer.declarationStatement);

    return {
      connection,
      sessionName,
      options: start.options,
      startAt: start.at,
      pre: names.pre,
      body: names.body,
      post: names.post,
      abortsAtEnd,
      floatingCommit: roles.floatingCommit ? { ended: this.endsSession() } : undefined,
      withTransaction: start.statement === undefined,
      bodyReturns,
      result,
      transactionValue,
      transactionBind: names.transactionBind,
      resultName: names.resultName,
      resultType: carried.type,
      renames: [...this.sessionRenames(sessionName), ...names.renames],
      handler: handler?.keep,
      removals: this.removedStatements,
      abortsBeforeThrow: thrownAborts.statements,
      usesSession: abortsAtEnd || bodyReturns.some((r) => r.aborts) || this.sessionReadIn(bodyParts, [...this.removedStatements.filter((r) => /Statement$/.test(r.node.type)), ...thrownAborts.statements]),
    };
  }

  /** Whether `parts` read the chain's session anywhere outside the statements that go. */
  private sessionReadIn(parts: Path[], removed: Path[]): boolean {
    return this.sessions.some((session) =>
      parts.some((part) => this.analysis.bindings.referencesIn(part, session).some((ref) => !removed.some((r) => contains(r.node, ref.node)))),
    );
  }

  /**
   * `await session.abortTransaction(); throw err;` in the body: inside transaction() the throw
   * aborts, and an explicit abort before it makes driver 6.9+ fail with "Cannot call
   * abortTransaction twice" instead of the error thrown; the abort (and an endSession() with it) goes.
   */
  private abortsBeforeThrows(body: ChainStep[]): { statements: Path[] } | { reason: string } {
    const statements: Path[] = [];
    for (const step of body) {
      const top = step.statements.map((s) => s.node);
      const calls = step.statements.flatMap((s) => this.analysis.index.within(s.node, 'CallExpression'));
      for (const call of calls) {
        if (!this.isSessionCall(call, 'abortTransaction') || enclosingFunction(call)?.node !== step.callback?.node) continue;
        if (this.rejectsAfter(call)) {
          return { reason: `the transaction is aborted at line ${lineOf(call)} and then rejected in a promise callback; inside transaction() the rejection alone aborts, and the explicit abort would make it fail with "Cannot call abortTransaction twice" (Mongoose 8.7+): remove the abort by hand` };
        }
        const statement = enclosingStatementOf(call);
        const list = statement?.parent as Path | null;
        const siblings = list?.node.type === 'BlockStatement' ? (list.node.body as Node[]) : undefined;
        if (!statement || !siblings || statement.node.type !== 'ExpressionStatement') continue;
        const index = siblings.indexOf(statement.node);
        const following = siblings.slice(index + 1).map((_, i) => list!.get('body', index + 1 + i) as Path);
        const ends = following.filter((f) => this.sessionCallStatement(f, 'endSession'));
        const rest = following.filter((f) => !ends.includes(f));
        const last = rest[rest.length - 1];
        if (last?.node.type !== 'ThrowStatement') continue;
        if (abortBeforeThrow(last, top) === 'caught') {
          return { reason: `the transaction is aborted at line ${lineOf(call)} and the error thrown after it is caught inside the transaction, so the code goes on; transaction() cannot express that` };
        }
        if (rest.some((f) => this.sessions.some((session) => this.analysis.bindings.referencesIn(f, session).length > 0))) {
          return { reason: `after the abort at line ${lineOf(call)}, the code uses the session before it throws` };
        }
        statements.push(statement, ...ends);
      }
    }
    return { statements };
  }

  /** `session.abortTransaction().then(() => { throw err; })`: the abort's own callback throws or rejects. */
  private rejectsAfter(abort: Path): boolean {
    const member = abort.parent as Path | null;
    const then = member?.parent as Path | null;
    if (!member || !isMember(member.node) || !then || !isCall(then.node) || calleeName(then.node) !== 'then') return false;
    const callback = (then.node.arguments as Node[])[0];
    if (!callback || !isFunction(callback)) return false;
    const inside = this.analysis.index.within(callback, 'ThrowStatement', 'CallExpression');
    return inside.some((p) => (p.node.type === 'ThrowStatement' || (calleeName(p.node) === 'reject' && isMember(p.node.callee as Node) && isIdentifier((p.node.callee as Node).object as Node, 'Promise'))) && enclosingFunction(p)?.node === callback);
  }

  /** `session = _session` in the step that receives the session (the Mongoose docs form). */
  private outerSessionVariable(step: ChainStep, param: Node): { declaration: Node; declarationStatement: Path; local: boolean } | undefined {
    for (const statement of step.statements) {
      const expression = statement.node.expression as Node | undefined;
      if (statement.node.type !== 'ExpressionStatement' || expression?.type !== 'AssignmentExpression' || expression.operator !== '=') continue;
      const right = statement.get('expression', 'right') as Path;
      const left = statement.get('expression', 'left') as Path;
      if (!isIdentifier(right.node) || this.analysis.bindings.declarationOf(right) !== param || !isIdentifier(left.node)) continue;
      const declaration = this.analysis.bindings.declarationOf(left);
      const origin = declaration ? this.analysis.bindings.originOf(declaration) : undefined;
      if (!declaration || origin?.kind !== 'variable' || contains(this.chain.outer.node, declaration)) continue;
      const declarationStatement = origin.declarator.parent as Path;
      const init = origin.declarator.node.init as Node | null;
      const single = (declarationStatement.node.declarations as Node[]).length === 1 && (!init || init.type === 'NullLiteral' || isIdentifier(init, 'undefined'));
      if (!single) continue;
      this.removedStatements.push(statement);
      return { declaration, declarationStatement, local: enclosingFunction(declarationStatement)?.node === this.fn.node };
    }
    return undefined;
  }

  /** Where the transaction starts: a startTransaction() statement, or a step that returns withTransaction(). */
  private findStart(from: number): { step: number; statement: number | undefined; options: Path | undefined; at: number } | undefined {
    for (let index = from; index < this.steps.length; index++) {
      const step = this.steps[index]!;
      const statement = step.statements.findIndex((s) => this.sessionCallStatement(s, 'startTransaction'));
      if (statement !== -1) {
        const call = unwrapAwaitedPath(step.statements[statement]!.get('expression') as Path);
        return { step: index, statement, options: call.node.arguments && (call.node.arguments as Node[])[0] ? (call.get('arguments', 0) as Path) : undefined, at: startOf(step.statements[statement]!.node) };
      }
      const value = step.value && unwrapAwaitedPath(step.value);
      if (value && this.isSessionCall(value, 'withTransaction')) {
        return { step: index, statement: undefined, options: (value.node.arguments as Node[])[1] ? (value.get('arguments', 1) as Path) : undefined, at: startOf(value.node) };
      }
    }
    return undefined;
  }

  private roles(created: number, start: { step: number; statement: number | undefined }): Roles | { reason: string } {
    const pre: ChainStep[] = this.steps.slice(0, created + 1).map((s, i) => (i === created ? { ...s, value: undefined } : s));
    for (let i = created + 1; i < start.step; i++) pre.push(this.withoutRemoved(this.steps[i]!));
    const startStep = this.steps[start.step]!;
    const body: ChainStep[] = [];
    let bodyReturns: BodyReturn[] = [];
    let abortsAtEnd = false;
    let ending: ChainStep | undefined;
    let transactionValue: Path | undefined;
    let floatingCommit = false;
    let end: number;
    let result: ChainPlan['result'];

    if (start.statement === undefined) {
      // withTransaction(cb): the callback's code is the body; the step's own statements run before.
      pre.push({ ...this.withoutRemoved(startStep), value: undefined });
      // The withTransaction() call itself is what the rewrite replaces.
      this.removedStatements.push(startStep.value!);
      const callback = unwrapAwaitedPath(startStep.value!).get('arguments', 0) as Path;
      if (!isFunction(callback.node)) return { reason: 'withTransaction() is not given a callback function' };
      const inner = callbackSteps(this.analysis, callback);
      if ('reason' in inner) return inner;
      body.push(...inner);
      end = start.step;
      result = 'transaction';
    } else {
      const before = startStep.statements.slice(0, start.statement).filter((s) => !this.isRemoved(s));
      if (before.length > 0) pre.push({ callback: startStep.callback, param: startStep.param, statements: before, value: undefined, earlyReturn: false });
      this.removedStatements.push(startStep.statements[start.statement]!);
      body.push({ ...startStep, statements: startStep.statements.slice(start.statement + 1) });
      end = -1;
      for (let i = start.step + 1; i < this.steps.length; i++) {
        const step = this.steps[i]!;
        const kind = this.lifecycleKind(step);
        if (kind === 'commit' || kind === 'abort') {
          this.removedStatements.push(...step.statements);
          end = i;
          ending = step;
          abortsAtEnd = kind === 'abort';
          // `commitTransaction().then(() => order)`: a value from the body carried past the commit.
          const next = this.steps[i + 1];
          if (next && !next.param && next.statements.length === 0 && next.value && !this.lifecycleKind(next) && this.readsFrom(next.value, [...body, step])) {
            transactionValue = next.value;
            end = i + 1;
          }
          break;
        }
        const floating = this.floatingCommit(step);
        if (floating) {
          // `.then(() => { ...; session.commitTransaction(); })`: the commit is the step's last statement, returned by nothing.
          this.removedStatements.push(floating);
          body.push({ ...step, statements: step.statements.filter((s) => s.node !== floating.node) });
          end = i;
          floatingCommit = (floating.node.expression as Node).type !== 'AwaitExpression';
          break;
        }
        const returns = this.commitOrAbortReturns(step);
        if (returns === 'mixed') return { reason: 'a step decides between commit and abort but also returns other values' };
        if (returns.length > 0) {
          // Its final return is rewritten like the others, so it stays a statement.
          body.push({ ...step, statements: [...step.statements, step.value!.parent as Path], value: undefined });
          bodyReturns = returns;
          end = i;
          break;
        }
        body.push(step);
      }
      if (end === -1) {
        const nested = this.nestedLifecycleCall(this.steps.slice(start.step));
        if (!nested) return { reason: 'the transaction is not committed or aborted in this chain (it may be ended elsewhere)' };
        const done = nested.method === 'commitTransaction' ? 'committed' : 'aborted';
        if (nested.within) {
          return { reason: `the transaction is ${done} inside ${nested.within} of a step's own callback (line ${lineOf(nested.call)}), which manages the transaction itself; only a chain whose steps commit or abort it is rewritten` };
        }
        return { reason: `the transaction is ${done} in a promise chain nested inside a step (line ${lineOf(nested.call)}); only the steps of one flat chain are rewritten` };
      }
      result = 'transaction';
    }

    const post: ChainStep[] = [];
    for (let i = end + 1; i < this.steps.length; i++) {
      const step = this.steps[i]!;
      const kind = this.lifecycleKind(step);
      if (kind === 'end') {
        this.removedStatements.push(...step.statements);
        continue;
      }
      if (kind) return { reason: `the session is used after the transaction ends (${kind} at line ${lineOf(step.value ?? step.statements[0]!)})` };
      // transaction() ends the session: an endSession() among the step's statements goes.
      const ends = step.statements.filter((s) => this.sessionCallStatement(s, 'endSession'));
      this.removedStatements.push(...ends);
      post.push({ ...step, statements: step.statements.filter((s) => !ends.includes(s)) });
    }
    const last = this.steps[this.steps.length - 1]!;
    if (post.length > 0 && post[post.length - 1]!.callback === last.callback) result = 'post';
    else if (this.lifecycleKind(last) === 'end') result = 'nothing';
    return { pre, body, ending, post, abortsAtEnd, bodyReturns, result, transactionValue, floatingCommit };
  }

  /**
   * The first commitTransaction() or abortTransaction() of the session anywhere inside the given
   * steps' callbacks; `within` names the statement of the step's own callback that holds it (`a try
   * block`), where it is not in a function nested there (a chain of its own).
   */
  private nestedLifecycleCall(steps: readonly ChainStep[]): { call: Path; method: string; within?: string } | undefined {
    for (const step of steps) {
      const inside = step.callback ? this.analysis.index.within(step.callback.node, 'CallExpression') : [];
      for (const call of inside) {
        const method = ['commitTransaction', 'abortTransaction'].find((m) => this.isSessionCall(call, m));
        if (!method) continue;
        const own = enclosingFunction(call)?.node === step.callback!.node;
        return own ? { call, method, within: holdingStatement(call, step.callback!.node) } : { call, method };
      }
    }
    return undefined;
  }

  private withoutRemoved(step: ChainStep): ChainStep {
    return { ...step, statements: step.statements.filter((s) => !this.isRemoved(s)) };
  }

  private isRemoved(statement: Path): boolean {
    return this.removedStatements.some((r) => r.node === statement.node);
  }

  /** Some step, or the `.finally()`, ends the session. */
  private endsSession(): boolean {
    return this.chain.finallyHandler !== undefined || this.steps.some((s) => this.lifecycleKind(s) === 'end' || s.statements.some((st) => this.sessionCallStatement(st, 'endSession')));
  }

  /** The statement `[await] session.commitTransaction();` that ends a step which returns nothing. */
  private floatingCommit(step: ChainStep): Path | undefined {
    const last = step.statements[step.statements.length - 1];
    return !step.value && last && this.sessionCallStatement(last, 'commitTransaction') ? last : undefined;
  }

  /** A step that only commits, aborts or ends the session (`() => session.commitTransaction()`). */
  private lifecycleKind(step: ChainStep): 'commit' | 'abort' | 'end' | undefined {
    const parts = [...step.statements.map((s) => (s.node.type === 'ExpressionStatement' ? (s.get('expression') as Path) : s)), ...(step.value ? [step.value] : [])];
    if (parts.length === 0) return undefined;
    const kinds = parts.map((p) => {
      const call = unwrapAwaitedPath(p);
      if (this.isSessionCall(call, 'commitTransaction')) return 'commit';
      if (this.isSessionCall(call, 'abortTransaction')) return 'abort';
      if (this.isSessionCall(call, 'endSession')) return 'end';
      return undefined;
    });
    if (kinds.some((k) => k === undefined)) return undefined;
    if (kinds.includes('commit')) return 'commit';
    if (kinds.includes('abort')) return 'abort';
    return 'end';
  }

  /**
   * `return session.abortTransaction().then(() => ({ ok: false }))` and the matching commit in one
   * step: the commit or abort is decided by a condition. 'mixed' when other returns are there too.
   */
  private commitOrAbortReturns(step: ChainStep): BodyReturn[] | 'mixed' {
    if (!step.callback) return [];
    const returns = this.analysis.index.within(step.callback.node, 'ReturnStatement').filter((r) => enclosingFunction(r)?.node === step.callback!.node);
    if (step.value && (step.callback.node.body as Node).type !== 'BlockStatement') return [];
    const decided = returns.map((r) => this.bodyReturn(r));
    if (decided.every((d) => d === undefined)) return [];
    if (decided.some((d) => d === undefined) || !step.value) return 'mixed';
    return decided as BodyReturn[];
  }

  private bodyReturn(statement: Path): BodyReturn | undefined {
    const argument = statement.node.argument ? unwrapAwaitedPath(statement.get('argument') as Path) : undefined;
    if (!argument) return undefined;
    for (const [method, aborts] of [['abortTransaction', true], ['commitTransaction', false]] as const) {
      if (this.isSessionCall(argument, method)) return { statement, aborts, value: undefined };
      const inner = promiseChainOf(this.analysis.index, argument);
      if (!inner || 'unsupported' in inner) continue;
      const [head, next, ...rest] = inner.chain.steps;
      if (rest.length > 0 || !head?.value || !next || next.param || next.statements.length > 0 || inner.chain.catchHandler || inner.chain.finallyHandler) continue;
      if (this.isSessionCall(unwrapAwaitedPath(head.value), method)) return { statement, aborts, value: next.value };
    }
    return undefined;
  }

  /** Every use of the session must be in the body (or among the statements that go). */
  private sessionUsedOutside(body: ChainStep[], bodyReturns: BodyReturn[]): string | undefined {
    const allowed = [...body.flatMap(stepNodes), ...this.removedStatements.map((s) => s.node), ...bodyReturns.map((r) => r.statement.node)];
    for (const session of this.sessions) {
      for (const ref of this.analysis.bindings.referencesIn(this.fn, session)) {
        if (this.isRemovedHandlerUse(ref) || this.isLifecycleStepUse(ref)) continue;
        if (!allowed.some((node) => contains(node, ref.node))) {
          return `the session is used outside the transaction (line ${lineOf(ref)}), which transaction() does not allow`;
        }
        const stored = !this.isSessionHandover(ref) && storedBeyond(ref, this.chain.outer.node, this.analysis.bindings);
        if (stored) return `the session is ${stored} (line ${lineOf(ref)}), but transaction() ends it when the callback is done`;
      }
    }
    return undefined;
  }

  /** `session = _session`: the chain's session moving into the variable the later steps read. */
  private isSessionHandover(ref: Path): boolean {
    const assignment = ref.parent?.node as Node | undefined;
    if (assignment?.type !== 'AssignmentExpression' || assignment.right !== ref.node || !isIdentifier(assignment.left as Node)) return false;
    const target = this.analysis.bindings.declarationOf(ref.parent!.get('left') as Path);
    return target !== undefined && this.sessions.includes(target);
  }

  private isLifecycleStepUse(ref: Path): boolean {
    return this.steps.some((step) => {
      const inStep = stepNodes(step).some((node) => contains(node, ref.node));
      return inStep && this.lifecycleKind(step) !== undefined;
    });
  }

  private isRemovedHandlerUse(ref: Path): boolean {
    return [this.chain.catchHandler, this.chain.finallyHandler].some((h) => h && contains(h.node, ref.node) && this.isLifecycleUse(ref));
  }

  private isLifecycleUse(ref: Path): boolean {
    const call = ref.parent?.parent as Path | undefined;
    return call !== undefined && isCall(call.node) && ['abortTransaction', 'endSession', 'commitTransaction'].includes(calleeName(call.node) ?? '');
  }

  private callbackUsesThis(steps: ChainStep[]): string | undefined {
    for (const step of steps) {
      const fn = step.callback?.node;
      if (fn?.type !== 'FunctionExpression') continue;
      const uses = this.analysis.index.within(fn, 'ThisExpression').some((t) => enclosingFunction(t)?.node === fn) ||
        this.analysis.index.named('arguments').some((a) => contains(fn, a.node) && enclosingFunction(a)?.node === fn);
      if (uses) return `a step at line ${lineOf(step.callback!)} uses this or arguments, which change meaning outside its function`;
    }
    return undefined;
  }

  /** A `return` before the end of a step skips only that step's rest: in flat code that holds only for the last step of the body. */
  private bodyEarlyReturns(body: ChainStep[], bodyReturns: BodyReturn[]): string | undefined {
    const last = body[body.length - 1];
    const offending = body.find((s) => s.earlyReturn && s !== last && !bodyReturns.length);
    return offending ? `a step at line ${lineOf(offending.callback!)} returns from more than one place` : undefined;
  }

  private handlerPlan(): { keep: ChainPlan['handler'] } | { reason: string } | undefined {
    const handler = this.chain.catchHandler;
    if (!handler) return undefined;
    const param = (handler.node.params as Node[])[0];
    const body = handler.get('body') as Path;
    const statements = body.node.type === 'BlockStatement' ? (body.node.body as Node[]).map((_, i) => body.get('body', i) as Path) : [];
    const value = body.node.type === 'BlockStatement' ? undefined : body;
    const keep = statements.filter((s) => !this.isLifecycleStatement(s) && !this.isAbortThenRethrow(s, param));
    const cleanupThenRethrow = value !== undefined && this.cleansUpThenRethrows(value, param);
    const keptValue = value && !this.isLifecycleValue(value) && !cleanupThenRethrow ? value : undefined;
    const rethrows = keep.length === 1 && this.isRethrow(keep[0]!, param);
    const onlyRethrow = (rethrows && !keptValue) || (keep.length === 0 && !keptValue && (cleanupThenRethrow || statements.some((s) => this.isAbortThenRethrow(s, param))));
    const usesSession = [...keep, ...(keptValue ? [keptValue] : [])].some((p) => this.sessions.some((s) => this.analysis.bindings.referencesIn(p, s).length > 0));
    if (usesSession) return { reason: 'the .catch() handler uses the session for more than aborting it' };
    return { keep: onlyRethrow ? undefined : { param, statements: keep, value: keptValue } };
  }

  private finallyProblem(): string | undefined {
    const handler = this.chain.finallyHandler;
    if (!handler) return undefined;
    const body = handler.get('body') as Path;
    const parts = body.node.type === 'BlockStatement' ? (body.node.body as Node[]).map((_, i) => body.get('body', i) as Path) : [body];
    return parts.every((p) => this.isLifecycleStatement(p) || this.isLifecycleValue(p)) ? undefined : 'the .finally() handler does more than end the session';
  }

  private isLifecycleStatement(statement: Path): boolean {
    return statement.node.type === 'ExpressionStatement' && this.isLifecycleValue(statement.get('expression') as Path);
  }

  private isLifecycleValue(value: Path): boolean {
    const call = unwrapAwaitedPath(value);
    return ['abortTransaction', 'endSession'].some((m) => this.isSessionCall(call, m));
  }

  /** `return session.abortTransaction().then(() => { throw err; })` (or any cleanup chain that rethrows): the same as rethrowing. */
  private isAbortThenRethrow(statement: Path, param: Node | undefined): boolean {
    return statement.node.type === 'ReturnStatement' && statement.node.argument != null && this.cleansUpThenRethrows(statement.get('argument') as Path, param);
  }

  /**
   * `session.abortTransaction().then(() => { throw err; })`, `...then(() => session.endSession()).then(() => Promise.reject(err))`:
   * a chain that only aborts or ends the session and then rejects with the caught error.
   */
  private cleansUpThenRethrows(value: Path, param: Node | undefined): boolean {
    if (!param) return false;
    const inner = promiseChainOf(this.analysis.index, value);
    if (!inner || 'unsupported' in inner || inner.chain.catchHandler || inner.chain.finallyHandler) return false;
    const [head, ...rest] = inner.chain.steps;
    const last = rest[rest.length - 1];
    if (!head?.value || !this.isLifecycleValue(head.value) || !last) return false;
    const cleanup = (step: ChainStep) => step.statements.every((s) => this.isLifecycleStatement(s)) && (!step.value || this.isLifecycleValue(step.value));
    if (!rest.slice(0, -1).every(cleanup)) return false;
    const statements = last.statements;
    const finalThrow = statements[statements.length - 1];
    if (!last.value && finalThrow && this.isRethrow(finalThrow, param)) return statements.slice(0, -1).every((s) => this.isLifecycleStatement(s));
    return last.value !== undefined && isRejectionWith(last.value.node, param) && statements.every((s) => this.isLifecycleStatement(s));
  }

  /** `throw err;` or `return Promise.reject(err);` with the caught error. */
  private isRethrow(statement: Path, param: Node | undefined): boolean {
    if (!param) return false;
    const node = statement.node;
    if (node.type === 'ThrowStatement') return isIdentifier(node.argument as Node, param.name as string);
    return node.type === 'ReturnStatement' && node.argument != null && isRejectionWith(node.argument as Node, param);
  }

  private sessionCallStatement(statement: Path, method: string): boolean {
    return statement.node.type === 'ExpressionStatement' && this.isSessionCall(unwrapAwaitedPath(statement.get('expression') as Path), method);
  }

  private isSessionCall(call: Path, method: string): boolean {
    if (!isCall(call.node) || calleeName(call.node) !== method) return false;
    const callee = unwrapPath(call.get('callee') as Path);
    if (!isMember(callee.node)) return false;
    const object = unwrapPath(callee.get('object') as Path);
    const declaration = isIdentifier(object.node) ? this.analysis.bindings.declarationOf(object) : undefined;
    return declaration !== undefined && this.sessions.includes(declaration);
  }

  private sessionRenames(sessionName: string): Array<{ identifier: Node; name: string }> {
    const param = this.sessions[0]!;
    if (param.name === sessionName) return [];
    return this.analysis.bindings.referencesIn(this.fn, param).map((ref) => ({ identifier: ref.node, name: sessionName }));
  }

  /**
   * Turns steps into pieces whose values are bound to the next step's parameter (when read). Names
   * before and after the transaction share the function's scope; the body's live in the callback,
   * so they may repeat names from after it but not from before it. A clashing parameter is renamed
   * (x2, x3...); a step that only passes on an earlier value (`() => order`) reuses its name.
   */
  private names(roles: Roles & { withTransaction: boolean }, sessionName: string): NamedPieces | { reason: string } {
    const functionScope = new Set<string>([sessionName, ...this.namesDeclaredOutside()]);
    const flat = new Map<Node, string>();
    const renames: Array<{ identifier: Node; name: string }> = [];

    const renameIn = (within: Path, declared: Node, name: string) => {
      renames.push({ identifier: declared, name });
      for (const ref of this.analysis.bindings.referencesIn(within, declared)) renames.push({ identifier: ref.node, name });
    };
    const toPieces = (steps: ChainStep[], scope: Set<string>, receiver?: ChainStep): Piece[] | { reason: string } => {
      const pieces: Piece[] = [];
      for (let i = 0; i < steps.length; i++) {
        const step = steps[i]!;
        for (const declared of step.statements.flatMap((statement) => declaredNames(statement.node))) {
          if (!scope.has(declared.name as string)) {
            scope.add(declared.name as string);
            continue;
          }
          // Two steps declare the same name: once they share one function, the later one is renamed.
          if (!step.callback) return { reason: `two steps declare \`${declared.name as string}\`, which would clash once they share one function` };
          renameIn(step.callback, declared, freeName(declared.name as string, scope));
        }
        const next = i + 1 < steps.length ? steps[i + 1] : receiver;
        const bind = next ? this.bind(next, step.value, scope, flat, renameIn) : undefined;
        pieces.push({ statements: step.statements, value: step.value, bind });
      }
      return pieces;
    };

    const valueFromBody = roles.transactionValue !== undefined || roles.bodyReturns.some((r) => r.value);
    const [first] = roles.post;
    const readsTransaction = first?.param !== undefined && this.paramUsed(first);
    if (readsTransaction && !valueFromBody && !roles.withTransaction) {
      return { reason: 'the first step after the commit reads what the commit resolved to' };
    }
    // Names reserved first, so no step takes them: what reads the transaction's value, and (before
    // Mongoose 8, where transaction() resolves to the commit result) the variable carrying it out.
    const transactionBind = readsTransaction ? this.bind(first!, undefined, functionScope, flat, renameIn) : undefined;
    if (transactionBind !== undefined && typeof transactionBind !== 'string') return { reason: 'the first step after the commit destructures what the transaction resolved to' };
    const carries = callbackValueLost(this.mongoose, this.context.typescript) && !roles.withTransaction && valueFromBody;
    const resultName = carries ? (transactionBind ?? freeName('result', functionScope)) : undefined;
    const pre = toPieces(roles.pre, functionScope);
    if ('reason' in pre) return pre;
    const body = toPieces(roles.body, new Set(functionScope), roles.ending);
    if ('reason' in body) return body;
    const post = toPieces(roles.post, functionScope);
    if ('reason' in post) return post;
    return { pre, body, post, transactionBind, resultName, renames };
  }

  /**
   * TypeScript, where the transaction's value is carried out in a variable: the type the code states
   * for that value (the annotation of the step that reads it, else the type stated where the chain's
   * value is used, when the value is the chain's: no step reads it, or the last step only passes it
   * on); a reason when it states none, since an untyped `let` assigned in a callback is `undefined`
   * to the type checker after the call.
   */
  private carriedType(result: ChainPlan['result'], names: NamedPieces, post: ChainStep[], carried: Path | undefined): { type: string | undefined } | { reason: string } {
    if (!this.context.typescript || names.resultName === undefined) return { type: undefined };
    const read = names.transactionBind !== undefined;
    if (!read && (this.context.valueUse === undefined || result !== 'transaction')) return { type: undefined };
    const reader = post[0];
    const annotation = read ? ((reader?.param?.typeAnnotation as Node | undefined)?.typeAnnotation as Node | undefined) : undefined;
    const chainValue = !read || (post.length === 1 && result === 'post' && this.passesOn(reader!));
    const stated = annotation ? this.analysis.source.slice(startOf(annotation), endOf(annotation)) : chainValue ? this.context.valueUse?.type : undefined;
    if (stated !== undefined) return { type: stated };
    const fromModel = carried ? this.modelTypeOf(carried) : undefined;
    if (fromModel && 'type' in fromModel) return fromModel;
    const user = read ? `the step after the commit (line ${lineOf(reader!.callback ?? reader!.value!)}) reads the value the transaction gives` : 'the chain\'s value is the value the transaction gives, and it is used';
    const why = fromModel?.reason ?? 'the code states no type to declare it with';
    return {
      reason: `${user}; on this Mongoose version transaction() does not resolve to its callback's value (in TypeScript's types not before 8.5), so it would be carried out in a variable declared before the call, and ${why}`,
    };
  }

  /**
   * `.then(([order]) => session.commitTransaction().then(() => order))`: the value carried past the
   * commit is what the step before made, typed by its model's interface when the code states one.
   */
  private modelTypeOf(carried: Path): { type: string } | { reason: string } | undefined {
    if (!isIdentifier(carried.node)) return undefined;
    const declaration = this.analysis.bindings.declarationOf(carried);
    const index = this.steps.findIndex((s) => s.param !== undefined && declaration !== undefined && patternIdentifiers(s.param).includes(declaration));
    const made = index > 0 ? this.steps[index - 1]!.value : undefined;
    return made && declaration ? documentTypeFrom(this.analysis, made, this.steps[index]!.param!, declaration) : undefined;
  }

  /** `.then((result) => { ...; return result; })`: the step's value is the value it was handed. */
  private passesOn(step: ChainStep): boolean {
    const { value, param } = step;
    return value !== undefined && param !== undefined && isIdentifier(value.node) && this.analysis.bindings.declarationOf(value) === param;
  }

  /**
   * What `next` reads the previous value by: an alias of it, a fresh const (renamed when the name is
   * taken), its destructuring pattern (with taken names renamed), or undefined when it is unread.
   */
  private bind(next: ChainStep, value: Path | undefined, scope: Set<string>, flat: Map<Node, string>, renameIn: (within: Path, declared: Node, name: string) => void): Piece['bind'] {
    const param = next.param;
    if (!param || !next.callback || !this.paramUsed(next)) return undefined;
    if (!isIdentifier(param)) {
      for (const id of patternIdentifiers(param)) {
        if (scope.has(id.name as string)) renameIn(next.callback, id, freeName(id.name as string, scope));
        else scope.add(id.name as string);
      }
      return { pattern: param };
    }
    const passedOn = value && isIdentifier(value.node) ? this.analysis.bindings.declarationOf(value) : undefined;
    const alias = passedOn ? flat.get(passedOn) ?? (scope.has(passedOn.name as string) ? (passedOn.name as string) : undefined) : undefined;
    const name = alias ?? freeName(param.name as string, scope);
    flat.set(param, name);
    if (name !== param.name) renameIn(next.callback, param, name);
    return alias ? undefined : name;
  }

  private paramUsed(step: ChainStep): boolean {
    return patternIdentifiers(step.param).some((id) => this.analysis.bindings.referencesIn(step.callback!, id).length > 0);
  }

  /** True when `value` reads something declared in the given steps (their parameters or statements). */
  private readsFrom(value: Path, steps: ChainStep[]): boolean {
    const scopes = steps.map((s) => s.callback?.node).filter((n): n is Node => n !== undefined);
    const ids = [value, ...this.analysis.index.within(value.node, 'Identifier')].filter((p) => isIdentifier(p.node));
    return ids.some((id) => {
      const declaration = this.analysis.bindings.declarationOf(id);
      return declaration !== undefined && scopes.some((scope) => contains(scope, declaration)) && !contains(value.node, declaration);
    });
  }

  /** A name declared inside the transaction body and read after it: it does not exist there any more. */
  private bodyLocalUsedAfter(body: ChainStep[], ending: ChainStep | undefined, post: ChainStep[], carried: Path | undefined): string | undefined {
    const inside = [...body, ...(ending ? [ending] : [])];
    const handlerParts = this.chain.catchHandler ? [this.chain.catchHandler] : [];
    for (const part of [...post.flatMap((s) => [...s.statements, ...(s.value ? [s.value] : [])]), ...handlerParts]) {
      if (carried && contains(carried.node, part.node)) continue;
      if (this.readsFrom(part, inside)) return `a value from inside the transaction is used after it (line ${lineOf(part)})`;
    }
    return undefined;
  }

  /** Names the function declares (parameters and variables) outside the chain: a new local must not shadow them. */
  private namesDeclaredOutside(): string[] {
    const names: string[] = [];
    for (const param of this.fn.node.params as Node[]) names.push(...patternIdentifiers(param.type === 'TSParameterProperty' ? (param.parameter as Node) : param).map((i) => i.name as string));
    for (const declarator of this.analysis.index.within(this.fn.node, 'VariableDeclarator')) {
      if (contains(this.chain.outer.node, declarator.node) || enclosingFunction(declarator)?.node !== this.fn.node) continue;
      names.push(...patternIdentifiers(declarator.node.id as Node).map((i) => i.name as string));
    }
    // Names the moved code reads from outside: a local of the same name would capture them.
    for (const id of this.analysis.index.within(this.chain.outer.node, 'Identifier')) {
      const declaration = this.analysis.bindings.declarationOf(id);
      if (declaration && !contains(this.chain.outer.node, declaration)) names.push(id.node.name as string);
    }
    return names;
  }
}

/** `Promise.reject(err)` with the given error. */
function isRejectionWith(node: Node, param: Node): boolean {
  if (!isCall(node) || calleeName(node) !== 'reject' || !isMember(node.callee) || !isIdentifier(node.callee.object, 'Promise')) return false;
  const args = node.arguments as Node[];
  return args.length === 1 && isIdentifier(args[0], param.name as string);
}

/** The steps of a withTransaction() callback: its own chain if it returns one, else its statements and value. */
function callbackSteps(analysis: MongooseAnalysis, callback: Path): ChainStep[] | { reason: string } {
  const body = callback.get('body') as Path;
  if (body.node.type !== 'BlockStatement') {
    const inner = promiseChainOf(analysis.index, body);
    if (inner && 'unsupported' in inner) return { reason: inner.unsupported };
    if (inner && (inner.chain.catchHandler || inner.chain.finallyHandler)) return { reason: 'the transaction callback handles its own errors' };
    return inner ? inner.chain.steps : [{ callback, param: undefined, statements: [], value: body, earlyReturn: false }];
  }
  const statements = (body.node.body as Node[]).map((_, i) => body.get('body', i) as Path);
  const last = statements[statements.length - 1];
  const finalReturn = last?.node.type === 'ReturnStatement' && last.node.argument ? last : undefined;
  return [{ callback, param: undefined, statements: finalReturn ? statements.slice(0, -1) : statements, value: finalReturn ? (finalReturn.get('argument') as Path) : undefined, earlyReturn: false }];
}


/** `[await|void] <call>;`: the expression statement a call is the whole of. */
function enclosingStatementOf(call: Path): Path | undefined {
  let current = call;
  while (current.parent && ['AwaitExpression', 'UnaryExpression', 'ParenthesizedExpression'].includes((current.parent.node as Node).type)) current = current.parent as Path;
  const parent = current.parent as Path | null;
  return parent?.node.type === 'ExpressionStatement' ? parent : undefined;
}

function stepNodes(step: ChainStep): Node[] {
  return [...step.statements.map((s) => s.node), ...(step.value ? [step.value.node] : [])];
}


const HOLDERS: Record<string, string> = {
  TryStatement: 'a try block',
  CatchClause: 'a catch',
  IfStatement: 'a condition',
  ForStatement: 'a loop',
  ForOfStatement: 'a loop',
  ForInStatement: 'a loop',
  WhileStatement: 'a loop',
  DoWhileStatement: 'a loop',
  SwitchStatement: 'a switch',
};

/** The outermost statement of `callback` that holds `call` and is not a plain statement of it (`a try block`), or `a block`. */
function holdingStatement(call: Path, callback: Node): string {
  let holder = 'a block';
  for (let current = call.parent as Path | null; current && current.node !== callback; current = current.parent as Path | null) {
    holder = HOLDERS[current.node.type] ?? holder;
  }
  return holder;
}

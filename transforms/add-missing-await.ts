import { calleeName, contains as encloses, enclosingFunction, endOf, isCall, isFunction, isIdentifier, isMember, propertyName, some, startOf, statementsOf, unwrapExpression, type Node, type Path } from '../lib/ast/nodes';
import { freeName } from '../lib/ast/bindings';
import { asJscodeshiftTransform } from '../lib/jscodeshift-adapter';
import { alsOnFor } from '../lib/mongoose/als-support';
import { MongooseAnalysis, unwrapPath } from '../lib/mongoose/analysis';
import { calledFunction } from '../lib/mongoose/callees';
import { CallSiteFinder } from '../lib/mongoose/callers';
import { arrayEveryStepPushesInto, collectedOperations, pushedOnto, type Collected, type CollectedPush } from '../lib/mongoose/collected-operations';
import { contains, directScopes, helperScopes, mayAwaitIn, type OperationScope } from '../lib/mongoose/operation-scopes';
import { planOwner } from '../lib/mongoose/ownership';
import { classifyCall, handlesRejection, lifecycleMethod, operationContext, type OperationContext, type OperationVerdict } from '../lib/mongoose/operations';
import { isSynchronousCall } from '../lib/mongoose/retry-safety';
import { addAwait, innerIndent, makeAsync, movedText, multilineTemplates, reindentLines, removeStatement, shiftIndent, statementText } from '../lib/edit/rewrite';
import { indentAt, isBlank, lineStartOf, shortText } from '../lib/edit/text';
import { TEXT_MIGHT_APPLY } from '../lib/transform-text';
import type { Transform, TransformContext } from '../lib/transform';

/**
 * Every operation inside a transaction finishes before the transaction does
 * (docs/mongoose-semantics.md §3.3, §4.2, §5.2, §5.5): unawaited operations get `await`,
 * `forEach`/`map` with async callbacks become `for...of`, and `Promise.all` over session
 * operations becomes sequential awaits.
 */
export const addMissingAwait: Transform = {
  name: 'add-missing-await',
  description: 'operations inside a transaction that nobody awaits get await; async forEach/map and Promise.all over session operations become sequential',
  mongooseVersions: 'every version with sessions (5.2+); session-less operations count inside connection.transaction() with AsyncLocalStorage (7.8+, 8.4+)',
  mightApply: (source) => TEXT_MIGHT_APPLY['add-missing-await'](source),
  apply(ctx) {
    const { analysis } = ctx;
    const direct = directScopes(analysis);
    const scopes = [...direct, ...helperScopes(analysis, new CallSiteFinder(ctx, analysis), direct)];
    const rewriter = new AwaitRewriter(ctx, analysis);
    for (const scope of scopes) rewriter.rewriteScope(scope);
    rewriter.awaitLifecycleCalls();
  },
};

export default asJscodeshiftTransform(addMissingAwait);

/** A transaction or session scope, a lifecycle call, or a helper taking a session parameter. */

const COMBINATORS = new Set(['all', 'allSettled', 'race']);
const LOOP_TYPES = new Set(['ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement', 'DoWhileStatement']);

class AwaitRewriter {
  /** Statements (and await expressions) already rewritten: each is handled once, by the first scope. */
  private readonly handled = new Set<Node>();
  private readonly madeAsync = new Set<Node>();
  /** `endSession()` statements hoist-end-session deletes, built on first use. */
  private ownerRemovals: Set<Node> | undefined;

  constructor(
    private readonly ctx: TransformContext,
    private readonly analysis: MongooseAnalysis,
  ) {}

  rewriteScope(scope: OperationScope): void {
    const context = operationContext(this.analysis, scope.fn, scope.sessions, this.alsCovers(scope));
    for (const statement of this.analysis.index.within(scope.fn.node, 'ExpressionStatement')) {
      if (this.handled.has(statement.node) || !contains(scope, statement)) continue;
      const expression = unwrapPath(statement.get('expression') as Path);
      if (isCall(expression.node)) this.rewriteStatement(scope, context, statement, expression);
    }
    for (const awaited of this.analysis.index.within(scope.fn.node, 'AwaitExpression')) {
      if (this.handled.has(awaited.node) || !contains(scope, awaited)) continue;
      const argument = unwrapPath(awaited.get('argument') as Path);
      if (combinatorOf(argument.node)) this.rewriteCombinator(scope, context, awaited, argument);
    }
    for (const returned of this.analysis.index.within(scope.fn.node, 'ReturnStatement')) {
      const argument = returned.node.argument ? unwrapPath(returned.get('argument') as Path) : undefined;
      if (!argument || !combinatorOf(argument.node) || !isIdentifier((argument.node.arguments as Node[])[0]) || !contains(scope, returned)) continue;
      this.rewriteCombinator(scope, context, undefined, argument);
    }
    for (const { at, value, variable } of assignedCalls(this.analysis, scope.fn)) {
      if (!this.handled.has(at.node) && contains(scope, at)) this.rewriteAssigned(scope, context, at, value, variable);
    }
  }

  /**
   * `const created = Model.create(...)` or `check = doc.save(opts)` whose variable is then read as
   * the result (`if (!check)`, `created[0]._id`, `res.json(created)`), or never read: the
   * operation is awaited where it is assigned. A variable awaited, chained or passed on later is left.
   */
  private rewriteAssigned(scope: OperationScope, context: OperationContext, at: Path, value: Path, variable: Node): void {
    const verdict = this.decide(value, context, scope);
    if (verdict.kind !== 'operation') return;
    const fn = enclosingFunction(at)!;
    const uses = usesOfValue(this.analysis.bindings.referencesIn(fn, variable).filter((ref) => startOf(ref.node) >= endOf(at.node)));
    if (!uses.every((ref) => readsResult(ref))) return;
    this.handled.add(at.node);
    const what = shortText(this.ctx.source, value.node);
    if (!this.ensureAsync(scope, at, `${what} is assigned without await`)) return;
    addAwait(this.ctx, value.node);
    const name = variable.name as string;
    this.ctx.change(at, uses.length > 0 ? `awaited ${what}: \`${name}\` was used as its result while the operation was still running` : `awaited ${what}`);
    if (verdict.lazy) {
      this.report(at, 'this query was never executed (a Query runs only when awaited, exec()-ed or then()-ed); with await it now runs: check that the write is wanted');
    }
  }

  /**
   * An `endSession()` the owner's rewrite deletes (hoist-end-session ends the session once, in a
   * finally): awaiting it first would only be undone.
   */
  private movedByOwner(statement: Path): boolean {
    if (!this.ownerRemovals) {
      this.ownerRemovals = new Set();
      for (const creation of this.analysis.sessionCreations()) {
        const plan = planOwner(this.analysis, creation);
        if (plan.status === 'fix') for (const removal of plan.removals) this.ownerRemovals.add(removal.node);
      }
    }
    for (let current: Path | null = statement; current && !isFunction(current.node); current = current.parent as Path | null) {
      if (this.ownerRemovals.has(current.node)) return true;
    }
    return false;
  }

  /** Inside `connection.transaction()` (or a wrapper's callback it runs) with AsyncLocalStorage on for that connection's instance, session-less operations join it. */
  private alsCovers(scope: OperationScope): boolean {
    return scope.alsInstance !== undefined && alsOnFor(this.ctx.project, scope.alsInstance);
  }

  /** Scope 4: lifecycle calls anywhere (`commitTransaction()`, `withTransaction()`, `conn.transaction()`...). */
  awaitLifecycleCalls(): void {
    for (const statement of this.analysis.index.of('ExpressionStatement')) {
      if (this.handled.has(statement.node)) continue;
      const expression = unwrapPath(statement.get('expression') as Path);
      if (!isCall(expression.node)) continue;
      const method = lifecycleMethod(this.analysis, expression);
      const fn = enclosingFunction(statement);
      if (!method || !fn || this.movedByOwner(statement)) continue;
      this.handled.add(statement.node);
      if (fn.node.async) {
        addAwait(this.ctx, expression.node);
        this.ctx.change(statement, `awaited ${shortText(this.ctx.source, expression.node)}`);
      } else if (!handlesRejection(expression)) {
        this.ctx.report(statement, `${method}() is not awaited and its function is not async; make the function async (or return the promise) so the caller waits for it`);
      }
    }
  }

  private rewriteStatement(scope: OperationScope, context: OperationContext, statement: Path, call: Path): void {
    const method = calleeName(call.node);
    const callee = call.node.callee as Node;
    if ((method === 'forEach' || method === 'map') && isMember(callee) && isFunction((call.node.arguments as Node[])[0])) {
      const callback = call.get('arguments', 0) as Path;
      if (!callback.node.async) {
        if (!containsOperation(this.analysis, callback, context, scope)) return;
        // One finding for the loop, not one per call inside it.
        for (const inner of this.analysis.index.within(callback.node, 'ExpressionStatement')) this.handled.add(inner.node);
        // Every operation is collected for a combinator, which rewrites them or says why not.
        if (collectedForCombinator(this.analysis, callback, context)) return;
        const array = arrayEveryStepPushesInto(callback);
        this.report(
          statement,
          array
            ? `the ${method}() callback collects session operations in \`${array}\`, which run in parallel on one session (undefined behaviour in a transaction); a callback cannot await them one at a time, so rewrite it as a for...of loop with await`
            : `the ${method}() callback starts operations without waiting for them; rewrite it as a for...of loop with await`,
        );
        return;
      }
      this.handled.add(statement.node);
      this.loop(scope, statement, call.get('callee', 'object') as Path, callback, { settle: false, why: `${method}() never waits for its async callback` });
      return;
    }
    if (combinatorOf(call.node)) {
      this.rewriteCombinator(scope, context, undefined, call, statement);
      return;
    }
    if (this.movedByOwner(statement)) return;
    const verdict = this.decide(call, context, scope);
    if (verdict.kind === 'callback') {
      const callback = isFunction(verdict.argument) ? 'a Node-style callback' : `\`${shortText(this.ctx.source, verdict.argument)}\` where Mongoose 5/6 take a Node-style callback`;
      this.report(statement, `${shortText(this.ctx.source, call.node)} passes ${callback}, so await would run it twice; it still finishes after the transaction: convert it to a promise by hand`);
      return;
    }
    if (verdict.kind !== 'operation') return;
    // A session-less write its author let run on its own, failure handled: nothing of it floats on the session (docs/mongoose-semantics.md §5.2).
    if (verdict.outside && handlesRejection(call)) return;
    this.handled.add(statement.node);
    if (!this.ensureAsync(scope, statement, `${shortText(this.ctx.source, call.node)} is not awaited`)) return;
    addAwait(this.ctx, call.node);
    this.ctx.change(statement, `awaited ${shortText(this.ctx.source, call.node)}`);
    if (verdict.lazy) {
      this.report(statement, 'this query was never executed (a Query runs only when awaited, exec()-ed or then()-ed); with await it now runs: check that the write is wanted');
    }
    if (verdict.outside) {
      this.report(statement, 'this operation has no session, so it runs outside the transaction; it is now awaited so it finishes first: pass { session } if it belongs in the transaction');
    }
  }

  /** Shape first; where the shape cannot tell, the expression's type (a callable `then`) decides. */
  /** `combinator`: the call is one of those a `Promise.all()` (or allSettled, race) waits for, which the finding then speaks of. */
  private decide(call: Path, context: OperationContext, scope: OperationScope, combinator?: string): OperationVerdict {
    const verdict = awaitVerdict(this.analysis, call, context);
    // A request handler's session without a commit of its own: only what runs on that session is its business.
    if (scope.sessionOnly && verdict.kind === 'operation' && verdict.outside) return { kind: 'not-operation' };
    if (verdict.kind !== 'unknown') return verdict;
    const fact = this.ctx.types.thenableAt(this.ctx.file, this.ctx.source, startOf(call.node), endOf(call.node));
    if (fact?.thenable && (verdict.carriesSession || fact.origin === 'mongoose' || fact.origin === 'mongodb')) return { kind: 'operation', lazy: false };
    if (fact === undefined && verdict.carriesSession) {
      const advice = combinator
        ? `if it runs operations on the session, Promise.${combinator}() runs them in parallel with the others (undefined behaviour in a transaction): make them sequential by hand`
        : 'await it by hand if it does';
      this.report(call, `${shortText(this.ctx.source, call.node)} passes the session, but whether it returns a promise is unknown without type facts; ${advice}`);
    }
    return { kind: 'not-operation' };
  }

  /** `const p = Model.create(...)` passed on as `p`: the operation already runs when the combinator sees it. */
  private startedOperation(element: Path, context: OperationContext): boolean {
    if (!element.node || !isIdentifier(element.node)) return false;
    const declaration = this.analysis.bindings.declarationOf(element);
    const origin = declaration ? this.analysis.bindings.originOf(declaration) : undefined;
    if (origin?.kind !== 'variable' || !isCall(origin.declarator.node.init as Node)) return false;
    return classifyCall(this.analysis, origin.declarator.get('init') as Path, context).kind === 'operation';
  }

  /** The function around `at` is async, or is made so when it is the scope's callback; else report why not. */
  private ensureAsync(scope: OperationScope, at: Path, what: string): boolean {
    const fn = enclosingFunction(at)!;
    if (fn.node.async || this.madeAsync.has(fn.node)) return true;
    if (mayAwaitIn(scope, at)) {
      makeAsync(this.ctx, fn.node);
      this.madeAsync.add(fn.node);
      return true;
    }
    this.report(at, `${what}, and its function is not async; making it async would change what it returns to its callers`);
    return false;
  }

  /** `Promise.all([...])`, `Promise.allSettled`, `Promise.race` over session operations: one at a time. */
  private rewriteCombinator(scope: OperationScope, context: OperationContext, awaited: Path | undefined, call: Path, bareStatement?: Path): void {
    const combinator = combinatorOf(call.node)!;
    const arg = (call.node.arguments as Node[])[0];
    const statement = bareStatement ?? (awaited && statementOfBareAwait(awaited));
    if (awaited) this.handled.add(awaited.node);
    if (statement) this.handled.add(statement.node);
    if (!arg) return;
    if (isCall(arg) && calleeName(arg) === 'map' && isFunction((arg.arguments as Node[])[0])) {
      const mapCall = call.get('arguments', 0) as Path;
      const callback = mapCall.get('arguments', 0) as Path;
      if (!containsOperation(this.analysis, callback, context, scope)) return;
      const why = `Promise.${combinator}() runs session operations in parallel`;
      const collect = !statement && combinator === 'all' && awaited ? (collectedDeclaration(this.analysis, awaited, this.ctx.source, /\.[cm]?tsx?$/.test(this.ctx.file)) ?? assignedCollection(this.analysis, awaited)) : undefined;
      if (collect) {
        this.loop(scope, collect.declaration, mapCall.get('callee', 'object') as Path, callback, { settle: false, why, collect });
        return;
      }
      if (!statement || combinator === 'race') {
        this.report(call, `${why} (undefined behaviour in a transaction); its result is used, so rewrite it as a sequential loop by hand`);
        return;
      }
      this.loop(scope, statement, mapCall.get('callee', 'object') as Path, callback, { settle: combinator === 'allSettled', why });
      return;
    }
    if (isIdentifier(arg)) {
      this.rewriteCollected(scope, context, combinator, { call, statement, awaited }, call.get('arguments', 0) as Path);
      return;
    }
    if (isMapValues(arg)) {
      this.rewriteCollected(scope, context, combinator, { call, statement, awaited }, call.get('arguments', 0, 'callee', 'object') as Path);
      return;
    }
    if (arg.type !== 'ArrayExpression') return;
    const elements = arg.elements as Array<Node | null>;
    const paths = elements.map((_, i) => call.get('arguments', 0, 'elements', i) as Path);
    if (paths.some((p) => this.startedOperation(p, context))) {
      this.report(call, `Promise.${combinator}() waits for operations that were already started in parallel (undefined behaviour in a transaction); start them one at a time by hand`);
      return;
    }
    const verdicts = paths.map((p) => (p.node && isCall(p.node) ? this.decide(p, context, scope, combinator) : undefined));
    if (!verdicts.some((v) => v?.kind === 'operation') || verdicts.some((v) => v === undefined)) return;
    this.sequential(scope, combinator, awaited, call, statement, paths);
  }

  /**
   * `const ops = []; for (...) ops.push(op(x, session)); await Promise.all(ops);`: the same parallel
   * operations as the `.map()` form, made sequential the same way: each push awaits its operation.
   * Only when the array is used for nothing else. Where `Promise.all()`'s value is used, the array
   * collects the results instead, under the name that value had (`const seats = await
   * Promise.all(reservations)` -> `const seats = []; ... seats.push(await reserve(...))`), or under
   * its own name where the value is used in place (`return await Promise.all(ops)` -> `return ops`).
   */
  private rewriteCollected(scope: OperationScope, context: OperationContext, combinator: string, at: CombinatorSite, array: Path): void {
    const collected = collectedOperations(this.analysis, array);
    if (!collected) return;
    const verdicts = collected.pushes.map((push) => this.decide(push.value, context, scope, combinator));
    if (!verdicts.some((v) => v.kind === 'operation') && !collected.pushes.some((push) => this.startedOperation(push.value, context))) return;
    const arrayName = array.node.name as string;
    const where = collected.container === 'map' ? `kept in the map \`${arrayName}\`` : `collected in \`${arrayName}\``;
    const why = `Promise.${combinator}() runs session operations ${where} in parallel (undefined behaviour in a transaction)`;
    const plan = this.collectedPlan(combinator, at, collected, verdicts, context);
    if (typeof plan === 'string') {
      this.report(at.call, `${why}; ${plan}, so make them sequential by hand`);
      return;
    }
    const loops = [...new Map(collected.pushes.filter((p) => p.forEach).map((p) => [p.forEach!.statement.node, p.forEach!])).values()];
    if (!collected.pushes.every((push) => this.ensureAsync(scope, push.forEach?.statement ?? push.statement!, why))) return;
    const { ctx } = this;
    const settle = combinator === 'allSettled';
    const mapTypes = collected.container === 'map' ? resultMapTypeArguments(ctx.source, (collected.declaration.node.declarations as Node[])[0]!.init as Node) : undefined;
    if (mapTypes) ctx.edits.replace(mapTypes.start, mapTypes.end, mapTypes.text);
    for (const push of collected.pushes) this.awaitCollected(push, plan, collected, settle);
    for (const { statement, callback } of loops) {
      this.handled.add(statement.node);
      this.loop(scope, statement, statement.get('expression', 'callee', 'object') as Path, callback, { settle: false, why: `the forEach() callback collected session operations ${where}`, asStatement: true });
    }
    const ran = `Promise.${combinator}() ran the session operations ${where} in parallel`;
    if (plan.kind === 'discard') {
      if (!plan.keepMap) removeStatement(ctx, collected.declaration);
      removeStatement(ctx, plan.remove);
      ctx.change(plan.remove, `${ran}: each is now awaited where it was collected`);
      return;
    }
    const declarator = (collected.declaration.node.declarations as Node[])[0]!;
    if (plan.kind === 'rename') {
      ctx.edits.replace(startOf(collected.declaration.node), endOf(collected.declaration.node), statementText(ctx, `${plan.declarationKind} ${plan.target}${plan.annotation} = []`));
      removeStatement(ctx, plan.statement);
      ctx.change(plan.statement, `${ran}: each is now awaited where it was collected, and its result goes into \`${plan.target}\` in the same order`);
      return;
    }
    const annotation = (declarator.id as Node).typeAnnotation as Node | undefined;
    if (annotation && plan.annotation !== undefined && plan.annotation !== ctx.source.slice(startOf(annotation), endOf(annotation))) {
      ctx.edits.replace(startOf(annotation), endOf(annotation), plan.annotation);
    }
    const replaced = at.awaited ?? at.call;
    const [start, end] = withParentheses(ctx.source, replaced.node);
    const values = collected.container === 'map' ? `Array.from(${arrayName}.values())` : arrayName;
    ctx.edits.replace(start, end, values);
    const holds = collected.container === 'map' ? `\`${values}\` gives the results in the same order` : `\`${arrayName}\` holds the results in the same order`;
    ctx.change(replaced, `${ran}: each is now awaited where it was collected, and ${holds}`);
  }

  /** One collected operation awaited where it is collected: `await op`, or its result collected in its place. */
  private awaitCollected(push: CollectedPush, plan: CollectedPlan, collected: Collected, settle: boolean): void {
    const { ctx } = this;
    const target = push.statement ?? push.call;
    // A push that is the body of a loop or if without braces gets them when it needs more than one line.
    const braced = settle && push.statement !== undefined && !statementsOf(push.statement.parent!.node as Node);
    const outer = indentAt(ctx.source, startOf(target.node));
    const indent = braced ? innerIndent(ctx, outer) : outer;
    const operation = `await ${movedText(ctx, [push.value.node], indent)}`;
    const callee = push.call.node.callee as Node;
    const keptMap = collected.container === 'map' && (plan.kind !== 'discard' || plan.keepMap);
    const key = keptMap ? `${ctx.edits.take(startOf((push.call.node.arguments as Node[])[0]!), endOf((push.call.node.arguments as Node[])[0]!))}, ` : '';
    const into = keptMap ? ctx.source.slice(startOf(callee.object as Node), endOf(callee.object as Node)) : plan.kind === 'rename' || plan.kind === 'in-place' ? plan.target : undefined;
    const expression = into === undefined ? operation : `${into}.${collected.container === 'map' ? 'set' : 'push'}(${key}${operation})`;
    if (!push.statement) {
      ctx.edits.replace(startOf(push.call.node), endOf(push.call.node), expression);
    } else {
      const awaited = statementText(ctx, expression);
      const text = settle ? `try {\n${innerIndent(ctx, indent)}${awaited}\n${indent}} catch {}` : awaited;
      ctx.edits.replace(startOf(push.statement.node), endOf(push.statement.node), braced ? `{\n${indent}${text}\n${outer}}` : text);
    }
    this.handled.add(target.node);
  }

  /** How the collected operations become sequential, or why they cannot. */
  private collectedPlan(combinator: string, at: CombinatorSite, collected: Collected, verdicts: OperationVerdict[], context: OperationContext): CollectedPlan | string {
    if (combinator === 'race') return 'it waits only for the first of them to settle';
    const started = collected.pushes.find((push) => this.startedOperation(push.value, context));
    if (started) return `\`${shortText(this.ctx.source, started.value.node)}\` was started before it was collected (awaiting it there would not stop it running beside the others)`;
    if (verdicts.some((v) => v.kind !== 'operation')) return 'some of what is collected is not a Mongoose operation';
    const guard = collected.container === 'array' ? lengthGuard(collected, at.statement) : undefined;
    const mapType = collected.container === 'map' ? mapTypeProblem(this.ctx.source, collected.declaration) : undefined;
    if (mapType) return mapType;
    if (collected.container === 'map' && resultMapTypeArguments(this.ctx.source, (collected.declaration.node.declarations as Node[])[0]!.init as Node) === null) return "the map's type arguments do not say what its operations give";
    const read = collected.reads.find((ref) => ref.node !== guard?.read.node && !(collected.container === 'map' && readsOnlyKeys(ref)));
    if (read) return `\`${shortText(this.ctx.source, read.parent!.node as Node)}\` also reads the ${collected.container}`;
    for (const push of collected.pushes) {
      const problem = push.forEach && forEachProblem(this.analysis, push.forEach.callback, combinator);
      if (problem) return `they are collected in a forEach() callback that cannot become a for...of loop: ${problem}`;
    }
    const returned = !at.awaited && !at.statement && (at.call.parent?.node as Node | undefined)?.type === 'ReturnStatement';
    if (!at.awaited && !at.statement && !returned) return 'its promise is used as it is';
    const placement = placementProblem(collected, guard?.statement ?? at.call);
    if (placement) return placement;
    // A map read for its keys, or keyed by what a call computes, stays, filled with the results.
    const keepMap = collected.container === 'map' && (collected.reads.length > 0 || !collected.pushes.every((push) => isInert((push.call.node.arguments as Node[])[0]!)));
    if (at.statement) return { kind: 'discard', remove: guard?.statement ?? at.statement, keepMap };
    if (combinator !== 'all') return 'its result is used';
    const { source } = this.ctx;
    const arrayId = (collected.declaration.node.declarations as Node[])[0]!.id as Node;
    if (collected.container === 'map') return { kind: 'in-place', target: arrayId.name as string, annotation: undefined };
    const rename = at.awaited && renameTarget(this.analysis, at.awaited, collected, /\.[cm]?tsx?$/.test(this.ctx.file));
    const renamed = (annotation: string): CollectedPlan => ({ kind: 'rename', statement: rename!.declaration, target: rename!.name, declarationKind: rename!.kind, annotation });
    if (rename && rename.annotation) return renamed(rename.annotation);
    const arrayType = resultArrayType(source, arrayId.typeAnnotation as Node | undefined);
    if (arrayType === null) return `the type of their results cannot be read from the array's declared type (\`${shortText(source, arrayId.typeAnnotation as Node)}\`)`;
    if (rename) return renamed(arrayType ?? '');
    return { kind: 'in-place', target: arrayId.name as string, annotation: arrayType };
  }

  private sequential(scope: OperationScope, combinator: string, awaited: Path | undefined, call: Path, statement: Path | undefined, elements: Path[]): void {
    const { ctx } = this;
    const anchor = statement ?? awaited ?? call;
    if (!statement && combinator !== 'all') {
      this.report(call, `Promise.${combinator}() runs session operations in parallel (undefined behaviour in a transaction); its result is used, so make them sequential by hand`);
      return;
    }
    const declaration = statement ? undefined : declarationOfAwait(awaited);
    const indent = indentAt(ctx.source, startOf((declaration ?? anchor).node));
    if (!this.ensureAsync(scope, anchor, `Promise.${combinator}() is not awaited`)) return;
    const texts = elements.map((p) => movedText(ctx, [p.node], indent));
    const why = `Promise.${combinator}() ran session operations in parallel`;
    if (statement) {
      const lines = texts.map((t) =>
        combinator === 'allSettled'
          ? `try {\n${innerIndent(ctx, indent)}${statementText(ctx, `await ${t}`)}\n${indent}} catch {}`
          : statementText(ctx, `await ${t}`),
      );
      ctx.edits.replace(startOf(statement.node), endOf(statement.node), lines.join(`\n${indent}`));
      ctx.change(statement, `${why}: now one after another`);
      return;
    }
    if (declaration) {
      const pattern = (declaration.node.declarations as Node[])[0]!.id as Node;
      const names = (pattern.elements as Array<Node | null>).map((e) => (e ? (e.name as string) : undefined));
      const kind = declaration.node.kind as string;
      const lines = texts.map((t, i) => statementText(ctx, names[i] ? `${kind} ${names[i]} = await ${t}` : `await ${t}`));
      ctx.edits.replace(startOf(declaration.node), endOf(declaration.node), lines.join(`\n${indent}`));
      ctx.change(declaration, `${why}: now one after another, results kept in the same names`);
      return;
    }
    const array = call.node.arguments as Node[];
    const multiline = ctx.source.slice(startOf(array[0]!), endOf(array[0]!)).includes('\n');
    const inner = innerIndent(ctx, indent);
    const value = multiline ? `[\n${texts.map((t) => `${inner}await ${shiftIndent(t, indent, inner)},`).join('\n')}\n${indent}]` : `[${texts.map((t) => `await ${t}`).join(', ')}]`;
    ctx.edits.replace(startOf(awaited!.node), endOf(awaited!.node), value);
    ctx.change(awaited!, `${why}: now one after another (the result is still an array in the same order)`);
  }

  /** `items.forEach(async (x) => {...})` and friends -> `for (const x of items) {...}`. */
  private loop(scope: OperationScope, statement: Path, receiver: Path, callback: Path, options: { settle: boolean; why: string; collect?: CollectingDeclaration; asStatement?: boolean }): void {
    const { ctx } = this;
    const { collect } = options;
    const problem = loopProblem(this.analysis, callback, options.settle, collect !== undefined);
    if (problem) {
      this.report(statement, `${options.why}; it was left as is because ${problem}`);
      return;
    }
    if (!this.ensureAsync(scope, statement, options.why)) return;
    const params = callback.node.params as Node[];
    const receiverText = ctx.edits.take(startOf(receiver.node), endOf(receiver.node));
    const iterable = params.length === 2 ? `${wrapForMember(receiver.node, receiverText)}.entries()` : receiverText;
    const binding = params.length === 2 ? `[${paramText(ctx.source, params[1]!)}, ${paramText(ctx.source, params[0]!)}]` : paramText(ctx.source, params[0]!);
    const body = callback.node.body as Node;
    const indent = indentAt(ctx.source, startOf(statement.node));
    const inner = innerIndent(ctx, indent);
    const declared = collect ? `${statementText(ctx, `${collect.kind} ${collect.name}${collect.annotation} = []`)}\n${indent}` : '';
    // `x = await Promise.all(...)`: the results are assigned once all are in, as before.
    const assigned = collect?.assignTo ? `\n${indent}${statementText(ctx, `${collect.assignTo} = ${collect.name}`)}` : '';
    const header = `${declared}for (const ${binding} of ${iterable}) {`;
    if (body.type === 'BlockStatement') {
      for (const ret of returnsOf(this.analysis, callback)) {
        if (!collect) {
          ctx.edits.replace(startOf(ret.node), endOf(ret.node), statementText(ctx, 'continue'));
          continue;
        }
        // The value the callback returned is what Promise.all() put in the array, in the same place.
        const retIndent = indentAt(ctx.source, startOf(ret.node));
        const pushed = statementText(ctx, `${collect.name}.push(${movedText(ctx, [ret.node.argument as Node], retIndent)})`);
        const text = endsBody(ret, body) ? pushed : statementsOf(ret.parent!.node as Node) ? `${pushed}\n${retIndent}${statementText(ctx, 'continue')}` : `{ ${pushed} ${statementText(ctx, 'continue')} }`;
        ctx.edits.replace(startOf(ret.node), endOf(ret.node), text);
      }
      const first = (body.body as Node[])[0];
      const bodyIndent = first ? indentAt(ctx.source, startOf(first)) : inner;
      // `await Promise.all(\n  items.map(async (x) => {` indents the body deeper than the loop's; a multi-line template's text stays as written.
      const closingLine = lineStartOf(ctx.source, endOf(body) - 1);
      const closingAlone = isBlank(ctx.source.slice(closingLine, endOf(body) - 1));
      if (bodyIndent !== inner && closingAlone && reindentLines(ctx, startOf(body) + 1, closingLine, bodyIndent, inner, multilineTemplates(ctx.source, body))) {
        ctx.edits.replace(startOf(statement.node), startOf(body) + 1, header);
        ctx.edits.replace(closingLine, endOf(statement.node), `${indent}}${assigned}`);
      } else {
        ctx.edits.replace(startOf(statement.node), startOf(body) + 1, header);
        ctx.edits.replace(endOf(body) - 1, endOf(statement.node), `}${assigned}`);
      }
    } else {
      const expression = movedText(ctx, [body], inner);
      const awaited = statementText(ctx, options.asStatement ? expression : collect ? `${collect.name}.push(await ${expression})` : `await ${expression}`);
      const content = options.settle ? `try {\n${innerIndent(ctx, inner)}${awaited}\n${inner}} catch {}` : awaited;
      ctx.edits.replace(startOf(statement.node), endOf(statement.node), `${header}\n${inner}${content}\n${indent}}${assigned}`);
    }
    ctx.change(statement, `${options.why}: now a for...of loop that awaits each step${collect ? `, collecting the results in \`${collect.name}\` in the same order` : ''}`);
  }

  private report(at: Path, reason: string): void {
    this.ctx.report(at, reason);
  }
}

/** `const x = <call>` and `x = <call>;` in `fn`: where a call's value lands in a plain variable. */
function assignedCalls(analysis: MongooseAnalysis, fn: Path): Array<{ at: Path; value: Path; variable: Node }> {
  const out: Array<{ at: Path; value: Path; variable: Node }> = [];
  for (const declarator of analysis.index.within(fn.node, 'VariableDeclarator')) {
    const value = declarator.node.init ? unwrapPath(declarator.get('init') as Path) : undefined;
    if (value && isCall(value.node) && isIdentifier(declarator.node.id as Node)) out.push({ at: declarator.parent as Path, value, variable: declarator.node.id as Node });
  }
  for (const statement of analysis.index.within(fn.node, 'ExpressionStatement')) {
    const expression = statement.node.expression as Node;
    if (expression.type !== 'AssignmentExpression' || expression.operator !== '=' || !isIdentifier(expression.left as Node)) continue;
    const value = unwrapPath(statement.get('expression', 'right') as Path);
    const variable = analysis.bindings.declarationOf(statement.get('expression', 'left') as Path);
    if (isCall(value.node) && variable) out.push({ at: statement, value, variable });
  }
  return out;
}

/**
 * The references that see the value assigned: those up to the next `x = ...` (`let check = a.save(o);
 * if (!check) ...; check = b.save(o);` gives the second operation its own assignment), and those in
 * that assignment's right side, which runs first (`query = query.session(session)`).
 */
function usesOfValue(later: Path[]): Path[] {
  const sorted = [...later].sort((a, b) => startOf(a.node) - startOf(b.node));
  const next = sorted.findIndex((ref) => {
    const parent = ref.parent?.node as Node | undefined;
    return parent?.type === 'AssignmentExpression' && parent.left === ref.node;
  });
  if (next === -1) return sorted;
  const right = (sorted[next]!.parent!.node as Node).right as Node;
  return [...sorted.slice(0, next), ...sorted.slice(next + 1).filter((ref) => encloses(right, ref.node))];
}

/** A use that reads the variable as the operation's result: a test, a property read, a comparison, a response. */
function readsResult(ref: Path): boolean {
  const parentPath = ref.parent as Path | null;
  const parent = parentPath?.node;
  if (!parent) return false;
  if (isMember(parent) && parent.object === ref.node) {
    if (['then', 'catch', 'finally', 'exec'].includes(propertyName(parent) ?? '')) return false;
    const grand = parentPath!.parent?.node as Node | undefined;
    return !(grand && isCall(grand) && grand.callee === parent);
  }
  switch (parent.type) {
    case 'UnaryExpression':
      return parent.operator === '!' || parent.operator === 'typeof';
    case 'IfStatement':
    case 'WhileStatement':
    case 'ConditionalExpression':
      return parent.test === ref.node;
    case 'LogicalExpression':
    case 'BinaryExpression':
    case 'TemplateLiteral':
      return true;
    case 'ObjectProperty':
      return parent.value === ref.node;
    case 'CallExpression':
      return (parent.arguments as Node[]).includes(ref.node) && isSynchronousCall(parentPath!);
    default:
      return false;
  }
}

/** Where a combinator stands: its call, the statement it is the whole of, the await around it. */
interface CombinatorSite {
  call: Path;
  statement: Path | undefined;
  awaited: Path | undefined;
}

type CollectedPlan =
  /** The result is not used: each push becomes `await op`, the array goes, and so does `remove` (the combinator's statement, or the if that guards it). */
  | { kind: 'discard'; remove: Path; keepMap?: boolean }
  /** `const results = await Promise.all(ops)`: the array becomes `results`, filled with the awaited values. */
  | { kind: 'rename'; statement: Path; target: string; declarationKind: string; annotation: string }
  /** The result is used in place: the array holds the awaited values and stands where the await was. */
  | { kind: 'in-place'; target: string; annotation: string | undefined };

/**
 * Why the pushes cannot simply await where they stand: one of them is not in the statement list
 * that holds the combinator, before it (the combinator would wait in a nested block, or before an
 * operation is collected), or a `try` around a push (and not around the combinator) would then
 * catch the operation's failure.
 */
function placementProblem(collected: Collected, call: Path): string | undefined {
  let anchor: Path | undefined;
  for (let current: Path | null = call; current && !isFunction(current.node) && !anchor; current = current.parent as Path | null) {
    if (current.parent && statementsOf(current.parent.node as Node)) anchor = current;
  }
  if (!anchor) return 'it does not stand in a statement list';
  const block = anchor.parent!.node as Node;
  for (const push of collected.pushes) {
    for (let inner = push.call as Path | null; push.forEach && inner && inner.node !== push.forEach.callback.node; inner = inner.parent as Path | null) {
      if (inner.parent?.node.type === 'TryStatement' && inner.parent.node.block === inner.node) {
        return 'an operation is collected inside a try statement of the forEach() callback, whose handlers would then see the operation fail';
      }
    }
    let current = (push.forEach?.statement ?? push.statement) as Path | null;
    for (; current && current.parent?.node !== block; current = current.parent as Path | null) {
      if (isFunction(current.node)) break;
      if (current.parent?.node.type === 'TryStatement' && current.parent.node.block === current.node) {
        return 'an operation is collected inside a try statement that does not hold the Promise.all(), whose handlers would then see the operation fail';
      }
    }
    if (!current || current.parent?.node !== block || isFunction(current.node)) return 'it waits for them in a nested block, not where they are collected';
    if (startOf(current.node) >= startOf(anchor.node)) return 'an operation is collected after it';
  }
  return undefined;
}

/**
 * `const results = await Promise.all(ops);` in the block that declares `ops`: the declaration
 * whose name can take the array's place (no binding of the same name stands between a push and
 * the block).
 */
function renameTarget(analysis: MongooseAnalysis, awaited: Path, collected: Collected, typescript: boolean): CollectingDeclaration | undefined {
  const target = collectedDeclaration(analysis, awaited, analysis.source, typescript);
  if (!target || target.declaration.parent?.node !== collected.declaration.parent!.node) return undefined;
  const id = (target.declaration.node.declarations as Node[])[0]!.id as Node;
  return collected.pushes.every((push) => analysis.bindings.resolve(target.name, push.call) === id) ? target : undefined;
}

/**
 * The annotation the array takes once it holds results (`: Promise<Seat>[]` -> `: Seat[]`,
 * `: Array<Promise<Seat>>` -> `: Array<Seat>`, `: any[]` stays): undefined when it has none, null
 * when the results' type cannot be read from it (`: Pending[]`).
 */
function resultArrayType(source: string, annotation: Node | undefined): string | null | undefined {
  if (!annotation) return undefined;
  const type = annotation.typeAnnotation as Node;
  const text = source.slice(startOf(annotation), endOf(annotation));
  if (type.type === 'TSAnyKeyword') return text;
  const element = type.type === 'TSArrayType' ? (type.elementType as Node) : onlyTypeArgument(type, 'Array');
  if (!element) return null;
  if (element.type === 'TSAnyKeyword' || element.type === 'TSUnknownKeyword') return text;
  const awaited = onlyTypeArgument(element, 'Promise');
  const awaitedText = awaited && source.slice(startOf(awaited), endOf(awaited));
  if (!awaitedText || /\bPromise(Like)?\b/.test(awaitedText)) return null;
  if (type.type === 'TSArrayType') return `: ${NEEDS_PARENS_IN_ARRAY.has(awaited.type) ? `(${awaitedText})` : awaitedText}[]`;
  return `: Array<${awaitedText}>`;
}

const NEEDS_PARENS_IN_ARRAY = new Set(['TSUnionType', 'TSIntersectionType', 'TSFunctionType', 'TSConstructorType', 'TSConditionalType', 'TSTypeOperator']);

/** `T` in `<name><T>` (`Array<T>`, `Promise<T>`). */
function onlyTypeArgument(type: Node, name: string): Node | undefined {
  if (type.type !== 'TSTypeReference' || !isIdentifier(type.typeName as Node, name)) return undefined;
  const params = (type.typeParameters as Node | undefined)?.params as Node[] | undefined;
  return params?.length === 1 ? params[0] : undefined;
}

/** The range of an expression with the parentheses written around it (`(await x)` -> all of it): a name needs none. */
function withParentheses(source: string, node: Node): [number, number] {
  const extra = node.extra as { parenthesized?: boolean; parenStart?: number } | undefined;
  if (!extra?.parenthesized) return [startOf(node), endOf(node)];
  const close = /^\s*\)/.exec(source.slice(endOf(node)));
  return close ? [extra.parenStart!, endOf(node) + close[0].length] : [startOf(node), endOf(node)];
}

/** `const results = await Promise.all(items.map(...))`: the declaration the loop fills instead. */
interface CollectingDeclaration {
  declaration: Path;
  kind: string;
  name: string;
  /** The declared type (`: Seat[]`), or ''. */
  annotation: string;
  /** `x = await Promise.all(...)`: the variable the filled array is assigned to after the loop. */
  assignTo?: string;
}

/**
 * `const results = await Promise.all(...)` as a statement of its own in a statement list, its
 * name not used before it: the results can be pushed into `results` one at a time. In
 * TypeScript without an annotation the array's type is built from the pushes, which a closure
 * reading it cannot see, so none may.
 */
function collectedDeclaration(analysis: MongooseAnalysis, awaited: Path, source: string, typescript: boolean): CollectingDeclaration | undefined {
  const declarator = awaited.parent as Path | null;
  const declaration = declarator?.parent as Path | null;
  if (!declarator || declarator.node.type !== 'VariableDeclarator' || declarator.node.init !== awaited.node) return undefined;
  if (!declaration || (declaration.node.declarations as Node[]).length !== 1 || declaration.node.kind === 'var' || !statementsOf(declaration.parent!.node as Node)) return undefined;
  const id = declarator.node.id as Node;
  if (!isIdentifier(id)) return undefined;
  const fn = enclosingFunction(declaration) ?? (analysis.root.get() as Path);
  const refs = analysis.bindings.referencesIn(fn, id);
  if (refs.some((ref) => startOf(ref.node) < startOf(declaration.node))) return undefined;
  const annotation = id.typeAnnotation as Node | undefined;
  if (!annotation && typescript && refs.some((ref) => enclosingFunction(ref)?.node !== fn.node)) return undefined;
  return { declaration, kind: declaration.node.kind as string, name: id.name as string, annotation: annotation ? source.slice(startOf(annotation), endOf(annotation)) : '' };
}

/** `Promise.all(...)` -> 'all' (likewise allSettled, race); undefined for anything else. */
function combinatorOf(node: Node): string | undefined {
  if (!isCall(node)) return undefined;
  const callee = node.callee as Node;
  if (!isMember(callee) || !isIdentifier(callee.object, 'Promise')) return undefined;
  const name = propertyName(callee);
  return name && COMBINATORS.has(name) ? name : undefined;
}

/** The statement when `await X` is the whole statement. */
function statementOfBareAwait(awaited: Path): Path | undefined {
  const parent = awaited.parent as Path | null;
  return parent?.node.type === 'ExpressionStatement' ? parent : undefined;
}

/** `const [a, b] = await Promise.all(...)`: the declaration, when its pattern is plain names. */
function declarationOfAwait(awaited: Path | undefined): Path | undefined {
  const declarator = awaited?.parent as Path | null;
  const declaration = declarator?.parent as Path | null;
  if (!declarator || declarator.node.type !== 'VariableDeclarator' || declarator.node.init !== awaited!.node) return undefined;
  if (!declaration || (declaration.node.declarations as Node[]).length !== 1) return undefined;
  const pattern = declarator.node.id as Node;
  if (pattern.type !== 'ArrayPattern' || pattern.typeAnnotation) return undefined;
  return (pattern.elements as Array<Node | null>).every((e) => e === null || (isIdentifier(e) && !e.typeAnnotation)) ? declaration : undefined;
}

/** `fn` runs an operation that counts in the scope (in a scope that is only its session's, one that carries the session). */
function containsOperation(analysis: MongooseAnalysis, fn: Path, context: OperationContext, scope: OperationScope): boolean {
  return analysis.index.within(fn.node, 'CallExpression').some((call) => {
    const verdict = awaitVerdict(analysis, call, context);
    return verdict.kind === 'operation' && !(scope.sessionOnly && verdict.outside);
  });
}

/**
 * What a call is, for awaiting: an operation as classifyCall says, or a call given the session
 * that runs an async function of the project (in another file too), whose promise the transaction
 * must wait for. (Only for awaiting: retry safety still looks into such a function, or refuses.)
 */
function awaitVerdict(analysis: MongooseAnalysis, call: Path, context: OperationContext): OperationVerdict {
  const verdict = classifyCall(analysis, call, context);
  if (verdict.kind === 'unknown' && verdict.carriesSession && calledFunction(analysis, call)?.fn.node.async) return { kind: 'operation', lazy: false };
  return verdict;
}

/** Why a callback cannot become a loop body, or undefined when it can. */
function loopProblem(analysis: MongooseAnalysis, callback: Path, settle: boolean, collecting = false): string | undefined {
  const fn = callback.node;
  const params = fn.params as Node[];
  if (params.length === 0 || params.length > 2) return 'the callback does not take one item (and at most an index)';
  if (params.some((p) => p.type === 'AssignmentPattern' || p.type === 'RestElement')) return 'a callback parameter has a default value or is a rest parameter';
  if (params[1] && !isIdentifier(params[1])) return 'the index parameter is not a plain name';
  const parent = callback.parent?.node as Node;
  if ((parent.arguments as Node[]).length > 1) return 'a thisArg is passed';
  if (fn.type === 'FunctionExpression' && some(fn.body as Node, (n) => n.type === 'ThisExpression' || isIdentifier(n, 'arguments'))) {
    return 'the callback uses this or arguments';
  }
  const body = fn.body as Node;
  if (body.type === 'BlockStatement' && settle) return 'a settled loop needs each step in its own try/catch';
  const returns = returnsOf(analysis, callback);
  if (collecting && body.type === 'BlockStatement') {
    // Each step's value goes into the array: every way out of the callback must give one.
    const statements = body.body as Node[];
    if (returns.some((ret) => !ret.node.argument) || !alwaysLeaves(statements)) return 'not every path of the callback returns a value';
  }
  for (const ret of returns) {
    if (ret.node.argument && !collecting) return 'the callback returns a value';
    for (let p = ret.parent as Path | null; p && p.node !== fn; p = p.parent as Path | null) {
      if (LOOP_TYPES.has(p.node.type)) return 'it returns from inside a nested loop';
    }
  }
  return undefined;
}

/** Statements that never run to their end: each path returns or throws (through blocks and if/else). */
function alwaysLeaves(statements: readonly Node[]): boolean {
  const last = statements[statements.length - 1];
  if (!last) return false;
  if (last.type === 'ReturnStatement' || last.type === 'ThrowStatement') return true;
  if (last.type === 'BlockStatement') return alwaysLeaves(last.body as Node[]);
  if (last.type === 'IfStatement') return last.alternate != null && alwaysLeaves([last.consequent as Node]) && alwaysLeaves([last.alternate as Node]);
  return false;
}

/** A return after which the loop body would end anyway: the last statement on its way out of `body`, through blocks and if/else. */
function endsBody(ret: Path, body: Node): boolean {
  for (let child = ret, parent = ret.parent as Path; child.node !== body; child = parent, parent = parent.parent as Path) {
    const list = statementsOf(parent.node);
    if (list ? list[list.length - 1] !== child.node : parent.node.type !== 'IfStatement') return false;
  }
  return true;
}

/** `return` statements of the callback itself (not of functions nested in it). */
function returnsOf(analysis: MongooseAnalysis, fn: Path): Path[] {
  return analysis.index.within(fn.node, 'ReturnStatement').filter((ret) => enclosingFunction(ret)?.node === fn.node);
}

/** A loop variable as written, without its type annotation (for...of declarations cannot have one). */
function paramText(source: string, param: Node): string {
  const annotation = param.typeAnnotation as Node | undefined;
  const end = annotation ? startOf(annotation) : endOf(param);
  return source.slice(startOf(param), end).replace(/\?$/, '').trim();
}

function wrapForMember(node: Node, text: string): string {
  return ['Identifier', 'MemberExpression', 'CallExpression', 'ThisExpression'].includes(node.type) ? text : `(${text})`;
}

/**
 * `x = await Promise.all(items.map(...))` as a statement of its own in a statement list: the loop
 * fills a new array that is assigned to `x` once every step is done, as the combinator's value
 * was (a step that fails leaves `x` as it was, and the steps never see a half-filled `x`).
 */
function assignedCollection(analysis: MongooseAnalysis, awaited: Path): CollectingDeclaration | undefined {
  const assignment = awaited.parent as Path | null;
  const statement = assignment?.parent as Path | null;
  if (assignment?.node.type !== 'AssignmentExpression' || assignment.node.operator !== '=' || assignment.node.right !== awaited.node) return undefined;
  const left = assignment.node.left as Node;
  if (!isIdentifier(left) || statement?.node.type !== 'ExpressionStatement' || !statementsOf(statement.parent!.node as Node)) return undefined;
  const taken = new Set(analysis.index.of('Identifier').map((id) => id.node.name as string));
  const name = freeName(`next${left.name.charAt(0).toUpperCase()}${left.name.slice(1)}`, taken);
  return { declaration: statement, kind: 'const', name, annotation: '', assignTo: left.name };
}

/** `tasks.values()` on a plain name. */
function isMapValues(node: Node): boolean {
  return isCall(node) && (node.arguments as Node[]).length === 0 && isMember(node.callee) && propertyName(node.callee) === 'values' && isIdentifier(node.callee.object as Node);
}

/** A read of a map that its values being results instead of promises does not change: `tasks.keys()`, `tasks.has(key)`, `tasks.size`. */
function readsOnlyKeys(ref: Path): boolean {
  const member = ref.parent?.node as Node | undefined;
  if (!member || !isMember(member) || member.object !== ref.node) return false;
  const name = propertyName(member);
  if (name === 'size') return true;
  const call = ref.parent!.parent?.node as Node | undefined;
  return (name === 'keys' || name === 'has') && call !== undefined && isCall(call) && call.callee === member;
}

/**
 * `if (ops.length) await Promise.all(ops);` (or `ops.length > 0`, `!== 0`, `>= 1`; in braces; no
 * else), the array's only read being that length: the if, and the read. Once each operation is
 * awaited where it is collected, the if has nothing left to guard.
 */
function lengthGuard(collected: Collected, statement: Path | undefined): { statement: Path; read: Path } | undefined {
  const read = collected.reads[0];
  if (!statement || !read || collected.reads.length !== 1) return undefined;
  let guard = statement.parent as Path | null;
  if (guard?.node.type === 'BlockStatement') guard = (guard.node.body as Node[]).length === 1 ? (guard.parent as Path | null) : null;
  if (!guard || guard.node.type !== 'IfStatement' || guard.node.alternate || !statementsOf(guard.parent!.node as Node)) return undefined;
  const member = read.parent!.node as Node;
  if (!isMember(member) || member.object !== read.node || propertyName(member) !== 'length') return undefined;
  const test = unwrapExpression(guard.node.test as Node);
  if (test === member) return { statement: guard, read };
  const zero = (n: Node, value: number) => n.type === 'NumericLiteral' && n.value === value;
  const comparison = test.type === 'BinaryExpression' && unwrapExpression(test.left as Node) === member;
  const nonEmpty = comparison && ((['>', '!==', '!='].includes(test.operator as string) && zero(test.right as Node, 0)) || (test.operator === '>=' && zero(test.right as Node, 1)));
  return nonEmpty ? { statement: guard, read } : undefined;
}

/**
 * Why a forEach() callback that collects operations cannot become a for...of loop: what a loop
 * body cannot do as the callback did (loopProblem), a callback that uses the array it walks (a
 * loop walks an array that changes differently), an async callback (forEach never waited for it),
 * or Promise.allSettled(), whose steps would each need a try of their own.
 */
function forEachProblem(analysis: MongooseAnalysis, callback: Path, combinator: string): string | undefined {
  if (combinator !== 'all') return `Promise.${combinator}() would need each step in its own try/catch`;
  if (callback.node.async) return 'the callback is async';
  const receiverPath = (callback.parent as Path).get('callee', 'object') as Path;
  const receiver = receiverPath.node;
  const walked = analysis.source.slice(startOf(receiver), endOf(receiver));
  if (isIdentifier(receiver) && isMapValue(analysis, receiverPath) && (callback.node.params as Node[]).length < 2) return `\`${walked}\` is a Map, whose forEach() gives values where a loop gives [key, value] pairs`;
  const textOf = (n: Node) => analysis.source.slice(startOf(n), endOf(n));
  if (some(callback.node.body as Node, (n) => (isIdentifier(n) || isMember(n)) && textOf(n) === walked)) return `it uses \`${walked}\`, the array forEach() walks, which a loop walks differently when it changes`;
  return loopProblem(analysis, callback, false);
}

/**
 * Every operation of a forEach callback is the value of a push (`ops.push(op(x, session))`) into
 * an array that a combinator is given and that collectedOperations follows: the combinator's
 * rewrite, or its finding, covers the callback.
 */
function collectedForCombinator(analysis: MongooseAnalysis, callback: Path, context: OperationContext): boolean {
  const operations = analysis.index.within(callback.node, 'CallExpression').filter((call) => awaitVerdict(analysis, call, context).kind === 'operation');
  return operations.length > 0 && operations.every((operation) => {
    for (let current = operation.parent as Path | null; current && current.node !== callback.node; current = current.parent as Path | null) {
      const pushed = isCall(current.node) ? pushedOnto(current) : undefined;
      if (!pushed || !encloses(pushed.value.node, operation.node)) continue;
      const argument = combinatorArgument(analysis, pushed.array);
      return argument !== undefined && collectedOperations(analysis, argument) !== undefined;
    }
    return false;
  });
}

/** The reference to `array` that a combinator is given, in the function that declares the array. */
function combinatorArgument(analysis: MongooseAnalysis, array: Path): Path | undefined {
  const declaration = analysis.bindings.declarationOf(array);
  const origin = declaration ? analysis.bindings.originOf(declaration) : undefined;
  if (origin?.kind !== 'variable') return undefined;
  const fn = enclosingFunction(origin.declarator) ?? (analysis.root.get() as Path);
  return analysis.bindings.referencesIn(fn, declaration!).find((ref) => {
    const combinator = ref.parent?.node as Node | undefined;
    return combinator !== undefined && combinatorOf(combinator) !== undefined && (combinator.arguments as Node[])[0] === ref.node;
  });
}

/** A map whose declared type says its values are promises (`Map<K, Promise<V>>` on the name): they would be results. */
function mapTypeProblem(source: string, declaration: Path): string | undefined {
  const declarator = (declaration.node.declarations as Node[])[0]!;
  const annotation = (declarator.id as Node).typeAnnotation as Node | undefined;
  return annotation ? `the map's declared type (\`${shortText(source, annotation)}\`) would no longer fit the results it then holds` : undefined;
}

/** `new Map<K, Promise<V>>()` -> `new Map<K, V>()`: the type arguments once the map holds results (undefined when nothing changes, null when V cannot be read). */
function resultMapTypeArguments(source: string, init: Node): { start: number; end: number; text: string } | null | undefined {
  const params = (init.typeParameters as Node | undefined)?.params as Node[] | undefined;
  if (!params) return undefined;
  const value = params[1];
  const awaited = params.length === 2 && value ? onlyTypeArgument(value, 'Promise') : undefined;
  if (!awaited) return params.length === 2 && value && !/\bPromise(Like)?\b/.test(source.slice(startOf(value), endOf(value))) ? undefined : null;
  return { start: startOf(value!), end: endOf(value!), text: source.slice(startOf(awaited), endOf(awaited)) };
}

/** A key whose evaluation does nothing: a name, a literal, a property read. */
function isInert(node: Node): boolean {
  if (isIdentifier(node) || /Literal$/.test(node.type) && node.type !== 'TemplateLiteral') return true;
  return isMember(node) && !node.computed && isInert(node.object as Node);
}

/** A name declared with `new Map(...)`. */
function isMapValue(analysis: MongooseAnalysis, name: Path): boolean {
  const declaration = analysis.bindings.declarationOf(name);
  const origin = declaration ? analysis.bindings.originOf(declaration) : undefined;
  const init = origin?.kind === 'variable' ? (origin.declarator.node.init as Node | null) : null;
  return init?.type === 'NewExpression' && isIdentifier(init.callee as Node, 'Map');
}

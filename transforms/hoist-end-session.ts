import { calleeName, contains, enclosingFunction, endOf, isIdentifier, isPromiseCallback, startOf, statementCall, some, type Node, type Path } from '../lib/ast/nodes';
import { asJscodeshiftTransform } from '../lib/jscodeshift-adapter';
import { argumentFor, parameterSlots, type ParameterSlot } from '../lib/ast/parameters';
import { MongooseAnalysis, scopeApi } from '../lib/mongoose/analysis';
import { CallSiteFinder, describeSite, type CallSite } from '../lib/mongoose/callers';
import { parameterRemovalProblem, removeParameterAndArguments } from '../lib/mongoose/helper-parameters';
import { ABORT_FORMS, abortHelpers, endedInFinally, requestErrorHandlerAborts, endSessionStatement, methodCallOn, parametersReadOutside, planOwner, swallowsFailureAt, unguardedAborts, type FinallyPlacement, type OwnerFix, type UnguardedAbort } from '../lib/mongoose/ownership';
import { conditionalOwnership } from '../lib/mongoose/owned-when';
import { requestSessionFindings, requestSessionReceiverFindings, requestSessionReceivers } from '../lib/mongoose/request-sessions';
import { factoryDoubledBy, handedOutByItsFunction } from '../lib/mongoose/factories';
import { relativeTo } from '../lib/mongoose/places';
import { addAwait, appendToFinally, removeStatement, statementText, wrapRestInTryFinally } from '../lib/edit/rewrite';
import { indentAt, lineEndOf, lineStartOf } from '../lib/edit/text';
import { guardPinnedBy } from '../lib/mongoose/spec-pins';
import { mayWriteOptionalChaining } from '../lib/mongoose/optional-chaining';
import { TEXT_MIGHT_APPLY } from '../lib/transform-text';
import type { Transform, TransformContext } from '../lib/transform';

/**
 * Only the function that starts a session ends it, once, in a `finally` that covers every use
 * (docs/mongoose-semantics.md §5.3). `endSession()` calls elsewhere in the owner go; helpers that
 * received the session stop ending it once every caller is such an owner; callbacks of
 * `transaction()`, `withTransaction()` and `withSession()` never end their session.
 */
export const hoistEndSession: Transform = {
  name: 'hoist-end-session',
  description: 'endSession() moves into a finally of the function that started the session; helpers and transaction callbacks stop ending it',
  mongooseVersions: 'every version with sessions (5.2+)',
  mightApply: (source) => TEXT_MIGHT_APPLY['hoist-end-session'](source),
  apply(ctx) {
    const { analysis } = ctx;
    removeEndsInsideSessionScopes(ctx, analysis);
    const owners = fixOwners(ctx, analysis);
    const finder = new CallSiteFinder(ctx, analysis);
    const requestReceivers = requestSessionReceivers(analysis, finder);
    stopReceiversEnding(ctx, analysis, finder, owners, new Set(requestReceivers.map((r) => r.parameter)));
    for (const { at, reason } of requestSessionFindings(analysis)) ctx.report(at, reason, 'no-request-scoped-transaction');
    for (const { at, reason } of requestSessionReceiverFindings(ctx.file, analysis, requestReceivers)) ctx.report(at, reason, 'no-request-scoped-transaction');
  },
};

export default asJscodeshiftTransform(hoistEndSession);

/** `endSession()` inside a callback whose session another API manages: a silent abort (§1.2). */
function removeEndsInsideSessionScopes(ctx: TransformContext, analysis: MongooseAnalysis): void {
  for (const scope of analysis.sessionScopes()) {
    // A wrapper that leaves its session open would leak it once the callback stops ending it.
    if (scope.wrapper && !scope.wrapper.endsSession) continue;
    const api = scopeApi(scope);
    for (const session of scope.sessions) {
      for (const ref of analysis.bindings.referencesIn(scope.callback, session)) {
        const call = methodCallOn(ref, 'endSession');
        if (!call || analysis.enclosingScope(call) !== scope) continue;
        const statement = endSessionStatement(analysis, call);
        if (!statement) {
          ctx.report(call, `endSession() inside a ${api}() callback ends the session while the transaction runs; remove it by hand`, 'no-end-session-in-transaction-callback');
          continue;
        }
        removeStatement(ctx, statement);
        const effect = scope.wrapper ? 'aborts its transaction' : 'aborts the transaction silently';
        ctx.change(statement, `removed endSession() inside the ${api}() callback (${api}() ends the session itself; ending it inside ${effect})`, 'no-end-session-in-transaction-callback');
      }
    }
  }
}

/** Plans and applies the owner rewrite for every session creation; returns the fixes by declaration. */
function fixOwners(ctx: TransformContext, analysis: MongooseAnalysis): Map<Node, OwnerFix> {
  const doubled = doubledFactorySessions(ctx, analysis);
  const unguarded = unguardedAborts(analysis);
  const aborts = unguarded.filter((abort) => !doubled.has(abort.session));
  const guarded = guardAborts(ctx, [...aborts, ...helperAbortsToGuard(ctx, analysis), ...requestErrorHandlerAborts(analysis)]);
  const fixes = new Map<Node, OwnerFix>();
  for (const creation of analysis.sessionCreations()) {
    const double = creation.factory && doubled.get(analysis.bindingOf(creation)?.declaration as Node);
    if (double) {
      const declaration = analysis.bindingOf(creation)?.declaration as Node;
      const ended = endedInFinally(analysis, creation);
      const needsGuard = unguarded.some((abort) => abort.session === declaration);
      // Ended in a finally with every abort guarded: there was nothing to add.
      if (ended && !needsGuard) continue;
      const relayed = double.factory === creation.factory!.name ? '' : `, whose session ${creation.factory!.name}() hands out`;
      const held = ended ? ['its abort was not guarded', 'guard it'] : ['no finally was added to end this session', 'end or guard it'];
      ctx.report(creation.call, `${held[0]}: a test (${relativeTo(ctx.file, double.test)}) replaces or spies on ${double.factory}()${relayed}, so what this code gets there may be a stand-in, not a session; nothing was added that would ${held[1]}`);
      continue;
    }
    const plan = planOwner(analysis, creation);
    if (plan.status === 'skip') continue;
    if (plan.status === 'refuse') {
      if (plan.endsTooEarly) {
        ctx.report(plan.at, `the session is ended while it is still in use: ${plan.reason}`);
        continue;
      }
      // Nothing to move: the session is already ended in a finally (what else the code does with it is another transform's finding).
      if (endedInFinally(analysis, creation)) continue;
      ctx.report(plan.at, `${endsSessionHere(analysis, creation.call) ? 'endSession() was not moved into a finally' : 'no finally was added to end this session'}: ${plan.reason}`);
      continue;
    }
    fixes.set(plan.binding.declaration, plan);
    applyOwnerFix(ctx, plan, guarded);
  }
  return fixes;
}

/** Sessions handed out by a factory of the project that a test replaces with a double, with that test file. */
function doubledFactorySessions(ctx: TransformContext, analysis: MongooseAnalysis): Map<Node, { test: string; factory: string }> {
  const out = new Map<Node, { test: string; factory: string }>();
  for (const creation of analysis.sessionCreations()) {
    // `const session = await getTxSession(); ...; return session`: a relay hands it out, its callers are told.
    const declaration = creation.factory && !handedOutByItsFunction(analysis, creation) && analysis.bindingOf(creation)?.declaration;
    const test = declaration && factoryDoubledBy(ctx.project, creation.factory!);
    if (test) out.set(declaration, test);
  }
  return out;
}

/** The function that starts the session calls endSession() itself (on whatever variable). */
function endsSessionHere(analysis: MongooseAnalysis, creation: Path): boolean {
  const fn = enclosingFunction(creation);
  const within = fn ? analysis.index.within(fn.node, 'CallExpression') : analysis.index.calls();
  return within.some((call) => calleeName(call.node) === 'endSession' && enclosingFunction(call)?.node === fn?.node);
}

/** `if (session.inTransaction())` in front of every abort that can follow a commit; returns the statements guarded. */
function guardAborts(ctx: TransformContext, aborts: UnguardedAbort[]): Set<Node> {
  const guarded = new Set<Node>();
  const { analysis } = ctx;
  for (const { statement, session, presenceCheck, rethrow, target } of aborts) {
    const creation = analysis.sessionCreations().find((c) => analysis.bindingOf(c)?.declaration === session);
    const pinned = guardPinnedBy({ project: ctx.project, file: ctx.file, analysis }, statement, creation ? { kind: 'created', creation } : { kind: 'received' });
    if (pinned) {
      ctx.report(statement, `the abort was not guarded: ${pinned}`, 'no-unguarded-abort');
      continue;
    }
    const expression = statement.node.expression as Node;
    const run = statementCall(statement.node, ABORT_FORMS);
    // An abort that was not waited for gets `await`; one left running on purpose (`void`) stays so.
    const waitedAsWritten = expression.type === 'AwaitExpression' || run?.voided === true;
    // `await session?.abortTransaction()` on a session that may be absent: so may the guard's.
    const name = target ?? (session.name as string);
    const inTransaction = `${name}${(run?.call.callee as Node | undefined)?.optional === true ? '?' : ''}.inTransaction()`;
    const guard = presenceCheck ?? statement;
    // Where the unguarded abort threw, the caught error is thrown: the catch would swallow it.
    const braced = (presenceCheck?.node.consequent as Node | undefined)?.type === 'BlockStatement';
    const otherwise = rethrow ? `${braced ? ' ' : `\n${indentAt(ctx.source, startOf(guard.node))}`}${statementText(ctx, `else ${presenceCheck ? `if (${name}) ` : ''}throw ${rethrow.name}`)}` : '';
    // `if (ownSession) await session.abortTransaction();` takes the guard into its test (unless an else must follow the guard alone).
    const condition = presenceCheck || rethrow ? undefined : soleConditionOf(statement);
    if (presenceCheck) {
      const test = presenceCheck.node.test as Node;
      const present = mayWriteOptionalChaining(ctx.file, analysis, ctx.project.mongoose()) ? `${name}?.inTransaction()` : `${name} && ${name}.inTransaction()`;
      ctx.edits.replace(startOf(test), endOf(test), present);
      if (!waitedAsWritten) addAwait(ctx, expression);
      if (otherwise) ctx.edits.insert(endOf(presenceCheck.node), otherwise);
    } else if (condition) {
      const test = condition.node.test as Node;
      const text = ctx.source.slice(startOf(test), endOf(test));
      const operand = test.type === 'LogicalExpression' && test.operator === '&&' ? text : BARE_OPERANDS.has(test.type) ? text : `(${text})`;
      ctx.edits.replace(startOf(test), endOf(test), `${operand} && ${inTransaction}`);
      if (!waitedAsWritten) addAwait(ctx, expression);
    } else {
      const call = ctx.source.slice(startOf(expression), endOf(statement.node));
      const awaited = waitedAsWritten ? call : `await ${call}`;
      ctx.edits.replace(startOf(statement.node), endOf(statement.node), `if (${inTransaction}) ${awaited}${otherwise}`);
    }
    if (rethrow?.declare) ctx.edits.insert(startOf(rethrow.declare.node.body as Node), `(${rethrow.name}) `);
    const kept = rethrow ? `; the catch neither rethrows nor reports the error, so when the abort is skipped the error is thrown again (\`else throw ${rethrow.name}\`), as the abort's own error was, instead of the failed commit passing for a success` : '';
    ctx.change(statement, `abortTransaction() now runs only while the transaction is open, so the error of a failed commit is not masked by "Cannot call abortTransaction after calling commitTransaction"${kept}`, 'no-unguarded-abort');
    guarded.add(statement.node);
  }
  return guarded;
}

/**
 * Helpers that abort the session they are given, where every caller is known and none would let a
 * failure pass unseen once the abort no longer throws after a failed commit; the others are reported.
 */
function helperAbortsToGuard(ctx: TransformContext, analysis: MongooseAnalysis): UnguardedAbort[] {
  const helpers = abortHelpers(analysis);
  if (helpers.length === 0) return [];
  const finder = new CallSiteFinder(ctx, analysis);
  return helpers.filter(({ fn, statement }) => {
    const search = finder.find(fn);
    const reads = parametersReadOutside(analysis, fn, statement.node);
    const problem =
      search.incomplete ??
      (search.sites.length === 0 ? 'no caller was found' : undefined) ??
      search.sites.filter((site) => swallowsFailureAt(site.analysis, site.call, (index) => reads.has(index))).map((site) => `the catch at ${describeSite(ctx.file, site)} would let a failed commit pass for a success`)[0];
    if (problem) ctx.report(statement, `this function aborts the session it is given without checking that the transaction is still open (after a failed commit the abort throws and hides the commit's error); no guard was added because ${problem}`, 'no-unguarded-abort');
    return problem === undefined;
  });
}

/** Tests that stay one operand of `&&` without parentheses. */
const BARE_OPERANDS = new Set(['Identifier', 'MemberExpression', 'OptionalMemberExpression', 'CallExpression', 'OptionalCallExpression', 'UnaryExpression', 'BinaryExpression', 'BooleanLiteral']);

/** The `if` (without else) whose whole consequent is `statement`, directly or in a block of its own. */
function soleConditionOf(statement: Path): Path | undefined {
  let candidate = statement.parent as Path | null;
  if (candidate?.node.type === 'BlockStatement') {
    if ((candidate.node.body as Node[]).length !== 1) return undefined;
    candidate = candidate.parent as Path | null;
  }
  return candidate?.node.type === 'IfStatement' && !candidate.node.alternate && candidate.node.consequent === (statement.parent?.node.type === 'BlockStatement' ? statement.parent.node : statement.node) ? candidate : undefined;
}

function applyOwnerFix(ctx: TransformContext, fix: OwnerFix, guarded: Set<Node>): void {
  const name = fix.binding.declaration.name as string;
  for (const removal of fix.removals) removeStatement(ctx, removal);
  for (const abort of fix.awaits) if (!guarded.has(abort.node)) addAwait(ctx, abort.node.expression as Node);

  const placement = fix.placement;
  if (placement.kind === 'chain') {
    endReturnedChain(ctx, name, fix.binding.statement, placement);
    return;
  }
  if (placement.kind !== 'present') {
    const mayBeUnset = (fix.owned !== undefined && fix.owned.test === undefined) || (placement.kind === 'append' && placement.sessionMayBeUnset);
    // Where `?.` may not parse (old Node), a session that may be unset is tested: `if (session) await session.endSession()`.
    const optional = mayBeUnset && mayWriteOptionalChaining(ctx.file, ctx.analysis, ctx.project.mongoose());
    const call = `await ${name}${optional ? '?' : ''}.endSession()`;
    const tests = [fix.owned?.test, mayBeUnset && !optional ? name : undefined].filter((test): test is string => Boolean(test));
    const condition = tests.length > 1 ? tests.map((test) => (/^[\w$.]+$/.test(test) ? test : `(${test})`)).join(' && ') : tests[0];
    const end = statementText(ctx, condition ? `if (${condition}) ${call}` : call);
    if (placement.kind === 'append') appendToFinally(ctx, placement.tryStatement, end);
    else wrapRestInTryFinally(ctx, placement.block, placement.fromIndex, end, placement.toIndex);
  }
  if (placement.kind !== 'present' || fix.removals.length > 0) {
    const what =
      placement.kind === 'present'
        ? `removed ${fix.removals.length} endSession() call${fix.removals.length === 1 ? '' : 's'} outside the finally that already ends the session`
        : fix.removals.length > 0
          ? `moved endSession() into a finally (${fix.removals.length} call${fix.removals.length === 1 ? '' : 's'} removed)`
          : 'added a finally that ends the session, which was never ended';
    const condition = fix.owned?.test ? `, only when this function created it (\`${fix.owned.test}\`)` : '';
    ctx.change(fix.binding.statement, `${what}${condition}`);
  }
}

/** The returned chain ends the session when it settles: its last link calls the `endSession` it named, or a `.finally()` link does. */
function endReturnedChain(ctx: TransformContext, name: string, at: Path, placement: Extract<FinallyPlacement, { kind: 'chain' }>): void {
  if (placement.uncalled) {
    ctx.edits.insert(endOf(placement.uncalled.node), '()');
    ctx.change(placement.uncalled, `\`.finally(() => ${name}.endSession)\` named endSession() without calling it, so the session was never ended: it is called now, when the returned chain settles`);
    return;
  }
  const callee = placement.chain.node.callee as Node;
  const beforeDot = ctx.source.slice(endOf(callee.object as Node), startOf(callee.property as Node)).replace(/\.\s*$/, '');
  const layout = beforeDot.includes('\n') ? beforeDot.slice(beforeDot.lastIndexOf('\n')) : '';
  ctx.edits.insert(endOf(placement.chain.node), `${layout}.finally(() => ${name}.endSession())`);
  ctx.change(at, 'the returned chain now ends the session when it settles (`.finally()`); it was never ended, and a finally of the function would have ended it while the chain still ran');
}

/**
 * A helper that ends a session it received aborts its caller's transaction. It stops doing so
 * when every caller is an owner whose finally ends the session (or will, after this run).
 * Parameters route handlers fill from the request (`fromRequest`) have their own finding.
 */
function stopReceiversEnding(ctx: TransformContext, analysis: MongooseAnalysis, finder: CallSiteFinder, owners: Map<Node, OwnerFix>, fromRequest: Set<Node>): void {
  const scopeCallbacks = new Set(analysis.sessionScopes().map((s) => s.callback.node));
  for (const fn of analysis.index.functions()) {
    // A `.then()` callback is handed the value its promise resolved to: it owns that session, no caller passed it.
    if (scopeCallbacks.has(fn.node) || isPromiseCallback(fn)) continue;
    for (const slot of parameterSlots(fn.node)) {
      const id = slot.declaration;
      // `if (!session) { session = await X.startSession(); ... }`: the owner's plan decides about its ends.
      if (ownSessionIn(analysis, fn, id) || fromRequest.has(id)) continue;
      const ends = analysis.bindings
        .referencesIn(fn, id)
        .map((ref) => methodCallOn(ref, 'endSession'))
        .filter((call): call is Path => call !== undefined && enclosingFunction(call)?.node === fn.node);
      if (ends.length === 0) continue;
      const statements = ends.map((call) => endSessionStatement(analysis, call));
      const unremovable = statements.findIndex((s) => s === undefined);
      if (unremovable !== -1) {
        ctx.report(ends[unremovable]!, 'this function ends a session it received, and the call is used as a value; remove it by hand');
        continue;
      }
      const onlyWhenGiven = ends.every((call) => runsOnlyWithSession(call, id, fn.node));
      const verdict = callersEndSession(ctx, finder, analysis, owners, fn, slot, onlyWhenGiven);
      // A parameter that is neither named nor typed as a session is one only if its callers say so.
      if (verdict !== undefined && !analysis.isSessionDeclaration(id)) continue;
      if (verdict !== undefined) {
        ctx.report(ends[0]!, `${whatReceiverDoes(analysis, fn, id)}; the call was not removed: ${verdict}`);
        continue;
      }
      removeReceiverEnds(ctx, statements as Path[]);
      ctx.change(ends[0]!, `stopped ending the received session \`${id.name as string}\` (its callers end it in their finally)`);
      if (analysis.bindings.referencesIn(fn, id).length === ends.length) dropUnreadParameter(ctx, analysis, finder, fn, slot);
    }
  }
}


/** The function makes a session of its own in this variable (a parameter it fills when the caller passed none). */
function ownSessionIn(analysis: MongooseAnalysis, fn: Path, declaration: Node): boolean {
  return analysis.sessionCreations().some((c) => enclosingFunction(c.call)?.node === fn.node && (conditionalOwnership(analysis, c)?.binding.declaration ?? analysis.bindingOf(c)?.declaration) === declaration);
}

/** The received session was only ever ended here: with that gone, the parameter goes too, or the reviewer is told. */
function dropUnreadParameter(ctx: TransformContext, analysis: MongooseAnalysis, finder: CallSiteFinder, fn: Path, slot: ParameterSlot): void {
  const sites = finder.find(fn).sites;
  const problem = parameterRemovalProblem(analysis, finder, fn, slot, sites);
  if (problem) {
    ctx.report(fn, `nothing reads the session parameter \`${slot.declaration.name as string}\` of this function any more; it was left in place because ${problem}: remove it by hand`);
    return;
  }
  removeParameterAndArguments(ctx, fn, slot.index, sites, new Set());
}

/** What ending a received session does to the caller, said as it is for this function. */
function whatReceiverDoes(analysis: MongooseAnalysis, fn: Path, session: Node): string {
  const methods = new Set(
    analysis.bindings
      .referencesIn(fn, session)
      .map((ref) => ['commitTransaction', 'abortTransaction'].find((m) => methodCallOn(ref, m) !== undefined))
      .filter((m): m is string => m !== undefined),
  );
  if (methods.size === 0) return 'this function ends a session it received from its caller, so the caller cannot use it afterwards (and ending a session whose transaction is still open aborts that transaction)';
  const done = methods.size === 2 ? 'committing or aborting it' : methods.has('commitTransaction') ? 'committing it' : 'aborting it';
  return `this function ends a session it received from its caller after ${done}, so the caller can no longer use the session; ending it is the caller's job`;
}

/** The call runs only when the session was given: under `if (session)` (or `session != null`...), or as `session?.endSession()`. */
function runsOnlyWithSession(call: Path, session: Node, fn: Node): boolean {
  const callee = call.node.callee as Node;
  if (callee.type === 'OptionalMemberExpression' && callee.optional === true) return true;
  for (let child = call, parent = call.parent as Path | null; parent && parent.node !== fn; child = parent, parent = parent.parent as Path | null) {
    if (parent.node.type === 'IfStatement' && parent.node.consequent === child.node && testsPresence(parent.node.test as Node, session)) return true;
    if (parent.node.type === 'LogicalExpression' && parent.node.operator === '&&' && parent.node.right === child.node && testsPresence(parent.node.left as Node, session)) return true;
  }
  return false;
}

function testsPresence(test: Node, session: Node): boolean {
  if (isIdentifier(test, session.name as string)) return true;
  if (test.type === 'BinaryExpression' && ['!=', '!=='].includes(test.operator as string)) return isIdentifier(test.left as Node, session.name as string);
  if (test.type === 'LogicalExpression' && test.operator === '&&') return testsPresence(test.left as Node, session) || testsPresence(test.right as Node, session);
  return false;
}

/**
 * Undefined when every caller passes a session it owns and ends in a finally (or, when the
 * function ends the session only if it was given one, passes none); else the reason.
 */
function callersEndSession(
  ctx: TransformContext,
  finder: CallSiteFinder,
  analysis: MongooseAnalysis,
  owners: Map<Node, OwnerFix>,
  fn: Path,
  slot: ParameterSlot,
  onlyWhenGiven: boolean,
): string | undefined {
  const passesOwnSession = (there: MongooseAnalysis, call: Path) => {
    const arg = argumentFor(call, slot);
    const declaration = typeof arg !== 'string' && isIdentifier(arg.node) ? there.bindings.declarationOf(arg) : undefined;
    return declaration !== undefined && there.sessionCreations().some((c) => there.bindingOf(c)?.declaration === declaration);
  };
  if (!finder.hasCallByName(fn, ownerMarkers(analysis), passesOwnSession)) return 'no caller was found that passes a session it started';
  const search = finder.find(fn);
  if (search.incomplete) return search.incomplete;
  if (search.sites.length === 0) return 'no caller was found, so nothing else would end the session';
  for (const site of search.sites) {
    const problem = callerProblem(ctx, site, slot, onlyWhenGiven, site.analysis === analysis ? owners : undefined);
    if (problem) return problem;
  }
  return undefined;
}

/**
 * Text a caller that owns its session holds: `startSession()`, or a call of a session factory
 * (`helper.startTransaction()`, or a factory of the helper's own file, such as a transaction
 * service's `start()` beside its `commitAndEnd(session)`), whose caller owns what it hands out.
 */
function ownerMarkers(analysis: MongooseAnalysis): string[] {
  const factories = analysis.index.functions().map((fn) => analysis.factoryOf(fn)?.name).filter((name): name is string => name !== undefined);
  return ['startSession', 'Session(', 'Transaction(', ...new Set(factories.map((name) => `${name}(`))];
}

function callerProblem(ctx: TransformContext, site: CallSite, slot: ParameterSlot, onlyWhenGiven: boolean, localOwners: Map<Node, OwnerFix> | undefined): string | undefined {
  const where = describeSite(ctx.file, site);
  const argPath = argumentFor(site.call, slot);
  if (argPath === 'absent' && onlyWhenGiven) return undefined;
  if (typeof argPath === 'string' || !isIdentifier(argPath.node)) return `the call at ${where} does not pass a session variable`;
  const declaration = site.analysis.bindings.declarationOf(argPath);
  const creation = site.analysis.sessionCreations().find((c) => declaration !== undefined && site.analysis.bindingOf(c)?.declaration === declaration);
  if (!declaration || !creation) return `the caller at ${where} passes a session it did not start`;
  const double = creation.factory && factoryDoubledBy(ctx.project, creation.factory);
  if (double) {
    const through = double.factory === creation.factory!.name ? '' : ` (through ${double.factory}())`;
    return `the caller at ${where} gets its session from ${creation.factory!.name}()${through}, which a test (${relativeTo(ctx.file, double.test)}) replaces or spies on, so what it gets there may be a stand-in and no finally is added there to end it`;
  }
  const plan = localOwners?.get(declaration) ?? planOwner(site.analysis, creation);
  if (plan.status === 'refuse') return `the caller at ${where} does not end the session in a finally that covers every use: ${plan.reason}`;
  if (plan.status !== 'fix') return `the caller at ${where} cannot end the session in a finally`;
  if (!contains(plan.fn.node, site.call.node)) return `the call at ${where} is outside the function that owns the session`;
  if (plan.placement.kind !== 'present' && site.file !== ctx.file && !ctx.inRun(site.file)) {
    return `the caller at ${where} is not part of this run, so its finally would not be added`;
  }
  return undefined;
}

/** Deletes the received session's endSession() calls; an emptied finally goes, and a bare try is unwrapped. */
function removeReceiverEnds(ctx: TransformContext, statements: Path[]): void {
  const byFinally = new Map<Node, Path[]>();
  for (const statement of statements) {
    const block = statement.parent as Path | null;
    const tryPath = block?.parent as Path | null;
    if (tryPath?.node.type === 'TryStatement' && tryPath.node.finalizer === block!.node) {
      byFinally.set(tryPath.node, [...(byFinally.get(tryPath.node) ?? []), statement]);
    } else {
      removeStatement(ctx, statement);
    }
  }
  for (const [tryNode, removed] of byFinally) {
    const finalizer = tryNode.finalizer as Node;
    const emptied = (finalizer.body as Node[]).every((s) => removed.some((r) => r.node === s));
    if (!emptied) {
      for (const statement of removed) removeStatement(ctx, statement);
      continue;
    }
    const tryPath = removed[0]!.parent!.parent as Path;
    if (tryNode.handler) ctx.edits.remove(endOf((tryNode.handler as Node).body as Node), endOf(finalizer));
    else unwrapTry(ctx, tryPath);
  }
}

/** `try { a } finally {}` -> `a`, one level less indented. */
function unwrapTry(ctx: TransformContext, tryPath: Path): void {
  const block = tryPath.node.block as Node;
  const hasTemplate = some(block, (n) => n.type === 'TemplateLiteral' && ctx.source.slice(startOf(n), endOf(n)).includes('\n'));
  const inner = ctx.edits.take(startOf(block) + 1, endOf(block) - 1);
  ctx.edits.take(startOf(tryPath.node), endOf(tryPath.node));
  const unit = ctx.style.indentUnit;
  const lines = inner.replace(/^[ \t]*\n/, '').replace(/\n[ \t]*$/, '').split('\n');
  const dedented = hasTemplate ? lines : lines.map((line) => (line.startsWith(unit) ? line.slice(unit.length) : line.trimStart()));
  const start = lineStartOf(ctx.source, startOf(tryPath.node));
  const end = lineEndOf(ctx.source, endOf(tryPath.node));
  const text = dedented.join('\n');
  if (text.trim() === '') ctx.edits.remove(start, Math.min(end + 1, ctx.source.length));
  else ctx.edits.replace(start, end, text);
}

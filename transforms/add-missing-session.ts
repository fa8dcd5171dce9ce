import semver from 'semver';
import { calleeName, contains as encloses, enclosingFunction, endOf, isCall, isFunction, isIdentifier, isMember, isSynchronousCallback, propertyKey, some, startOf, statementsOf, unwrapExpression, type Node, type Path } from '../lib/ast/nodes';
import { shortText } from '../lib/edit/text';
import { argumentFor, parameterSlots } from '../lib/ast/parameters';
import { appendListItem } from '../lib/edit/rewrite';
import { SourceEdits } from '../lib/edit/edits';
import type { MongooseVersion } from '../lib/facts/project';
import { asJscodeshiftTransform } from '../lib/jscodeshift-adapter';
import { ALS_FLOOR_DESCRIPTION, alsMayApply, alsOnFor, alsSuppliesSession, operationInstance, versionSupportsAls } from '../lib/mongoose/als-support';
import { unwrapPath, type MongooseAnalysis } from '../lib/mongoose/analysis';
import { DOCUMENT_WRITE_OPTIONS, LAZY_OPERATIONS, MODEL_WRITE_OPTIONS, READ_OPERATIONS } from '../lib/mongoose/api';
import { commentSaysOutside, failureCaught, isLogModel, leadsToAbort } from '../lib/mongoose/deliberately-outside';
import { sessionLessWrite, sessionLessWrites, sessionUses, unusedDownstream, type SessionLessWrite, type UnusedSession } from '../lib/mongoose/helper-writes';
import { CallSiteFinder, describeSite } from '../lib/mongoose/callers';
import { sessionlessCallbacks, type SessionlessWrapper } from '../lib/mongoose/sessionless-wrappers';
import { calledFunction, type CalledFunction } from '../lib/mongoose/callees';
import { clientOf, differentClients } from '../lib/mongoose/connections';
import { contains, directScopes, mayAwaitIn, scopeClient, scopeSessionInstance, type OperationScope } from '../lib/mongoose/operation-scopes';
import { lineOf, relativeTo } from '../lib/mongoose/places';
import { callChain, carriesSession, classifyCall, droppedValue, hasNullishSession, isInnerLink, modelOfDocument, operationContext, type CallChain, type OperationContext } from '../lib/mongoose/operations';
import { insideAssertion } from '../lib/mongoose/test-doubles';
import type { RuleName } from '../lib/rules';
import type { Transform, TransformContext } from '../lib/transform';
import { TEXT_MIGHT_APPLY } from '../lib/transform-text';

/**
 * A write inside a transaction that is sent without the transaction's session runs outside it: no
 * abort undoes it, and a retry of `transaction()` writes it again (docs/mongoose-semantics.md
 * §3.4, §4.1). Such writes get the session in the form the call takes; `create()` with a session
 * and several documents gets `ordered: true` (§2.6, §4.1).
 */
export const addMissingSession: Transform = {
  name: 'add-missing-session',
  description: 'writes inside a transaction sent without its session get it; create() with a session and several documents gets ordered: true',
  mongooseVersions: 'every version with transactions; ordered: true from 7.3.0 (reported before); nothing is added where AsyncLocalStorage supplies the session (7.8.x, 8.4.0+)',
  mightApply: (source) => TEXT_MIGHT_APPLY['add-missing-session'](source),
  apply(ctx) {
    const adder = new SessionAdder(ctx, ctx.analysis, directScopes(ctx.analysis));
    for (const call of ctx.analysis.index.calls()) {
      if (!isInnerLink(call)) adder.visit(call);
    }
    for (const call of ctx.analysis.index.calls()) adder.orderCreate(call);
    reportSessionlessWrappers(ctx, ctx.analysis);
  },
};

export default asJscodeshiftTransform(addMissingSession);

/**
 * The writes of another file of the run that this transform gives the session when the run reaches
 * that file (it runs first there, on the text as it is on disk): what a transform of this file may
 * count on being fixed by the same run. Nothing is written; `ctx` is this file's context.
 */
export function writesGivenSessionIn(ctx: TransformContext, analysis: MongooseAnalysis, file: string): Set<Node> {
  const given = new Set<Node>();
  const dry: TransformContext = {
    j: ctx.j,
    root: ctx.root,
    style: ctx.style,
    settings: ctx.settings,
    transforms: ctx.transforms,
    project: ctx.project,
    types: ctx.types,
    inRun: (other) => ctx.inRun(other),
    file,
    source: analysis.source,
    analysis,
    edits: new SourceEdits(analysis.source),
    change: (path: Path) => given.add(path.node),
    report: () => undefined,
  };
  const adder = new SessionAdder(dry, analysis, directScopes(analysis));
  for (const call of analysis.index.calls()) {
    if (!isInnerLink(call)) adder.visit(call);
  }
  return given;
}

const NO_SESSION = 'runs outside the transaction (no session)';
/** Why a best-effort write cannot simply be given the session. */
const BEST_EFFORT_RISK = 'inside it, a failed write can abort the whole transaction, which the catch would hide until the commit fails';

/** Calls that build an array from another (`lines.map(...)`): a create() of their value may hold several documents. */
const ARRAY_BUILDERS = new Set(['map', 'flatMap', 'filter', 'concat', 'slice', 'from', 'fill']);

/** Where a write's session goes and the text that puts it there. */
type Placement =
  | { kind: 'argument'; at: Path; text: string }
  | { kind: 'property'; object: Path; text: string }
  | { kind: 'link'; call: Path; text: string }
  | { kind: 'spread'; options: Path; text: string; sessionAlone?: boolean };

class SessionAdder {
  private readonly contexts = new Map<OperationScope, OperationContext>();
  /** create() calls given `ordered: true` with their session. */
  private readonly ordered = new Set<Node>();
  /** transaction() callbacks without a session parameter, reported once each. */
  private readonly parameterless = new Set<OperationScope>();
  private readonly mongoose: MongooseVersion;

  constructor(
    private readonly ctx: TransformContext,
    private readonly analysis: MongooseAnalysis,
    private readonly scopes: OperationScope[],
  ) {
    this.mongoose = ctx.project.mongoose();
  }

  /** An operation chain (its outermost call): a write in a transaction without the session gets it. */
  visit(call: Path): void {
    if (insideAssertion(call)) return;
    const scope = this.innermostScope(call);
    if (!scope?.inTransaction || !this.onTransactionPath(scope, call)) return;
    const chain = callChain(call);
    const base = chain.links[0];
    const method = base?.method;
    if (!base || !method || READ_OPERATIONS.has(method)) return;
    const receiver = chain.root ? this.writeReceiver(scope, call, chain) : undefined;
    if (!receiver) {
      this.checkHelper(scope, call, chain);
      return;
    }
    if (receiver === 'callback') {
      this.ctx.report(call, `${this.label(chain)} passes a Node-style callback, so the session was not added; it runs outside the transaction: pass { session } before the callback by hand`);
      return;
    }
    const why = this.leaveAlone(scope, chain, receiver);
    if (why) {
      if (why !== 'silent') this.ctx.report(call, why);
      return;
    }
    const unawaited = this.unawaited(scope, call);
    if (unawaited.left) {
      this.ctx.report(call, `${this.label(chain)} ${unawaited.left}`);
      return;
    }
    const session = this.sessionName(scope, call);
    if (!session) {
      this.reportNoName(scope, call, chain);
      return;
    }
    const placement = this.placement(chain, receiver, session);
    if (typeof placement === 'string') {
      this.ctx.report(call, `${this.label(chain)} ${placement}`);
      return;
    }
    this.apply(placement);
    const ordered = this.ordered.has(base.call.node) ? ' (with ordered: true, which create() needs with a session and several documents from Mongoose 8.10.0)' : '';
    // A hand-managed transaction needs it even with AsyncLocalStorage on; once it is a transaction(), strip-als-session takes it out again.
    const later = !scope.alsInstance && alsOnFor(this.ctx.project, scopeSessionInstance(this.analysis, scope)) ? '; AsyncLocalStorage supplies it only inside transaction()' : '';
    const ran = unawaited.awaitedLater === 'lazy' ? 'nothing awaited it, so it never ran; add-missing-await awaits it, with the session' : `without it the write ran outside the transaction, and no abort undid it${unawaited.awaitedLater ? ' (add-missing-await awaits it, so it finishes before the commit)' : ''}`;
    if (placement.kind === 'spread' && placement.sessionAlone) {
      this.ctx.change(call, `gave ${this.label(chain)} its session as an option (\`${placement.text}\`): Mongoose reads \`options.session\` there and ignored the session passed alone, so the write ran outside the transaction, and no abort undid it${later}`);
      return;
    }
    this.ctx.change(call, `passed the session to ${this.label(chain)}${ordered}: ${ran}${later}`);
  }

  /**
   * A write nothing awaits: given the session as it stands, an eager one could still run after the
   * commit (outside the transaction all the same) or after the session ends (and throw), and a lazy
   * one never runs at all. It gets the session only where add-missing-await, in the same run, awaits
   * it (`awaitedLater`, with its kind); elsewhere it is `left` as written, with the reason.
   */
  private unawaited(scope: OperationScope, call: Path): { left?: string; awaitedLater?: 'lazy' | 'eager' } {
    const dropped = droppedValue(call);
    if (!dropped) return {};
    const verdict = classifyCall(this.analysis, call, this.contextOf(scope));
    // An async callback's promise resolves with the query's result, which runs the query.
    const lazy = verdict.kind === 'operation' && verdict.lazy && !(dropped === 'callback' && enclosingFunction(call)?.node.async === true);
    const awaitable = dropped === 'statement' && mayAwaitIn(scope, call);
    if (awaitable && this.ctx.transforms.includes('add-missing-await')) return { awaitedLater: lazy ? 'lazy' : 'eager' };
    const hint = awaitable ? ' (add-missing-await awaits it)' : dropped === 'callback' ? ' (in a for...of loop instead of forEach())' : '';
    if (lazy) {
      return { left: `has no session and nothing awaits it, so it never runs (a query runs only when awaited, exec()-ed or then()-ed); the session was not added: await it with { session }${hint} if the write is wanted` };
    }
    return {
      left: `has no session and nothing awaits it, so it runs outside the transaction and may finish after the commit; the session was not added, since without await the write could still run after the commit, or after the session ends and then throw: await it${hint} and pass { session }`,
    };
  }

  /**
   * A create() with a session and an array that can hold several documents, wherever it is: it
   * throws without `ordered: true` from Mongoose 8.10, and saves the documents in parallel on one
   * session before.
   */
  orderCreate(call: Path): void {
    if (this.ordered.has(call.node) || calleeName(call.node) !== 'create' || insideAssertion(call)) return;
    const chain = callChain(call);
    if (chain.links[0]?.call.node !== call.node || !chain.root || this.analysis.kindOf(chain.root) !== 'model' || projectFunction(this.analysis, call)) return;
    const args = call.node.arguments as Node[];
    const options = args[1];
    if (args.length !== 2 || !options || !carriesSession(this.analysis, [chain.links[0]!], []) || !this.mayHoldSeveral(call.get('arguments', 0) as Path)) return;
    if (options.type === 'ObjectExpression') {
      if ((options.properties as Node[]).some((p) => propertyKey(p) === 'ordered' || p.type === 'SpreadElement')) return;
      if (!this.orderedSupported()) {
        this.reportOrdered(call);
        return;
      }
      appendListItem(this.ctx, options.properties as Node[], 'ordered: true');
      this.ctx.change(call, 'added ordered: true: create() with a session and several documents throws without it from Mongoose 8.10.0, and saved them in parallel on one transaction before', 'create-many-needs-ordered');
      return;
    }
    if (isIdentifier(options) && this.orderedWithSession(call.get('arguments', 1) as Path)) return;
    if (!this.orderedSupported()) {
      this.reportOrdered(call);
      return;
    }
    if (!isIdentifier(options) || !this.literalOptions(call.get('arguments', 1) as Path, 'ordered')) {
      this.ctx.report(call, `create() is given a session and several documents; its options \`${shortText(this.ctx.source, options)}\` may not set ordered: true, which Mongoose 8.10.0 and later require (and without which the documents are saved in parallel): check them`, 'create-many-needs-ordered');
      return;
    }
    this.ctx.edits.replace(startOf(options), endOf(options), `{ ...${options.name as string}, ordered: true }`);
    this.ctx.change(call, 'added ordered: true: create() with a session and several documents throws without it from Mongoose 8.10.0, and saved them in parallel on one transaction before', 'create-many-needs-ordered');
  }

  /**
   * What becomes of a session handed to a function that never uses it: passing it changes nothing,
   * and that function's work (its first write without a session, when it has one) stays outside.
   */
  private unusedText({ target, param }: UnusedSession): string {
    const place = (path: Path) => describeSite(this.ctx.file, { file: target.file ?? this.ctx.file, analysis: target.analysis, call: path });
    const write = sessionLessWrite(target);
    const named = write ? ` (\`${writeLabel(target.analysis.source, callChain(write.call))}\` at ${place(write.call)})` : '';
    return `${target.name}() (${place(target.fn)}), which never uses it (\`${param.name as string}\`): what ${target.name}() does${named} runs outside the transaction whether or not the session is passed here; give that work the session if it belongs in the transaction`;
  }

  /** `Order.updateOne()`, `order.save()`, `new Order(...).save()`: the write, as a reader finds it. */
  private label(chain: CallChain): string {
    return writeLabel(this.ctx.source, chain);
  }

  /**
   * A call of the project's own code inside the transaction that is not given its session: a
   * helper that takes a session, or one that writes without any, runs that work outside the
   * transaction. Reported (naming the helper), never rewritten: the helper may be meant to work
   * outside it, and its other callers decide what it takes.
   */
  private checkHelper(scope: OperationScope, call: Path, chain: CallChain): void {
    const base = chain.links[0]!;
    if (chain.root && ['model', 'connection', 'session', 'mongoose', 'client'].includes(this.analysis.kindOf(chain.root))) return;
    if (carriesSession(this.analysis, chain.links, scope.sessions) || passesSession(this.analysis, base.call, scope.sessions)) return;
    const verdict = classifyCall(this.analysis, call, this.contextOf(scope));
    if (verdict.kind === 'operation' || verdict.kind === 'callback') return;
    const target = calledFunction(this.analysis, base.call);
    // A call of the helper from inside itself (offsets compare only within one file).
    if (!target || target.fn.node === scope.fn.node || (target.analysis === this.analysis && encloses(target.fn.node, call.node))) return;
    const where = elsewhere(this.ctx.file, target.analysis === this.analysis, target.file);
    const slots = parameterSlots(target.fn.node).filter((slot) => target.analysis.isSessionDeclaration(slot.declaration));
    if (slots.length > 0) {
      const used = slots.filter((slot) => sessionUses(target, slot.declaration) === 'writes');
      if (used.length === 0 || !slots.every((slot) => argumentFor(base.call, slot) === 'absent')) return;
      const unused = unusedDownstream(target, used[0]!.declaration);
      if (unused) {
        this.ctx.report(call, `${target.name}()${where} takes the session (\`${used[0]!.declaration.name as string}\`) but only hands it to ${this.unusedText(unused)}`);
        return;
      }
      this.ctx.report(
        call,
        `${target.name}()${where} takes the session (\`${used[0]!.declaration.name as string}\`) but is called here without it, so what it does with the session runs outside the transaction: pass the session if that work belongs in it`,
      );
      return;
    }
    const write = sessionLessWrite(target);
    if (!write) return;
    const helper = `${target.name}()${where} writes without the session (${writeLabel(target.analysis.source, callChain(write.call))} at line ${lineOf(write.call)})`;
    const advice = 'give the helper the session if the write belongs in it';
    if (write.caught) {
      this.ctx.report(call, `${helper} and catches its failure and passes it over (${write.caught}), as a best-effort write outside the transaction does: ${BEST_EFFORT_RISK}; ${advice} (and let the error through)`);
      return;
    }
    const caught = failureCaught(scope.fn, scope.sessions, chain);
    if (caught) {
      this.ctx.report(call, `${helper} and is not given it, and the failure of this call is caught and passed over (${caught}), as that of a best-effort write outside the transaction is: ${BEST_EFFORT_RISK}; ${advice} (and let the error through)`);
      return;
    }
    this.ctx.report(call, `${helper} and is not given it, so that write runs outside the transaction: ${advice}`);
  }

  /**
   * The session cannot be named here: a `transaction()` or wrapper callback that takes none
   * (reported once, at the call that hands it over), or one shadowed on the way.
   */
  private reportNoName(scope: OperationScope, call: Path, chain: CallChain): void {
    const handedOver = scope.transactionCall ?? scope.wrapper?.call;
    if (handedOver && scope.sessions.length === 0) {
      if (this.parameterless.has(scope)) return;
      this.parameterless.add(scope);
      const first = this.label(chain);
      const api = scope.wrapper ? `${scope.wrapper.name}()` : 'transaction()';
      const given = scope.wrapper ? `, though ${api} hands it one (argument ${scope.wrapper.sessionIndex + 1})` : '';
      let reason = `this ${api} callback takes no session${given}, so its writes (${first} first) run outside the transaction: take the session parameter and pass it to them`;
      if (scope.alsInstance) {
        reason = versionSupportsAls(this.mongoose)
          ? `this ${api} callback takes no session, and AsyncLocalStorage was not found on for its Mongoose instance: unless it is, the callback's writes (${first} first) run outside the transaction; take the session parameter and pass it to them (or run with --als if it is on)`
          : `this ${api} callback takes no session, and Mongoose ${this.mongoose.version ?? ''} has no AsyncLocalStorage (${ALS_FLOOR_DESCRIPTION}), so the callback's writes (${first} first) run outside the transaction: take the session parameter and pass it to them`;
      }
      this.ctx.report(handedOver, reason);
      return;
    }
    this.ctx.report(call, `${this.label(chain)} runs outside the transaction (no session), and the transaction's session has no name that reaches this line: pass it by hand`);
  }

  private innermostScope(call: Path): OperationScope | undefined {
    let best: OperationScope | undefined;
    for (const scope of this.scopes) {
      if (contains(scope, call) && (!best || scope.start > best.start)) best = scope;
    }
    return best;
  }

  private contextOf(scope: OperationScope): OperationContext {
    let context = this.contexts.get(scope);
    if (!context) this.contexts.set(scope, (context = operationContext(this.analysis, scope.fn, scope.sessions, false)));
    return context;
  }

  /**
   * The code runs as part of the transaction's work: not in a catch or finally (error handling,
   * which the abort would undo), not before an unconditional throw or abort (a write meant to
   * outlive it), not in a callback that may run at another time (an event handler, a timer).
   */
  private onTransactionPath(scope: OperationScope, call: Path): boolean {
    for (let child: Path = call, parent = call.parent as Path | null; parent && child.node !== scope.fn.node; child = parent, parent = parent.parent as Path | null) {
      const node = parent.node;
      if (node.type === 'CatchClause') return false;
      if (node.type === 'TryStatement' && node.finalizer === child.node) return false;
      if (isFunction(child.node) && !isSynchronousCallback(child)) return false;
      const siblings = statementsOf(node);
      if (siblings && leadsToAbort(siblings.slice(siblings.indexOf(child.node) + 1))) return false;
    }
    return true;
  }

  /**
   * What the write is sent on: a model, or a document the scope made or loaded without the
   * session; `callback` for a call with a Node-style callback; undefined for anything that is not
   * a Mongoose write without a session.
   */
  private writeReceiver(scope: OperationScope, call: Path, chain: CallChain): 'model' | 'document' | 'callback' | undefined {
    const base = chain.links[0]!;
    const method = base.method!;
    if (chain.root!.node.type === 'NewExpression') {
      const made = this.analysis.kindOf(chain.root!.get('callee') as Path) === 'model';
      const sessionless = !carriesSession(this.analysis, chain.links, scope.sessions) || this.sessionAsOptions(chain, 'document') !== undefined;
      return made && method === 'save' && chain.links.length === 1 && sessionless && !hasNullishSession(chain) ? 'document' : undefined;
    }
    const context = this.contextOf(scope);
    const verdict = classifyCall(this.analysis, call, context);
    const isModel = this.analysis.kindOf(chain.root!) === 'model';
    if (!(method in (isModel ? MODEL_WRITE_OPTIONS : DOCUMENT_WRITE_OPTIONS))) return undefined;
    if (verdict.kind === 'callback') {
      const declaration = isIdentifier(chain.root!.node) ? this.analysis.bindings.declarationOf(chain.root!) : undefined;
      const sessionLess = isModel || (declaration !== undefined && context.documents.has(declaration) && !context.sessionDocuments.has(declaration));
      return sessionLess && !carriesSession(this.analysis, chain.links, scope.sessions) && !hasNullishSession(chain) ? 'callback' : undefined;
    }
    const loaded = !isModel && this.loadedWithSession(chain.root!, scope.sessions);
    if (verdict.kind !== 'operation' || !(verdict.outside || (!loaded && this.sessionAsOptions(chain, isModel ? 'model' : 'document')))) return undefined;
    if (isModel) return this.declaredElsewhere(base.call, chain.root!) || projectFunction(this.analysis, base.call) ? undefined : 'model';
    return 'document';
  }

  /**
   * `const order = await Order.findById(id).session(session)`: a document loaded with the session,
   * which save() uses first whatever it is given (`order.save(session)` is already in the transaction).
   */
  private loadedWithSession(root: Path, sessions: Node[]): boolean {
    const declaration = isIdentifier(root.node) ? this.analysis.bindings.declarationOf(root) : undefined;
    const origin = declaration ? this.analysis.bindings.originOf(declaration) : undefined;
    if (origin?.kind !== 'variable' || origin.declarator.node.id !== declaration) return false;
    const init = origin.declarator.get('init') as Path;
    const load = init.node?.type === 'AwaitExpression' ? (init.get('argument') as Path) : init;
    return load.node !== null && load.node !== undefined && isCall(load.node) && carriesSession(this.analysis, callChain(load).links, sessions);
  }

  /**
   * `doc.save(session)`, `Model.updateOne(filter, update, session)`: the session itself where
   * Mongoose reads an options object. It looks for `options.session` there, finds none, and the
   * write runs without the session. (`create(doc, session)` would save the session as a second
   * document: left to the rules for create().)
   */
  private sessionAsOptions(chain: CallChain, receiver: 'model' | 'document'): Path | undefined {
    const base = chain.links[0]!;
    const position = (receiver === 'model' ? MODEL_WRITE_OPTIONS : DOCUMENT_WRITE_OPTIONS)[base.method!];
    if (position === undefined || (receiver === 'model' && base.method === 'create') || base.args.length <= position) return undefined;
    const argument = unwrapPath(base.call.get('arguments', position) as Path);
    const declaration = isIdentifier(argument.node) ? this.analysis.bindings.declarationOf(argument) : undefined;
    return declaration && !this.analysis.sessionInOptions(declaration) && this.analysis.isSessionDeclaration(declaration) ? argument : undefined;
  }

  /**
   * Type facts place a call on a model known only by its name (`Order.create`) in the project or
   * another package: a look-alike (a service class's static `create`), not a Mongoose model.
   */
  private declaredElsewhere(call: Path, root: Path): boolean {
    if (this.analysis.kindOf(root, 0, false) === 'model') return false;
    const origin = this.ctx.types.thenableAt(this.ctx.file, this.ctx.source, startOf(call.node), endOf(call.node))?.origin;
    return origin === 'project' || origin === 'other';
  }

  /** Why the write keeps no session: a reason to report, `silent` for nothing to add, undefined to add it. */
  private leaveAlone(scope: OperationScope, chain: CallChain, receiver: 'model' | 'document'): string | 'silent' | undefined {
    const base = chain.links[0]!;
    const what = this.label(chain);
    if (hasNullishSession(chain)) return `${what} passes an explicit empty session, so it stays outside the transaction as written`;
    if (scope.alsInstance && alsSuppliesSession(this.ctx.project, this.analysis, chain, scope.alsInstance)) return 'silent';
    const caught = failureCaught(scope.fn, scope.sessions, chain);
    if (caught) {
      return `${what} has no session, and its failure is caught and passed over (${caught}), as a best-effort write outside the transaction is: ${BEST_EFFORT_RISK}; pass the session by hand (and let the error through) if it belongs in it`;
    }
    const connectionProblem = this.connectionProblem(scope, chain, receiver);
    if (connectionProblem) return `${what} ${connectionProblem}`;
    if (isLogModel(receiver === 'model' ? chain.root : modelOfDocument(this.analysis, chain.root!))) {
      return `${what} has no session, so it runs outside the transaction and is kept even when the transaction aborts, as a log may be meant to be: pass the session by hand if it belongs in the transaction`;
    }
    if (commentSaysOutside(this.analysis, base.call)) return `${what} has no session, and a comment says it is meant to stay outside the transaction: pass the session by hand if it belongs in it`;
    return undefined;
  }

  /** The write's model belongs to another client than the transaction's session, or cannot be told apart from one. */
  private connectionProblem(scope: OperationScope, chain: CallChain, receiver: 'model' | 'document'): string | undefined {
    const model = receiver === 'model' ? chain.root! : modelOfDocument(this.analysis, chain.root!);
    if (!model) return undefined;
    const modelClient = clientOf(this.analysis, model);
    const sessionClient = scopeClient(this.analysis, scope);
    if (differentClients(modelClient, sessionClient)) {
      return `is on another connection than the transaction's session, which it cannot take (ClientSession must be from the same MongoClient): it runs outside the transaction`;
    }
    const created = this.ctx.project.als().createdInstances;
    if (modelClient.kind === 'unknown' && created.length > 0 && operationInstance(this.analysis, chain.root!).kind === 'unknown') {
      return `runs outside the transaction (no session), and its model cannot be traced to the transaction's connection while the package creates Mongoose instances of its own (${created.join(', ')}): a session of another client would throw, so pass it by hand if it is the same`;
    }
    return undefined;
  }

  /** The name of the transaction's session where the call is, when it reaches there (the most used one, when several do). */
  private sessionName(scope: OperationScope, call: Path): string | undefined {
    const reachable = scope.sessions.filter((declaration) => this.analysis.bindings.resolve(declaration.name as string, call) === declaration);
    const uses = (declaration: Node) => this.analysis.bindings.referencesIn(scope.fn, declaration).length;
    return reachable.sort((a, b) => uses(b) - uses(a))[0]?.name as string | undefined;
  }

  /** Where the session goes in this call, or why it cannot be put there. */
  private placement(chain: CallChain, receiver: 'model' | 'document', session: string): Placement | string {
    const base = chain.links[0]!;
    const method = base.method!;
    const position = (receiver === 'model' ? MODEL_WRITE_OPTIONS : DOCUMENT_WRITE_OPTIONS)[method];
    if (position === undefined) return `${NO_SESSION}, and where ${method}() takes its options is not known here: pass the session by hand`;
    const args = base.args;
    if (args.some((a) => a.type === 'SpreadElement')) return `${NO_SESSION}; its arguments are spread, so where its options go is not known: pass the session by hand`;
    const property = session === 'session' ? 'session' : `session: ${session}`;
    const alone = this.sessionAsOptions(chain, receiver);
    if (alone) {
      const name = alone.node.name as string;
      return { kind: 'spread', options: alone, text: `{ ${name === 'session' ? 'session' : `session: ${name}`} }`, sessionAlone: true };
    }
    if (receiver === 'model' && method === 'create') return this.createPlacement(base.call, property);
    const lazy = receiver === 'model' ? LAZY_OPERATIONS.has(method) : method === 'updateOne';
    if (args.length < position) {
      return lazy ? { kind: 'link', call: base.call, text: `.session(${session})` } : `${NO_SESSION}; it is given fewer arguments than come before its options: pass the session by hand`;
    }
    if (args.length === position) return { kind: 'argument', at: base.call, text: `{ ${property} }` };
    return this.optionsPlacement(base.call.get('arguments', position) as Path, property, lazy ? { call: base.call, session } : undefined);
  }

  /** `create([docs])` takes options after the array; `create(doc)` and `create(a, b)` cannot take any without changing what they return. */
  private createPlacement(call: Path, property: string): Placement | string {
    const args = call.node.arguments as Node[];
    const first = call.get('arguments', 0) as Path;
    if (args.length === 0) return `${NO_SESSION}, and is given no documents`;
    if (!this.isArray(first)) {
      return args.length === 1
        ? `${NO_SESSION}, and with one document (not an array) create() cannot take options: they would be saved as a second document, and with an array it returns an array; write \`create([doc], { session })\` and take its first element`
        : `${NO_SESSION}, and with its documents as separate arguments create() has no place for options: pass them as one array with { session }`;
    }
    const several = this.mayHoldSeveral(first);
    if (several && !this.orderedSupported()) this.reportOrdered(call);
    const ordered = several && this.orderedSupported();
    if (ordered) this.ordered.add(call.node);
    if (args.length === 1) return { kind: 'argument', at: call, text: `{ ${property}${ordered ? ', ordered: true' : ''} }` };
    if (args.length > 2) return `${NO_SESSION}, and is given more than an array and its options: pass the session by hand`;
    const options = call.get('arguments', 1) as Path;
    if (ordered && options.node.type === 'ObjectExpression' && !(options.node.properties as Node[]).some((p) => propertyKey(p) === 'ordered')) {
      return this.optionsPlacement(options, `${property}, ordered: true`, undefined);
    }
    return this.optionsPlacement(options, property, undefined);
  }

  /**
   * An options argument that is there already: an object literal gets the property (when what it
   * spreads cannot hold a session of its own); a variable holding a known literal without a session
   * gets `.session(s)` on a query, or is spread into a new object.
   */
  private optionsPlacement(options: Path, property: string, query: { call: Path; session: string } | undefined): Placement | string {
    const node = unwrapPath(options).node;
    if (node.type === 'ObjectExpression') {
      const properties = node.properties as Node[];
      const spreads = properties.filter((p) => p.type === 'SpreadElement');
      if (spreads.some((spread) => !this.spreadWithoutSession(options, spread))) return `spreads \`${shortText(this.ctx.source, spreads[0]!.argument as Node)}\` into its options, which may hold a session (or none on purpose): if it does not hold this transaction's, the write runs outside it; pass the session by hand`;
      if (properties.length === 0) return { kind: 'argument', at: options, text: `{ ${property} }` };
      return { kind: 'property', object: unwrapPath(options), text: property };
    }
    const text = shortText(this.ctx.source, options.node);
    if (!isIdentifier(node) || !this.literalOptions(unwrapPath(options), 'session')) return `is given options \`${text}\` that may hold a session (or none on purpose): if they do not hold this transaction's, the write runs outside it; pass the session by hand`;
    if (query) return { kind: 'link', call: query.call, text: `.session(${query.session})` };
    return { kind: 'spread', options, text: `{ ...${text}, ${property} }` };
  }

  /** `...base` where `base` is a const object literal without a session. */
  private spreadWithoutSession(at: Path, spread: Node): boolean {
    const argument = spread.argument as Node;
    if (!isIdentifier(argument)) return false;
    const path = (at.get('properties', (at.node.properties as Node[]).indexOf(spread), 'argument') as Path);
    return this.literalOptions(path, 'session') !== undefined;
  }

  /**
   * `const options = session ? { session, ordered: true } : {}`: the options carry the session only
   * when there is one (sessionInOptions), and set `ordered` then.
   */
  private orderedWithSession(identifier: Path): boolean {
    const declaration = this.analysis.bindings.declarationOf(identifier);
    if (!declaration || this.analysis.sessionInOptions(declaration) === undefined) return false;
    const origin = this.analysis.bindings.originOf(declaration);
    const init = origin?.kind === 'variable' && origin.declaration.kind === 'const' ? (origin.declarator.node.init as Node) : undefined;
    if (init?.type !== 'ConditionalExpression') return false;
    const sets = (object: Node, key: string) => object.type === 'ObjectExpression' && (object.properties as Node[]).some((p) => propertyKey(p) === key);
    const without = unwrapExpression(init.alternate as Node);
    return sets(unwrapExpression(init.consequent as Node), 'ordered') && without.type === 'ObjectExpression' && !sets(without, 'session');
  }

  /** The object literal a `const` options variable holds, when nothing changes it and it does not set `key`. */
  private literalOptions(identifier: Path, key: string): Node | undefined {
    const declaration = this.analysis.bindings.declarationOf(identifier);
    const origin = declaration ? this.analysis.bindings.originOf(declaration) : undefined;
    if (origin?.kind !== 'variable' || origin.declaration.kind !== 'const' || origin.declarator.node.id !== declaration) return undefined;
    const init = origin.declarator.node.init as Node | null;
    if (!init || unwrapExpression(init).type !== 'ObjectExpression') return undefined;
    const literal = unwrapExpression(init);
    const properties = literal.properties as Node[];
    if (properties.some((p) => p.type === 'SpreadElement' || propertyKey(p) === key)) return undefined;
    const changed = this.analysis.bindings.referencesIn(this.analysis.root.get() as Path, declaration!).some((ref) => {
      const parent = ref.parent?.node as Node | undefined;
      return isMember(parent) && parent.object === ref.node && isAssigned(ref.parent as Path);
    });
    return changed ? undefined : literal;
  }

  private isArray(path: Path): boolean {
    const node = unwrapPath(path).node;
    if (node.type === 'ArrayExpression') return true;
    if (isCall(node)) return ARRAY_BUILDERS.has(calleeName(node) ?? '');
    if (!isIdentifier(node)) return false;
    const declaration = this.analysis.bindings.declarationOf(unwrapPath(path));
    if (!declaration) return false;
    const annotation = (declaration.typeAnnotation as Node | undefined)?.typeAnnotation as Node | undefined;
    if (annotation) return annotation.type === 'TSArrayType' || (annotation.type === 'TSTypeReference' && isIdentifier(annotation.typeName as Node, 'Array'));
    const origin = this.analysis.bindings.originOf(declaration);
    const init = origin?.kind === 'variable' ? (origin.declarator.get('init') as Path) : undefined;
    return init?.node ? this.isArray(init) : false;
  }

  /** An array argument that can hold more than one document: a literal of two or more (or with a spread), or anything built. */
  private mayHoldSeveral(path: Path): boolean {
    const node = unwrapPath(path).node;
    if (node.type === 'ArrayExpression') {
      const elements = node.elements as Array<Node | null>;
      return elements.length > 1 || elements.some((e) => e?.type === 'SpreadElement');
    }
    if (node.type === 'ObjectExpression' || node.type === 'NewExpression') return false;
    if (isIdentifier(node)) {
      const declaration = this.analysis.bindings.declarationOf(unwrapPath(path));
      const origin = declaration ? this.analysis.bindings.originOf(declaration) : undefined;
      const init = origin?.kind === 'variable' && origin.declaration.kind === 'const' ? (origin.declarator.get('init') as Path) : undefined;
      if (init?.node) return this.mayHoldSeveral(init);
    }
    return true;
  }

  private orderedSupported(): boolean {
    const { version, assumedCurrent } = this.mongoose;
    return version === undefined ? assumedCurrent : semver.gte(version, '7.3.0');
  }

  private reportOrdered(call: Path): void {
    const { version } = this.mongoose;
    const why =
      version === undefined
        ? "the project's Mongoose version is unknown, and create() takes ordered: true only from 7.3.0: add it on 7.3 or later (8.10 and later throw without it), else save them one at a time"
        : `Mongoose ${version} has no ordered option for create() (it came in 7.3.0): save them one at a time`;
    this.ctx.report(call, `create() with a session and several documents saves them in parallel on one session (undefined behaviour in a transaction); ${why}`, 'create-many-needs-ordered' satisfies RuleName);
  }

  private apply(placement: Placement): void {
    const { edits } = this.ctx;
    switch (placement.kind) {
      case 'argument': {
        const args = placement.at.node.arguments as Node[] | undefined;
        if (args && isCall(placement.at.node)) {
          if (args.length === 0) edits.insert(endOf(placement.at.node) - 1, placement.text);
          else appendListItem(this.ctx, args, placement.text);
        } else {
          edits.replace(startOf(placement.at.node), endOf(placement.at.node), placement.text);
        }
        return;
      }
      case 'property':
        appendListItem(this.ctx, placement.object.node.properties as Node[], placement.text);
        return;
      case 'link':
        edits.insert(endOf(placement.call.node), placement.text);
        return;
      case 'spread':
        edits.replace(startOf(placement.options.node), endOf(placement.options.node), placement.text);
        return;
    }
  }
}

/**
 * Wrappers that call their callback in a transaction without the session, and the writes of the
 * callbacks handed to them: none of those writes is in the transaction, and there is no session in
 * the callback to pass them. Reported, never rewritten (the wrapper's signature and every callback
 * change together). Nothing is said where AsyncLocalStorage hands the callback the session (inside
 * `connection.transaction()`), nor about callbacks that only read.
 */
function reportSessionlessWrappers(ctx: TransformContext, analysis: MongooseAnalysis): void {
  const outsideTransaction = (wrapper: SessionlessWrapper) => !(wrapper.transactionInstance && alsOnFor(ctx.project, wrapper.transactionInstance));
  const finder = new CallSiteFinder(ctx, analysis);
  for (const fn of analysis.index.functions()) {
    const wrapper = (fn.node.params as Node[]).length > 0 ? analysis.sessionlessWrapperOf(fn) : undefined;
    if (!wrapper || !outsideTransaction(wrapper)) continue;
    const write = finder
      .find(fn)
      .sites.map((site) => ({ site, callback: site.analysis.callbackAt(site.call, wrapper.callbackIndex) }))
      .map(({ site, callback }) => ({ site, write: callback && sessionLessWrites({ analysis: site.analysis, fn: callback }, enclosingFunction(site.call)).find((w) => !w.caught) }))
      .find((found) => found.write);
    if (!write) continue;
    const where = describeSite(ctx.file, { ...write.site, call: write.write!.call });
    const first = `${writeLabel(write.site.analysis.source, callChain(write.write!.call))} at ${where} first`;
    ctx.report(
      wrapper.call,
      `${wrapper.name}() calls its callback without the session (\`${shortText(ctx.source, wrapper.call.node)}\` inside the transaction it starts), so the writes of the callbacks handed to it run outside the transaction, which commits none of them (${first})${alsNote(ctx, wrapper)}: hand the callback the session and pass it to each of its writes`,
    );
  }
  const scopes = directScopes(analysis);
  for (const { call, callback, wrapper } of sessionlessCallbacks(analysis)) {
    if (!outsideTransaction(wrapper) || scopes.some((scope) => contains(scope, call))) continue;
    const where = elsewhere(ctx.file, wrapper.analysis === analysis, wrapper.analysis.file);
    const cause = `${wrapper.name}()${where} calls this callback without the session, so there is no session here to add: make ${wrapper.name}() hand the callback its session and pass it to`;
    for (const write of sessionLessWrites({ analysis, fn: callback }, enclosingFunction(call)).filter((w) => !w.caught)) {
      ctx.report(write.call, `${writeLabel(ctx.source, callChain(write.call))} runs outside the transaction: ${cause} this write`);
    }
    for (const helper of writingHelpers(analysis, callback)) {
      const there = elsewhere(ctx.file, helper.target.analysis === analysis, helper.target.file);
      const write = `${writeLabel(helper.target.analysis.source, callChain(helper.write.call))} at line ${lineOf(helper.write.call)}`;
      ctx.report(helper.call, `${helper.target.name}()${there} writes without a session (${write}), which runs outside the transaction: ${cause} the helper`);
    }
  }
}

/** Calls in `fn`'s own body of functions of the project that write without a session (not best-effort). */
function writingHelpers(analysis: MongooseAnalysis, fn: Path): Array<{ call: Path; target: CalledFunction; write: SessionLessWrite }> {
  const found: Array<{ call: Path; target: CalledFunction; write: SessionLessWrite }> = [];
  for (const call of analysis.index.within(fn.node, 'CallExpression')) {
    if (isInnerLink(call) || enclosingFunction(call)?.node !== fn.node) continue;
    const target = calledFunction(analysis, call, { syntaxOnly: true });
    if (!target || target.fn.node === fn.node || (target.analysis === analysis && encloses(target.fn.node, call.node))) continue;
    const write = sessionLessWrite(target);
    if (write && !write.caught) found.push({ call, target, write });
  }
  return found;
}

/** Why AsyncLocalStorage does not hand a session-less callback the session, where the project might expect it to. */
function alsNote(ctx: TransformContext, wrapper: SessionlessWrapper): string {
  if (wrapper.transactionInstance) {
    return versionSupportsAls(ctx.project.mongoose())
      ? '; AsyncLocalStorage, which would give them the session inside transaction(), was not found on for its Mongoose instance'
      : `; Mongoose ${ctx.project.mongoose().version ?? ''} has no AsyncLocalStorage (${ALS_FLOOR_DESCRIPTION}) to give them the session inside transaction()`;
  }
  return alsMayApply(ctx.project) ? '; AsyncLocalStorage gives operations the session only inside connection.transaction(), not in a transaction started by hand' : '';
}

/**
 * The call runs a function of the project (found through the import graph), not Mongoose's: a
 * domain class's static factory named like a model method (`UserEntity.create(props)`).
 */
function projectFunction(analysis: MongooseAnalysis, call: Path): boolean {
  return calledFunction(analysis, call, { syntaxOnly: true }) !== undefined;
}

/** `Order.updateOne()`, `order.save()`, `new Order(...).save()`: a write, as a reader finds it. */
function writeLabel(source: string, chain: CallChain): string {
  const root = chain.root?.node;
  if (!root) return `${chain.links[0]!.method}()`;
  const target = root.type === 'NewExpression' ? (root.callee as Node) : root;
  const text = source.slice(startOf(target), endOf(target)).replace(/\s+/g, '');
  return `${root.type === 'NewExpression' ? `new ${text}(...)` : text}.${chain.links[0]!.method}()`;
}

/** The call hands the session over in some argument: itself, or an object or array that holds it. */
function passesSession(analysis: MongooseAnalysis, call: Path, sessions: Node[]): boolean {
  return (call.node.arguments as Node[]).some((arg) =>
    some(arg, (node) => {
      if (!isIdentifier(node)) return false;
      const declaration = analysis.bindings.resolve(node.name, call);
      return declaration !== undefined && (sessions.includes(declaration) || analysis.isSessionDeclaration(declaration) || analysis.sessionInOptions(declaration) !== undefined);
    }),
  );
}

/** ` (../db/db.service.ts)` for a function of another file than `from`, else nothing. */
function elsewhere(from: string, same: boolean, file: string | undefined): string {
  return same || !file ? '' : ` (${relativeTo(from, file)})`;
}

function isAssigned(member: Path): boolean {
  const parent = member.parent?.node as Node | undefined;
  return (parent?.type === 'AssignmentExpression' && parent.left === member.node) || parent?.type === 'UpdateExpression' || (parent?.type === 'UnaryExpression' && parent.operator === 'delete');
}

import { calleeName, enclosingFunction, endOf, isCall, isIdentifier, isMember, propertyKey, startOf, type Node, type Path } from '../lib/ast/nodes';
import { asJscodeshiftTransform } from '../lib/jscodeshift-adapter';
import { argumentFor, parameterSlots } from '../lib/ast/parameters';
import type { MongooseInstance } from '../lib/mongoose/als-detection';
import { alsActive, alsCovers, alsMayApply, alsOnFor, alsSuppliesSession, operationReceiver } from '../lib/mongoose/als-support';
import { MongooseAnalysis, type SessionScope } from '../lib/mongoose/analysis';
import { DOCUMENT_RESULTS } from '../lib/mongoose/api';
import { CallSiteFinder } from '../lib/mongoose/callers';
import { parameterRemovalProblem, removeParameterAndArguments } from '../lib/mongoose/helper-parameters';
import { callChain, type CallChain } from '../lib/mongoose/operations';
import { removeListItem, removeParameter } from '../lib/edit/rewrite';
import { TEXT_MIGHT_APPLY } from '../lib/transform-text';
import type { MongooseVersion } from '../lib/facts/project';
import type { Transform, TransformContext } from '../lib/transform';

/**
 * With `transactionAsyncLocalStorage` on, every covered operation inside `connection.transaction()`
 * already uses the transaction's session: `{ session }` and `.session(session)` there are noise.
 * They go only where removing them cannot change what the program does
 * (docs/mongoose-semantics.md §2, §5.4).
 */
export const stripAlsSession: Transform = {
  name: 'strip-als-session',
  description: 'with transactionAsyncLocalStorage on, redundant { session } and .session(session) inside connection.transaction() callbacks go',
  mongooseVersions: '8.4.0+ or 7.8.x with transactionAsyncLocalStorage (insertMany 8.5.1+, aggregate().cursor() 8.9.2+, Connection#bulkWrite 8.9.0+)',
  mightApply: (source, project) => TEXT_MIGHT_APPLY['strip-als-session'](source) && alsMayApply(project),
  apply(ctx) {
    const { analysis } = ctx;
    const stripper = new SessionStripper(ctx, analysis, ctx.project.mongoose());
    // Helpers first: a session argument a helper no longer takes is a use its callback loses.
    const removedArguments = alsActive(ctx.project) ? stripper.stripHelpers() : new Set<Node>();
    for (const scope of analysis.sessionScopes()) {
      if (scope.kind === 'transaction' && scope.sessions.length === 1) stripper.stripCallback(scope, removedArguments);
    }
  },
};

export default asJscodeshiftTransform(stripAlsSession);

type Outcome = 'stripped' | 'kept';

/** Helpers are stripped for the default instance's models (the callers' transactions are on it). */
const DEFAULT_INSTANCE: MongooseInstance = { kind: 'default' };

class SessionStripper {
  constructor(
    private readonly ctx: TransformContext,
    private readonly analysis: MongooseAnalysis,
    private readonly mongoose: MongooseVersion,
  ) {}

  /** Strips the callback parameter from every covered operation, then the parameter itself if unused. */
  stripCallback(scope: SessionScope, removedArguments: ReadonlySet<Node>): void {
    const param = scope.sessions[0]!;
    if (this.isReassigned(scope.callback, param)) return;
    const instance = this.analysis.instanceOf(scope.call.get('callee', 'object') as Path);
    if (!alsOnFor(this.ctx.project, instance)) {
      this.reportUntracedInstance(scope, instance);
      return;
    }
    const refs = this.analysis.bindings.referencesIn(scope.callback, param);
    let remaining = refs.length;
    for (const ref of refs) {
      if (removedArguments.has(ref.node)) {
        remaining--;
        continue;
      }
      const direct = this.analysis.enclosingScope(ref)?.call.node === scope.call.node && enclosingFunction(ref)?.node === scope.callback.node;
      if (direct && this.strip(ref, instance) === 'stripped') remaining--;
    }
    if (remaining === 0) this.dropCallbackParameter(scope.callback, param);
  }

  /**
   * A helper that receives the session is stripped when every caller is a transaction() callback
   * passing its own parameter. When nothing would read the parameter afterwards, it goes too, with
   * the argument of every call (all in this file); where it cannot, the helper is kept, since a
   * parameter nothing reads fails linters and `noUnusedParameters`. Returns the arguments removed.
   */
  stripHelpers(): Set<Node> {
    const removedArguments = new Set<Node>();
    const finder = new CallSiteFinder(this.ctx, this.analysis);
    const callbacks = new Set(this.analysis.sessionScopes().map((s) => s.callback.node));
    for (const fn of this.analysis.index.functions()) {
      if (callbacks.has(fn.node)) continue;
      for (const slot of parameterSlots(fn.node)) {
        const param = slot.declaration;
        if (!this.analysis.isSessionDeclaration(param) || this.isReassigned(fn, param)) continue;
        const allRefs = this.analysis.bindings.referencesIn(fn, param);
        const refs = allRefs.filter((ref) => enclosingFunction(ref)?.node === fn.node);
        if (!refs.some((ref) => sessionUse(ref) !== undefined)) continue;
        if (!finder.mayBeCalledWith(fn, ['transaction'])) continue;
        const search = finder.find(fn);
        if (search.incomplete || search.sites.length === 0) continue;
        const allFromCallbacks = search.sites.every((site) => {
          const scope = site.analysis.enclosingScope(site.call);
          const arg = argumentFor(site.call, slot);
          return (
            scope?.kind === 'transaction' &&
            enclosingFunction(site.call)?.node === scope.callback.node &&
            typeof arg !== 'string' &&
            isIdentifier(arg.node) &&
            site.analysis.bindings.declarationOf(arg) === scope.sessions[0]
          );
        });
        if (!allFromCallbacks) continue;
        const leavesUnused = allRefs.length === refs.length && refs.every((ref) => this.stripFor(ref, DEFAULT_INSTANCE, false) !== undefined);
        if (!leavesUnused) {
          for (const ref of refs) this.strip(ref, DEFAULT_INSTANCE);
          continue;
        }
        const stays = parameterRemovalProblem(this.analysis, finder, fn, slot, search.sites);
        if (stays) {
          this.ctx.report(fn, `{ session } kept in this helper: without it nothing would read its session parameter (linters and noUnusedParameters reject that), and the parameter cannot go because ${stays}`);
          continue;
        }
        for (const ref of refs) this.strip(ref, DEFAULT_INSTANCE);
        removeParameterAndArguments(this.ctx, fn, slot.index, search.sites, removedArguments);
      }
    }
    return removedArguments;
  }

  /**
   * AsyncLocalStorage is on for the default instance, but the package also creates instances of its
   * own and this connection cannot be traced to one: its sessions stay, and the reviewer is told.
   */
  private reportUntracedInstance(scope: SessionScope, instance: MongooseInstance): void {
    const mode = this.ctx.project.als();
    if (instance.kind !== 'unknown' || !alsActive(this.ctx.project) || mode.createdInstances.length === 0) return;
    this.ctx.report(
      scope.call,
      `sessions kept: AsyncLocalStorage is on for the default Mongoose instance, but the package also creates \`new Mongoose()\` (${mode.createdInstances.join(', ')}) and this connection cannot be traced to one or the other`,
    );
  }

  /** Removes one use of the session, when it is an option or chain link of a covered operation of the transaction's instance. */
  private strip(ref: Path, instance: MongooseInstance): Outcome {
    const apply = this.stripFor(ref, instance, true);
    if (!apply) return 'kept';
    apply();
    return 'stripped';
  }

  /** How to remove this use of the session, or undefined when it stays (`report`: say why where the reviewer should know). */
  private stripFor(ref: Path, instance: MongooseInstance, report: boolean): (() => void) | undefined {
    const use = sessionUse(ref);
    if (!use) {
      if (report) this.reportPositional(ref);
      return undefined;
    }
    const chain = chainAround(use.call);
    if (!this.covered(chain, instance)) return undefined;
    if (use.kind === 'link') {
      return () => {
        const callee = use.call.node.callee as Node;
        this.ctx.edits.remove(endOf(callee.object as Node), endOf(use.call.node));
        this.ctx.change(use.call, 'removed .session(session): AsyncLocalStorage supplies it');
      };
    }
    return this.optionStripFor(use.call, use.object, use.property, report);
  }

  private optionStripFor(call: Path, object: Path, property: Path, report: boolean): (() => void) | undefined {
    const method = calleeName(call.node);
    const args = call.node.arguments as Node[];
    const properties = object.node.properties as Node[];
    if (method === 'save' && !this.ctx.settings.stripSave) return undefined;
    if (method === 'create') {
      const first = args[0];
      if (first?.type !== 'ArrayExpression') {
        if (report) this.ctx.report(call, 'create() is called with a single document and { session }: the options object is saved as a second document (outside the transaction); stripping would change that, so fix it by hand');
        return undefined;
      }
      const many = (first.elements as unknown[]).length > 1;
      const ordered = properties.some((p) => propertyKey(p) === 'ordered');
      if (many && !ordered) {
        return () => {
          // Without a session, create() saves several documents in parallel inside the transaction.
          this.ctx.edits.replace(startOf(property.node), endOf(property.node), 'ordered: true');
          this.ctx.change(call, 'replaced { session } with { ordered: true }: AsyncLocalStorage supplies the session, ordered keeps the saves sequential');
        };
      }
    }
    return () => {
      if (properties.length === 1) this.removeArgument(call, args.indexOf(object.node));
      else removeListItem(this.ctx, properties, properties.indexOf(property.node));
      if (method === 'save') {
        this.ctx.report(call, 'save() lost its { session } (--strip-save): the document is no longer tracked for the transaction, so an abort or retry does not reset its state');
      }
      this.ctx.change(call, 'removed { session }: AsyncLocalStorage supplies it');
    };
  }

  /** Whether AsyncLocalStorage gives this operation the session, and stripping cannot change its result. */
  private covered(chain: CallChain, instance: MongooseInstance): boolean {
    if (!alsSuppliesSession(this.ctx.project, this.analysis, chain, instance)) return false;
    const method = chain.links[0]!.method!;
    return !(DOCUMENT_RESULTS.has(method) && !chain.links.some((l) => l.method === 'lean') && this.documentsEscape(chain));
  }

  /**
   * Documents loaded or created with an explicit session remember it (`doc.$session()`), and Mongoose
   * tracks them for rollback through it. Without it they are untracked, so the session stays unless
   * the result is discarded or only its properties are read and written.
   */
  private documentsEscape(chain: CallChain): boolean {
    let outer = chain.links[chain.links.length - 1]!.call;
    while (outer.parent && ['AwaitExpression', 'TSAsExpression', 'TSNonNullExpression'].includes((outer.parent.node as Node).type)) outer = outer.parent as Path;
    const parent = outer.parent as Path | null;
    if (parent?.node.type === 'ExpressionStatement') return false;
    if (parent?.node.type !== 'VariableDeclarator') return true;
    const id = parent.node.id as Node;
    const targets = isIdentifier(id) ? [id] : id.type === 'ArrayPattern' ? (id.elements as Array<Node | null>).filter((e): e is Node => e !== null) : [];
    if (targets.length === 0 || !targets.every((t) => isIdentifier(t))) return true;
    const fn = enclosingFunction(parent);
    if (!fn) return true;
    return targets.some((target) => this.analysis.bindings.referencesIn(fn, target).some((ref) => !isHarmlessUse(ref)));
  }

  private isReassigned(fn: Path, param: Node): boolean {
    return this.analysis.bindings.referencesIn(fn, param).some((ref) => {
      const parent = ref.parent?.node as Node | undefined;
      return (parent?.type === 'AssignmentExpression' && parent.left === ref.node) || parent?.type === 'UpdateExpression';
    });
  }

  /** `Model.deleteMany(filter, session)`: the session as a plain argument of an operation is reported. */
  private reportPositional(ref: Path): void {
    const call = ref.parent as Path | null;
    if (!call || !isCall(call.node) || !(call.node.arguments as Node[]).includes(ref.node)) return;
    const chain = chainAround(call);
    if (chain.root && operationReceiver(this.analysis, chain.root) && chain.links[0]?.method && alsCovers(this.mongoose, chain.links[0].method, 'model', false)) {
      this.ctx.report(call, `the session is passed to ${chain.links[0].method}() as a plain argument, so it was left in place: check that the argument is an options object`);
    }
  }

  /** Removes the argument at `index`, with the comma before it; a `null` projection left last goes too. */
  private removeArgument(call: Path, index: number): void {
    const args = call.node.arguments as Node[];
    let first = index;
    if (index === args.length - 1 && index >= 2 && args[index - 1]!.type === 'NullLiteral') first = index - 1;
    const start = first === 0 ? startOf(args[0]!) : endOf(args[first - 1]!);
    const end = first === 0 && args.length > index + 1 ? startOf(args[index + 1]!) : endOf(args[index]!);
    this.ctx.edits.remove(start, end);
  }


  /** `async (session) => ...` -> `async () => ...` once nothing reads the parameter. */
  private dropCallbackParameter(callback: Path, param: Node): void {
    const params = callback.node.params as Node[];
    if (params.length !== 1 || params[0] !== param) return;
    removeParameter(this.ctx, callback.node, 0);
    this.ctx.change(callback, 'removed the unused session parameter of the transaction() callback');
  }
}

type SessionUse =
  | { kind: 'link'; call: Path }
  | { kind: 'option'; call: Path; object: Path; property: Path };

/** `{ session }` / `{ session: session }` in an options argument, or `.session(session)`. */
function sessionUse(ref: Path): SessionUse | undefined {
  const parent = ref.parent as Path | null;
  if (!parent) return undefined;
  if (isCall(parent.node) && calleeName(parent.node) === 'session' && (parent.node.arguments as Node[])[0] === ref.node && isMember(parent.node.callee as Node)) {
    return { kind: 'link', call: parent };
  }
  if (parent.node.type !== 'ObjectProperty' || parent.node.value !== ref.node || propertyKey(parent.node) !== 'session') return undefined;
  const object = parent.parent as Path;
  const call = object.parent as Path | null;
  if (!call || !isCall(call.node) || !(call.node.arguments as Node[]).includes(object.node)) return undefined;
  return { kind: 'option', call, object, property: parent };
}

/** The whole chain a call belongs to (`Order.find(q).session(s).lean()` for any of its calls). */
function chainAround(call: Path): CallChain {
  let outer = call;
  for (;;) {
    const member = outer.parent as Path | null;
    const next = member?.parent as Path | null;
    if (!member || !isMember(member.node) || member.node.object !== outer.node || !next || !isCall(next.node) || next.node.callee !== member.node) break;
    outer = next;
  }
  return callChain(outer);
}

const COMPARISONS = new Set(['==', '===', '!=', '!==']);

/**
 * A use that cannot reach the document's session: a property read or write (`doc.total`,
 * `doc.status = 'x'`), or a test (`!doc`, `if (doc)`, `doc ? a : b`, `doc === null`). Calls,
 * arguments, returns and new bindings can.
 */
function isHarmlessUse(ref: Path): boolean {
  const parent = ref.parent?.node as Node | undefined;
  if (!parent) return false;
  if (isMember(parent) && parent.object === ref.node) {
    const grand = ref.parent!.parent?.node as Node | undefined;
    return !(grand && isCall(grand) && grand.callee === parent);
  }
  if (parent.type === 'UnaryExpression') return parent.operator === '!' || parent.operator === 'typeof';
  if (parent.type === 'IfStatement' || parent.type === 'ConditionalExpression') return parent.test === ref.node;
  return parent.type === 'BinaryExpression' && COMPARISONS.has(parent.operator as string);
}

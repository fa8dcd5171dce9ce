import type { Collection, JSCodeshift } from 'jscodeshift';
import { Bindings } from '../ast/bindings';
import { PathIndex } from '../ast/path-index';
import {
  calleeName,
  enclosingFunction,
  endOf,
  isCall,
  isFunction,
  isIdentifier,
  isMember,
  propertyKey,
  propertyName,
  settledExpression,
  startOf,
  type Node,
  type Path,
  unwrapExpression,
  unwrapPath,
} from '../ast/nodes';

export { unwrapPath };
import type { SourceLocation, ThenableFact, TypeFacts } from '../facts/type-facts';
import { ASYNC_LIFECYCLE, REQUEST_NAMES, SESSION_FACTORY, SYNC_LIFECYCLE } from './api';
import type { MongooseInstance } from './als-detection';
import { readImports, type ModuleImports } from './imports';
import { calledFunction, exportedDefinition, valueOf } from './callees';
import { detectSessionlessWrapper, type SessionlessWrapper } from './sessionless-wrappers';
import { detectWrapper, type TransactionWrapper } from './wrappers';
import { detectFactory, returnedValues, type SessionFactory } from './factories';
import { conditionalOwnership } from './owned-when';
import type { ProjectView } from './project-view';
import { startsNoProgramSession } from './no-program-session';
import { holdsOnlyDoubles, mocksModule, replacedSessionFactories } from './test-doubles';

/**
 * What an expression is, as far as Mongoose is concerned. `session-promise` is what Mongoose's
 * `startSession()` returns: only its awaited value is a session.
 */
export type ReceiverKind = 'mongoose' | 'connection' | 'model' | 'client' | 'session' | 'session-promise' | 'unknown';

/** A `startSession()` call (or a call to a local helper that only returns one). */
export interface SessionCreation {
  call: Path;
  /** Kind of the object `startSession` was called on: decides the connection and whether it is sync. */
  kind: ReceiverKind;
  /** The receiver expression of `startSession` (for `Model.startSession()`: `Model`). */
  receiver: Path | undefined;
  /** A call of a function of the project that hands out a new session (`await repo.openSession()`): that function. */
  factory?: SessionFactory & { analysis: MongooseAnalysis; fn: Path };
  /** A call of a function of this file that only returns a new session (`return Wallet.startSession()`): that `startSession()`. */
  helper?: SessionCreation;
}

/** How a created session lands in a variable. */
export interface SessionBinding {
  /** The declaring identifier of the variable. */
  declaration: Node;
  /** `const s = await x.startSession()` or `s = await x.startSession()`. */
  form: 'declarator' | 'assignment';
  /** The statement that creates the session (declaration or assignment statement). */
  statement: Path;
  /** `const p = x.startSession(); ... const s = await p`: where the promise is kept (`statement` awaits it). */
  promise?: { declaration: Node; statement: Path };
}

/** Where the function called by the call at [start, end) of the analysed text is declared (a package, or a place in the project), from type facts. */
export type CallDeclarations = (start: number, end: number) => Pick<ThenableFact, 'origin' | 'declaredAt'> | undefined;

/** Call declarations in `file` (whose current text is `source`), asked of the run's type facts. */
export function callDeclarationsFrom(types: TypeFacts, file: string, source: string): CallDeclarations {
  return (start, end) => types.thenableAt(file, source, start, end);
}

/** What a file's analysis may ask about the files it loads (the run's import graph). */
export interface ModuleLinks {
  /** The analysis of the project file that `specifier`, as this file writes it, loads (as it is on disk); undefined for packages and files outside the graph. */
  moduleAt(specifier: string): MongooseAnalysis | undefined;
  /** The analysis of another file of the project, by its absolute path (as it is on disk). */
  analysisOf(file: string): MongooseAnalysis | undefined;
}

/**
 * What `decide` says about `key`, asked once: the answer is kept in `known` (null for none), and
 * a question that comes back to `key` while it is being decided gets none.
 */
function decidedOnce<T>(known: Map<Node, T | null>, key: Node, decide: () => T | undefined): T | undefined {
  if (!known.has(key)) {
    known.set(key, null);
    known.set(key, decide() ?? null);
  }
  return known.get(key) ?? undefined;
}

/** The links of the file a project view belongs to. */
export function linksFrom(project: ProjectView): ModuleLinks {
  return {
    moduleAt: (specifier) => {
      const file = project.moduleFile(specifier);
      return file === undefined ? undefined : project.analysisOf(file);
    },
    analysisOf: (file) => project.analysisOf(file),
  };
}

/**
 * A callback that runs with a session another API manages (and ends) for it: Mongoose's and the
 * driver's (`transaction`, `withTransaction`, `withSession`), or a home-made `wrapper` that starts
 * a transaction and calls the callback with its session.
 */
export interface SessionScope {
  kind: 'transaction' | 'withTransaction' | 'withSession' | 'wrapper';
  call: Path;
  callback: Path;
  /** Declarations that hold the scope's session inside the callback. */
  sessions: Node[];
  /** `wrapper`: the function called, and the facts about it. */
  wrapper?: TransactionWrapper & { analysis: MongooseAnalysis; fn: Path };
}

/** The API a scope's callback is handed to, as the code calls it: `transaction`, `withTransaction`, or the wrapper's name. */
export function scopeApi(scope: SessionScope): string {
  return scope.wrapper?.name ?? scope.kind;
}

/** A session method call such as `session.endSession()`. */
export interface LifecycleCall {
  method: string;
  call: Path;
  /** The identifier the method is called on. */
  receiver: Path;
  /** Its declaration, when it resolves to one. */
  declaration: Node | undefined;
}

const NO_LINKS: ModuleLinks = { moduleAt: () => undefined, analysisOf: () => undefined };

/** Calls whose result belongs to the same Mongoose instance as the object they are called on. */
const INSTANCE_PRESERVING = new Set(['model', 'createConnection', 'useDb', 'asPromise', 'openUri', 'connect']);

const GLOBAL_CONSTRUCTORS = new Set([
  'Array', 'BigInt', 'Boolean', 'Buffer', 'Date', 'Error', 'Intl', 'JSON', 'Map', 'Math', 'Number', 'Object',
  'Promise', 'Proxy', 'Reflect', 'RegExp', 'Set', 'String', 'Symbol', 'WeakMap', 'WeakSet', 'URL',
]);

/** What a database handle is: the kinds a helper that returns one, or a variable assigned one later, passes on. */
const HANDLE_KINDS: ReadonlySet<ReceiverKind> = new Set(['client', 'connection', 'mongoose']);

const TYPE_KINDS: Record<string, ReceiverKind> = {
  Connection: 'connection',
  Model: 'model',
  MongoClient: 'client',
  ClientSession: 'session',
  Mongoose: 'mongoose',
};

/**
 * The shared facts every transform needs about one file: which expressions are Mongoose
 * connections, models, clients and sessions, where sessions are created and which callbacks run
 * inside a session another API manages. Computed lazily, once per parsed file.
 */
export class MongooseAnalysis {
  readonly index: PathIndex;
  readonly bindings: Bindings;
  readonly imports: ModuleImports;
  /** Name-based guesses are off in modules that import only look-alike libraries (Knex, TypeORM...). */
  private readonly nameFallback: boolean;
  private creations: SessionCreation[] | undefined;
  private owned: SessionCreation[] | undefined;
  private callbacks: SessionScope[] | undefined;
  private scopes: SessionScope[] | undefined;
  private readonly wrappers = new Map<Node, TransactionWrapper | null>();
  private readonly sessionlessWrappers = new Map<Node, SessionlessWrapper | null>();
  private readonly factories = new Map<Node, SessionFactory | null>();
  private readonly sessionDeclarations = new Map<Node, boolean>();
  private doubles: { factories: Set<string>; mongoose: boolean } | undefined;

  constructor(
    readonly j: JSCodeshift,
    readonly root: Collection,
    readonly source: string,
    private readonly callDeclarations: CallDeclarations = () => undefined,
    readonly links: ModuleLinks = NO_LINKS,
    /** The analysed file's absolute path, where the run knows it. */
    readonly file?: string,
  ) {
    this.index = new PathIndex(j, root);
    this.bindings = new Bindings(this.index);
    this.imports = readImports(this.index);
    const lookalikes = this.imports.lookalikes.filter((pkg) => pkg !== 'express-session');
    this.nameFallback = this.imports.usesMongo || lookalikes.length === 0;
  }

  /**
   * Classifies an expression (a receiver such as `conn`, `Order`, `this.connection`). `guess`:
   * whether a name alone may decide (`conn`, `Order`) where nothing else says what it is.
   */
  kindOf(path: Path, depth = 0, guess = true): ReceiverKind {
    const inner = unwrapPath(path);
    const node = inner.node;
    if (depth > 8) return 'unknown';
    switch (node.type) {
      case 'Identifier':
        return this.identifierKind(inner, depth, guess);
      case 'AwaitExpression': {
        const awaited = this.kindOf(inner.get('argument') as Path, depth + 1, guess);
        return awaited === 'session-promise' ? 'session' : awaited;
      }
      case 'MemberExpression':
      case 'OptionalMemberExpression':
        return this.memberKind(inner, depth, guess);
      case 'CallExpression':
      case 'OptionalCallExpression':
        return this.callKind(inner, depth, guess);
      case 'ThisExpression':
        return isSchemaStatic(inner) ? 'model' : 'unknown';
      case 'NewExpression': {
        const callee = node.callee as Node;
        const name = isIdentifier(callee) ? callee.name : propertyName(callee);
        if (name === 'MongoClient') return 'client';
        if (name === 'Mongoose') return 'mongoose';
        return 'unknown';
      }
      default:
        return 'unknown';
    }
  }

  /**
   * The Mongoose instance a connection, model or mongoose expression comes from: the default
   * export, a `new Mongoose()` this file keeps in a variable, or unknown (imported, a parameter).
   */
  instanceOf(path: Path, depth = 0): MongooseInstance {
    const node = unwrapPath(path).node;
    const inner = unwrapPath(path);
    if (depth > 8) return { kind: 'unknown' };
    if (node.type === 'AwaitExpression') return this.instanceOf(inner.get('argument') as Path, depth + 1);
    if (isIdentifier(node)) {
      if (this.imports.mongooseModule.has(node.name)) return { kind: 'default' };
      if (['model', 'connection', 'createConnection'].includes(this.imports.mongooseNamed.get(node.name) ?? '')) return { kind: 'default' };
      const declaration = this.bindings.declarationOf(inner);
      const origin = declaration ? this.bindings.originOf(declaration) : undefined;
      if (origin?.kind !== 'variable') return { kind: 'unknown' };
      // `const m = new Mongoose()`, or `let m; ... m = new Mongoose()` (a test's before hook).
      const values = origin.declarator.node.init ? [origin.declarator.get('init') as Path] : this.assignedValues(declaration!);
      if (values.length !== 1) return { kind: 'unknown' };
      const value = unwrapPath(values[0]!);
      if (value.node.type === 'NewExpression' && this.kindOf(value) === 'mongoose') return { kind: 'created', name: node.name };
      return this.instanceOf(value, depth + 1);
    }
    if (isMember(node) && ['connection', 'base', 'db'].includes(propertyName(node) ?? '')) return this.instanceOf(inner.get('object') as Path, depth + 1);
    if (isCall(node)) {
      const callee = unwrapPath(inner.get('callee') as Path);
      if (isIdentifier(callee.node)) return this.instanceOf(callee, depth + 1);
      if (isMember(callee.node) && INSTANCE_PRESERVING.has(propertyName(callee.node) ?? '')) return this.instanceOf(callee.get('object') as Path, depth + 1);
    }
    return { kind: 'unknown' };
  }

  /** `let client; ... client = await MongoClient.connect(url)`: what every assignment gives, when that is a client, connection or mongoose. */
  private assignedHandleKind(declaration: Node, depth: number, guess: boolean): ReceiverKind | undefined {
    const kinds = new Set(this.assignedValues(declaration).map((value) => this.kindOf(value, depth + 1, guess)));
    const [kind] = kinds;
    return kinds.size === 1 && HANDLE_KINDS.has(kind!) ? kind : undefined;
  }

  /** `new Order(data)` for a model `Order`: a document. */
  private newDocument(value: Path, depth: number, guess: boolean): boolean {
    return value.node.type === 'NewExpression' && this.kindOf(value.get('callee') as Path, depth + 1, guess) === 'model';
  }

  /** The right-hand sides of `x = <value>` assignments to a variable. */
  private assignedValues(declaration: Node): Path[] {
    return this.index
      .named(declaration.name as string)
      .filter((ref) => {
        const parent = ref.parent?.node as Node | undefined;
        return parent?.type === 'AssignmentExpression' && parent.operator === '=' && parent.left === ref.node && this.bindings.declarationOf(ref) === declaration;
      })
      .map((ref) => ref.parent!.get('right') as Path);
  }

  /** Every session creation in the file, including calls to local `getSession()`-style helpers. */
  sessionCreations(): SessionCreation[] {
    if (!this.creations) {
      this.creations = this.ownCreations();
      // While factories are looked for, questions that come back here see the creations found so far.
      this.creations = [...this.creations, ...this.factoryCreations(this.creations)];
    }
    return this.creations;
  }

  /** The call's value lands in a variable named or used as a session, or in `{ session }`. */
  private keptAsSession(call: Path): boolean {
    const current = settledExpression(call).path;
    const parent = current.parent as Path | null;
    let target: Node | undefined;
    if (parent?.node.type === 'VariableDeclarator' && parent.node.init === current.node) target = parent.node.id as Node;
    else if (parent?.node.type === 'AssignmentExpression' && parent.node.right === current.node) target = parent.node.left as Node;
    if (target?.type === 'ObjectPattern') return (target.properties as Node[]).some((p) => p.type === 'ObjectProperty' && ((p.key as Node).name ?? (p.key as Node).value) === 'session');
    if (!target || !isIdentifier(target)) return false;
    if (mayNameSession(target.name as string)) return true;
    const declaration = parent!.node.type === 'VariableDeclarator' ? target : this.bindings.declarationOf(parent!.get('left') as Path);
    // Uses that look like a session's first (cheap), then whether they are this variable's.
    return declaration !== undefined && this.index.named(target.name as string).some((ref) => usedAsSessionHere(ref) && this.bindings.declarationOf(ref) === declaration);
  }

  /** `fn` as a function that hands out a new session (decided once per function). */
  factoryOf(fn: Path): SessionFactory | undefined {
    return decidedOnce(this.factories, fn.node, () => detectFactory(this, fn));
  }

  /**
   * Calls whose value is kept as a session (`const session = await repo.openSession()`, `const {
   * session } = await tx.start()`) that run a session factory of the project. Only values the code
   * names or uses as a session are followed into other files.
   */
  private factoryCreations(known: SessionCreation[]): SessionCreation[] {
    const out: SessionCreation[] = [];
    for (const call of this.index.calls()) {
      if (known.some((c) => c.call.node === call.node) || !this.keptAsSession(call)) continue;
      const target = calledFunction(this, call, { syntaxOnly: true });
      const factory = target && target.analysis.factoryOf(target.fn);
      if (factory) out.push({ call, kind: factory.inner.kind, receiver: undefined, factory: { ...factory, analysis: target.analysis, fn: target.fn } });
    }
    return out;
  }

  /** The `startSession()` calls of this file and calls of its local helpers that only return one: no other file is looked at. */
  ownCreations(): SessionCreation[] {
    if (!this.owned) {
      const direct = this.index.calls().map((call) => this.directCreation(call)).filter((c): c is SessionCreation => c !== undefined);
      this.owned = [...direct, ...this.helperCreations(direct)];
    }
    return this.owned;
  }

  creationAt(call: Path): SessionCreation | undefined {
    return this.sessionCreations().find((c) => c.call.node === call.node);
  }

  /**
   * The variable a creation's session is stored in: `const s = await x.startSession()`, `s = await ...`,
   * or, when the promise is kept first (`const p = x.startSession(); ... const s = await p`), where it is awaited.
   */
  bindingOf(creation: SessionCreation): SessionBinding | undefined {
    if (creation.factory?.property) return destructuredBinding(creation.call, creation.factory.property);
    const stored = storedValue(creation.call, this.bindings);
    if (!stored || stored.awaited || creation.kind === 'client') return stored?.binding;
    const awaitedLater = this.bindings
      .referencesIn(this.root.get() as Path, stored.binding.declaration)
      .map((ref) => storedValue(ref, this.bindings))
      .filter((later) => later?.awaited);
    return awaitedLater.length === 1 ? { ...awaitedLater[0]!.binding, promise: { declaration: stored.binding.declaration, statement: stored.binding.statement } } : undefined;
  }

  /** True when the declaration holds a MongoDB session (created here, handed in by a session API, or typed/named so). */
  isSessionDeclaration(declaration: Node): boolean {
    let known = this.sessionDeclarations.get(declaration);
    if (known === undefined) {
      // Provisional answer while computing, so `a = b; b = a` cycles end.
      this.sessionDeclarations.set(declaration, false);
      known = this.computeIsSession(declaration);
      this.sessionDeclarations.set(declaration, known);
    }
    return known;
  }

  /** True when an expression is a reference to a session variable. */
  isSessionReference(path: Path): boolean {
    const inner = unwrapPath(path);
    if (!isIdentifier(inner.node)) return false;
    const declaration = this.bindings.declarationOf(inner);
    return declaration !== undefined && this.isSessionDeclaration(declaration);
  }

  /**
   * `const opts = { session, new: true }` (never reassigned), or `session ? { session } : {}`: the
   * session declaration such an options object carries to every operation it is passed to (a
   * session declaration, or one of `sessions`); undefined for anything else.
   */
  sessionInOptions(declaration: Node, sessions: readonly Node[] = []): Node | undefined {
    const origin = this.bindings.originOf(declaration);
    if (origin?.kind !== 'variable' || origin.declarator.node.id !== declaration || this.assignedValues(declaration).length > 0) return undefined;
    const value = sessionProperty(origin.declarator.get('init') as Path);
    if (!value) return undefined;
    // `session ? { session, ordered: true } : {}`: the options hold the session whenever there is one.
    const init = origin.declarator.node.init as Node;
    if (init.type === 'ConditionalExpression' && !(isIdentifier(init.test as Node) && this.bindings.declarationOf(origin.declarator.get('init', 'test') as Path) === this.bindings.declarationOf(value))) return undefined;
    const session = isIdentifier(value.node) ? this.bindings.declarationOf(value) : undefined;
    return session !== undefined && session !== declaration && (sessions.includes(session) || this.isSessionDeclaration(session)) ? session : undefined;
  }

  /** `x.commitTransaction()`, `x?.endSession()`... on an identifier; undefined for other calls. */
  lifecycleCall(call: Path): LifecycleCall | undefined {
    if (!isCall(call.node)) return undefined;
    const method = calleeName(call.node);
    if (!method || !(ASYNC_LIFECYCLE.has(method) || SYNC_LIFECYCLE.has(method))) return undefined;
    const callee = unwrapPath(call.get('callee') as Path);
    if (!isMember(callee.node)) return undefined;
    const receiver = unwrapPath(callee.get('object') as Path);
    if (!isIdentifier(receiver.node)) return undefined;
    return { method, call, receiver, declaration: this.bindings.declarationOf(receiver) };
  }

  /** Callbacks of `conn.transaction(cb)`, `session.withTransaction(cb)` and `x.withSession(cb)`. */
  callbackScopes(): SessionScope[] {
    if (!this.callbacks) {
      const scopes: SessionScope[] = [];
      for (const call of this.index.calls()) {
        const scope = this.scopeOfCall(call);
        if (scope) scopes.push(scope);
      }
      this.callbacks = scopes;
    }
    return this.callbacks;
  }

  /** The callback scopes, and the callbacks handed to home-made transaction wrappers (of this file or one it loads). */
  sessionScopes(): SessionScope[] {
    if (!this.scopes) {
      // While the wrappers' callbacks are looked for, questions that come back here see Mongoose's own scopes.
      this.scopes = this.callbackScopes();
      this.scopes = [...this.callbackScopes(), ...this.wrapperScopes()];
    }
    return this.scopes;
  }

  /** `fn` as a home-made transaction wrapper (decided once per function). */
  wrapperOf(fn: Path): TransactionWrapper | undefined {
    return decidedOnce(this.wrappers, fn.node, () => detectWrapper(this, fn));
  }

  /** `fn` as a wrapper that calls its callback in a transaction without the session (decided once per function). */
  sessionlessWrapperOf(fn: Path): SessionlessWrapper | undefined {
    return decidedOnce(this.sessionlessWrappers, fn.node, () => detectSessionlessWrapper(this, fn));
  }

  /** Callbacks passed, inline or by the name of a function of this file, to a transaction wrapper. */
  private wrapperScopes(): SessionScope[] {
    const scopes: SessionScope[] = [];
    const functionNames = this.localFunctionNames();
    for (const call of this.index.calls()) {
      const args = call.node.arguments as Node[];
      if (!args.some((a) => isFunction(a) || (isIdentifier(a) && functionNames.has(a.name))) || this.scopeOfCall(call)) continue;
      const target = calledFunction(this, call, { syntaxOnly: true });
      const wrapper = target && target.analysis.wrapperOf(target.fn);
      if (!wrapper) continue;
      const callback = this.callbackAt(call, wrapper.callbackIndex);
      if (!callback) continue;
      const param = (callback.node.params as Node[])[wrapper.sessionIndex];
      const session = param && (param.type === 'AssignmentPattern' ? (param.left as Node) : param);
      scopes.push({ kind: 'wrapper', call, callback, sessions: session && isIdentifier(session) ? [session] : [], wrapper: { ...wrapper, analysis: target.analysis, fn: target.fn } });
    }
    return scopes;
  }

  /** Names this file gives functions (declarations, and variables initialised with one): a cheap test before resolving a name. */
  private localFunctionNames(): Set<string> {
    const names = new Set<string>();
    for (const fn of this.index.of('FunctionDeclaration')) if (fn.node.id) names.add((fn.node.id as Node).name as string);
    for (const declarator of this.index.of('VariableDeclarator')) {
      if (isIdentifier(declarator.node.id as Node) && isFunction(declarator.node.init as Node)) names.add((declarator.node.id as Node).name as string);
    }
    return names;
  }

  /** The function passed as argument `index`: written there, or named there and declared in this file. */
  callbackAt(call: Path, index: number): Path | undefined {
    const arg = call.get('arguments', index) as Path;
    if (!arg.node) return undefined;
    if (isFunction(arg.node)) return arg;
    if (!isIdentifier(arg.node)) return undefined;
    const declaration = this.bindings.declarationOf(arg);
    return declaration ? this.functionDeclaredBy(declaration) : undefined;
  }

  /** The innermost session scope whose callback contains `path`. */
  enclosingScope(path: Path): SessionScope | undefined {
    let best: SessionScope | undefined;
    for (const scope of this.sessionScopes()) {
      const cb = scope.callback.node;
      if ((cb.start ?? 0) <= (path.node.start ?? 0) && (path.node.end ?? 0) <= (cb.end ?? 0)) {
        if (!best || (best.callback.node.start ?? 0) < (cb.start ?? 0)) best = scope;
      }
    }
    return best;
  }

  private scopeOfCall(path: Path): SessionScope | undefined {
    const method = calleeName(path.node);
    if (method !== 'transaction' && method !== 'withTransaction' && method !== 'withSession') return undefined;
    const callee = unwrapPath(path.get('callee') as Path);
    if (!isMember(callee.node)) return undefined;
    // A method of the project's own (`this.withSession(cb)` of a service) is not Mongoose's; it may be a wrapper.
    if (calledFunction(this, path, { syntaxOnly: true })) return undefined;
    const receiver = callee.get('object') as Path;
    const args = path.node.arguments as Node[];
    const callbackIndex = args.findIndex((a) => isFunction(a));
    if (callbackIndex === -1) return undefined;
    const callback = path.get('arguments', callbackIndex) as Path;
    const param = firstParamIdentifier(callback.node);
    const kind = this.kindOf(receiver);
    if (method === 'withTransaction') {
      if (kind !== 'session' && !this.isSessionReference(receiver)) return undefined;
      const receiverDecl = isIdentifier(unwrapPath(receiver).node) ? this.bindings.declarationOf(unwrapPath(receiver)) : undefined;
      return { kind: 'withTransaction', call: path, callback, sessions: [receiverDecl, param].filter((d): d is Node => d !== undefined) };
    }
    // A receiver known only by its name (`db`, `client`) is Mongoose's when the file uses Mongoose,
    // or the callback names or uses its parameter as a session: a library's own `db.transaction(tx => ...)` is not.
    // An ALS-style callback takes no parameter at all; in a file that uses Mongoose that is evidence enough.
    const trusted = this.kindOf(receiver, 0, false) === kind || (param !== undefined && isSessionName(param.name as string)) || (this.imports.usesMongo && (callback.node.params as Node[]).length === 0);
    if (method === 'withSession') {
      if (!((kind === 'connection' || kind === 'client') && trusted) && !(param && this.usedAsSession(callback, param))) return undefined;
      return { kind: 'withSession', call: path, callback, sessions: param ? [param] : [] };
    }
    const connection = kind === 'connection' && trusted && !(param && this.usedAsOtherTransaction(callback, param));
    if (!connection && !(param && this.usedAsSession(callback, param))) return undefined;
    return { kind: 'transaction', call: path, callback, sessions: param ? [param] : [] };
  }

  /** Knex calls its transaction (`trx('t')`, `.transacting(trx)`), Sequelize passes `{ transaction: t }`. */
  private usedAsOtherTransaction(callback: Path, param: Node): boolean {
    return this.bindings.referencesIn(callback, param).some((ref) => {
      const parent = ref.parent?.node as Node | undefined;
      if (!parent) return false;
      if (isCall(parent) && parent.callee === ref.node) return true;
      if (isCall(parent) && (parent.arguments as Node[]).includes(ref.node)) return calleeName(parent) === 'transacting';
      if (parent.type === 'ObjectProperty' && parent.value === ref.node) {
        const key = parent.key as Node;
        return (key.name ?? key.value) === 'transaction';
      }
      return false;
    });
  }

  /** True when a callback passes its parameter as `{ session: p }`, `.session(p)` or calls a session method on it. */
  usedAsSession(callback: Path, param: Node): boolean {
    return this.bindings.referencesIn(callback, param).some((ref) => {
      const parent = ref.parent?.node as Node | undefined;
      if (!parent) return false;
      if (parent.type === 'ObjectProperty' && parent.value === ref.node) {
        const key = parent.key as Node;
        return (key.name ?? key.value) === 'session';
      }
      if (isCall(parent) && (parent.arguments as Node[]).includes(ref.node)) return calleeName(parent) === 'session';
      if (isMember(parent) && parent.object === ref.node) {
        const name = propertyName(parent);
        return name !== undefined && (ASYNC_LIFECYCLE.has(name) || SYNC_LIFECYCLE.has(name));
      }
      return false;
    });
  }

  private computeIsSession(declaration: Node): boolean {
    const origin = this.bindings.originOf(declaration);
    // `let session: ClientSession; ... session = { endSession: jest.fn() } as any`: a test's stand-in.
    if (holdsOnlyDoubles(this.valuesOf(declaration))) return false;
    if (typeKind(declaration) === 'session') return true;
    if (this.assignedFromCreation(declaration) || this.assignedFromSession(declaration)) return true;
    // `const session = parentSession ?? await X.startSession()`: a session either way.
    if (this.sessionCreations().some((c) => conditionalOwnership(this, c)?.binding.declaration === declaration)) return true;
    if (origin?.kind === 'variable') {
      const init = origin.declarator.get('init') as Path;
      return init.node != null && init.node.type !== 'NullLiteral' && this.kindOf(init) === 'session';
    }
    if (origin?.kind === 'parameter') {
      if (this.sessionScopes().some((s) => s.callback.node === origin.fn.node && s.sessions.includes(declaration))) return true;
      if (this.isThenOfCreation(origin.fn) && origin.index === 0) return true;
      return this.nameFallback && isSessionName(declaration.name as string);
    }
    return false;
  }

  private assignedFromCreation(declaration: Node): boolean {
    return this.sessionCreations().some((c) => {
      const binding = this.bindingOf(c);
      return binding?.declaration === declaration;
    });
  }

  /** `session = _session` (the Mongoose docs pattern): assigned from another session variable. */
  private assignedFromSession(declaration: Node): boolean {
    return this.index.named(declaration.name as string).some((ref) => {
      const assignment = ref.parent?.node as Node | undefined;
      if (assignment?.type !== 'AssignmentExpression' || assignment.left !== ref.node || assignment.operator !== '=') return false;
      if (!isIdentifier(assignment.right as Node) || this.bindings.declarationOf(ref) !== declaration) return false;
      const source = this.bindings.declarationOf(ref.parent!.get('right') as Path);
      return source !== undefined && source !== declaration && this.isSessionDeclaration(source);
    });
  }

  /** `x.startSession().then((s) => ...)`: the callback receives the session. */
  private isThenOfCreation(fn: Path): boolean {
    const call = fn.parent as Path | null;
    if (!call || !isCall(call.node) || calleeName(call.node) !== 'then') return false;
    const callee = unwrapPath(call.get('callee') as Path);
    if (!isMember(callee.node)) return false;
    const object = unwrapPath(callee.get('object') as Path);
    return isCall(object.node) && this.creationAt(object) !== undefined;
  }

  private directCreation(path: Path): SessionCreation | undefined {
    const callee = unwrapPath(path.get('callee') as Path);
    // `import { startSession } from 'mongoose'`: the default connection's, with no receiver to name.
    if (this.isImportedSessionFactory(callee)) return this.replacesFactory(undefined) || startsNoProgramSession(path, undefined, this.initialValue) ? undefined : { call: path, kind: 'mongoose', receiver: undefined };
    if (!isMember(callee.node) || propertyName(callee.node) !== SESSION_FACTORY) return undefined;
    const receiver = callee.get('object') as Path;
    if (this.replacesFactory(receiver) || startsNoProgramSession(path, receiver, this.initialValue)) return undefined;
    const kind = this.kindOf(receiver);
    if (kind === 'unknown' && this.declaredOutsideMongo(path)) return undefined;
    return { call: path, kind, receiver };
  }

  /**
   * A test replaced this `startSession()` with a double (`mongoose.startSession = jest.fn()...`,
   * `jest.spyOn(conn, 'startSession')`, `jest.mock('mongoose')`, a fake connection object): what
   * it gives is not a session. `receiver` undefined: the `startSession` imported from Mongoose.
   */
  private replacesFactory(receiver: Path | undefined): boolean {
    this.doubles ??= { factories: replacedSessionFactories(this.index, this.source), mongoose: mocksModule(this.index, 'mongoose') };
    if (!receiver) return this.doubles.mongoose;
    const node = unwrapPath(receiver).node;
    let root: Node = node;
    while (isMember(root)) root = root.object as Node;
    if (this.doubles.mongoose && isIdentifier(root) && this.imports.mongooseModule.has(root.name)) return true;
    if (this.doubles.factories.has(this.source.slice(startOf(node), endOf(node)).replace(/\s+/g, ''))) return true;
    const declaration = isIdentifier(node) ? this.bindings.declarationOf(unwrapPath(receiver)) : undefined;
    return declaration !== undefined && holdsOnlyDoubles(this.valuesOf(declaration));
  }

  /** The first value the variable an identifier refers to is given. */
  private readonly initialValue = (identifier: Path): Node | undefined => {
    const declaration = this.bindings.declarationOf(identifier);
    return declaration ? this.valuesOf(declaration)[0]?.node : undefined;
  };

  /** What a variable is given: its initialiser and the right-hand sides of `x = value`. */
  private valuesOf(declaration: Node): Path[] {
    const origin = this.bindings.originOf(declaration);
    const init = origin?.kind === 'variable' && origin.declarator.node.id === declaration && origin.declarator.node.init ? [origin.declarator.get('init') as Path] : [];
    return [...init, ...this.assignedValues(declaration)];
  }

  private isImportedSessionFactory(callee: Path): boolean {
    return isIdentifier(callee.node) && this.imports.mongooseNamed.get(callee.node.name) === SESSION_FACTORY && this.bindings.declarationOf(callee) !== undefined;
  }

  /** Type facts place the called function in the project or another package: a look-alike `startSession()`. */
  private declaredOutsideMongo(call: Path): boolean {
    const origin = this.callDeclarations(startOf(call.node), endOf(call.node))?.origin;
    return origin === 'project' || origin === 'other';
  }

  /** Where type facts say the project function `call` runs is declared (its file's text on disk); undefined for anything else. */
  declarationCalled(call: Path): SourceLocation | undefined {
    return this.callDeclarations(startOf(call.node), endOf(call.node))?.declaredAt;
  }

  /** Calls to local functions whose whole body is `return <creation>`. */
  private helperCreations(direct: SessionCreation[]): SessionCreation[] {
    const helpers = new Map<Node, SessionCreation>();
    for (const creation of direct) {
      const fn = functionReturningOnly(creation.call);
      if (fn) helpers.set(fn, creation);
    }
    if (helpers.size === 0) return [];
    const out: SessionCreation[] = [];
    for (const path of this.index.calls()) {
      const target = this.localFunctionCalled(path);
      const inner = target ? helpers.get(target.node) : undefined;
      if (inner) out.push({ call: path, kind: inner.kind, receiver: undefined, helper: inner });
    }
    return out;
  }

  /**
   * The function a call runs when this file declares it: `f(...)` for a local `f`; `this.m(...)`
   * and `super.m(...)` for the method of the enclosing class or the first class up its `extends`
   * chain that defines it (never another class's method of the same name).
   */
  localFunctionCalled(call: Path): Path | undefined {
    const callee = unwrapPath(call.get('callee') as Path);
    if (isIdentifier(callee.node)) {
      const declaration = this.bindings.declarationOf(callee);
      return declaration ? this.functionDeclaredBy(declaration) : undefined;
    }
    const receiver = isMember(callee.node) ? (callee.node.object as Node).type : undefined;
    if (receiver === 'ThisExpression' || receiver === 'Super') {
      const value = valueOf(this, callee, 0);
      return value?.kind === 'function' && value.analysis === this ? value.fn : undefined;
    }
    return undefined;
  }

  private functionDeclaredBy(declaration: Node): Path | undefined {
    const origin = this.bindings.originOf(declaration);
    if (origin?.kind === 'variable') {
      const init = origin.declarator.get('init') as Path;
      return isFunction(init.node) ? init : undefined;
    }
    return this.index.of('FunctionDeclaration').find((p) => p.node.id === declaration);
  }

  private identifierKind(path: Path, depth: number, guess: boolean): ReceiverKind {
    const name = path.node.name as string;
    const declaration = this.bindings.declarationOf(path);
    if (this.imports.mongooseModule.has(name)) return 'mongoose';
    const named = this.imports.mongooseNamed.get(name);
    if (named === 'connection') return 'connection';
    if (declaration) {
      const typed = this.typeQueryKind(declaration) ?? typeKind(declaration);
      if (typed !== 'unknown') return typed;
      const origin = this.bindings.originOf(declaration);
      if (origin?.kind === 'variable') {
        const init = origin.declarator.get('init') as Path;
        if (origin.declarator.node.init) {
          const fromInit = this.kindOf(init, depth + 1, guess);
          if (fromInit !== 'unknown') return fromInit;
          // `const db = drizzle(...)`, `new Sequelize(...)`: made by a look-alike, whatever its name says.
          if (this.madeByLookalike(init)) return 'unknown';
          // `const model = new this.model(data)`: a document, whatever its name says.
          if (this.newDocument(init, depth, guess)) return 'unknown';
        } else {
          const assigned = this.assignedHandleKind(declaration, depth, guess);
          if (assigned) return assigned;
          // `let Newbooking; ...; Newbooking = new Booking(data)`: a document too.
          if (this.assignedValues(declaration).some((value) => this.newDocument(value, depth, guess))) return 'unknown';
        }
      }
      const exported = this.exportedKind(path, declaration, depth, guess);
      if (exported) return exported;
    }
    return this.guessFromName(name, guess);
  }

  /**
   * What a name another module gives this file is there (`import { reportsDb } from './db'` for
   * `export const reportsDb = mongoose.createConnection(uri)`), following the import graph:
   * 'unknown' for an object, function or class (whatever the name says), undefined for names
   * declared here and where neither the syntax nor that module can tell.
   */
  private exportedKind(path: Path, declaration: Node, depth: number, guess: boolean): ReceiverKind | undefined {
    if (!this.boundByImport(declaration)) return undefined;
    const found = exportedDefinition(this, path);
    if (!found) return undefined;
    if (found.path.node.type === 'ObjectExpression' || isFunction(found.path.node) || /^Class/.test(found.path.node.type)) return 'unknown';
    const kind = found.analysis.kindOf(found.path, depth + 1, guess);
    return kind === 'unknown' ? undefined : kind;
  }

  /** A name an `import` declares, or a variable given `require(...)` or a member of it (destructured too). */
  private boundByImport(declaration: Node): boolean {
    const parent = this.index.pathOf(declaration)?.parent?.node as Node | undefined;
    if (parent && ['ImportSpecifier', 'ImportDefaultSpecifier', 'ImportNamespaceSpecifier'].includes(parent.type)) return parent.importKind !== 'type';
    const origin = this.bindings.originOf(declaration);
    let init = origin?.kind === 'variable' ? (origin.declarator.node.init as Node | null) : null;
    while (init && isMember(init)) init = init.object as Node;
    return init != null && isCall(init) && isIdentifier(init.callee as Node, 'require');
  }

  private madeByLookalike(init: Path): boolean {
    let made = unwrapPath(init);
    if (made.node.type === 'AwaitExpression') made = unwrapPath(made.get('argument') as Path);
    if (!isCall(made.node) && made.node.type !== 'NewExpression') return false;
    let callee = made.node.callee as Node;
    while (isMember(callee) || isCall(callee)) callee = (isMember(callee) ? callee.object : callee.callee) as Node;
    return isIdentifier(callee) && this.imports.lookalikeNames.has(callee.name);
  }

  /** `client: typeof mongoose`: the declared type is the mongoose module itself. */
  private typeQueryKind(declaration: Node): ReceiverKind | undefined {
    const annotation = (declaration.typeAnnotation as Node | undefined)?.typeAnnotation as Node | undefined;
    const name = annotation?.type === 'TSTypeQuery' ? (annotation.exprName as Node) : undefined;
    return name && isIdentifier(name) && this.imports.mongooseModule.has(name.name) ? 'mongoose' : undefined;
  }

  private memberKind(path: Path, depth: number, guess: boolean): ReceiverKind {
    const name = propertyName(path.node);
    const objectPath = path.get('object') as Path;
    const object = objectPath.node;
    if (name === undefined) return 'unknown';
    if (object.type === 'ThisExpression') return this.classMemberKind(path, name, guess);
    const objectKind = this.kindOf(objectPath, depth + 1, guess);
    if (name === 'connection' && objectKind === 'mongoose') return 'connection';
    if (name === 'db' && (objectKind === 'model' || objectKind === 'unknown')) return objectKind === 'model' ? 'connection' : this.guessFromName(name, guess);
    if (name === 'base' && objectKind === 'connection') return 'mongoose';
    if (name === 'client' && objectKind === 'connection') return 'client';
    if (objectKind === 'mongoose' || objectKind === 'connection' || objectKind === 'model' || objectKind === 'client') return 'unknown';
    // `db.reportsDb` for `const db = require('./db')`: what the module exports under that name.
    const root = rootName(path);
    const declaration = root && this.bindings.declarationOf(root);
    const exported = declaration ? this.exportedKind(path, declaration, depth, guess) : undefined;
    // `req.Account`: what a middleware put on the request (the signed-in account's document), not a model, whatever its name.
    if (exported === undefined && declaration && isIdentifier(object) && this.isRequestParameter(declaration)) return 'unknown';
    return exported ?? this.guessFromName(name, guess);
  }

  /** A handler's request parameter: `req` or `request` of a function that takes a response too. */
  private isRequestParameter(declaration: Node): boolean {
    const origin = this.bindings.originOf(declaration);
    return origin?.kind === 'parameter' && REQUEST_NAMES.test(declaration.name as string) && (origin.fn.node.params as Node[]).length >= 2;
  }

  private callKind(path: Path, depth: number, guess: boolean): ReceiverKind {
    const name = calleeName(path.node);
    const callee = unwrapPath(path.get('callee') as Path);
    const objectKind = isMember(callee.node) ? this.kindOf(callee.get('object') as Path, depth + 1, guess) : undefined;
    if (this.isImportedSessionFactory(callee)) return this.replacesFactory(undefined) ? 'unknown' : 'session-promise';
    if (name === SESSION_FACTORY && objectKind !== undefined) {
      if (objectKind === 'unknown' && this.declaredOutsideMongo(path)) return 'unknown';
      if (this.replacesFactory(callee.get('object') as Path) || startsNoProgramSession(path, callee.get('object') as Path, this.initialValue)) return 'unknown';
      // The driver's MongoClient#startSession() is synchronous; Mongoose's returns a promise.
      return objectKind === 'client' ? 'session' : 'session-promise';
    }
    if (name === 'model') {
      if (objectKind === 'mongoose' || objectKind === 'connection') return 'model';
      if (isIdentifier(callee.node) && this.imports.mongooseNamed.get(callee.node.name) === 'model') return 'model';
    }
    if (name === 'createConnection' && objectKind === 'mongoose') return 'connection';
    if ((name === 'asPromise' || name === 'useDb') && objectKind === 'connection') return 'connection';
    if (name === 'getClient' && objectKind === 'connection') return 'client';
    if (name === 'connect' && objectKind === 'client') return 'client';
    if (isIdentifier(callee.node) && this.imports.mongooseNamed.get(callee.node.name) === 'createConnection') return 'connection';
    // `MongoClient.connect(url)`: the driver's static, whatever a name guess makes of the class.
    if (name === 'connect' && isMember(callee.node) && namesMongoClientClass(callee.node.object as Node)) return 'client';
    return this.returnedHandleKind(path, depth, guess) ?? 'unknown';
  }

  /**
   * `mongoClient()`, `getConnection()`: a function of the project (of this file, or one it loads)
   * that gives a driver client, a connection or the mongoose object, by its declared return type or
   * by what every one of its returns gives. An async one only where the call is awaited.
   */
  private returnedHandleKind(call: Path, depth: number, guess: boolean): ReceiverKind | undefined {
    const target = calledFunction(this, call, { syntaxOnly: true });
    if (!target || (target.fn.node.async && (call.parent?.node as Node | undefined)?.type !== 'AwaitExpression')) return undefined;
    const declared = returnTypeKind(target.fn.node);
    if (HANDLE_KINDS.has(declared)) return declared;
    const kinds = new Set(returnedValues(target.analysis, target.fn).map((value) => target.analysis.kindOf(value, depth + 1, guess)));
    const [kind] = kinds;
    return kinds.size === 1 && HANDLE_KINDS.has(kind!) ? kind : undefined;
  }

  /** `this.x` inside a class: decorators (@InjectConnection, @InjectModel), type annotation, then the name. */
  private classMemberKind(path: Path, name: string, guess: boolean): ReceiverKind {
    const member = findClassMember(path, name);
    if (member) {
      const decorators = ((member.decorators as Node[] | undefined) ?? []).map(decoratorName);
      if (decorators.includes('InjectConnection')) return 'connection';
      if (decorators.includes('InjectModel')) return 'model';
      const typed = typeKind(member);
      if (typed !== 'unknown') return typed;
    }
    return this.guessFromName(name, guess);
  }

  private guessFromName(name: string, guess: boolean): ReceiverKind {
    if (!guess || !this.nameFallback) return 'unknown';
    if (/^(conn|connection|db|dbConnection|mongoConnection|mongooseConnection|mongoDb)$/i.test(name)) return 'connection';
    if (/^(client|mongoClient|mongodbClient)$/i.test(name)) return 'client';
    if ((/Model$/.test(name) && name !== 'Model') || name === 'model') return 'model';
    if (/^[A-Z][A-Za-z0-9]*$/.test(name) && !GLOBAL_CONSTRUCTORS.has(name)) return 'model';
    return 'unknown';
  }
}

/** `MongoClient`, `mongodb.MongoClient`, `require('mongodb').MongoClient`: the driver's client class, by its name. */
function namesMongoClientClass(node: Node): boolean {
  const inner = unwrapExpression(node);
  return isIdentifier(inner, 'MongoClient') || (isMember(inner) && propertyName(inner) === 'MongoClient');
}

/** The identifier a member chain starts from (`db` in `db.reports.conn`). */
function rootName(path: Path): Path | undefined {
  let current = path;
  while (isMember(current.node)) current = current.get('object') as Path;
  return isIdentifier(current.node) ? current : undefined;
}

/**
 * `this` in a schema's static (`schema.statics.f = function () {...}`, `schema.static('f', fn)`,
 * `schema.statics = { f() {...} }`) is the model it is called on; arrow functions keep the `this`
 * of the function around them.
 */
function isSchemaStatic(thisPath: Path): boolean {
  let fn = enclosingFunction(thisPath);
  while (fn && fn.node.type === 'ArrowFunctionExpression') fn = enclosingFunction(fn);
  if (!fn) return false;
  const parent = fn.parent as Path | null;
  const node = parent?.node;
  if (!node) return false;
  if (node.type === 'AssignmentExpression' && node.right === fn.node) {
    const left = node.left as Node;
    return isMember(left) && isMember(left.object as Node) && propertyName(left.object as Node) === 'statics';
  }
  if (isCall(node) && (node.arguments as Node[])[1] === fn.node) return isMember(node.callee as Node) && propertyName(node.callee as Node) === 'static';
  const object = fn.node.type === 'ObjectMethod' ? parent : node.type === 'ObjectProperty' && node.value === fn.node ? (parent!.parent as Path | null) : null;
  const holder = object?.parent?.node as Node | undefined;
  return holder?.type === 'AssignmentExpression' && holder.right === object!.node && isMember(holder.left as Node) && propertyName(holder.left as Node) === 'statics';
}

/** `x.commitTransaction()`, `{ session: x }`, `.session(x)`: the reference is used as a session. */
function usedAsSessionHere(ref: Path): boolean {
  const parent = ref.parent?.node as Node | undefined;
  if (!parent) return false;
  if (isMember(parent) && parent.object === ref.node) {
    const name = propertyName(parent);
    return name !== undefined && (ASYNC_LIFECYCLE.has(name) || SYNC_LIFECYCLE.has(name));
  }
  if (parent.type === 'ObjectProperty' && parent.value === ref.node) return ((parent.key as Node).name ?? (parent.key as Node).value) === 'session';
  return isCall(parent) && (parent.arguments as Node[]).includes(ref.node) && calleeName(parent) === 'session';
}

/** Parameter names that hold a MongoDB session in real code: `session`, `_session`, `sess`, `mongoSession`... */
function isSessionName(name: string): boolean {
  return /^_?(session|sess)$/i.test(name) || /[a-z]Session$/.test(name);
}

/**
 * A variable name that may hold a session a factory hands out (`dbsession`, `mongoSession`): only
 * decides which calls are followed to see whether they run a factory, never what a value is.
 */
function mayNameSession(name: string): boolean {
  return isSessionName(name) || /session$/i.test(name);
}

/** The variable an expression's value lands in (`const s = <expr>` or `s = <expr>;`), and whether it is awaited on the way. */
function storedValue(expression: Path, bindings: Bindings): { binding: SessionBinding; awaited: boolean } | undefined {
  const { path: current, awaited } = settledExpression(expression);
  const parent = current.parent as Path | null;
  if (!parent) return undefined;
  if (parent.node.type === 'VariableDeclarator' && parent.node.init === current.node && isIdentifier(parent.node.id as Node)) {
    return { binding: { declaration: parent.node.id as Node, form: 'declarator', statement: parent.parent as Path }, awaited };
  }
  if (parent.node.type === 'AssignmentExpression' && parent.node.right === current.node && parent.node.operator === '=') {
    const left = parent.get('left') as Path;
    const declaration = isIdentifier(left.node) ? bindings.declarationOf(left) : undefined;
    const statement = parent.parent as Path;
    if (declaration && statement.node.type === 'ExpressionStatement') return { binding: { declaration, form: 'assignment', statement }, awaited };
  }
  return undefined;
}

/** `const { session } = await factory()`: the variable the pattern binds the factory's session to. */
function destructuredBinding(call: Path, property: string): SessionBinding | undefined {
  const current = settledExpression(call).path;
  const declarator = current.parent as Path | null;
  const pattern = declarator?.node.id as Node | undefined;
  if (declarator?.node.type !== 'VariableDeclarator' || declarator.node.init !== current.node || pattern?.type !== 'ObjectPattern') return undefined;
  const taken = (pattern.properties as Node[]).find((p) => p.type === 'ObjectProperty' && !p.computed && ((p.key as Node).name ?? (p.key as Node).value) === property);
  const value = taken?.value as Node | undefined;
  return value && isIdentifier(value) ? { declaration: value, form: 'declarator', statement: declarator.parent as Path } : undefined;
}


function firstParamIdentifier(fn: Node): Node | undefined {
  const first = (fn.params as Node[] | undefined)?.[0];
  if (!first) return undefined;
  const inner = first.type === 'AssignmentPattern' ? (first.left as Node) : first;
  return isIdentifier(inner) ? inner : undefined;
}

/** Kind from a TypeScript annotation: `Connection`, `mongoose.Connection`, `Model<T>`, `ClientSession`... */
function typeKind(node: Node): ReceiverKind {
  return annotationKind(node.typeAnnotation as Node | undefined);
}

/** `function f(): MongoClient`: what the function's declared return type says its value is. */
function returnTypeKind(fn: Node): ReceiverKind {
  return annotationKind(fn.returnType as Node | undefined);
}

function annotationKind(typeAnnotation: Node | undefined): ReceiverKind {
  const annotation = typeAnnotation?.typeAnnotation as Node | undefined;
  if (!annotation) return 'unknown';
  const candidates = annotation.type === 'TSUnionType' ? (annotation.types as Node[]) : [annotation];
  for (const candidate of candidates) {
    if (candidate.type !== 'TSTypeReference') continue;
    const typeName = candidate.typeName as Node;
    const name = typeName.type === 'Identifier' ? (typeName.name as string) : ((typeName.right as Node)?.name as string | undefined);
    const kind = name ? TYPE_KINDS[name] : undefined;
    if (kind) return kind;
  }
  return 'unknown';
}

export function decoratorName(decorator: Node): string | undefined {
  const expression = decorator.expression as Node;
  if (isIdentifier(expression)) return expression.name;
  if (isCall(expression)) return calleeName(expression);
  return undefined;
}

/** The class property or constructor parameter property named `name` in the class around `path`. */
export function findClassMember(path: Path, name: string): Node | undefined {
  for (let current = path.parent as Path | null; current; current = current.parent as Path | null) {
    const node = current.node;
    if (node.type !== 'ClassBody') continue;
    for (const member of node.body as Node[]) {
      const key = member.key as Node | undefined;
      if ((member.type === 'ClassProperty' || member.type === 'ClassAccessorProperty') && key && isIdentifier(key, name)) return member;
      if (member.type === 'ClassMethod' && member.kind === 'constructor') {
        for (const param of member.params as Node[]) {
          if (param.type === 'TSParameterProperty' && isIdentifier(param.parameter as Node, name)) {
            return { ...(param.parameter as Node), decorators: param.decorators ?? (param.parameter as Node).decorators };
          }
        }
      }
    }
    return undefined;
  }
  return undefined;
}

/** The function whose body only returns `call` (`return x.startSession()`, `=> x.startSession()`). */
function functionReturningOnly(call: Path): Node | undefined {
  let current = call;
  while (current.parent && (current.parent.node as Node).type === 'AwaitExpression') current = current.parent as Path;
  const parent = current.parent as Path | null;
  if (!parent) return undefined;
  if (isFunction(parent.node) && parent.node.body === current.node) return parent.node;
  if (parent.node.type !== 'ReturnStatement') return undefined;
  const block = parent.parent as Path | null;
  const fn = block?.parent as Path | null;
  if (!block || !fn || block.node.type !== 'BlockStatement' || !isFunction(fn.node)) return undefined;
  return (block.node.body as Node[]).length === 1 ? fn.node : undefined;
}

/** The value of the `session` property of an options object literal, or of the object a conditional gives when its test holds. */
function sessionProperty(init: Path): Path | undefined {
  const object = init.node?.type === 'ConditionalExpression' ? (init.get('consequent') as Path) : init;
  if (object.node?.type !== 'ObjectExpression') return undefined;
  const index = (object.node.properties as Node[]).findIndex((p) => propertyKey(p) === 'session');
  return index === -1 ? undefined : (object.get('properties', index, 'value') as Path);
}

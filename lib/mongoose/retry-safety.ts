import { calleeName, contains, isCall, isFunction, isIdentifier, isMember, propertyKey, propertyName, rootIdentifier, type Node, type Path } from '../ast/nodes';
import { shortText } from '../edit/text';
import { unwrapPath, type MongooseAnalysis } from './analysis';
import { calledFunction } from './callees';
import { MODEL_OPERATIONS, READ_OPERATIONS } from './api';
import { isPurePackage } from './imports';
import { callChain, carriesSession, classifyCall, isInnerLink, type CallChain, type OperationContext } from './operations';
import { COLLECTION_MUTATORS } from './session-storage';

/** Callees that leave the process: HTTP, mail, queues, events. */
const OUTSIDE_CALLS = /^(fetch|axios|got|request|superagent|send[A-Z].*|send|sendMail|sendEmail|publish|enqueue|emit|notify.*|dispatch|sendToQueue|postMessage)$/;
/** Receivers whose methods answer an HTTP request (Express, Koa, Fastify). */
const RESPONSE_OBJECTS = new Set(['res', 'response', 'reply', 'ctx']);

/** Globals whose functions compute without touching the outside world (logging and assertions are tolerated: a retry only repeats them). */
const PURE_GLOBALS = new Set([
  'Array', 'BigInt', 'Boolean', 'Buffer', 'Date', 'JSON', 'Math', 'Number', 'Object', 'Promise', 'RegExp', 'String', 'Symbol',
  'crypto',
  'URL', 'URLSearchParams', 'console', 'decodeURI', 'decodeURIComponent', 'encodeURI', 'encodeURIComponent', 'isFinite',
  'isNaN', 'parseFloat', 'parseInt', 'setImmediate', 'setTimeout', 'structuredClone',
]);

/** Methods that read or reshape a value in memory, whatever it is called on. */
const PURE_METHODS = new Set([
  'at', 'catch', 'charAt', 'concat', 'endsWith', 'entries', 'equals', 'every', 'filter', 'finally', 'find', 'findIndex',
  'findLast', 'flat', 'flatMap', 'forEach', 'get', 'getTime', 'has', 'includes', 'indexOf', 'join', 'keys', 'lastIndexOf',
  'map', 'match', 'padEnd', 'padStart', 'reduce', 'reduceRight', 'replace', 'replaceAll', 'slice', 'some', 'sort', 'split',
  'startsWith', 'substring', 'test', 'then', 'toFixed', 'toISOString', 'toJSON', 'toLowerCase', 'toObject', 'toString',
  'toUpperCase', 'trim', 'trimEnd', 'trimStart', 'valueOf', 'values',
]);

/** Lifecycle calls that end a transaction. */
const ENDS_TRANSACTION = new Set(['commitTransaction', 'abortTransaction']);

/** How deep calls into functions of the same file are followed. */
const MAX_DEPTH = 3;

/** Something a retried transaction body would do again (docs/mongoose-semantics.md §5.1.2). */
export type RetryHazard =
  /** An HTTP call, email, queue message, response, or a change to something declared outside the body. */
  | { kind: 'effect'; at: Path }
  /** A write without the session: it is not rolled back, so a second run writes again. */
  | { kind: 'write-outside'; at: Path }
  /** A call the codemod cannot see into (another module, a parameter): it may do any of the above. */
  | { kind: 'unknown-call'; at: Path }
  /**
   * A change to an object declared outside the body after the body read it: a second run starts from
   * the changed object. `outer` is the text of the plain read that holds it (`req.account`), taken
   * from the file the change is in, which may be another than the one reported on.
   */
  | { kind: 'changes-read-value'; at: Path; name: string; outer?: string }
  /**
   * The wrapper's call of its callback parameter, where the callbacks its callers pass could not all
   * be judged safe: `reason` says which and why; `unseen` when it names only what cannot be seen into.
   */
  | { kind: 'callback'; at: Path; reason: string; unseen?: true }
  /**
   * A function the body hands the session to commits or aborts it (`rejectWith(session, msg)`):
   * transaction() commits or aborts itself, once, and an abort before a throw makes its own abort
   * fail ("Cannot call abortTransaction twice", Mongoose 8.7+).
   */
  | { kind: 'ends-transaction'; at: Path; method: string };

/**
 * Judges the call of a transaction wrapper's callback parameter (`fn(session)` in
 * `withTransaction(fn)`) by the callbacks the wrapper's callers pass; 'not-a-callback' for any other call.
 */
export interface CallbackJudge {
  hazardOf(call: Path): RetryHazard | undefined | 'not-a-callback';
}

/**
 * The first thing in `nodes` that would happen twice if `transaction()` ran the body again, or
 * undefined when everything there is database work on the session or computation in memory.
 * `region` is the code that becomes the body: values declared in it are made afresh by each run.
 */
export function retryHazard(
  nodes: Path[],
  region: Node,
  analysis: MongooseAnalysis,
  sessions: Node[],
  skip: Node[] = [],
  callbacks?: CallbackJudge,
  /** Hazards the same run removes before the body runs inside transaction() (a write another transform gives the session). */
  removed: (hazard: RetryHazard) => boolean = () => false,
): RetryHazard | undefined {
  const checker = new HazardFinder(analysis, region, { sessions, alsCovers: false, sessionDocuments: new Set(), documents: new Set() }, skip, new Set(), callbacks);
  function* found(): Generator<RetryHazard> {
    for (const path of nodes) for (const hazard of checker.each(path)) if (!removed(hazard)) yield hazard;
  }
  return mostTelling(found(), (hazard) => hazardWeight(analysis, hazard));
}

/**
 * How little a reason tells: 0 for a known hazard; 1 for a call that cannot be seen into but sounds
 * like an effect, or a wrapper's callbacks that could not all be seen; 2 for any other call that
 * cannot be seen into.
 */
export type Weight = 0 | 1 | 2;

/**
 * The reason a finding should give: the first known one, else the first of the least unknown.
 * Reads `reasons` only as far as needed (a known one ends the search).
 */
export function mostTelling<T>(reasons: Iterable<T>, weight: (reason: T) => Weight): T | undefined {
  let best: { reason: T; weight: Weight } | undefined;
  for (const reason of reasons) {
    const w = weight(reason);
    if (w === 0) return reason;
    if (!best || w < best.weight) best = { reason, weight: w };
  }
  return best?.reason;
}

/** The weight of a hazard found in `analysis`'s file (mostTelling). */
export function hazardWeight(analysis: MongooseAnalysis, hazard: RetryHazard): Weight {
  if (hazard.kind === 'callback') return hazard.unseen ? 1 : 0;
  if (hazard.kind !== 'unknown-call') return 0;
  return soundsLikeEffect(analysis, hazard.at) ? 1 : 2;
}

/** Mongoose's ways to open a connection. */
const OPENS_CONNECTION = new Set(['connect', 'openUri', 'createConnection']);

/**
 * A function of the project that opens the database connection (`connectDB()` calling
 * `mongoose.connect()`, keeping the connection or its promise in module state): the transaction
 * runs on that connection, so a second run of the body finds it open, and what the function keeps
 * between calls is what makes it hand the same connection back.
 */
function opensConnection(analysis: MongooseAnalysis, fn: Path): boolean {
  return analysis.index.within(fn.node, 'CallExpression').some((call) => {
    const callee = call.node.callee as Node;
    if (!isMember(callee) || !OPENS_CONNECTION.has(propertyName(callee) ?? '')) return false;
    const root = receiverRoot(call.get('callee') as Path);
    return root !== undefined && analysis.kindOf(root) === 'mongoose';
  });
}

/** Callee names that usually mean work outside the process: only used to pick which call a finding names. */
const EFFECT_WORDS = /delete|remove|destroy|upload|send|mail|sms|notify|publish|charge|refund|pay|webhook|post|put|write/i;

function soundsLikeEffect(analysis: MongooseAnalysis, call: Path): boolean {
  const callee = isCall(call.node) ? (call.node.callee as Node) : undefined;
  return callee !== undefined && EFFECT_WORDS.test(analysis.source.slice(callee.start ?? 0, callee.end ?? 0));
}

/**
 * Variables of a followed function bound to an object that carries the body's session (`ctx` in
 * `finish(ctx)` called `finish({ session, order })`), with the keys it carries the session under.
 */
type SessionCarriers = ReadonlyMap<Node, ReadonlySet<string>>;

const NO_KEYS: ReadonlySet<string> = new Set();

class HazardFinder {
  /** The functions of this file being followed from the body, innermost last. */
  private readonly following: Array<{ fn: Node; call: Path }> = [];

  constructor(
    private readonly analysis: MongooseAnalysis,
    private readonly region: Node,
    private context: OperationContext,
    /** Code inside the nodes that runs once, outside the retried body (what follows an intentional abort). */
    private readonly skip: Node[],
    /** Functions already followed, in any file: each is judged once. */
    private readonly visited = new Set<Node>(),
    /** What the callbacks of the wrapper the body belongs to do, where it calls them. */
    private readonly callbacks?: CallbackJudge,
    private carriers: SessionCarriers = new Map(),
  ) {}

  /** Every hazard in `path`, in source order (a local function called there counts once, at its call). */
  *each(path: Path, depth = 0): Generator<RetryHazard> {
    for (const candidate of this.candidates(path)) {
      const hazard = this.hazardOf(candidate, depth);
      if (hazard) yield hazard;
    }
  }

  /** What a followed function would do again: its hazard chosen as the body's own are, of those `counts` keeps. */
  within(path: Path, depth: number, counts: (hazard: RetryHazard) => boolean = () => true): RetryHazard | undefined {
    const each = this.each(path, depth);
    function* counted(): Generator<RetryHazard> {
      for (const hazard of each) if (counts(hazard)) yield hazard;
    }
    return mostTelling(counted(), (hazard) => hazardWeight(this.analysis, hazard));
  }

  private candidates(path: Path): Path[] {
    const all = [path, ...this.analysis.index.within(path.node, 'CallExpression', 'OptionalCallExpression', 'UpdateExpression', 'AssignmentExpression', 'UnaryExpression')];
    return all.filter((candidate) => !isInnerLink(candidate) && !this.skip.some((node) => contains(node, candidate.node)) && !this.withoutSessionOnly(candidate, path.node));
  }

  /**
   * Inside `path`, code that runs only when a variable holding the body's session is empty (the
   * `else` of `if (session)`, `if (!session) ...`, `session ? a : b`'s `b`): a helper's session-less
   * fallback, which the body, handing it the session, never takes.
   */
  private withoutSessionOnly(candidate: Path, top: Node): boolean {
    for (let child = candidate, parent = candidate.parent as Path | null; parent && child.node !== top; child = parent, parent = parent.parent as Path | null) {
      const node = parent.node;
      if (node.type === 'BlockStatement' && this.afterReturnWithSession(parent, child.node)) return true;
      if (node.type !== 'IfStatement' && node.type !== 'ConditionalExpression') continue;
      const tested = this.sessionTest(parent.get('test') as Path);
      if (tested === 'present' && child.node === node.alternate) return true;
      if (tested === 'absent' && child.node === node.consequent) return true;
    }
    return false;
  }

  /** `statement` follows `if (session) { ...; return x; }` in `block`: it runs only without the session. */
  private afterReturnWithSession(block: Path, statement: Node): boolean {
    const index = (block.node.body as Node[]).indexOf(statement);
    for (let i = 0; i < index; i++) {
      const earlier = block.get('body', i) as Path;
      if (earlier.node.type !== 'IfStatement' || earlier.node.alternate) continue;
      if (this.sessionTest(earlier.get('test') as Path) === 'present' && alwaysLeaves(earlier.node.consequent as Node)) return true;
    }
    return false;
  }

  /** `session` (a test that it is there) or `!session` (that it is not), for the body's session (`ctx.session` included). */
  private sessionTest(test: Path): 'present' | 'absent' | undefined {
    const node = unwrapPath(test).node;
    if (node.type === 'UnaryExpression' && node.operator === '!') return this.sessionTest(unwrapPath(test).get('argument') as Path) === 'present' ? 'absent' : undefined;
    return this.holdsSession(test) ? 'present' : undefined;
  }

  /**
   * Whether `path` is the body's session: a variable holding it, `ctx.session` where `ctx` carries
   * it under that key, or a variable read from there (`const session = ctx.session`, `const {
   * session } = ctx`).
   */
  private holdsSession(path: Path, depth = 0): boolean {
    const inner = unwrapPath(path);
    const node = inner.node;
    if (isMember(node)) {
      const key = propertyName(node);
      return key !== undefined && this.carriedKeys(inner.get('object') as Path).has(key);
    }
    const declaration = isIdentifier(node) ? this.analysis.bindings.declarationOf(inner) : undefined;
    if (declaration === undefined || depth > 8) return false;
    if (this.context.sessions.includes(declaration)) return true;
    const read = this.analysis.bindings.plainReadOf(inner);
    if (read) return this.holdsSession(read, depth + 1);
    // `const { session } = ctx`
    const origin = this.analysis.bindings.originOf(declaration);
    if (origin?.kind !== 'variable' || (origin.declarator.node.id as Node).type !== 'ObjectPattern') return false;
    const keys = this.carriedKeys(origin.declarator.get('init') as Path, depth + 1);
    return patternBindings(origin.declarator.node.id as Node, keys).includes(declaration);
  }

  /** What a call hands on as the session: the body's session, or any variable holding a session. */
  private passesSession(value: Path, depth = 0): boolean {
    return this.holdsSession(value, depth) || this.analysis.isSessionReference(value);
  }

  /**
   * The keys under which an object carries the body's session: an object literal (`{ session,
   * order }`), a variable declared with one (or with another such variable) and never assigned
   * again, or an object a followed function was handed that carries it.
   */
  private carriedKeys(path: Path, depth = 0): ReadonlySet<string> {
    const inner = unwrapPath(path);
    const node = inner.node;
    if (node?.type === 'ObjectExpression') {
      // In order: `{ ...options, session: null }` carries no session, `{ ...options, new: true }` does.
      const keys = new Set<string>();
      (node.properties as Node[]).forEach((property, index) => {
        if (property.type === 'SpreadElement') {
          for (const key of this.carriedKeys(inner.get('properties', index, 'argument') as Path, depth + 1)) keys.add(key);
          return;
        }
        const key = propertyKey(property);
        if (key === undefined) return;
        if (this.passesSession(inner.get('properties', index, 'value') as Path, depth + 1)) keys.add(key);
        else keys.delete(key);
      });
      return keys;
    }
    const declaration = isIdentifier(node) ? this.analysis.bindings.declarationOf(inner) : undefined;
    if (declaration === undefined || depth > 8) return NO_KEYS;
    const carried = this.carriers.get(declaration);
    if (carried) return carried;
    // `const ctx = { session, order }`, or `const c = ctx`.
    const value = this.analysis.bindings.constantValue(inner);
    return value && (value.node.type === 'ObjectExpression' || isIdentifier(value.node)) ? this.carriedKeys(value, depth + 1) : NO_KEYS;
  }

  /**
   * What `call` hands `fn` of the body's session: the parameters it hands the session to
   * (`deductStock(id, qty, session)`; `finish({ session, order })` to `({ session, order })`), and
   * those bound to an object carrying it (`finish(ctx)` with `const ctx = { session, order }`).
   */
  private handedSessions(call: Path, fn: Path): { sessions: Node[]; carriers: Map<Node, ReadonlySet<string>> } {
    const params = fn.node.params as Node[];
    const sessions: Node[] = [];
    const carriers = new Map<Node, ReadonlySet<string>>();
    (call.node.arguments as Node[]).forEach((arg, index) => {
      const param = params[index];
      const name = param?.type === 'AssignmentPattern' ? (param.left as Node) : param;
      if (!name || arg.type === 'SpreadElement') return;
      const value = unwrapPath(call.get('arguments', index) as Path);
      if (isIdentifier(name) && this.passesSession(value)) sessions.push(name);
      const keys = this.carriedKeys(value);
      if (keys.size === 0) return;
      if (isIdentifier(name)) carriers.set(name, keys);
      else if (name.type === 'ObjectPattern') sessions.push(...patternBindings(name, keys));
    });
    return { sessions, carriers };
  }

  private hazardOf(path: Path, depth: number): RetryHazard | undefined {
    const node = path.node;
    const changed = this.outerObjectChanged(path);
    if (changed) return changed;
    if (node.type === 'UpdateExpression' || (node.type === 'AssignmentExpression' && node.operator !== '=')) {
      const target = path.get(node.type === 'UpdateExpression' ? 'argument' : 'left') as Path;
      // `total += x` on a variable declared outside: a second run adds again.
      return isIdentifier(target.node) && this.declaredOutside(target) ? { kind: 'changes-read-value', at: path, name: target.node.name as string } : undefined;
    }
    if (node.type === 'AssignmentExpression' && isIdentifier(node.left as Node) && this.declaredOutside(path.get('left') as Path)) {
      // `attempts = attempts + 1`: the same as `+=`, written out.
      return this.readsItself(path) ? { kind: 'changes-read-value', at: path, name: (node.left as Node).name as string } : undefined;
    }
    if (!isCall(node)) return undefined;
    // In a function followed from the body, a call on the session it was handed: commits and aborts
    // end the transaction there; anything else (`session.inTransaction()`) is the session's own business.
    const lifecycle = depth > 0 ? this.heldSessionMethod(path) : undefined;
    if (lifecycle) return ENDS_TRANSACTION.has(lifecycle) ? { kind: 'ends-transaction', at: path, method: lifecycle } : undefined;
    if (this.leavesProcess(path)) return { kind: 'effect', at: path };
    const database = this.databaseCall(path);
    return database === 'not-database' ? this.localCall(path, depth) : database;
  }

  /** The method of a call made on the body's session (`session.abortTransaction()`, `ctx.session.commitTransaction()`), else undefined. */
  private heldSessionMethod(call: Path): string | undefined {
    const callee = call.node.callee as Node;
    if (!isMember(callee)) return undefined;
    return this.holdsSession(call.get('callee', 'object') as Path) ? propertyName(callee) : undefined;
  }

  /** Responses, HTTP clients, mail and queue calls, pushes into collections declared outside the body. */
  private leavesProcess(path: Path): boolean {
    const node = path.node;
    const callee = node.callee as Node;
    const name = calleeName(node);
    if (isMember(callee)) {
      const object = callee.object as Node;
      if (isIdentifier(object) && RESPONSE_OBJECTS.has(object.name) && !this.holdsCallResult(path.get('callee', 'object') as Path)) return true;
      if (isIdentifier(object, 'axios') || isIdentifier(object, 'http') || isIdentifier(object, 'https')) return true;
      // `stockMovementService.add({ session, ... })` calls a function of the project, judged like any other call.
      if (name && COLLECTION_MUTATORS.has(name) && isIdentifier(object) && !calledFunction(this.analysis, path, { syntaxOnly: true })) {
        return this.holdsOuterObject(path.get('callee', 'object') as Path);
      }
    }
    return name !== undefined && OUTSIDE_CALLS.test(name);
  }

  /**
   * A variable declared with what a call gave (`let res = await Otp.findOne(...)`, `const response =
   * await fetch(url)`): whatever its name, not the response the handler answers with.
   */
  private holdsCallResult(identifier: Path): boolean {
    const declaration = this.analysis.bindings.declarationOf(identifier);
    const origin = declaration ? this.analysis.bindings.originOf(declaration) : undefined;
    if (origin?.kind !== 'variable' || origin.declarator.node.id !== declaration) return false;
    let value = origin.declarator.node.init as Node | null;
    while (value?.type === 'AwaitExpression') value = value.argument as Node;
    return value != null && isCall(value);
  }

  /** Database work on the session is safe, a write without it is not; anything else is 'not-database'. */
  private databaseCall(path: Path): RetryHazard | undefined | 'not-database' {
    const chain = callChain(path);
    const verdict = classifyCall(this.analysis, path, this.context);
    // Passing the session does not make a call database work: `callback(session)`, a function of
    // this file (`debit(session, wallet)`) or another module's `service.create(dto, session)` may
    // do anything; only operations are known.
    if (verdict.kind !== 'operation' || verdict.helper) return 'not-database';
    if (carriesSession(this.analysis, chain.links, this.context.sessions) || this.passesCarriedSession(chain)) return undefined;
    const method = chain.links[0]?.method ?? '';
    const writes = !READ_OPERATIONS.has(method) && (MODEL_OPERATIONS.has(method) || method === 'save');
    return verdict.outside && writes ? { kind: 'write-outside', at: path } : undefined;
  }

  /** `Item.insertMany(items, options)` in a function handed `{ session }` as `options`: options that carry the session. */
  private passesCarriedSession(chain: CallChain): boolean {
    return chain.links.some((link) => link.args.some((_, index) => this.carriedKeys(link.call.get('arguments', index) as Path).has('session')));
  }

  /** Computation in memory, or a call into the project whose function is itself free of hazards. */
  private localCall(path: Path, depth: number): RetryHazard | undefined {
    const callback = this.callbacks ? this.callbacks.hazardOf(path) : 'not-a-callback';
    if (callback !== 'not-a-callback') return callback;
    const fn = this.analysis.localFunctionCalled(path);
    if (fn) return this.follow(path, { analysis: this.analysis, fn }, depth);
    // Loading a module twice loads it once; what it exports is judged where it is called.
    if (isModuleLoad(path.node)) return undefined;
    // Logging twice, or building an error that is thrown (the throw ends the run anyway), does no harm.
    if (isLogging(path) || isThrown(path)) return undefined;
    const callee = unwrapPath(path.get('callee') as Path);
    const root = receiverRoot(callee);
    if (root && this.loadedInBody(root)) return { kind: 'unknown-call', at: path };
    if (root && PURE_GLOBALS.has(root.node.name as string) && !this.analysis.bindings.declarationOf(root)) return undefined;
    if (root && this.analysis.imports.pureBindings.has(this.analysis.bindings.declarationOf(root) as Node)) return undefined;
    if (returnsNothing(path)) return undefined;
    if (isMember(callee.node) && PURE_METHODS.has(propertyName(callee.node) ?? '')) return undefined;
    if (root && !this.holdsOuterObject(root)) return undefined;
    const kind = root ? this.analysis.kindOf(root) : 'unknown';
    if (kind === 'mongoose' || kind === 'connection' || kind === 'model') return undefined;
    const target = calledFunction(this.analysis, path);
    return target ? this.follow(path, target, depth) : { kind: 'unknown-call', at: path };
  }

  /**
   * What running `target` from `call` would do again, reported at the call (the body's reader
   * knows the call, not the helper's insides). A function of another file is judged there: its
   * variables are made afresh by each call, its parameters and module state are not, and the
   * parameters the call hands the session to hold the session.
   */
  private follow(call: Path, target: { analysis: MongooseAnalysis; fn: Path }, depth: number): RetryHazard | undefined {
    const { analysis, fn } = target;
    if (this.visited.has(fn.node)) return undefined;
    this.visited.add(fn.node);
    // What a connection opener keeps between calls (the connection, its promise) is what makes it
    // hand the same connection back, and what it calls unseen sets that connection up (its event
    // handlers); an effect it is known to have still counts.
    const counts = opensConnection(analysis, fn) ? (hazard: RetryHazard) => hazard.kind !== 'changes-read-value' && hazard.kind !== 'unknown-call' : undefined;
    if (depth >= MAX_DEPTH) return { kind: 'unknown-call', at: call };
    const body = fn.get('body') as Path;
    // A declaration without a body (an overload, `declare function`): what runs is not in sight.
    if (!body.node) return { kind: 'unknown-call', at: call };
    let inner: RetryHazard | undefined;
    // The function's parameters the call hands the session to hold it while it is followed.
    const handed = this.handedSessions(call, fn);
    if (analysis === this.analysis) {
      const outer = { context: this.context, carriers: this.carriers };
      this.context = { ...outer.context, sessions: [...outer.context.sessions, ...handed.sessions] };
      this.carriers = new Map([...outer.carriers, ...handed.carriers]);
      this.following.push({ fn: fn.node, call });
      inner = this.within(body, depth + 1, counts);
      this.following.pop();
      ({ context: this.context, carriers: this.carriers } = outer);
    } else {
      const context: OperationContext = { sessions: handed.sessions, alsCovers: false, sessionDocuments: new Set(), documents: new Set() };
      inner = new HazardFinder(analysis, body.node, context, [], this.visited, undefined, handed.carriers).within(body, depth + 1, counts);
    }
    return inner ? { ...inner, at: call } : undefined;
  }

  /**
   * `order.total = x`, `order.total += x`, `order.count++` or `delete order.total` where `order` is
   * declared outside the body and the body reads it (before, or in the change itself): a second run
   * would read the changed object (`create([txn])` after a first run's `delete txn.totalPrice` saves
   * a different document; `+=` adds twice).
   */
  private outerObjectChanged(path: Path): RetryHazard | undefined {
    const node = path.node;
    const target =
      node.type === 'AssignmentExpression' && isMember(node.left as Node)
        ? (path.get('left') as Path)
        : (node.type === 'UpdateExpression' || (node.type === 'UnaryExpression' && node.operator === 'delete')) && isMember(node.argument as Node)
          ? (path.get('argument') as Path)
          : undefined;
    const root = target && rootIdentifier(target);
    if (!root || !this.holdsOuterObject(root)) return undefined;
    const declaration = this.analysis.bindings.declarationOf(root);
    if (!declaration) return undefined;
    const name = root.node.name as string;
    const readsItself = node.type === 'UpdateExpression' || (node.type === 'AssignmentExpression' && node.operator !== '=');
    const changed = firstProperty(root);
    const read =
      readsItself ||
      this.analysis.bindings.referencesBetween(declaration, this.region.start ?? 0, node.end ?? 0).some((ref) => {
        if (ref.node === root.node || onlyAssignsThrough(ref)) return false;
        const property = readProperty(ref);
        return property === undefined || changed === undefined || property === changed;
      });
    // `const account = req.account` in the body: `account` is declared there, the object it holds is not.
    const outer = this.declaredOutside(root) ? undefined : this.analysis.bindings.plainReadOf(root);
    return read ? { kind: 'changes-read-value', at: path, name, ...(outer ? { outer: shortText(this.analysis.source, outer.node, 50) } : {}) } : undefined;
  }

  /** `x = <value>` whose value reads `x` itself (the same variable, not a shadowing one). */
  private readsItself(assignment: Path): boolean {
    const target = assignment.get('left') as Path;
    const declaration = this.analysis.bindings.declarationOf(target);
    return this.analysis.index
      .within(assignment.node.right as Node, 'Identifier')
      .some((ref) => ref.node.name === target.node.name && this.analysis.bindings.declarationOf(ref) === declaration);
  }

  /**
   * Declared outside the body, and not a variable of a function of this file the body calls (that
   * function makes its variables afresh on every call); its parameters hold what the call gave them,
   * which is outside when the argument is.
   */
  private declaredOutside(identifier: Path): boolean {
    if (!this.analysis.bindings.declaredOutside(identifier, this.region)) return false;
    const declaration = this.analysis.bindings.declarationOf(identifier);
    const origin = declaration ? this.analysis.bindings.originOf(declaration) : undefined;
    if (origin?.kind === 'variable') return !this.following.some(({ fn }) => contains(fn, declaration!));
    if (origin?.kind !== 'parameter' || origin.param.type !== 'Identifier') return true;
    const followed = this.following.find(({ fn }) => fn === origin.fn.node);
    if (!followed) return true;
    const argument = followed.call.get('arguments', origin.index) as Path;
    if (!argument.node || argument.node.type === 'SpreadElement') return true;
    const value = unwrapPath(argument);
    return isIdentifier(value.node) ? this.declaredOutside(value) : !isFreshValue(value.node);
  }

  /** Declared outside the body, or a plain read of such an object in it (`const account = req.account`): the same object either way. */
  private holdsOuterObject(identifier: Path): boolean {
    return this.analysis.bindings.holdsObjectOf(identifier, (candidate) => this.declaredOutside(candidate));
  }

  /** `const { sendInvoice } = await import('./billing')` in the body: a binding to another module's code, judged as such. */
  private loadedInBody(root: Path): boolean {
    if (this.declaredOutside(root)) return false;
    const declaration = this.analysis.bindings.declarationOf(root);
    const origin = declaration ? this.analysis.bindings.originOf(declaration) : undefined;
    if (origin?.kind !== 'variable' || this.analysis.imports.pureBindings.has(declaration!)) return false;
    let value = origin.declarator.node.init as Node | null;
    while (value && (value.type === 'AwaitExpression' || isMember(value))) value = (value.type === 'AwaitExpression' ? value.argument : value.object) as Node;
    if (!value || !isCall(value) || !isModuleLoad(value)) return false;
    const specifier = (value.arguments as Node[])[0];
    const name = specifier?.type === 'StringLiteral' ? (specifier.value as string) : undefined;
    return name === undefined || !isPurePackage(name);
  }
}

/** A statement that ends in `return` or `throw` on every path through it (a block's last statement, or both branches of an if). */
function alwaysLeaves(statement: Node): boolean {
  if (statement.type === 'ReturnStatement' || statement.type === 'ThrowStatement') return true;
  if (statement.type === 'BlockStatement') {
    const last = (statement.body as Node[]).at(-1);
    return last !== undefined && alwaysLeaves(last);
  }
  return statement.type === 'IfStatement' && statement.alternate != null && alwaysLeaves(statement.consequent as Node) && alwaysLeaves(statement.alternate as Node);
}

/** The identifiers an object pattern binds the properties `keys` to (`s` in `{ session: s }` for `session`). */
function patternBindings(pattern: Node, keys: ReadonlySet<string>): Node[] {
  return (pattern.properties as Node[]).flatMap((property) => {
    const key = propertyKey(property);
    if (key === undefined || !keys.has(key)) return [];
    const target = property.value as Node;
    const name = target.type === 'AssignmentPattern' ? (target.left as Node) : target;
    return isIdentifier(name) ? [name] : [];
  });
}

/** The variable a call is made on, also through `(acc[k] = acc[k] || [])` or `(list ?? [])`. */
function receiverRoot(callee: Path): Path | undefined {
  let current = callee;
  for (;;) {
    const node = unwrapPath(current).node;
    if (isMember(node) || isCall(node)) current = unwrapPath(current).get(isCall(node) ? 'callee' : 'object') as Path;
    else if (node.type === 'AssignmentExpression' || node.type === 'LogicalExpression') current = unwrapPath(current).get('left') as Path;
    else return isIdentifier(node) ? unwrapPath(current) : undefined;
  }
}

/**
 * `res.locals.role = x`: the reference only leads to the place a value is put, whatever was there
 * before (a second run puts its own value there again); it reads nothing of the object.
 */
function onlyAssignsThrough(ref: Path): boolean {
  let current = ref;
  while (current.parent && isMember(current.parent.node) && current.parent.node.object === current.node) current = current.parent as Path;
  const parent = current.parent?.node as Node | undefined;
  return current !== ref && parent?.type === 'AssignmentExpression' && parent.operator === '=' && parent.left === current.node;
}

/** `total` in `order.total.net = x` (from the root `order`); undefined when computed. */
function firstProperty(root: Path): string | undefined {
  const member = root.parent as Path | null;
  return member && isMember(member.node) && member.node.object === root.node && !member.node.computed ? propertyName(member.node) : undefined;
}

/**
 * The one property a reference reads (`order.items` in `order.items.length`), or undefined when it
 * reads the whole object: passed on (`create([txn])`), spread, or a method called on it (`txn.save()`).
 */
function readProperty(ref: Path): string | undefined {
  const property = firstProperty(ref);
  const member = ref.parent as Path;
  const call = member?.parent as Path | null;
  return property !== undefined && !(call && isCall(call.node) && call.node.callee === member.node) ? property : undefined;
}

/** `import('./x')` or `require('./x')`. */
function isModuleLoad(node: Node): boolean {
  const callee = node.callee as Node;
  return callee.type === 'Import' || isIdentifier(callee, 'require');
}

const LOG_LEVELS = new Set(['log', 'info', 'warn', 'warning', 'error', 'debug', 'trace', 'fatal', 'verbose', 'silly', 'http', 'notice', 'critical']);
/** A logger by its name: `logger`, `this.logger`, `this.log`, `req.log`, Nest's `Logger`, `auditLogger`. */
const LOGGER_NAMES = /^(_*logg?er|_*log|[A-Za-z]*Logger)$/i;

/** `logger.info(...)`, `this.logger.error(...)`, `Logger.warn(...)`, `req.log.debug(...)`: a log line, harmless when repeated. */
export function isLogging(call: Path): boolean {
  return isLoggerCall(call.node);
}

function isLoggerCall(call: Node): boolean {
  const callee = call.callee as Node;
  if (!isMember(callee) || !LOG_LEVELS.has(propertyName(callee) ?? '')) return false;
  const object = callee.object as Node;
  const name = isIdentifier(object) ? object.name : isMember(object) ? propertyName(object) : undefined;
  return name !== undefined && LOGGER_NAMES.test(name);
}

/** `console.log(...)` or a logger's call (`logger.info(...)`, `this.logger.debug(...)`): a log line. */
export function isLogLine(call: Node): boolean {
  if (!isCall(call)) return false;
  const callee = call.callee as Node;
  return isLoggerCall(call) || (isMember(callee) && isIdentifier(callee.object, 'console'));
}

/** A call whose value is thrown (`throw createError(404, ...)`, `throw this.notFound(id)`), or made to build it. */
function isThrown(call: Path): boolean {
  for (let current = call.parent as Path | null; current; current = current.parent as Path | null) {
    if (current.node.type === 'ThrowStatement') return true;
    if (/Statement|Declaration$/.test(current.node.type) || isFunction(current.node)) return false;
  }
  return false;
}

const RETURNS_NOTHING = new Set(['console', 'assert', 'expect']);

/** `res.json(x)` and friends, `console.*`, `assert*`: calls whose value is not a promise. */
export function isSynchronousCall(call: Path): boolean {
  const node = call.node;
  if (!isCall(node)) return false;
  const callee = node.callee as Node;
  if (returnsNothing(call)) return true;
  return isMember(callee) && isIdentifier(callee.object) && RESPONSE_OBJECTS.has(callee.object.name) && propertyName(callee) !== 'then';
}

/** `console.log('Transaction started')`, `logger.info(...)`, `assert.ok(...)`: a statement or value that only logs or asserts. */
export function onlyLogsOrAsserts(path: Path): boolean {
  let expression = path.node.type === 'ExpressionStatement' ? (path.get('expression') as Path) : path;
  if (expression.node.type === 'AwaitExpression') expression = expression.get('argument') as Path;
  return isCall(expression.node) && (returnsNothing(expression) || isLogging(expression));
}

/** `console.log(...)`, `assert.ok(...)`, `expect(...)...`: their value is undefined (or an assertion object). */
export function returnsNothing(call: Path): boolean {
  const root = isCall(call.node) ? rootIdentifier(call.get('callee') as Path) : undefined;
  return root !== undefined && RETURNS_NOTHING.has(root.node.name as string);
}

/** An object or array literal, or a `new` expression: made afresh by each run of the code that makes it. */
function isFreshValue(node: Node): boolean {
  return node.type === 'ObjectExpression' || node.type === 'ArrayExpression' || node.type === 'NewExpression';
}

import { calleeName, isCall, isFunction, isIdentifier, isMember, outermostExpression, propertyKey, unwrapExpression, type Node, type Path } from '../ast/nodes';
import {
  ASYNC_LIFECYCLE,
  CALLBACK_POSITION,
  DOCUMENT_OPERATIONS,
  LAZY_OPERATIONS,
  MODEL_OPERATIONS,
  QUERY_CHAIN_METHODS,
  SESSION_SCOPE_HELPERS,
  SYNC_LIFECYCLE,
} from './api';
import { unwrapPath, type MongooseAnalysis, type ReceiverKind } from './analysis';

/** One call of a chain such as `Order.find(q).session(s).lean()`, from the base outwards. */
interface ChainLink {
  call: Path;
  method: string | undefined;
  args: Node[];
}

/** A call chain taken apart: its links and the expression the first call is made on. */
export interface CallChain {
  links: ChainLink[];
  /** `Order` in `Order.find(...)`, `doc` in `doc.save()`; undefined for plain `f(...)` calls. */
  root: Path | undefined;
}

export type OperationVerdict =
  /**
   * A Mongoose or driver thenable: leaving it unawaited lets it outlive the transaction.
   * `outside`: it carries no session (and ALS does not cover it), so it runs outside the transaction.
   * `helper`: an async function of this file given the session, awaited like an operation, whose
   * body is the project's own code.
   */
  | { kind: 'operation'; lazy: boolean; outside?: boolean; helper?: boolean }
  /** Passes a Node-style callback (Mongoose 5/6): awaiting would run it twice. */
  | { kind: 'callback'; argument: Node }
  | { kind: 'not-operation' }
  /** The syntax cannot tell; `carriesSession` says whether it matters enough to report. */
  | { kind: 'unknown'; carriesSession: boolean };

/** What the classifier knows about the scope a call sits in. */
export interface OperationContext {
  /** Declarations holding the scope's session. */
  sessions: Node[];
  /** Inside a `connection.transaction()` callback with AsyncLocalStorage on: session-less operations join too. */
  alsCovers: boolean;
  /** Variables holding documents tied to the session (loaded or saved with it). */
  sessionDocuments: Set<Node>;
  /** Variables holding Mongoose documents of any kind (`new Model()`, query results). */
  documents: Set<Node>;
}

const PROMISE_CONTINUATIONS = new Set(['then', 'catch', 'finally']);

/**
 * `Order.find(q)` in `Order.find(q).session(s)`: a call that is only a link of a longer chain,
 * whose meaning (its session, whether it runs) the whole chain decides.
 */
export function isInnerLink(call: Path): boolean {
  const member = call.parent as Path | null;
  const outer = member?.parent as Path | null;
  return member !== null && isMember(member.node) && member.node.object === call.node && outer !== null && isCall(outer.node) && outer.node.callee === member.node;
}

/** Splits `a.b(x).c(y)` into links [b(x), c(y)] and root `a`. */
export function callChain(call: Path): CallChain {
  const links: ChainLink[] = [];
  let current: Path | undefined = unwrapPath(call);
  let root: Path | undefined;
  while (current && isCall(current.node)) {
    const callee = unwrapPath(current.get('callee') as Path);
    links.unshift({ call: current, method: calleeName(current.node), args: current.node.arguments as Node[] });
    if (!isMember(callee.node)) {
      root = undefined;
      break;
    }
    const object = unwrapPath(callee.get('object') as Path);
    if (isCall(object.node)) current = object;
    else {
      root = object;
      current = undefined;
    }
  }
  return { links, root };
}

/**
 * Decides whether a call is a Mongoose (or driver) operation by its shape: a session lifecycle
 * call, a model/query/document call that carries the session, or (ALS) any model call inside
 * `connection.transaction()`. Types decide the rest (`unknown`), see add-missing-await.
 */
export function classifyCall(analysis: MongooseAnalysis, call: Path, context: OperationContext): OperationVerdict {
  const chain = callChain(call);
  if (chain.links.length === 0) return { kind: 'not-operation' };
  const withoutContinuations = stripContinuations(chain);
  const operationLinks = withoutContinuations.links;
  const base = operationLinks[0];
  if (!base) return { kind: 'not-operation' };

  if (onMongooseObject(analysis, withoutContinuations, context)) {
    for (const link of operationLinks) {
      const callback = nodeCallbackOf(analysis, link);
      if (callback) return { kind: 'callback', argument: callback };
    }
  }

  const lifecycle = lifecycleVerdict(analysis, withoutContinuations, context);
  if (lifecycle) return lifecycle;

  const carries = carriesSession(analysis, operationLinks, context.sessions);
  const executed = chain.links.length !== operationLinks.length || operationLinks.some((l) => l.method === 'exec');
  const lazy = LAZY_OPERATIONS.has(base.method ?? '') && !executed;
  const rootKind = withoutContinuations.root ? analysis.kindOf(withoutContinuations.root) : 'unknown';
  const rootDeclaration = declarationOfRoot(analysis, withoutContinuations.root);
  const baseIsOperation = MODEL_OPERATIONS.has(base.method ?? '') || DOCUMENT_OPERATIONS.has(base.method ?? '');
  const chainIsQuery = operationLinks.slice(1).every((l) => QUERY_CHAIN_METHODS.has(l.method ?? ''));

  // A query kept in a variable runs where it is executed: awaiting a builder call would run it twice.
  if (rootDeclaration && isStoredQuery(analysis, rootDeclaration)) return executed ? { kind: 'operation', lazy: false } : { kind: 'not-operation' };
  if (carries && baseIsOperation && chainIsQuery) return { kind: 'operation', lazy };
  if (carries && (rootKind === 'model' || rootKind === 'connection')) return { kind: 'operation', lazy };
  const isDocumentCall = DOCUMENT_OPERATIONS.has(base.method ?? '') && chainIsQuery && rootDeclaration !== undefined;
  // doc.updateOne() is a Query in every version; doc.deleteOne() only from 8.0, so it is not called lazy.
  const documentLazy = base.method === 'updateOne' && !executed;
  if (isDocumentCall && context.sessionDocuments.has(rootDeclaration!)) return { kind: 'operation', lazy: documentLazy };
  if (context.alsCovers && chainIsQuery) {
    if (rootKind === 'model' && MODEL_OPERATIONS.has(base.method ?? '')) return { kind: 'operation', lazy };
    if (isDocumentCall && context.documents.has(rootDeclaration!)) return { kind: 'operation', lazy: documentLazy };
  }
  // Created or loaded here without the session: a Mongoose operation, but outside the transaction.
  if (isDocumentCall && context.documents.has(rootDeclaration!)) return { kind: 'operation', lazy: documentLazy, outside: true };
  if (rootKind === 'model' && MODEL_OPERATIONS.has(base.method ?? '') && chainIsQuery) return { kind: 'operation', lazy, outside: true };
  if (carries && isAsyncLocalFunction(analysis, withoutContinuations)) return { kind: 'operation', lazy: false, helper: true };
  // An API of another library that takes a callback (`store.run({ session }, () => ...)`) is not a promise to await.
  const lastArg = base.args[base.args.length - 1];
  if (operationLinks.length === 1 && lastArg && isFunction(lastArg)) return { kind: 'not-operation' };
  if (carries || rootKind === 'model' || DOCUMENT_OPERATIONS.has(base.method ?? '')) return { kind: 'unknown', carriesSession: carries };
  return { kind: 'not-operation' };
}

/**
 * Whether a chain runs on something of Mongoose's, where a function argument is a Node-style
 * callback: a model, connection or session, a document or stored query of the scope, a document
 * method (no array has one), or a call that carries the session. `items.find((x) => ...)` and
 * `Object.keys(o).find(...)` take predicates, not callbacks.
 */
function onMongooseObject(analysis: MongooseAnalysis, chain: CallChain, context: OperationContext): boolean {
  if (DOCUMENT_OPERATIONS.has(chain.links[0]?.method ?? '')) return true;
  if (chain.root && MONGOOSE_RECEIVERS.has(analysis.kindOf(chain.root))) return true;
  const declaration = declarationOfRoot(analysis, chain.root);
  if (declaration && (context.documents.has(declaration) || context.sessionDocuments.has(declaration) || isStoredQuery(analysis, declaration))) return true;
  return carriesSession(analysis, chain.links, context.sessions);
}

const MONGOOSE_RECEIVERS = new Set<ReceiverKind>(['model', 'connection', 'session', 'client', 'mongoose']);

/** `op.then(...)`, `op.catch(...)`, `op.finally(...)`: the operation is what they continue. */
function stripContinuations(chain: CallChain): CallChain {
  let end = chain.links.length;
  while (end > 1 && PROMISE_CONTINUATIONS.has(chain.links[end - 1]!.method ?? '')) end--;
  return { links: chain.links.slice(0, end), root: chain.root };
}

function lifecycleVerdict(analysis: MongooseAnalysis, chain: CallChain, context: OperationContext): OperationVerdict | undefined {
  const base = chain.links[0]!;
  if (chain.links.length !== 1 || !chain.root) return undefined;
  const method = base.method ?? '';
  if (!ASYNC_LIFECYCLE.has(method) && !SYNC_LIFECYCLE.has(method) && !SESSION_SCOPE_HELPERS.has(method)) return undefined;
  if (SESSION_SCOPE_HELPERS.has(method)) {
    // Mongoose's own only: a home-made wrapper's call is the project's code, judged as such.
    const scope = analysis.callbackScopes().find((s) => s.call.node === base.call.node);
    return scope ? { kind: 'operation', lazy: false } : undefined;
  }
  const declaration = declarationOfRoot(analysis, chain.root);
  const isSession = declaration !== undefined && (context.sessions.includes(declaration) || analysis.isSessionDeclaration(declaration));
  if (!isSession && analysis.kindOf(chain.root) !== 'session') return undefined;
  return SYNC_LIFECYCLE.has(method) ? { kind: 'not-operation' } : { kind: 'operation', lazy: false };
}

/** True when some link passes the session: `{ session }`, `.session(s)`, or the session itself as an argument. */
export function carriesSession(analysis: MongooseAnalysis, links: ChainLink[], sessions: Node[]): boolean {
  return links.some((link) => {
    if (link.method === 'session') return link.args[0] !== undefined && !isNullish(link.args[0]);
    return link.args.some((arg, index) => {
      if (arg.type === 'ObjectExpression') return sessionOption(arg) !== undefined && !isNullish(sessionOption(arg)!);
      const argPath = link.call.get('arguments', index) as Path;
      if (!isIdentifier(unwrapExpression(arg))) return false;
      const inner = unwrapPath(argPath);
      const declaration = analysis.bindings.declarationOf(inner);
      if (!declaration) return false;
      const session = analysis.sessionInOptions(declaration, sessions) ?? declaration;
      return sessions.includes(session) || analysis.isSessionDeclaration(session);
    });
  });
}

/** `{ session: null }`, `{ session: undefined }` or `.session(null)`: the author kept the operation out of the transaction on purpose. */
export function hasNullishSession(chain: CallChain): boolean {
  return chain.links.some((link) => {
    if (link.method === 'session') return link.args[0] !== undefined && isNullish(link.args[0]);
    return link.args.some((arg) => arg.type === 'ObjectExpression' && (arg.properties as Node[]).some((p) => propertyKey(p) === 'session' && isNullish(p.value as Node)));
  });
}

/** The value of a `session` property in an options object literal. */
function sessionOption(object: Node): Node | undefined {
  for (const prop of object.properties as Node[]) {
    if (prop.type !== 'ObjectProperty' || prop.computed) continue;
    const key = prop.key as Node;
    if ((key.name ?? key.value) === 'session') return prop.value as Node;
  }
  return undefined;
}

/** `null`, `undefined` or `void 0`: an explicit empty session. */
export function isNullish(node: Node): boolean {
  const inner = unwrapExpression(node);
  return inner.type === 'NullLiteral' || isIdentifier(inner, 'undefined') || (inner.type === 'UnaryExpression' && inner.operator === 'void');
}

/**
 * The Node callback a Mongoose or driver call (5.x/6.x style) is given: a function anywhere, a
 * known function in an optional position, and in the callback position anything that is not
 * provably something else (a callback passed by name runs the operation at once).
 */
function nodeCallbackOf(analysis: MongooseAnalysis, link: ChainLink): Node | undefined {
  const method = link.method ?? '';
  const position = CALLBACK_POSITION[method];
  const takesCallbacks = position !== undefined || MODEL_OPERATIONS.has(method) || DOCUMENT_OPERATIONS.has(method) || ASYNC_LIFECYCLE.has(method);
  if (!takesCallbacks || method === 'withTransaction') return undefined;
  return link.args.find((arg, index) => {
    if (isFunction(arg)) return true;
    if (position === undefined || arg.type === 'SpreadElement') return false;
    const argPath = link.call.get('arguments', index) as Path;
    return index >= position ? !provablyNotFunction(analysis, argPath) : provablyFunction(analysis, argPath);
  });
}

const CALLBACK_NAMES = /^(cb|callback|done|next|fn|handler)$|Callback$|Handler$/;

/** A value that cannot be called: literals, object and array literals, and variables holding one. */
function provablyNotFunction(analysis: MongooseAnalysis, path: Path): boolean {
  const node = unwrapPath(path).node;
  if (!isIdentifier(node)) return !isFunction(node) && NON_FUNCTION_VALUES.test(node.type);
  if (node.name === 'undefined') return true;
  const declaration = analysis.bindings.declarationOf(unwrapPath(path));
  if (!declaration) return false;
  if (analysis.isSessionDeclaration(declaration)) return true;
  const annotation = (declaration.typeAnnotation as Node | undefined)?.typeAnnotation as Node | undefined;
  if (annotation) return typeIsNotCallable(annotation);
  const origin = analysis.bindings.originOf(declaration);
  const init = origin?.kind === 'variable' ? (origin.declarator.node.init as Node | null) : undefined;
  return init != null && init.type !== 'Identifier' && !isFunction(init) && NON_FUNCTION_VALUES.test(init.type) && !isReassigned(analysis, declaration);
}

/** A function declared or assigned as one, or a parameter named like a callback. */
function provablyFunction(analysis: MongooseAnalysis, path: Path): boolean {
  const node = unwrapPath(path).node;
  if (!isIdentifier(node)) return false;
  const declaration = analysis.bindings.declarationOf(unwrapPath(path));
  const origin = declaration ? analysis.bindings.originOf(declaration) : undefined;
  if (origin?.kind === 'variable') return isFunction(origin.declarator.node.init as Node | null);
  if (origin?.kind === 'parameter') return CALLBACK_NAMES.test(node.name);
  return declaration !== undefined && analysis.index.of('FunctionDeclaration').some((fn) => fn.node.id === declaration);
}

const NON_FUNCTION_VALUES = /^(ObjectExpression|ArrayExpression|StringLiteral|NumericLiteral|BooleanLiteral|NullLiteral|BigIntLiteral|RegExpLiteral|TemplateLiteral|NewExpression|UnaryExpression|BinaryExpression)$/;

const VALUE_TYPES = new Set([
  'TSStringKeyword', 'TSNumberKeyword', 'TSBooleanKeyword', 'TSNullKeyword', 'TSUndefinedKeyword', 'TSObjectKeyword',
  'TSBigIntKeyword', 'TSSymbolKeyword', 'TSArrayType', 'TSTupleType', 'TSLiteralType',
]);

/** A type annotation that cannot describe a function: value types, object shapes, options and sessions. */
function typeIsNotCallable(annotation: Node): boolean {
  if (VALUE_TYPES.has(annotation.type)) return true;
  if (annotation.type === 'TSTypeLiteral') return !(annotation.members as Node[]).some((m) => m.type === 'TSCallSignatureDeclaration');
  if (annotation.type !== 'TSTypeReference') return false;
  const name = annotation.typeName as Node;
  const text = isIdentifier(name) ? name.name : ((name.right as Node | undefined)?.name as string | undefined);
  return text !== undefined && /(Options|Session)$/.test(text);
}

function isReassigned(analysis: MongooseAnalysis, declaration: Node): boolean {
  return analysis.index.named(declaration.name as string).some((ref) => {
    const parent = ref.parent?.node as Node | undefined;
    return parent?.type === 'AssignmentExpression' && parent.left === ref.node && analysis.bindings.declarationOf(ref) === declaration;
  });
}

/**
 * How nothing waits for an operation (the outermost call of its chain), if nothing does: its value
 * is dropped as a statement of its own, voided, or returned from a forEach() callback, which drops it.
 */
export function droppedValue(call: Path): 'statement' | 'void' | 'callback' | undefined {
  const current = outermostExpression(call);
  const parent = current.parent?.node as Node | undefined;
  if (parent?.type === 'ExpressionStatement') return 'statement';
  if (parent?.type === 'UnaryExpression' && parent.operator === 'void') return 'void';
  const holder = current.parent?.parent?.node as Node | undefined;
  if (parent && isFunction(parent) && parent.body === current.node && isCall(holder) && calleeName(holder) === 'forEach' && holder.arguments[0] === parent) return 'callback';
  return undefined;
}

/** `.catch(handler)` or `.then(ok, handler)` at the end: its author chose to let it run on its own (`.catch()` without a handler passes the failure on). */
export function handlesRejection(call: Path): boolean {
  const links = callChain(call).links;
  const last = links[links.length - 1];
  return (last?.method === 'catch' && last.args.length >= 1) || (last?.method === 'then' && last.args.length >= 2);
}

function declarationOfRoot(analysis: MongooseAnalysis, root: Path | undefined): Node | undefined {
  return root && isIdentifier(root.node) ? analysis.bindings.declarationOf(root) : undefined;
}

/** `const q = Model.find(...)`: a query built now and executed later must not be executed twice. */
function isStoredQuery(analysis: MongooseAnalysis, declaration: Node): boolean {
  const origin = analysis.bindings.originOf(declaration);
  if (origin?.kind !== 'variable') return false;
  const init = origin.declarator.node.init as Node | null;
  if (!init || !isCall(init)) return false;
  const chain = callChain(origin.declarator.get('init') as Path);
  const base = chain.links[0]?.method ?? '';
  return LAZY_OPERATIONS.has(base) && !chain.links.some((l) => l.method === 'exec' || PROMISE_CONTINUATIONS.has(l.method ?? ''));
}

/** A call of a function declared `async` in this file (a helper that received the session). */
function isAsyncLocalFunction(analysis: MongooseAnalysis, chain: CallChain): boolean {
  return analysis.localFunctionCalled(chain.links[0]!.call)?.node.async === true;
}

/** `session.commitTransaction()`, `conn.transaction(cb)`... as a whole call: the lifecycle method, else undefined. */
export function lifecycleMethod(analysis: MongooseAnalysis, call: Path): string | undefined {
  const chain = stripContinuations(callChain(call));
  const verdict = lifecycleVerdict(analysis, chain, { sessions: [], alsCovers: false, sessionDocuments: new Set(), documents: new Set() });
  return verdict?.kind === 'operation' ? chain.links[0]!.method : undefined;
}

/**
 * The classification context of a scope: which variables hold documents, and which of those are
 * tied to the session (loaded or saved with it, so a later `doc.save()` uses it).
 */
export function operationContext(analysis: MongooseAnalysis, fn: Path, sessions: Node[], alsCovers: boolean): OperationContext {
  const context: OperationContext = { sessions, alsCovers, sessionDocuments: new Set(), documents: new Set() };
  for (const { ids, value } of documentSources(analysis, fn)) {
    const init = value.node;
    if (init.type === 'NewExpression') {
      if (analysis.kindOf(value.get('callee') as Path) === 'model') ids.forEach((id) => context.documents.add(id));
      continue;
    }
    if (init.type !== 'AwaitExpression' || !isCall(unwrapExpression(init.argument as Node))) continue;
    const chain = callChain(value.get('argument') as Path);
    const base = chain.links[0]?.method ?? '';
    if (!MODEL_OPERATIONS.has(base)) continue;
    ids.forEach((id) => context.documents.add(id));
    if (carriesSession(analysis, chain.links, sessions)) ids.forEach((id) => context.sessionDocuments.add(id));
  }
  for (const call of analysis.index.within(fn.node, 'CallExpression')) {
    const chain = callChain(call);
    const root = chain.root;
    // `doc.save({ session })` and `doc.$session(session)` tie the document to the session from then on.
    if (!['save', '$session'].includes(chain.links[0]?.method ?? '') || !root || !isIdentifier(root.node)) continue;
    const declaration = analysis.bindings.declarationOf(root);
    if (declaration && carriesSession(analysis, chain.links, sessions)) context.sessionDocuments.add(declaration);
  }
  return context;
}

/** `Order` for `doc` made by `const doc = new Order(...)` or `const doc = await Order.findOne(...)`, and for `new Order(...)` itself. */
export function modelOfDocument(analysis: MongooseAnalysis, root: Path): Path | undefined {
  if (root.node.type === 'NewExpression') return root.get('callee') as Path;
  if (!isIdentifier(root.node)) return undefined;
  const declaration = analysis.bindings.declarationOf(root);
  const origin = declaration ? analysis.bindings.originOf(declaration) : undefined;
  if (origin?.kind !== 'variable' || !origin.declarator.node.init) return undefined;
  let value = unwrapPath(origin.declarator.get('init') as Path);
  if (value.node.type === 'AwaitExpression') value = unwrapPath(value.get('argument') as Path);
  if (value.node.type === 'NewExpression') return value.get('callee') as Path;
  return isCall(value.node) ? callChain(value).root : undefined;
}

/** `doc` in `const doc = ...`, `a`/`b` in `const [a, b] = ...` (create() and find() return arrays). */
/**
 * What a variable of `fn` is given: `const doc = <value>`, or `doc = <value>` for one declared
 * without it (`let booking; ...; booking = new Booking(...)`), by the declaring identifiers.
 */
function documentSources(analysis: MongooseAnalysis, fn: Path): Array<{ ids: Node[]; value: Path }> {
  const out: Array<{ ids: Node[]; value: Path }> = [];
  for (const declarator of analysis.index.within(fn.node, 'VariableDeclarator')) {
    if (declarator.node.init) out.push({ ids: documentTargets(declarator.node.id as Node), value: declarator.get('init') as Path });
  }
  for (const assignment of analysis.index.within(fn.node, 'AssignmentExpression')) {
    if (assignment.node.operator !== '=' || !isIdentifier(assignment.node.left as Node)) continue;
    const declaration = analysis.bindings.declarationOf(assignment.get('left') as Path);
    const origin = declaration ? analysis.bindings.originOf(declaration) : undefined;
    if (origin?.kind === 'variable' && !origin.declarator.node.init) out.push({ ids: [declaration!], value: assignment.get('right') as Path });
  }
  return out;
}

function documentTargets(id: Node): Node[] {
  if (isIdentifier(id)) return [id];
  if (id.type === 'ArrayPattern') return (id.elements as Array<Node | null>).filter((e): e is Node => e !== null && isIdentifier(e));
  return [];
}

import { calleeName, contains, enclosingFunction, endOf, isCall, isFunction, isIdentifier, isMember, isPromiseCallback, propertyName, rootIdentifier, startOf, type Node, type Path } from '../ast/nodes';
import { argumentFor, parameterSlots, type ParameterSlot } from '../ast/parameters';
import type { MongooseAnalysis } from './analysis';
import { describeSite, type CallSite, type CallSiteFinder } from './callers';
import { lineOf } from './places';
import { REQUEST_NAMES } from './api';

/**
 * Request-scoped sessions: an Express middleware puts a session on the request (`req.dbSession =
 * session`, `res.locals.session = session`) and the route handlers read it from there. Express
 * does not wait for a handler: `next()` returns once the handler reaches its first `await`.
 */

/** A session read from the request: where (`req.dbSession`), and the handler whose request it is. */
export interface RequestSlot {
  /** The slot as the code writes it: `req.dbSession`, `res.locals.session`. */
  text: string;
  /** The function whose `req`/`res` parameter the slot hangs on. */
  fn: Path;
}

/** A session method called on a session read from the request. */
export interface RequestSessionCall {
  call: Path;
  method: string;
  slot: RequestSlot;
}

/** Methods only a MongoDB session has: express-session's `req.session` (save, destroy, regenerate) has none of them. */
const SESSION_ONLY_METHODS = new Set(['startTransaction', 'commitTransaction', 'abortTransaction', 'endSession', 'withTransaction']);

const RESPONSE_NAMES = /^res(ponse)?$/i;

/**
 * The request slot `expression` reads: `req.X` (a handler's request parameter, named as Express
 * names it: first, or second in an error handler `(err, req, res, next)`), `res.locals.X`, or a local initialised from one (`const session =
 * req.dbSession`, `const { dbSession } = req`) and never assigned again.
 */
export function requestSlotOf(analysis: MongooseAnalysis, expression: Path, depth = 0): RequestSlot | undefined {
  const node = expression.node;
  if (depth > 2) return undefined;
  if (isMember(node) && !node.computed) {
    const property = propertyName(node);
    const object = expression.get('object') as Path;
    const owner = object.node;
    if (!property) return undefined;
    if (isIdentifier(owner)) {
      const parameter = handlerParameter(analysis, object);
      if (parameter && REQUEST_NAMES.test(owner.name)) return { text: `${owner.name}.${property}`, fn: parameter.fn };
      return undefined;
    }
    if (isMember(owner) && propertyName(owner) === 'locals' && isIdentifier(owner.object as Node)) {
      const response = object.get('object') as Path;
      const parameter = handlerParameter(analysis, response);
      if (parameter && RESPONSE_NAMES.test(response.node.name as string)) return { text: `${response.node.name as string}.locals.${property}`, fn: parameter.fn };
    }
    return undefined;
  }
  if (!isIdentifier(node)) return undefined;
  const declaration = analysis.bindings.declarationOf(expression);
  const origin = declaration ? analysis.bindings.originOf(declaration) : undefined;
  if (origin?.kind !== 'variable' || origin.declaration.kind !== 'const') return undefined;
  const init = origin.declarator.get('init') as Path;
  if (!init.node) return undefined;
  const id = origin.declarator.node.id as Node;
  if (id === declaration) return requestSlotOf(analysis, init, depth + 1);
  // `const { dbSession } = req` / `const { dbSession: session } = req`.
  if (id.type !== 'ObjectPattern' || !isIdentifier(init.node)) return undefined;
  const property = (id.properties as Node[]).find((p) => p.type === 'ObjectProperty' && !p.computed && p.value === declaration);
  const key = property && ((property.key as Node).name ?? (property.key as Node).value);
  const parameter = typeof key === 'string' ? handlerParameter(analysis, init) : undefined;
  return parameter && REQUEST_NAMES.test(init.node.name as string) ? { text: `${init.node.name as string}.${key as string}`, fn: parameter.fn } : undefined;
}

/**
 * Whether a session the handler itself puts on its request (`target` is `req.dbSession` in `req.dbSession
 * = session`) can still be read there once the handler returns: the handler passes the request on
 * (it uses its `next`, or any parameter besides the request and the response: Express runs the rest of the
 * chain, error handlers included, with the same request), or lets the request go where it may be
 * used later (a call it does not wait for, a callback, another variable). A handler that only
 * awaits the calls it hands the request to is the last code to see it.
 */
export function outlivesHandler(analysis: MongooseAnalysis, slot: RequestSlot, target: Path): boolean {
  const fn = slot.fn;
  const root = rootIdentifier(target);
  const declaration = root && analysis.bindings.declarationOf(root);
  if (!declaration || enclosingFunction(target)?.node !== fn.node) return true;
  const passesOn = (fn.node.params as Node[]).some((param) => {
    if (!isIdentifier(param)) return true;
    return !REQUEST_NAMES.test(param.name as string) && !RESPONSE_NAMES.test(param.name as string) && analysis.bindings.referencesIn(fn, param).length > 0;
  });
  return passesOn || analysis.bindings.referencesIn(fn, declaration).some((ref) => !usedWhileHandlerRuns(analysis, ref, fn, slot, target));
}

/**
 * A use of the request (or response) that is over when the handler returns: a property other than
 * the slot (read back, the session could go anywhere), a method call without a callback, an
 * argument of an awaited call.
 */
function usedWhileHandlerRuns(analysis: MongooseAnalysis, ref: Path, fn: Path, slot: RequestSlot, target: Path): boolean {
  if (enclosingFunction(ref)?.node !== fn.node) return false;
  for (let member = ref.parent as Path; isMember(member.node); member = member.parent as Path) {
    if (member.node !== target.node && requestSlotOf(analysis, member)?.text === slot.text) return false;
  }
  const parent = ref.parent as Path;
  if (isMember(parent.node) && parent.node.object === ref.node) {
    const call = parent.parent as Path;
    return !(isCall(call.node) && call.node.callee === parent.node && (call.node.arguments as Node[]).some((a) => isFunction(a)));
  }
  return isCall(parent.node) && parent.node.callee !== ref.node && (parent.node.arguments as Node[]).includes(ref.node) && parent.parent?.node.type === 'AwaitExpression';
}

/** The handler parameter `identifier` names, when it names one of a function of two or more parameters. */
function handlerParameter(analysis: MongooseAnalysis, identifier: Path): { fn: Path; index: number } | undefined {
  const declaration = analysis.bindings.declarationOf(identifier);
  const origin = declaration ? analysis.bindings.originOf(declaration) : undefined;
  if (origin?.kind !== 'parameter' || origin.param !== declaration) return undefined;
  return (origin.fn.node.params as Node[]).length >= 2 ? { fn: origin.fn, index: origin.index } : undefined;
}

/** Calls of a session's own methods on a session read from the request (`req.dbSession.commitTransaction()`, `session.endSession()` for `const session = req.dbSession`). */
export function requestSessionCalls(analysis: MongooseAnalysis): RequestSessionCall[] {
  const out: RequestSessionCall[] = [];
  for (const call of analysis.index.calls()) {
    const method = calleeName(call.node);
    const callee = call.node.callee as Node;
    if (!method || !SESSION_ONLY_METHODS.has(method) || !isMember(callee)) continue;
    const slot = requestSlotOf(analysis, call.get('callee', 'object') as Path);
    if (slot) out.push({ call, method, slot });
  }
  return out;
}

/**
 * A session read from the request handed to an operation as its session: `{ session:
 * req.dbSession }`, `{ session }` for `const session = res.locals.session`, `.session(req.dbSession)`.
 * express-session's `req.session` is never an operation's session.
 */
export function requestSessionArguments(analysis: MongooseAnalysis): Array<{ at: Path; slot: RequestSlot }> {
  const out: Array<{ at: Path; slot: RequestSlot }> = [];
  for (const property of analysis.index.of('ObjectProperty')) {
    const key = property.node.key as Node;
    if (property.node.computed || (key.name ?? key.value) !== 'session') continue;
    const slot = requestSlotOf(analysis, property.get('value') as Path);
    if (slot) out.push({ at: property, slot });
  }
  for (const call of analysis.index.calls()) {
    if (calleeName(call.node) !== 'session' || !isMember(call.node.callee as Node) || (call.node.arguments as Node[]).length !== 1) continue;
    const slot = requestSlotOf(analysis, call.get('arguments', 0) as Path);
    if (slot) out.push({ at: call, slot });
  }
  return out;
}

/** A middleware's commit that runs when `next()` returns, and the request slot it put the session in. */
export interface CommitAfterNext {
  commit: Path;
  next: Path;
  slot: string;
}

/**
 * Middlewares `(req, res, next)` that put a session on the request, call `next()` and then commit
 * that session in the same function: the commit runs before the route handler's writes.
 */
export function commitsAfterNext(analysis: MongooseAnalysis): CommitAfterNext[] {
  const out: CommitAfterNext[] = [];
  const requestCalls = requestSessionCalls(analysis);
  for (const { fn, slots, sessions } of sessionStores(analysis)) {
    const nextParam = (fn.node.params as Node[])[2];
    if (!nextParam || !isIdentifier(nextParam)) continue;
    const inFn = (path: Path) => enclosingFunction(path)?.node === fn.node;
    const nextCalls = analysis.bindings
      .referencesIn(fn, nextParam)
      .filter((ref) => isCall(ref.parent?.node) && (ref.parent!.node as Node).callee === ref.node && ((ref.parent!.node as Node).arguments as Node[]).length === 0 && inFn(ref.parent as Path))
      .map((ref) => ref.parent as Path);
    if (nextCalls.length === 0) continue;
    const commits = [
      ...analysis.index.within(fn.node, 'CallExpression').filter((call) => {
        const lifecycle = analysis.lifecycleCall(call);
        return lifecycle?.method === 'commitTransaction' && lifecycle.declaration !== undefined && sessions.has(lifecycle.declaration);
      }),
      ...requestCalls.filter((c) => c.method === 'commitTransaction' && c.slot.fn.node === fn.node && slots.has(c.slot.text)).map((c) => c.call),
    ];
    for (const commit of commits) {
      if (!inFn(commit)) continue;
      const next = nextCalls.find((n) => endOf(n.node) <= startOf(commit.node) && !inCatchOf(commit, n));
      if (next) out.push({ commit, next, slot: [...slots][0]! });
    }
  }
  return out;
}

/** Functions that put a session on the request: the slots they fill and the session variables they put there. */
function sessionStores(analysis: MongooseAnalysis): Array<{ fn: Path; slots: Set<string>; sessions: Set<Node> }> {
  const byFunction = new Map<Node, { fn: Path; slots: Set<string>; sessions: Set<Node> }>();
  for (const store of analysis.index.of('AssignmentExpression')) {
    if (store.node.operator !== '=') continue;
    let value = store.get('right') as Path;
    if (value.node.type === 'AwaitExpression') value = value.get('argument') as Path;
    const created = isCall(value.node) && analysis.creationAt(value) !== undefined;
    if (!created && !analysis.isSessionReference(value)) continue;
    const slot = requestSlotOf(analysis, store.get('left') as Path);
    if (!slot || enclosingFunction(store)?.node !== slot.fn.node) continue;
    let entry = byFunction.get(slot.fn.node);
    if (!entry) byFunction.set(slot.fn.node, (entry = { fn: slot.fn, slots: new Set(), sessions: new Set() }));
    entry.slots.add(slot.text);
    const declaration = created ? undefined : analysis.bindings.declarationOf(value);
    if (declaration) entry.sessions.add(declaration);
  }
  return [...byFunction.values()];
}

/** The functions that fill a request slot with a session (the middlewares), by node. */
export function sessionStoringFunctions(analysis: MongooseAnalysis): Map<Node, Set<string>> {
  return new Map(sessionStores(analysis).map((entry) => [entry.fn.node, entry.slots]));
}

/**
 * What a reader should know about a call of a function the code is given (`handler(req, res)`,
 * `handler` a parameter): that it is one, the session the code put on the request it hands it, and
 * that it is handed the response; undefined for any other call.
 */
export function givenFunctionCall(analysis: MongooseAnalysis, call: Path): string | undefined {
  const callee = call.node.callee as Node;
  if (!isIdentifier(callee)) return undefined;
  const declaration = analysis.bindings.declarationOf(call.get('callee') as Path);
  if (!declaration || analysis.bindings.originOf(declaration)?.kind !== 'parameter') return undefined;
  const stored = sessionStoringFunctions(analysis);
  const slots: string[] = [];
  let response = false;
  (call.node.arguments as Node[]).forEach((argument, index) => {
    if (!isIdentifier(argument)) return;
    const handler = handlerParameter(analysis, call.get('arguments', index) as Path);
    if (!handler) return;
    const name = argument.name as string;
    if (RESPONSE_NAMES.test(name)) response = true;
    for (const slot of stored.get(handler.fn.node) ?? []) if (slot.startsWith(`${name}.`)) slots.push(slot);
  });
  const parts = [
    ...(slots.length > 0 ? [`run with the session on the request (${slots.map((slot) => `\`${slot}\``).join(', ')})`] : []),
    ...(response ? ['handed the response, so it may answer the request'] : []),
  ];
  return `\`${callee.name as string}\` is a function this code is given (what it does cannot be seen here)${parts.length > 0 ? `, ${parts.join(' and ')}` : ''}`;
}

/** `call` runs only when the try around `next` failed: it is in the catch of a try whose block holds `next`. */
function inCatchOf(call: Path, next: Path): boolean {
  for (let current = call.parent as Path | null; current && !isFunction(current.node); current = current.parent as Path | null) {
    if (current.node.type !== 'CatchClause') continue;
    const tryStatement = current.parent?.node as Node | undefined;
    if (tryStatement && contains(tryStatement.block as Node, next.node)) return true;
  }
  return false;
}

/**
 * Where request-scoped sessions go wrong, with why: a middleware's commit when `next()` returns,
 * and handlers that commit, abort or end a session they got from the request (its transaction or
 * its lifecycle is then split between functions Express does not run one after the other).
 */
export function requestSessionFindings(analysis: MongooseAnalysis): Array<{ at: Path; reason: string }> {
  const out: Array<{ at: Path; reason: string }> = [];
  for (const { commit, next, slot } of commitsAfterNext(analysis)) {
    out.push({
      at: commit,
      reason: `this middleware puts the session on the request (\`${slot}\`) and commits it when next() returns (line ${lineOf(next)}), but Express does not wait for the route handler: next() returns as soon as the handler first awaits, so the commit runs before the handler's writes, and an error the handler throws later never reaches the abort; commit where the handler's work ends (in the handler itself, or with connection.transaction() there)`,
    });
  }
  const stores = sessionStoringFunctions(analysis);
  const calls = requestSessionCalls(analysis).filter((c) => !stores.get(c.slot.fn.node)?.has(c.slot.text));
  // One finding per handler and slot, at its first reported call, with a reason for each call.
  const sites = new Map<string, Array<{ at: Path; reason: string }>>();
  for (const { call, method, slot } of calls) {
    const startsHere = calls.some((c) => c.method === 'startTransaction' && c.slot.fn.node === slot.fn.node && c.slot.text === slot.text);
    const key = `${startOf(slot.fn.node)}\0${slot.text}`;
    const add = (reason: string) => sites.set(key, [...(sites.get(key) ?? []), { at: call, reason }]);
    const reason = misuseReason(method, startsHere, HANDLER, lineNote(call, sites.get(key)), `a session it got from the request (\`${slot.text}\`)`);
    if (reason) add(reason);
  }
  for (const reasons of sites.values()) {
    const at = reasons[0]!.at;
    for (const { reason } of reasons) out.push({ at, reason });
  }
  return out;
}

/**
 * Why ending, committing or aborting a session that came from the request is left as it is;
 * undefined for a call that does none of that (or a commit of a transaction `who` started itself).
 */
function misuseReason(method: string, startsHere: boolean, who: Reporter, line: string, whose: string): string | undefined {
  if (!misuses(method, startsHere)) return undefined;
  if (method === 'endSession') {
    return `${who.subject} ends${line} ${whose}, which the code that put it there created: whatever runs after ${who.handler} on the same request (the middleware once next() returns, an error handler) is left with an ended session; the call was left as it is: end it once, in the function that started it, after the handler's work`;
  }
  const verb = method === 'commitTransaction' ? 'commits' : 'aborts';
  return `${who.subject} ${verb}${line} the transaction of ${whose}: the transaction was started elsewhere (by the code that put the session there), so one transaction is split across the functions of the request's chain, and whether every path commits or aborts it once depends on how the routes chain them, which the tool cannot check; the split is left as it is: start, commit and end the transaction in one place (connection.transaction() in the handler)`;
}

/** Who a finding is about: the function reported, and the route handler whose request it is. */
interface Reporter {
  subject: string;
  handler: string;
}

const HANDLER: Reporter = { subject: 'this handler', handler: 'this handler' };
const RECEIVER: Reporter = { subject: 'this function', handler: 'the handler' };

/** Ending a session from the request, or committing or aborting a transaction started elsewhere. */
function misuses(method: string, startsHere: boolean): boolean {
  return method === 'endSession' || (!startsHere && (method === 'commitTransaction' || method === 'abortTransaction'));
}

/** A slot whose name says it holds a session (`req.dbSession`, `req.session`, `res.locals.mongoSession`). */
const SESSION_SLOT_NAME = /session$/i;

/** Text every file that hands a session from the request to a function holds (the slot's name). */
export const REQUEST_SESSION_MARKERS = ['ession'];

/**
 * The request slot, named as a session, that `call` passes into `slot` of the function it calls:
 * `orderService.place(req.body, req.dbSession)`, or `place(body, session)` for `const session =
 * req.session`. Whether it holds a Mongoose session is the called function's to say (its
 * parameter is used as one).
 */
export function requestSessionPassed(analysis: MongooseAnalysis, call: Path, slot: ParameterSlot): RequestSlot | undefined {
  const argument = argumentFor(call, slot);
  if (typeof argument === 'string') return undefined;
  const found = requestSlotOf(analysis, argument);
  return found && SESSION_SLOT_NAME.test(found.text.slice(found.text.lastIndexOf('.') + 1)) ? found : undefined;
}

/** A function's session parameter that route handlers fill with the session they got from the request. */
export interface RequestSessionReceiver {
  fn: Path;
  parameter: Node;
  /** The handlers' calls, and the slot each passes. */
  callers: Array<{ site: CallSite; slot: RequestSlot }>;
}

/**
 * Functions (in this file) whose session parameter a route handler fills with the session it got
 * from the request (`orderService.place(req.body, req.dbSession)` in a controller, found through
 * the import graph), and which commit, abort or end it.
 */
export function requestSessionReceivers(analysis: MongooseAnalysis, finder: CallSiteFinder): RequestSessionReceiver[] {
  const out: RequestSessionReceiver[] = [];
  const callbacks = new Set(analysis.sessionScopes().map((s) => s.callback.node));
  for (const fn of analysis.index.functions()) {
    if (callbacks.has(fn.node) || isPromiseCallback(fn)) continue;
    for (const slot of parameterSlots(fn.node)) {
      const parameter = slot.declaration;
      if (!analysis.isSessionDeclaration(parameter) || receivedLifecycleCalls(analysis, fn, parameter).length === 0) continue;
      const passes = (there: MongooseAnalysis, call: Path) => requestSessionPassed(there, call, slot) !== undefined;
      if (!finder.hasCallByName(fn, REQUEST_SESSION_MARKERS, passes)) continue;
      const callers = finder
        .find(fn)
        .sites.map((site) => ({ site, slot: requestSessionPassed(site.analysis, site.call, slot) }))
        .filter((c): c is { site: CallSite; slot: RequestSlot } => c.slot !== undefined);
      if (callers.length > 0) out.push({ fn, parameter, callers });
    }
  }
  return out;
}

/** The lifecycle calls a function makes on a session parameter, in its own body. */
function receivedLifecycleCalls(analysis: MongooseAnalysis, fn: Path, parameter: Node): Array<{ call: Path; method: string }> {
  return analysis.index
    .within(fn.node, 'CallExpression')
    .map((call) => analysis.lifecycleCall(call))
    .filter((c): c is NonNullable<typeof c> => c !== undefined && c.declaration === parameter && SESSION_ONLY_METHODS.has(c.method) && enclosingFunction(c.call)?.node === fn.node);
}

/**
 * The findings of functions that commit, abort or end the session a route handler got from the
 * request and handed to them: one per function and parameter, at its first such call.
 */
export function requestSessionReceiverFindings(file: string, analysis: MongooseAnalysis, receivers: RequestSessionReceiver[]): Array<{ at: Path; reason: string }> {
  const out: Array<{ at: Path; reason: string }> = [];
  for (const { fn, parameter, callers } of receivers) {
    const calls = receivedLifecycleCalls(analysis, fn, parameter);
    const startsHere = calls.some((c) => c.method === 'startTransaction');
    const { site, slot } = callers[0]!;
    const whose = `the session its caller (${describeSite(file, site)}) got from the request (\`${slot.text}\`)`;
    const reported = calls.filter((c) => misuses(c.method, startsHere)).map((c) => ({ ...c, at: c.call }));
    for (const c of reported) out.push({ at: reported[0]!.at, reason: misuseReason(c.method, startsHere, RECEIVER, lineNote(c.call, reported), whose)! });
  }
  return out;
}

/** ` (line N)` for a call reported at an earlier call of the same handler, whose line the finding shows. */
function lineNote(call: Path, earlier: ReadonlyArray<{ at: Path }> | undefined): string {
  const first = earlier?.[0]?.at;
  return first && lineOf(first) !== lineOf(call) ? ` (line ${lineOf(call)})` : '';
}

import { calleeName, contains, enclosingFunction, isCall, isIdentifier, type Node, type Path } from '../ast/nodes';
import { DOCUMENT_WRITE_OPTIONS, MODEL_WRITE_OPTIONS, READ_OPERATIONS } from './api';
import { parameterSlots } from '../ast/parameters';
import { calledFunction, type CalledFunction } from './callees';
import { failureCaught, isLogModel } from './deliberately-outside';
import { callChain, classifyCall, hasNullishSession, isInnerLink, operationContext } from './operations';

/**
 * What a function of the project does with a transaction it is called in without the session: the
 * writes it sends without one, and what it does with a session parameter it is not given.
 */

/** Names of functions that only read (`hasStarted`, `findByEmail`, `isTaken`). */
const READ_NAMES = /^(is|has|get|find|fetch|load|read|check|count|exists?|list|search|query|lookup|can|should|already|verify|validate)([A-Z_]|$)/;

/** A write a helper sends without the session; `caught`: how the helper catches its failure and passes it over, for a best-effort write. */
export interface SessionLessWrite {
  call: Path;
  caught: string | undefined;
}

/**
 * The first write of a helper's own body that carries no session, before any best-effort one (a
 * helper that starts a session or transaction of its own, or writes only to logs, has none to report).
 */
export function sessionLessWrite(target: CalledFunction): SessionLessWrite | undefined {
  const writes = sessionLessWrites(target);
  return writes.find((w) => !w.caught) ?? writes[0];
}

/**
 * The writes of a function's own body (not of functions nested in it, nor of its catch or finally)
 * sent without a session, in order. `documentsFrom`: a function around it whose documents it may
 * save (a callback's enclosing method), when not only its own.
 */
export function sessionLessWrites(target: Pick<CalledFunction, 'analysis' | 'fn'>, documentsFrom: Path = target.fn): SessionLessWrite[] {
  const { analysis, fn } = target;
  if (analysis.sessionCreations().some((c) => contains(fn.node, c.call.node)) || analysis.sessionScopes().some((s) => contains(fn.node, s.call.node))) return [];
  const context = operationContext(analysis, documentsFrom, [], false);
  const writes: SessionLessWrite[] = [];
  for (const call of analysis.index.within(fn.node, 'CallExpression')) {
    if (isInnerLink(call) || enclosingFunction(call)?.node !== fn.node || insideHandler(call, fn)) continue;
    const chain = callChain(call);
    const method = chain.links[0]?.method ?? '';
    const isModel = chain.root !== undefined && analysis.kindOf(chain.root) === 'model';
    if (!(method in (isModel ? MODEL_WRITE_OPTIONS : DOCUMENT_WRITE_OPTIONS))) continue;
    const verdict = classifyCall(analysis, call, context);
    if (verdict.kind !== 'operation' || !verdict.outside || hasNullishSession(chain)) continue;
    if (isLogModel(chain.root)) continue;
    writes.push({ call, caught: failureCaught(fn, [], chain) });
  }
  return writes;
}

/**
 * What a helper does with its session parameter: `writes` when some use is a write or a call that
 * may write (a name that does not say it only reads), `reads` when every use reads.
 */
export function sessionUses(target: CalledFunction, param: Node): 'writes' | 'reads' {
  const { analysis, fn } = target;
  for (const ref of analysis.bindings.referencesIn(fn, param)) {
    const value = sessionValue(ref);
    // `if (session)`, `session ? q.session(session) : q`: a test of the session does nothing with it.
    if (!value) continue;
    let holder = value.parent as Path | null;
    while (holder && (holder.node.type === 'ObjectProperty' || holder.node.type === 'ObjectExpression')) holder = holder.parent as Path | null;
    if (!holder || !isCall(holder.node)) return 'writes';
    let outer = holder;
    while (isInnerLink(outer)) outer = outer.parent!.parent as Path;
    const chain = callChain(outer);
    const method = chain.links[0]?.method === 'session' ? (heldQueryMethod(analysis, chain.root) ?? 'session') : (chain.links[0]?.method ?? '');
    const name = calleeName(holder.node) === 'session' ? method : (calleeName(holder.node) ?? '');
    if (!READ_OPERATIONS.has(name) && !READ_NAMES.test(name)) return 'writes';
  }
  return 'reads';
}

/** How many hand-overs of a session parameter are followed to where it ends up. */
const MAX_FORWARDS = 4;

/** A function's session parameter that nothing in it reads. */
export interface UnusedSession {
  target: CalledFunction;
  param: Node;
}

/**
 * Where a helper's session parameter ends up unused, when that is all that becomes of it: every
 * use hands it on, as a plain argument, to a function of the project whose parameter nothing reads
 * (there, or further down such hand-overs), and the first such function. Undefined when a use does
 * anything else, or a call it is handed to cannot be followed.
 */
export function unusedDownstream(target: CalledFunction, param: Node, depth = 0): UnusedSession | undefined {
  const refs = target.analysis.bindings.referencesIn(target.fn, param);
  if (refs.length === 0) return depth > 0 ? { target, param } : undefined;
  if (depth >= MAX_FORWARDS) return undefined;
  let first: UnusedSession | undefined;
  for (const ref of refs) {
    const value = sessionValue(ref);
    if (!value) continue;
    const forwarded = forwardedTo(target.analysis, value);
    const end = forwarded && unusedDownstream(forwarded.target, forwarded.param, depth + 1);
    if (!end) return undefined;
    first ??= end;
  }
  return first;
}

/** The function and parameter a plain argument (`repository.remove(id, session)`) goes to, when the call can be followed. */
function forwardedTo(analysis: CalledFunction['analysis'], value: Path): UnusedSession | undefined {
  const call = value.parent as Path | null;
  if (!call || !isCall(call.node) || call.node.callee === value.node) return undefined;
  const args = call.node.arguments as Node[];
  const index = args.indexOf(value.node);
  if (index < 0 || args.slice(0, index).some((a) => a.type === 'SpreadElement')) return undefined;
  const target = calledFunction(analysis, call);
  if (!target || !(target.fn.get('body') as Path).node) return undefined;
  const slot = parameterSlots(target.fn.node).find((s) => s.index === index && s.key === undefined);
  return slot ? { target, param: slot.declaration } : undefined;
}

/**
 * Where the session's value goes from `ref`: through `session || null`, `session ?? undefined`, a
 * branch of `? :` and type assertions; undefined where the session is only tested (`if (session)`,
 * the test of `? :`, `!session`, a comparison, the left of `&&`).
 */
function sessionValue(ref: Path): Path | undefined {
  let current = ref;
  for (let parent = current.parent as Path | null; parent; current = parent, parent = parent.parent as Path | null) {
    const node = parent.node;
    if ((node.type === 'IfStatement' || node.type === 'ConditionalExpression') && node.test === current.node) return undefined;
    if ((node.type === 'UnaryExpression' && node.operator === '!') || (node.type === 'BinaryExpression' && /^[!=]==?$/.test(node.operator as string))) return undefined;
    if (node.type === 'LogicalExpression' && node.operator === '&&' && node.left === current.node) return undefined;
    if (!PASSES_VALUE.has(node.type)) return current;
  }
  return current;
}

const PASSES_VALUE = new Set(['LogicalExpression', 'ConditionalExpression', 'TSAsExpression', 'TSNonNullExpression', 'ParenthesizedExpression']);

/** `findById` for `q` in `q.session(s)` after `const q = User.findById(id).select(...)`: the query the variable holds. */
function heldQueryMethod(analysis: CalledFunction['analysis'], root: Path | undefined): string | undefined {
  const declaration = root && isIdentifier(root.node) ? analysis.bindings.declarationOf(root) : undefined;
  const origin = declaration ? analysis.bindings.originOf(declaration) : undefined;
  if (origin?.kind !== 'variable' || origin.declarator.node.id !== declaration || !origin.declarator.node.init || !isCall(origin.declarator.node.init as Node)) return undefined;
  return callChain(origin.declarator.get('init') as Path).links[0]?.method;
}

/** Inside a catch or finally of the function: error handling, not the helper's work. */
function insideHandler(call: Path, fn: Path): boolean {
  for (let child: Path = call, parent = call.parent as Path | null; parent && child.node !== fn.node; child = parent, parent = parent.parent as Path | null) {
    if (parent.node.type === 'CatchClause' || (parent.node.type === 'TryStatement' && parent.node.finalizer === child.node)) return true;
  }
  return false;
}

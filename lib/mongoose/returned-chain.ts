import { calleeName, contains, enclosingFunction, isCall, isFunction, isMember, outermostExpression, propertyName, type Node, type Path } from '../ast/nodes';
import { shortText } from '../edit/text';
import type { MongooseAnalysis } from './analysis';
import { lineOf } from './places';

/**
 * A session used by a promise its function returns without awaiting it (`return
 * session.withTransaction(work).then(() => form)`) is still in use when the function returns: a
 * `finally` of the function would end it as soon as the chain has started, aborting the
 * transaction (docs/mongoose-semantics.md §5.3). Such a session is ended by the chain itself,
 * `.finally(() => session.endSession())`.
 */
export interface ReturnedChain {
  /** The `return` statement. */
  statement: Path;
  /** The returned expression: the session's method call and the links after it. */
  chain: Path;
  /**
   * How the chain's last link ends the session: `ends` (`.finally(() => s.endSession())`, right),
   * `uncalled` (`.finally(() => s.endSession)` names the method without calling it: `member`), or
   * undefined when it does not.
   */
  end: { kind: 'ends' } | { kind: 'uncalled'; member: Path } | undefined;
}

/** Session methods whose promise goes on using the session. */
const PROMISE_METHODS = new Set(['withTransaction', 'commitTransaction', 'abortTransaction']);
const LINKS = new Set(['then', 'catch', 'finally']);

/** The first `return <session>.<method>(...)<links>` of `fn` without await, on the session `declaration`. */
export function returnedChainOf(analysis: MongooseAnalysis, fn: Path, declaration: Node): ReturnedChain | undefined {
  for (const ref of analysis.bindings.referencesIn(fn, declaration)) {
    const member = ref.parent as Path | null;
    const call = member?.parent as Path | null;
    if (!member || !isMember(member.node) || member.node.object !== ref.node || !call || !isCall(call.node) || call.node.callee !== member.node) continue;
    if (!PROMISE_METHODS.has(propertyName(member.node) ?? '')) continue;
    let chain = call;
    for (;;) {
      const outer = outermostExpression(chain);
      const link = outer.parent as Path | null;
      const linkCall = link?.parent as Path | null;
      if (!link || !isMember(link.node) || link.node.object !== outer.node || !LINKS.has(propertyName(link.node) ?? '')) break;
      if (!linkCall || !isCall(linkCall.node) || linkCall.node.callee !== link.node) break;
      chain = linkCall;
    }
    const returned = outermostExpression(chain);
    const statement = returned.parent as Path | null;
    if (statement?.node.type !== 'ReturnStatement' || enclosingFunction(statement)?.node !== fn.node) continue;
    return { statement, chain, end: chainEnd(analysis, chain, declaration) };
  }
  return undefined;
}

/** What the chain's last link does about ending the session. */
function chainEnd(analysis: MongooseAnalysis, chain: Path, declaration: Node): ReturnedChain['end'] {
  if (calleeName(chain.node) !== 'finally') return undefined;
  const callback = chain.get('arguments', 0) as Path;
  if (!callback.node || !isFunction(callback.node) || (callback.node.params as Node[]).length > 0) return undefined;
  const body = callback.get('body') as Path;
  const statements = body.node.type === 'BlockStatement' ? (body.node.body as Node[]) : undefined;
  if (statements && statements.length !== 1) return undefined;
  let value = statements ? (body.get('body', 0) as Path) : body;
  if (value.node.type === 'ExpressionStatement' || value.node.type === 'ReturnStatement') value = value.get(value.node.type === 'ReturnStatement' ? 'argument' : 'expression') as Path;
  while (value.node && (value.node.type === 'AwaitExpression' || (value.node.type === 'UnaryExpression' && value.node.operator === 'void'))) value = value.get('argument') as Path;
  if (!value.node) return undefined;
  const endsSession = (member: Path) => isMember(member.node) && propertyName(member.node) === 'endSession' && analysis.bindings.declarationOf(member.get('object') as Path) === declaration;
  if (isCall(value.node) && endsSession(value.get('callee') as Path)) return { kind: 'ends' };
  if (isMember(value.node) && endsSession(value)) return { kind: 'uncalled', member: value };
  return undefined;
}

/** `session.withTransaction(...)...` (line 12), as a reason shows the returned chain. */
function shown(analysis: MongooseAnalysis, returned: ReturnedChain): string {
  return `\`${shortText(analysis.source, returned.chain.node, 50)}\` (line ${lineOf(returned.statement)})`;
}

/** Why a finally of the function that covers the return ends the session too early. */
export function endedUnderChainReason(analysis: MongooseAnalysis, returned: ReturnedChain, name: string): string {
  return `the finally ends the session as soon as the function returns ${shown(analysis, returned)}, a promise it does not await that goes on using the session, so the transaction is cut short; end the session in the chain's own .finally(() => ${name}.endSession()) instead, or await the chain before returning`;
}

/**
 * Why a returned chain cannot simply end the session itself, or undefined when it can: the
 * session must be used nowhere else after it is created, and nothing between its creation and
 * the return may throw (that would leak it before the chain exists).
 */
export function chainEndProblem(analysis: MongooseAnalysis, fn: Path, binding: { declaration: Node; statement: Path }, returned: ReturnedChain, cannotThrow: (statement: Node) => boolean): string | undefined {
  const reason = `the function returns ${shown(analysis, returned)} without awaiting it, a promise that goes on using the session after the function returns, so a finally of the function would end the session while that promise runs; end it in the chain's own .finally(() => ${binding.declaration.name as string}.endSession()) instead`;
  const elsewhere = analysis.bindings
    .referencesIn(fn, binding.declaration)
    .some((ref) => !contains(returned.chain.node, ref.node) && !contains(binding.statement.node, ref.node));
  if (elsewhere) return reason;
  const block = binding.statement.parent?.node as Node | undefined;
  const siblings = block && (block.body as Node[] | undefined);
  if (!Array.isArray(siblings) || returned.statement.parent?.node !== block) return reason;
  const between = siblings.slice(siblings.indexOf(binding.statement.node) + 1, siblings.indexOf(returned.statement.node));
  return between.every(cannotThrow) ? undefined : reason;
}

import { calleeName, endOf, enclosingStatement, isCall, isIdentifier, isMember, propertyName, some, startOf, statementCall, statementsOf, type Node, type Path } from '../ast/nodes';
import { lineEndOf, lineStartOf } from '../edit/text';
import { unwrapPath, type MongooseAnalysis } from './analysis';
import { isNullish, type CallChain } from './operations';

/**
 * Signs in the code that a write sent without the transaction's session is meant to stay outside
 * the transaction (docs/real-world-shapes.md): it goes to a log or audit model, a comment says so,
 * its failure is caught and passed over (a best-effort write), or it runs only on the way to an
 * abort it is meant to outlive.
 */

/** Models whose writes may be meant to outlive an abort (an audit trail, a log of attempts). */
const LOG_MODEL = /(^|[a-z0-9])(Log|Logs|History|Audit|AuditTrail)$|^(log|logs|audit|history)$/i;
/** A comment saying the write stays out of the transaction on purpose. */
const OUTSIDE_COMMENT = /outside|not (part of|in)|independent|separate|surviv|regardless|even (if|when)|on purpose|deliberate/i;
const TRANSACTION_WORDS = /transaction|session|abort|roll ?back/i;
/** Statements that leave the code that follows them unreached. */
const LEAVES = new Set(['ReturnStatement', 'BreakStatement', 'ContinueStatement']);

/** `AuditLog`, `this.loginHistoryModel`, `logs`: a model by a name that says it records what happened. */
export function isLogModel(model: Path | undefined): boolean {
  const node = model && unwrapPath(model).node;
  const name = node && (isIdentifier(node) ? node.name : isMember(node) ? propertyName(node) : undefined);
  return name !== undefined && LOG_MODEL.test(name.replace(/Model$/, ''));
}

/** A comment above the call's statement, in it, or after it on its line, that says the write stays out of the transaction. */
export function commentSaysOutside(analysis: MongooseAnalysis, call: Path): boolean {
  const statement = enclosingStatement(call);
  const siblings = statement.parent ? statementsOf(statement.parent.node as Node) : undefined;
  const previous = siblings?.[siblings.indexOf(statement.node) - 1];
  const from = previous ? endOf(previous) : lineStartOf(analysis.source, startOf(statement.node));
  const to = lineEndOf(analysis.source, endOf(statement.node));
  const comments = ((analysis.root.get().node as Node).comments as Node[] | undefined) ?? [];
  return comments.some((comment) => {
    if (startOf(comment) < from || endOf(comment) > to) return false;
    const text = analysis.source.slice(startOf(comment), endOf(comment));
    return OUTSIDE_COMMENT.test(text) && TRANSACTION_WORDS.test(text);
  });
}

/**
 * How the write's failure is caught without failing the function `fn` that holds it, if it is (a
 * best-effort write): a `.catch()` (or a `.then()` rejection handler) on its chain, or a try around
 * it that guards only work outside the transaction (no commit, no use of `sessions`) and whose
 * catch neither rethrows nor aborts.
 */
export function failureCaught(fn: Path, sessions: readonly Node[], chain: CallChain): string | undefined {
  // `.catch()` with no handler (or `undefined`) passes the rejection on.
  const handler = chain.links.slice(1).find((link) => handles(link.method === 'catch' ? link.args[0] : link.method === 'then' ? link.args[1] : undefined));
  if (handler) return `\`.${handler.method}()\``;
  const call = chain.links[chain.links.length - 1]!.call;
  const names = new Set(sessions.map((declaration) => declaration.name as string));
  for (let child: Path = call, parent = call.parent as Path | null; parent && child.node !== fn.node; child = parent, parent = parent.parent as Path | null) {
    const node = parent.node;
    if (node.type !== 'TryStatement' || node.block !== child.node || !node.handler) continue;
    const ends = (n: Node) => isCall(n) && ['commitTransaction', 'abortTransaction'].includes(calleeName(n) ?? '');
    const usesSession = (n: Node) => isIdentifier(n) && names.has(n.name as string);
    if (some(node.block as Node, (n) => ends(n) || usesSession(n))) return undefined;
    if (!some(node.handler as Node, (n) => ends(n) || n.type === 'ThrowStatement')) return 'a catch that neither rethrows nor aborts';
  }
  return undefined;
}

function handles(handler: Node | undefined): boolean {
  return handler !== undefined && !isNullish(handler);
}

/**
 * Of the statements that follow, in order, one throws or aborts before any commits, returns or
 * leaves the loop: what came before runs only on the way to the abort.
 */
export function leadsToAbort(statements: readonly Node[]): boolean {
  for (const statement of statements) {
    if (statement.type === 'ThrowStatement' || isAbortStatement(statement)) return true;
    if (some(statement, (n) => LEAVES.has(n.type) || (isCall(n) && calleeName(n) === 'commitTransaction'))) return false;
  }
  return false;
}

/** `[await] x.abortTransaction();` as a statement of its own. */
function isAbortStatement(statement: Node): boolean {
  const call = statementCall(statement)?.call;
  return call !== undefined && calleeName(call) === 'abortTransaction';
}

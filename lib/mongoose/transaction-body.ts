import semver from 'semver';
import { contains, endOf, enclosingFunction, functionName, isCall, isFunction, isIdentifier, isMember, startOf, type Node, type Path } from '../ast/nodes';
import { outlivesItsSessions } from './factories';
import { callerConnectionOf, factoryCall } from './factory-connection';
import { factoryLeftBehind } from './factory-reach';
import { CLOSING, type Line } from '../edit/relocate';
import type { MongooseVersion } from '../facts/project';
import type { MongooseAnalysis, SessionCreation } from './analysis';
import { defaultConnectionOf } from './default-connection';
import { classifyCall, isInnerLink } from './operations';
import { onlyLogsOrAsserts, retryHazard, type CallbackJudge, type RetryHazard } from './retry-safety';
import { keepsStateBetweenRetries, outerDocumentSave, RESETS_BETWEEN_RETRIES } from './stale-documents';
import { lineOf, relativeTo } from './places';
import { givenFunctionCall } from './request-sessions';

/**
 * What the two converting transforms (promise chains and hand-managed async/await) share when a
 * stretch of code becomes the callback of `await conn.transaction(async (session) => ...)`
 * (docs/mongoose-semantics.md §1, §5.1): whether the project's Mongoose can do it, which
 * connection runs it, and whether the code may run inside it, perhaps twice.
 */

/** Before this version transaction() never ends its session. */
const TRANSACTION_ENDS_SESSION = '6.1.8';
/** Connection#transaction() first appears in this version. */
const TRANSACTION_ADDED = '5.10.0';
/** From here the driver Mongoose ships has session.withTransaction(). */
const SESSION_WITH_TRANSACTION = '5.5.0';

/** Why this Mongoose version (or this package) cannot take the rewrite, or undefined. */
export function versionProblem(mongoose: MongooseVersion): string | undefined {
  const { version, assumedCurrent } = mongoose;
  if (mongoose.itself) {
    return 'this package is Mongoose itself: its tests and documentation examples exercise the session API they call (startTransaction(), commitTransaction(), withTransaction()), which transaction() would replace';
  }
  if (mongoose.absent) return "this package neither depends on Mongoose nor has it installed, so its Mongoose version is unknown (or it uses only the MongoDB driver, whose sessions have no connection.transaction())";
  if (version === undefined) {
    return assumedCurrent ? undefined : `the project's Mongoose version is unknown, and transaction() ends its session only from ${TRANSACTION_ENDS_SESSION}`;
  }
  if (!semver.lt(version, TRANSACTION_ENDS_SESSION)) return undefined;
  const uses = mongoose.floorOf ? `the project must work with Mongoose ${version}, the lowest version ${mongoose.floorOf} allows` : `the project uses Mongoose ${version}`;
  const instead = semver.lt(version, SESSION_WITH_TRANSACTION) ? '' : ' (use session.withTransaction() with endSession() in a finally instead)';
  if (semver.lt(version, TRANSACTION_ADDED)) return `${uses}, which has no transaction(): it was added in ${TRANSACTION_ADDED}${instead}`;
  return `${uses}; before ${TRANSACTION_ENDS_SESSION} transaction() never ends its session${instead}`;
}

/** Before Mongoose 8, transaction() resolves to the commit's result, not to the callback's value. */
export function resolvesToCommitResult(mongoose: MongooseVersion): boolean {
  return mongoose.version !== undefined && semver.lt(mongoose.version, '8.0.0');
}

/**
 * The value of transaction() is not the callback's: at run time before Mongoose 8, and in
 * TypeScript's types before 8.5 (`Promise<void>`), so a value the code needs is carried out in a
 * variable declared before the call.
 */
export function callbackValueLost(mongoose: MongooseVersion, typescript: boolean): boolean {
  const { version } = mongoose;
  return resolvesToCommitResult(mongoose) || (typescript && version !== undefined && semver.lt(version, '8.5.0'));
}

/** `T`, as written, of the `Promise<T>` a function declares it returns; undefined when it declares none. */
export function declaredPromiseType(fn: Node, source: string): string | undefined {
  const declared = (fn.returnType as Node | undefined)?.typeAnnotation as Node | undefined;
  if (declared?.type !== 'TSTypeReference' || (declared.typeName as Node).type !== 'Identifier' || (declared.typeName as Node).name !== 'Promise') return undefined;
  const params = (declared.typeParameters as Node | undefined)?.params as Node[] | undefined;
  return params?.length === 1 ? source.slice(startOf(params[0]!), endOf(params[0]!)) : undefined;
}

/** Not a reason found in the code: planners give it only when the code itself holds none. */
const UNKNOWN_CONNECTION = { reason: 'it cannot tell which connection the session comes from', unknown: true } as const;

/**
 * The connection expression that runs the transaction (`mongoose.connection`, `Order.db`, the
 * connection itself), as the file names it; `{ reason }` when the session's origin rules it out.
 * For an imported `startSession()` the name may be one the rewrite adds to the import
 * (settleFactoryImport, once the file's conversions are known).
 */
export function connectionOf(analysis: MongooseAnalysis, creation: SessionCreation): string | { reason: string; unknown?: true } {
  const { kind, receiver } = creation;
  if (creation.helper) return madeConnectionOf(analysis, creation, creation.helper);
  if (creation.factory && kind !== 'client') return factoryConnectionOf(analysis, creation, creation.factory);
  if (kind === 'client') return { reason: "the session comes from the MongoDB driver's client.startSession(), which has no Mongoose transaction()" };
  const imported = receiver ? undefined : defaultConnectionOf(analysis, creation);
  if (!imported && (!receiver || (kind !== 'mongoose' && kind !== 'model' && kind !== 'connection'))) return UNKNOWN_CONNECTION;
  if ((creation.call.node.arguments as Node[]).length > 0) return { reason: 'startSession() is given options, which transaction() cannot take' };
  if (imported) return imported.text;
  if (!receiver) return UNKNOWN_CONNECTION;
  const text = analysis.source.slice(startOf(receiver.node), endOf(receiver.node));
  if (kind === 'mongoose') return `${text}.connection`;
  if (kind === 'model') return `${text}.db`;
  return text;
}

/**
 * The connection of a session a factory of this file hands out (`async open() { const session =
 * await Wallet.startSession(); return session; }`): see madeConnectionOf. The factory must do
 * nothing but hand the session out, since the rewrite no longer calls it.
 */
function factoryConnectionOf(analysis: MongooseAnalysis, creation: SessionCreation, factory: NonNullable<SessionCreation['factory']>): string | { reason: string; unknown?: true } {
  const { inner } = factory;
  const elsewhere = factory.analysis !== analysis;
  if (!elsewhere && (factory.property || factory.startsTransaction)) return UNKNOWN_CONNECTION;
  const connection = elsewhere ? callerConnectionOf(analysis, creation, factory, inner.receiver ? connectionOf(factory.analysis, inner) : UNKNOWN_CONNECTION) : madeConnectionOf(analysis, creation, inner);
  if (typeof connection !== 'string') return connection;
  const other = otherStatement(factory.fn, inner.call);
  const leftBehind = !other && elsewhere ? factoryLeftBehind(analysis, creation, factory) : undefined;
  if (leftBehind) return { reason: leftBehind, unknown: true };
  if (!other) return connection;
  // Lines of another file are written `file:line`: the reason's `line N` are read as this file's.
  const where = elsewhere ? `${factoryCall(analysis, creation, factory)}, which does more than start it (${relativeTo(analysis.file ?? '', factory.analysis.file ?? '')}:${lineOf(other)})` : `${factory.name}(), which does more than start it (line ${lineOf(other)})`;
  return { reason: `the session comes from ${where}, and transaction() would no longer call it` };
}

/**
 * The connection of a session made by a function of this file: that of the function's own
 * `startSession()`, where its receiver is a name the caller sees as the same variable
 * (`this.connection` may be another object's there).
 */
function madeConnectionOf(analysis: MongooseAnalysis, creation: SessionCreation, inner: SessionCreation): string | { reason: string; unknown?: true } {
  const root = inner.receiver && plainNameRoot(inner.receiver.node);
  if (!root) return UNKNOWN_CONNECTION;
  const declaration = analysis.bindings.resolve(root, inner.call);
  if (!declaration || analysis.bindings.resolve(root, creation.call) !== declaration) return UNKNOWN_CONNECTION;
  const connection = connectionOf(analysis, inner);
  const maker = enclosingFunction(inner.call);
  if (typeof connection !== 'string' || !maker || outlivesItsSessions(analysis, maker)) return connection;
  return { reason: `the session comes from ${functionName(maker) ?? 'a function'}(), which only this file can call, and only for sessions; transaction() does not call it, so converting its callers would leave it unused` };
}

/** The first name of `a.b.c` (no computed part, no `this`), or undefined. */
function plainNameRoot(node: Node): string | undefined {
  let current = node;
  while (isMember(current) && !current.computed) current = current.object;
  return isIdentifier(current) ? (current.name as string) : undefined;
}

/** A statement of the function other than returns and the one that makes the session, or undefined. */
function otherStatement(fn: Path, call: Path): Path | undefined {
  const body = fn.get('body') as Path;
  if (body.node.type !== 'BlockStatement') return undefined;
  const statements = body.get('body') as Path;
  const count = (body.node.body as Node[]).length;
  for (let i = 0; i < count; i++) {
    const statement = statements.get(i) as Path;
    if (statement.node.type !== 'ReturnStatement' && !contains(statement.node, call.node)) return statement;
  }
  return undefined;
}

/** Where a path is, as a finding names it: `line 12` in the file reported on, `services/order.js:12` in another. */
export type Place = (path: Path) => string;

const atLine: Place = (path) => `line ${lineOf(path)}`;

/**
 * Why `parts` (the code that becomes the callback; `region` is where its own declarations live)
 * cannot run inside transaction(), which may run it again after a transient error, or undefined.
 * `callbacks` judges the calls of a wrapper's callback parameter, where the body is a wrapper's.
 */
export function retryProblem(analysis: MongooseAnalysis, parts: Path[], region: Node, sessions: Node[], skip: Node[] = [], callbacks?: CallbackJudge): string | undefined {
  const hazard = retryHazard(parts, region, analysis, sessions, skip, callbacks);
  if (!hazard) return undefined;
  if (hazard.kind === 'callback') return hazard.reason;
  return `the transaction body ${hazardText(analysis, hazard)}; ${hazardConsequence(hazard, 'the body')}`;
}

/** Why a hazard in code that becomes (or runs in) a transaction() callback matters there; `runs` names what would run again. */
export function hazardConsequence(hazard: Exclude<RetryHazard, { kind: 'callback' }>, runs: string): string {
  return hazard.kind === 'ends-transaction'
    ? 'transaction() commits or aborts the transaction itself, when its callback returns or throws, and cannot follow a transaction ended in another function'
    : `transaction() may run ${runs} again after a transient error`;
}

/** What a hazard does, as a finding says it: `has an effect outside the database (\`mailer.send(order)\` at line 12)`. */
export function hazardText(analysis: MongooseAnalysis, hazard: Exclude<RetryHazard, { kind: 'callback' }>, place: Place = atLine): string {
  const text = `\`${analysis.source.slice(startOf(hazard.at.node), endOf(hazard.at.node)).replace(/\s+/g, ' ').slice(0, 50)}\` at ${place(hazard.at)}`;
  if (hazard.kind === 'ends-transaction') return `hands the session to ${text}, which ${hazard.method === 'commitTransaction' ? 'commits' : 'aborts'} the transaction there`;
  return hazard.kind === 'effect'
    ? `has an effect outside the database (${text})`
    : hazard.kind === 'write-outside'
      ? `writes without the session (${text}), which no abort undoes`
      : hazard.kind === 'changes-read-value'
        ? `changes \`${hazard.name}\`${hazard.outer ? ` (\`${hazard.outer}\`, an object from outside it)` : ', declared outside it'}, after reading it (${text}), so a second run would start from the changed value`
        : `calls code that may have an effect outside the database (${text})${given(analysis, hazard.at)}`;
}

/** `: <what the call is>` for a call of a function the code is given (request-sessions.ts), else nothing. */
function given(analysis: MongooseAnalysis, call: Path): string {
  const note = isCall(call.node) ? givenFunctionCall(analysis, call) : undefined;
  return note ? `: ${note}` : '';
}

/**
 * With AsyncLocalStorage on, a session-less operation in `parts` (meant to run outside the
 * transaction today) would join it inside transaction(): why, or undefined.
 */
export function alsJoinProblem(analysis: MongooseAnalysis, parts: Path[], sessions: Node[], als: boolean, skip: Node[] = [], place: Place = atLine): string | undefined {
  if (!als) return undefined;
  const context = { sessions, alsCovers: false, sessionDocuments: new Set<Node>(), documents: new Set<Node>() };
  for (const part of parts) {
    const calls = [...(isCall(part.node) ? [part] : []), ...analysis.index.within(part.node, 'CallExpression')];
    for (const call of calls) {
      if (isInnerLink(call) || skip.some((node) => contains(node, call.node))) continue;
      const verdict = classifyCall(analysis, call, context);
      if (verdict.kind === 'operation' && verdict.outside) {
        return `AsyncLocalStorage is on, so the session-less operation at ${place(call)} would join the transaction after the rewrite (it runs outside it now)`;
      }
    }
  }
  return undefined;
}

/**
 * Why the body cannot be retried on this Mongoose: it saves a document made before it, and before
 * 7.4.4 transaction() does not reset that document between attempts, so a second attempt saves a
 * document that looks saved already (no modified paths: nothing is written; `isNew` false: an
 * update of a document the abort removed). Undefined where the version resets it, or nothing is saved so.
 */
export function staleDocumentProblem(analysis: MongooseAnalysis, parts: Path[], region: Node, mongoose: MongooseVersion, place: Place = atLine): string | undefined {
  if (!keepsStateBetweenRetries(mongoose)) return undefined;
  const save = outerDocumentSave(analysis, parts, region);
  if (!save) return undefined;
  const uses = mongoose.floorOf ? `the project must work with Mongoose ${mongoose.version}, the lowest version ${mongoose.floorOf} allows` : `the project uses Mongoose ${mongoose.version}`;
  return (
    `the transaction body saves \`${save.name}\` (${place(save.at)}), a document made before it; ${uses}, and before ${RESETS_BETWEEN_RETRIES} transaction() does not reset a saved document between attempts, ` +
    'so after a transient error the second run would save it as the first run left it (changes already cleared: nothing written, or an update of a document the abort removed)'
  );
}

/**
 * Code between the lifecycle calls that only logs or asserts them (a connection check, a demo of
 * the session API: `console.log('Transaction started')`), or nothing at all: there is no work for
 * transaction() to run, and inside it the logs would tell of steps that no longer happen. Such
 * code is not a transaction to convert.
 */
export function isLifecycleDemo(parts: readonly Path[]): boolean {
  return parts.every(onlyLogsOrAsserts);
}

/** What a change says when it drops aborts before a throw. */
export const ABORT_BEFORE_THROW_NOTE =
  '; the explicit abort before a throw goes, since the throw aborts inside transaction() (from Mongoose 8.7 a second abort would replace the error with "Cannot call abortTransaction twice")';

/**
 * Where an error thrown at `statement`, in code that becomes transaction()'s callback (`top`: the
 * callback's statements), goes: `out` of the callback, where transaction() aborts the transaction
 * itself, or `caught` by a try inside it. An explicit abort right before a throw that goes out must
 * go with the rewrite: from driver 6.9 (Mongoose 8.7) withTransaction() aborts again on a thrown
 * error, and "Cannot call abortTransaction twice" replaces the error thrown (docs/mongoose-semantics.md §5.1 item 4).
 */
export function abortBeforeThrow(statement: Path, top: readonly Node[]): 'out' | 'caught' {
  for (let child = statement, parent = statement.parent as Path | null; parent; child = parent, parent = parent.parent as Path | null) {
    if (top.includes(child.node) || isFunction(parent.node)) return 'out';
    if (parent.node.type === 'TryStatement' && parent.node.block === child.node && parent.node.handler) return 'caught';
  }
  return 'out';
}

/** How the `transaction()` call of a rewrite is written. */
export interface TransactionCallText {
  indent: string;
  /** What takes the call's value: `await `, `const order = await `, `return `. */
  prefix: string;
  connection: string;
  sessionName: string;
  /** The options argument, already moved into place. */
  options: string | undefined;
  /** False when nothing in the callback reads the session: it then takes no parameter (an unread one fails noUnusedParameters and no-unused-vars). */
  usesSession: boolean;
  /** Where the call stands in the original text. */
  at: number;
  /** A statement as the file writes them (with or without a semicolon). */
  statement(code: string): string;
}

/** `<prefix><conn>.transaction(async (<session>) => {`, the callback's lines, and `}, <options>);`. */
export function transactionCallLines(call: TransactionCallText, body: readonly Line[]): Line[] {
  return [
    { text: `${call.indent}${call.prefix}${call.connection}.transaction(async (${call.usesSession ? call.sessionName : ''}) => {`, at: call.at },
    ...body,
    { text: call.indent + call.statement(`}${call.options ? `, ${call.options}` : ''})`), at: CLOSING },
  ];
}

import { contains, enclosingFunction, endOf, isCall, isIdentifier, isMember, outermostExpression, settledExpression, startOf, statementsOf, type Node, type Path } from '../ast/nodes';
import type { MongooseAnalysis, SessionBinding, SessionCreation } from './analysis';

/**
 * A session the function ends only when it created it: `const s = given ?? await X.startSession()`,
 * `if (!session) { session = await X.startSession(); isNew = true; }`, or
 * `let local = null; if (!given) { local = await X.startSession(); }`.
 */
export interface ConditionalOwnership {
  /** The variable that holds the session, and the statement that makes it here (the declaration, or the `if` that assigns it). */
  binding: SessionBinding;
  /**
   * The test, as the code can write it, that holds exactly when this function created the session
   * (`!given`, `ownSession`, `isNew`); undefined when the variable holds nothing otherwise (`let local = null`).
   */
  test: string | undefined;
  /** True when a test written in the code says the same as `test`. */
  sameTest(test: Node): boolean;
  /** False when nothing in the code records whether the function made the session (`if (!s) s = await start()` with no flag). */
  recorded: boolean;
  /** The code that decides, for findings. */
  text: string;
}

/** The ownership condition of a creation, or undefined when the function owns it outright (or the shape is not one followed). */
export function conditionalOwnership(analysis: MongooseAnalysis, creation: SessionCreation): ConditionalOwnership | undefined {
  const current = settledExpression(creation.call).path;
  const parent = current.parent as Path | null;
  if (!parent) return undefined;
  if (parent.node.type === 'LogicalExpression') return fallbackOwnership(analysis, parent, current);
  if (parent.node.type === 'ConditionalExpression') return fallbackOwnership(analysis, parent, current) ?? madeOrNothing(analysis, parent, current);
  if (parent.node.type === 'AssignmentExpression') return assignedInIf(analysis, creation, parent);
  return undefined;
}


/** `given ?? await start()`, `given || await start()`, `given ? given : await start()`, `!given ? await start() : given`. */
function fallbackOwnership(analysis: MongooseAnalysis, expression: Path, made: Path): ConditionalOwnership | undefined {
  const node = expression.node;
  const given = givenOf(analysis, node, made.node);
  if (!given) return undefined;
  const declared = declaredOnce(analysis, expression);
  if (!declared) return undefined;
  const { binding, fn, text } = declared;
  const givenText = textOf(analysis, given);
  const flags = ownershipFlags(analysis, fn, (init) => absenceOf(analysis, init) === givenText, (init) => presenceOf(analysis, init) === givenText);
  const sameTest = (test: Node) => absenceOf(analysis, test) === givenText || flags.owned.some((f) => isIdentifier(test, f)) || flags.given.some((f) => isNegationOf(test, f));
  // The code's own flag reads best; otherwise the test the code writes for it.
  const test = flags.owned[0] ?? (flags.given[0] ? `!${flags.given[0]}` : `!${wrapped(givenText, given)}`);
  return { binding, test, sameTest, text, recorded: true };
}

/**
 * `useTransactions ? await X.startSession() : null`: the variable holds the session this function
 * made, or nothing (no caller's session), so the variable itself says whether there is one to end.
 */
function madeOrNothing(analysis: MongooseAnalysis, expression: Path, made: Path): ConditionalOwnership | undefined {
  const node = expression.node;
  const other = node.consequent === made.node ? (node.alternate as Node) : node.alternate === made.node ? (node.consequent as Node) : undefined;
  if (!other || !isNothing(other)) return undefined;
  const declared = declaredOnce(analysis, expression);
  if (!declared) return undefined;
  const { binding, text } = declared;
  return { binding, test: undefined, sameTest: (test) => isIdentifier(test, binding.declaration.name as string), text, recorded: true };
}

/**
 * The variable `expression` (the session or what stands in for it) initialises, `const s = <expression>`,
 * in a function that never assigns it again; with the expression's text, for findings.
 */
export function declaredOnce(analysis: MongooseAnalysis, expression: Path): { binding: SessionBinding; fn: Path; text: string } | undefined {
  const outer = outermostExpression(expression);
  const declarator = outer.parent as Path | null;
  if (declarator?.node.type !== 'VariableDeclarator' || declarator.node.init !== outer.node || !isIdentifier(declarator.node.id as Node)) return undefined;
  const session = declarator.node.id as Node;
  const fn = enclosingFunction(declarator);
  if (!fn || reassigned(analysis, fn, session)) return undefined;
  const text = analysis.source.slice(startOf(expression.node), endOf(expression.node)).replace(/\s+/g, ' ');
  return { binding: { declaration: session, form: 'declarator', statement: declarator.parent as Path }, fn, text };
}

/** `null`, `undefined` or `void 0`. */
function isNothing(node: Node): boolean {
  return node.type === 'NullLiteral' || isIdentifier(node, 'undefined') || (node.type === 'UnaryExpression' && node.operator === 'void' && (node.argument as Node).type === 'NumericLiteral');
}

/** The expression standing for the session the caller passed in, or undefined for other shapes. */
function givenOf(analysis: MongooseAnalysis, node: Node, made: Node): Node | undefined {
  if (node.type === 'LogicalExpression' && (node.operator === '??' || node.operator === '||') && node.right === made) return node.left as Node;
  if (node.type !== 'ConditionalExpression') return undefined;
  const test = node.test as Node;
  if (node.alternate === made && textOf(analysis, node.consequent as Node) === presenceOf(analysis, test)) return node.consequent as Node;
  if (node.consequent === made && textOf(analysis, node.alternate as Node) === absenceOf(analysis, test)) return node.alternate as Node;
  return undefined;
}

/**
 * `if (!session) { session = await X.startSession(); isNew = true; session.startTransaction(); }`
 * with a flag, or `let local = null; if (!given) { local = await X.startSession(); }`. The rest of
 * the `if` may only set flags and start the transaction (nothing there can throw and leak the session).
 */
function assignedInIf(analysis: MongooseAnalysis, creation: SessionCreation, assignment: Path): ConditionalOwnership | undefined {
  const statement = assignment.parent as Path | null;
  const block = statement?.parent as Path | null;
  const ifStatement = block?.parent as Path | null;
  if (statement?.node.type !== 'ExpressionStatement' || !isIdentifier(assignment.node.left as Node)) return undefined;
  if (block?.node.type !== 'BlockStatement' || ifStatement?.node.type !== 'IfStatement' || ifStatement.node.consequent !== block.node || ifStatement.node.alternate) return undefined;
  const session = analysis.bindings.declarationOf(assignment.get('left') as Path);
  const fn = enclosingFunction(ifStatement);
  if (!session || !fn || enclosingFunction(creation.call)?.node !== fn.node || !statementsOf((ifStatement.parent as Path).node)) return undefined;
  const statements = block.node.body as Node[];
  const tail = statements.slice(statements.indexOf(statement.node) + 1);
  const head = statements.slice(0, statements.indexOf(statement.node));
  if (![...head, ...tail].every((s) => setsFlag(s) || startsTransactionOn(s, session))) return undefined;
  const text = analysis.source.slice(startOf(ifStatement.node), endOf(assignment.node)).replace(/\s+/g, ' ');
  const binding: SessionBinding = { declaration: session, form: 'assignment', statement: ifStatement };
  const flag = [...head, ...tail]
    .filter(setsFlag)
    .map((s) => analysis.index.pathOf((s.expression as Node).left as Node))
    .map((left) => (left ? analysis.bindings.declarationOf(left) : undefined))
    .find((declaration) => declaration !== undefined && isOwnershipFlag(analysis, fn, declaration, ifStatement))?.name as string | undefined;
  if (flag) return { binding, test: flag, sameTest: (test) => isIdentifier(test, flag), text: `${text}...`, recorded: true };
  // Without a flag, the variable itself says whether this function made the session: it holds nothing otherwise.
  const origin = analysis.bindings.originOf(session);
  const init = origin?.kind === 'variable' ? (origin.declarator.node.init as Node | null) : undefined;
  const empty = origin?.kind === 'variable' && origin.declarator.node.id === session && (!init || init.type === 'NullLiteral' || isIdentifier(init, 'undefined'));
  const recorded = empty && assignmentsTo(analysis, fn, session).length === 1;
  return { binding, test: undefined, sameTest: (test) => recorded && isIdentifier(test, session.name as string), text: `${text}...`, recorded };
}

/** `isNew = true;` or `ownSession = false;`. */
function setsFlag(statement: Node): boolean {
  const expression = statement.type === 'ExpressionStatement' ? (statement.expression as Node) : undefined;
  return expression?.type === 'AssignmentExpression' && expression.operator === '=' && isIdentifier(expression.left as Node) && (expression.right as Node).type === 'BooleanLiteral';
}

/** `[await] session.startTransaction(...)` on the session just made. */
function startsTransactionOn(statement: Node, session: Node): boolean {
  if (statement.type !== 'ExpressionStatement') return false;
  let expression = statement.expression as Node;
  if (expression.type === 'AwaitExpression') expression = expression.argument as Node;
  return isCall(expression) && isMember(expression.callee) && isIdentifier(expression.callee.object, session.name as string) && (expression.callee.property as Node).name === 'startTransaction';
}

/** A `let flag = false` of the function set to true only in the `if` that makes the session. */
function isOwnershipFlag(analysis: MongooseAnalysis, fn: Path, declaration: Node, made: Path): boolean {
  const origin = analysis.bindings.originOf(declaration);
  if (origin?.kind !== 'variable' || origin.declarator.node.id !== declaration || enclosingFunction(origin.declarator)?.node !== fn.node) return false;
  const init = origin.declarator.node.init as Node | null;
  if (init?.type !== 'BooleanLiteral' || init.value !== false) return false;
  const sets = assignmentsTo(analysis, fn, declaration);
  return sets.length === 1 && contains(made.node, sets[0]!.node) && ((sets[0]!.node.right as Node).value as boolean) === true;
}

function assignmentsTo(analysis: MongooseAnalysis, fn: Path, declaration: Node): Path[] {
  return analysis.bindings
    .referencesIn(fn, declaration)
    .map((ref) => ref.parent as Path)
    .filter((parent) => (parent.node.type === 'AssignmentExpression' && parent.node.left === (parent.get('left') as Path).node && isIdentifier(parent.node.left as Node, declaration.name as string)) || parent.node.type === 'UpdateExpression');
}

function reassigned(analysis: MongooseAnalysis, fn: Path, declaration: Node): boolean {
  return assignmentsTo(analysis, fn, declaration).length > 0;
}

/**
 * Flags of the function that record the same fact: `const own = !given` (owned) or
 * `const external = !!given` (given), declared once and never reassigned.
 */
function ownershipFlags(analysis: MongooseAnalysis, fn: Path, meansOwned: (init: Node) => boolean, meansGiven: (init: Node) => boolean): { owned: string[]; given: string[] } {
  const flags = { owned: [] as string[], given: [] as string[] };
  for (const declarator of analysis.index.within(fn.node, 'VariableDeclarator')) {
    const id = declarator.node.id as Node;
    const init = declarator.node.init as Node | null;
    if (!init || !isIdentifier(id) || enclosingFunction(declarator)?.node !== fn.node || reassigned(analysis, fn, id)) continue;
    if (meansOwned(init)) flags.owned.push(id.name as string);
    else if (meansGiven(init)) flags.given.push(id.name as string);
  }
  return flags;
}

/** For `!x`, `x == null`, `x === undefined`, `x == undefined`: the text of `x`. */
function absenceOf(analysis: MongooseAnalysis, test: Node): string | undefined {
  if (test.type === 'UnaryExpression' && test.operator === '!') {
    const inner = test.argument as Node;
    return inner.type === 'UnaryExpression' && inner.operator === '!' ? undefined : textOf(analysis, inner);
  }
  if (test.type === 'BinaryExpression' && (test.operator === '==' || test.operator === '===')) {
    const right = test.right as Node;
    if (right.type === 'NullLiteral' || isIdentifier(right, 'undefined')) return textOf(analysis, test.left as Node);
  }
  return undefined;
}

/** For `x`, `!!x`, `x != null`, `x !== undefined`, `Boolean(x)`: the text of `x`. */
function presenceOf(analysis: MongooseAnalysis, test: Node): string | undefined {
  if (test.type === 'UnaryExpression' && test.operator === '!') {
    const inner = test.argument as Node;
    return inner.type === 'UnaryExpression' && inner.operator === '!' ? textOf(analysis, inner.argument as Node) : undefined;
  }
  if (test.type === 'BinaryExpression' && (test.operator === '!=' || test.operator === '!==')) {
    const right = test.right as Node;
    if (right.type === 'NullLiteral' || isIdentifier(right, 'undefined')) return textOf(analysis, test.left as Node);
  }
  if (isCall(test) && isIdentifier(test.callee, 'Boolean') && test.arguments.length === 1) return textOf(analysis, test.arguments[0]!);
  if (isIdentifier(test) || isMember(test)) return textOf(analysis, test);
  return undefined;
}

function isNegationOf(test: Node, flag: string): boolean {
  return test.type === 'UnaryExpression' && test.operator === '!' && isIdentifier(test.argument as Node, flag);
}

function textOf(analysis: MongooseAnalysis, node: Node): string {
  return analysis.source.slice(startOf(node), endOf(node)).replace(/\s+/g, '');
}

/** `x` as the operand of `!`: parenthesised unless it is a name or a member chain. */
function wrapped(text: string, node: Node): string {
  return isIdentifier(node) || isMember(node) ? text : `(${text})`;
}

/** Why a conditionally owned session cannot be handled like an owned one: `consequence` says what is not done. */
export function ownedOnlyReason(owned: ConditionalOwnership, consequence: string): string {
  const text = owned.text.length > 60 ? `${owned.text.slice(0, 57)}...` : owned.text;
  return `the function owns the session only when it created it (\`${text}\`), ${consequence}`;
}

/**
 * The statement to delete with an `endSession()` statement of a conditionally owned session: the
 * `if (<ownership test>)` around it when that is all the if does, else the statement itself.
 */
export function ownedEndStatement(owned: ConditionalOwnership, statement: Path): Path {
  let candidate = statement.parent as Path | null;
  if (candidate?.node.type === 'BlockStatement') {
    if ((candidate.node.body as Node[]).length !== 1) return statement;
    candidate = candidate.parent as Path | null;
  }
  return candidate?.node.type === 'IfStatement' && !candidate.node.alternate && owned.sameTest(candidate.node.test as Node) ? candidate : statement;
}

/** True when `call` runs only when the function owns the session: under `if (<ownership test>)`, or `<test> && ...`. */
export function runsOnlyWhenOwned(owned: ConditionalOwnership, call: Path, fn: Node): boolean {
  // `let local = null; if (!given) { local = await ... }`: the variable never holds another session.
  if (owned.test === undefined) return true;
  for (let child = call, parent = call.parent as Path | null; parent && parent.node !== fn; child = parent, parent = parent.parent as Path | null) {
    if (parent.node.type === 'IfStatement' && parent.node.consequent === child.node && owned.sameTest(parent.node.test as Node)) return true;
    if (parent.node.type === 'LogicalExpression' && parent.node.operator === '&&' && parent.node.right === child.node && owned.sameTest(parent.node.left as Node)) return true;
  }
  return false;
}

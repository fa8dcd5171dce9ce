import type { ASTPath } from 'jscodeshift';

/**
 * Babel AST nodes as this project reads them. The parser output is Babel's, so node shapes follow
 * @babel/types (ObjectProperty, StringLiteral, OptionalCallExpression, ...).
 */
export interface Node {
  type: string;
  start?: number | null;
  end?: number | null;
  [key: string]: unknown;
}

export type Path = ASTPath<Node>;

export const FUNCTION_TYPES = new Set([
  'FunctionDeclaration',
  'FunctionExpression',
  'ArrowFunctionExpression',
  'ObjectMethod',
  'ClassMethod',
  'ClassPrivateMethod',
]);

export function isFunction(node: Node | null | undefined): boolean {
  return node != null && FUNCTION_TYPES.has(node.type);
}

export function isCall(node: Node | null | undefined): node is Node & { callee: Node; arguments: Node[] } {
  return node != null && (node.type === 'CallExpression' || node.type === 'OptionalCallExpression');
}

export function isMember(node: Node | null | undefined): node is Node & { object: Node; property: Node; computed: boolean } {
  return node != null && (node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression');
}

export function isIdentifier(node: Node | null | undefined, name?: string): node is Node & { name: string } {
  return node != null && node.type === 'Identifier' && (name === undefined || node.name === name);
}

/** `a.b` or `a['b']` -> 'b'; undefined for computed non-literal keys. */
export function propertyName(member: Node): string | undefined {
  if (!isMember(member)) return undefined;
  const prop = member.property;
  if (!member.computed && (prop.type === 'Identifier' || prop.type === 'PrivateName')) {
    return prop.type === 'Identifier' ? (prop.name as string) : undefined;
  }
  if (member.computed && prop.type === 'StringLiteral') return prop.value as string;
  return undefined;
}

/** `a` for the property `a: 1`, `'a': 1` or `a` (shorthand); undefined for computed keys, spreads and methods. */
export function propertyKey(property: Node): string | undefined {
  if (property.type !== 'ObjectProperty' || property.computed) return undefined;
  const key = property.key as Node;
  return (key.name ?? key.value) as string | undefined;
}

/** For `x.m(...)`: 'm'; for `f(...)`: 'f'. */
export function calleeName(call: Node): string | undefined {
  if (!isCall(call)) return undefined;
  const callee = unwrapExpression(call.callee);
  if (isIdentifier(callee)) return callee.name;
  return propertyName(callee);
}

/** For `x.m(...)`: `x`, with type assertions and non-null marks removed. */
const TRANSPARENT = new Set(['TSNonNullExpression', 'TSAsExpression', 'TSSatisfiesExpression', 'TSTypeAssertion', 'TypeCastExpression', 'ParenthesizedExpression']);

/** Strips wrappers that do not change a value: `x!`, `x as T`, `<T>x`, Flow's `(x: T)`, `(x)`. */
export function unwrapExpression(node: Node): Node {
  let current = node;
  while (TRANSPARENT.has(current.type)) current = current.expression as Node;
  return current;
}

/** The path of `path`'s value, past the same wrappers. */
export function unwrapPath(path: Path): Path {
  let current = path;
  while (current.node && TRANSPARENT.has(current.node.type)) current = current.get('expression') as Path;
  return current;
}

/** The outermost expression whose value is `path`'s: past the wrappers above it. */
export function outermostExpression(path: Path): Path {
  let current = path;
  while (current.parent && TRANSPARENT.has((current.parent.node as Node).type)) current = current.parent as Path;
  return current;
}

/** The outermost expression whose settled value is `path`'s: past the wrappers above it and any `await`; `awaited` when one is among them. */
export function settledExpression(path: Path): { path: Path; awaited: boolean } {
  let current = path;
  let awaited = false;
  for (let parent = current.parent as Path | null; parent && (TRANSPARENT.has(parent.node.type) || parent.node.type === 'AwaitExpression'); parent = current.parent as Path | null) {
    awaited ||= parent.node.type === 'AwaitExpression';
    current = parent;
  }
  return { path: current, awaited };
}

/** The value `node` settles to: past the wrappers and any `await`. */
export function unwrapAwaited(node: Node): Node {
  let current = unwrapExpression(node);
  while (current.type === 'AwaitExpression') current = unwrapExpression(current.argument as Node);
  return current;
}

/** The path of the value `path` settles to: past the wrappers and any `await` (settledExpression, downwards). */
export function unwrapAwaitedPath(path: Path): Path {
  let current = path;
  while (current.node && (TRANSPARENT.has(current.node.type) || current.node.type === 'AwaitExpression')) current = current.get(current.node.type === 'AwaitExpression' ? 'argument' : 'expression') as Path;
  return current;
}

/**
 * Which statements run a call: `[await] call;`, and with `orVoid` also `void call;`, a call left
 * running on purpose (as code written for `no-floating-promises` has it), where what the statement
 * does counts and not whether it waits (an abort in a catch).
 */
export interface CallStatementForms {
  orVoid?: boolean;
}

/** The call a statement runs, `[await] call;`, past the wrappers above; `awaited` when it runs under `await`, `voided` under `void`. */
export function statementCall(
  statement: Node,
  forms: CallStatementForms = {},
): { call: Node & { callee: Node; arguments: Node[] }; awaited: boolean; voided: boolean } | undefined {
  if (statement.type !== 'ExpressionStatement') return undefined;
  let expression = unwrapExpression(statement.expression as Node);
  const voided = forms.orVoid === true && isVoided(expression);
  if (voided) expression = unwrapExpression(expression.argument as Node);
  const awaited = !voided && expression.type === 'AwaitExpression';
  if (awaited) expression = unwrapExpression(expression.argument as Node);
  return isCall(expression) ? { call: expression, awaited, voided } : undefined;
}

/** The statement `[await] call;` (or, with `orVoid`, `void call;`) that runs `call`: the inverse of statementCall. */
export function callStatement(call: Path, forms: CallStatementForms = {}): Path | undefined {
  let top = settledExpression(call).path;
  if (forms.orVoid && top.parent && isVoided(top.parent.node as Node)) top = outermostExpression(top.parent as Path);
  const statement = top.parent as Path | null;
  return statement?.node.type === 'ExpressionStatement' && statementCall(statement.node, forms)?.call === call.node ? statement : undefined;
}

function isVoided(expression: Node): expression is Node & { argument: Node } {
  return expression.type === 'UnaryExpression' && expression.operator === 'void';
}

export function startOf(node: Node): number {
  return node.start ?? 0;
}

export function endOf(node: Node): number {
  return node.end ?? 0;
}

/** The closest function around a path (not the path itself), or undefined at the top level. */
export function enclosingFunction(path: Path): Path | undefined {
  for (let current = path.parent as Path | null; current; current = current.parent as Path | null) {
    if (isFunction(current.node)) return current;
  }
  return undefined;
}

const STATEMENT_LIST_PARENTS = new Set(['Program', 'BlockStatement', 'StaticBlock', 'SwitchCase']);

/** The statement holding `path` that sits directly in a statement list (block, program, case). */
export function enclosingStatement(path: Path): Path {
  let current = path;
  while (current.parent && !STATEMENT_LIST_PARENTS.has((current.parent.node as Node).type)) {
    current = current.parent as Path;
  }
  return current;
}

/** True when `inner` is `outer` or lies inside it. */
export function contains(outer: Node, inner: Node): boolean {
  return startOf(outer) <= startOf(inner) && endOf(inner) <= endOf(outer);
}

/** The statements of a block-like node (block, program, switch case), else undefined. */
export function statementsOf(node: Node): Node[] | undefined {
  if (node.type === 'BlockStatement' || node.type === 'Program' || node.type === 'StaticBlock') return node.body as Node[];
  if (node.type === 'SwitchCase') return node.consequent as Node[];
  return undefined;
}

/**
 * Visits `node` and every node below it, depth first. `visit` returning false skips the children
 * of that node. Used where a Collection would be too heavy (hot paths, plain node trees).
 */
export function walk(node: Node | null | undefined, visit: (node: Node) => boolean | void): void {
  if (!node || typeof node !== 'object' || typeof node.type !== 'string') return;
  if (visit(node) === false) return;
  for (const key of Object.keys(node)) {
    if (key === 'loc' || key === 'extra' || key === 'comments' || key.endsWith('Comments') || key === 'tokens') continue;
    const value = node[key];
    if (Array.isArray(value)) {
      for (const child of value) walk(child as Node, visit);
    } else if (value && typeof value === 'object') {
      walk(value as Node, visit);
    }
  }
}

/** True when some node under `node` satisfies `test`. */
export function some(node: Node, test: (node: Node) => boolean): boolean {
  let found = false;
  walk(node, (n) => {
    if (found) return false;
    if (test(n)) found = true;
    return !found;
  });
  return found;
}

/** `a` in `a`, `a.b[k]`, `a.b(x).c`: the identifier an expression is built on; undefined for `this.x` or `f()()`. */
export function rootIdentifier(path: Path): Path | undefined {
  let current = path;
  while (isMember(current.node) || isCall(current.node)) current = current.get(isCall(current.node) ? 'callee' : 'object') as Path;
  return isIdentifier(current.node) ? current : undefined;
}

/** Array methods that call their callback before they return: its body runs while the statement calling them does. */
export const SYNCHRONOUS_CALLBACK_METHODS: ReadonlySet<string> = new Set(['forEach', 'map', 'filter', 'some', 'every', 'find', 'findIndex', 'reduce', 'flatMap']);

/** A callback of `items.map(...)`, `items.forEach(...)`...: it runs while the statement calling it does. */
export function isSynchronousCallback(fn: Path): boolean {
  const call = fn.parent as Path | null;
  return call !== null && isCall(call.node) && (call.node.arguments as Node[])[0] === fn.node && SYNCHRONOUS_CALLBACK_METHODS.has(calleeName(call.node) ?? '') && isMember(call.node.callee as Node);
}

/** A function passed to `.then()`, `.catch()` or `.finally()`: it is handed a promise's outcome, not a caller's argument. */
export function isPromiseCallback(fn: Path): boolean {
  const call = fn.parent as Path | null;
  return call !== null && isCall(call.node) && (call.node.arguments as Node[]).includes(fn.node) && ['then', 'catch', 'finally'].includes(calleeName(call.node) ?? '');
}

/**
 * The name code calls a function by: its own name, its method or property key, the variable it is
 * assigned to, or the member of `exports`/an object it is assigned to. Undefined for anonymous functions.
 */
export function functionName(fn: Path): string | undefined {
  const node = fn.node;
  if (node.id && isIdentifier(node.id as Node)) return (node.id as Node).name as string;
  if ((node.type === 'ClassMethod' || node.type === 'ObjectMethod') && isIdentifier(node.key as Node)) return (node.key as Node).name as string;
  const parent = fn.parent?.node as Node | undefined;
  if (parent?.type === 'VariableDeclarator' && isIdentifier(parent.id as Node)) return (parent.id as Node).name as string;
  if ((parent?.type === 'ObjectProperty' || parent?.type === 'ClassProperty' || parent?.type === 'ClassPrivateProperty') && isIdentifier(parent.key as Node)) return (parent.key as Node).name as string;
  if (parent?.type === 'AssignmentExpression' && isMember(parent.left as Node)) return propertyName(parent.left as Node);
  return undefined;
}

/** `obj.name` for the property `name` of a member expression, else the identifier itself. */
export function namingExpression(identifier: Path): Path {
  const parent = identifier.parent as Path | null;
  return parent && isMember(parent.node) && parent.node.property === identifier.node ? parent : identifier;
}

/** `name(...)` or `obj.name(...)` with `identifier` as the called name. */
export function callOfCallee(identifier: Path): Path | undefined {
  const parent = identifier.parent as Path | null;
  if (!parent) return undefined;
  if (isCall(parent.node) && parent.node.callee === identifier.node) return parent;
  if (isMember(parent.node) && parent.node.property === identifier.node) {
    const call = parent.parent as Path | null;
    if (call && isCall(call.node) && call.node.callee === parent.node) return call;
  }
  return undefined;
}

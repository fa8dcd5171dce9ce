import { calleeName, isCall, isIdentifier, isMember, propertyName, settledExpression, unwrapExpression, type Node, type Path } from '../ast/nodes';

/**
 * `startSession()` calls that start no session a Node program goes on to use, so nothing about
 * them is a lifecycle to fix: a type test's assertion on the call's type, which is only
 * type-checked (tstyche `expect(conn.startSession()).type.toBe<...>()`, tsd
 * `expectType<...>(conn.startSession())`, expect-type `expectTypeOf(...)`), and the MongoDB
 * shell's own sessions in mongosh scripts (`db.getMongo().startSession()`, `new Mongo(uri)`),
 * whose API is synchronous and not Mongoose's.
 */

/** tsd, expect-type and vitest's `assertType`: functions whose argument is only type-checked. */
const TYPE_ASSERTIONS = new Set([
  'expectType', 'expectNotType', 'expectAssignable', 'expectNotAssignable', 'expectError', 'expectDeprecated',
  'expectNotDeprecated', 'expectTypeOf', 'assertType',
]);

/** `call` is a `startSession()` (its receiver `receiver`) of a type test or of the MongoDB shell. */
export function startsNoProgramSession(call: Path, receiver: Path | undefined, initOf: (identifier: Path) => Node | undefined): boolean {
  return isTypeAssertionArgument(call) || (receiver !== undefined && isShellConnection(receiver, initOf));
}

/** The call's value goes straight into a type assertion (through `await`, `as`, `!` and parentheses). */
function isTypeAssertionArgument(call: Path): boolean {
  const current = settledExpression(call).path;
  const parent = current.parent as Path | null;
  if (!parent || !isCall(parent.node) || !(parent.node.arguments as Node[]).includes(current.node)) return false;
  const callee = unwrapExpression(parent.node.callee as Node);
  if (isIdentifier(callee) && TYPE_ASSERTIONS.has(callee.name)) return true;
  // tstyche: `expect(value).type.toBe<T>()`.
  const member = parent.parent?.node as Node | undefined;
  return isIdentifier(callee, 'expect') && member !== undefined && isMember(member) && member.object === parent.node && propertyName(member) === 'type';
}

/** `db.getMongo()`, `new Mongo(uri)`, `Mongo(uri)`, or a variable given one: the shell's connection. */
function isShellConnection(receiver: Path, initOf: (identifier: Path) => Node | undefined): boolean {
  const node = unwrapExpression(receiver.node);
  const made = (value: Node | undefined): boolean => {
    if (!value) return false;
    const inner = unwrapExpression(value);
    if (inner.type === 'NewExpression') return isIdentifier(inner.callee as Node, 'Mongo');
    return isCall(inner) && (calleeName(inner) === 'getMongo' || isIdentifier(inner.callee as Node, 'Mongo'));
  };
  if (made(node)) return true;
  return isIdentifier(node) && made(initOf(receiver));
}

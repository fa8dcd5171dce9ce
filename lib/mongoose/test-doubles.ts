import type { PathIndex } from '../ast/path-index';
import { calleeName, isCall, isFunction, isIdentifier, isMember, outermostExpression, propertyKey, propertyName, rootIdentifier, some, statementsOf, unwrapExpression, type Node, type Path } from '../ast/nodes';
import { ASYNC_LIFECYCLE, SESSION_FACTORY, SYNC_LIFECYCLE } from './api';

/**
 * Test doubles of Mongoose's sessions (jest, vitest, sinon, testdouble, @golevelup/ts-jest and
 * jest-mock-extended spellings): a value a mock gives is not a session, and a `startSession()`
 * that a test replaced does not start one. Nothing may end, guard or await such a value, and no
 * finding may say it is never ended: the test counts the calls its code under test makes.
 */

/** Libraries whose functions make doubles: `jest.fn()`, `vi.spyOn(...)`, `sinon.stub()`, `td.func()`. */
const MOCK_LIBRARIES = new Set(['jest', 'vi', 'sinon', 'td']);
/** Functions that make a double on their own: `createMock<T>()`, `mock<T>()`, `mockDeep<T>()`. */
const MOCK_FACTORIES = new Set(['createMock', 'mock', 'mockDeep', 'mockFn', 'stub', 'spy', 'fake']);
/** Methods that configure a double: `.mockResolvedValue(x)`, `.resolves(x)`, `.callsFake(f)`. */
const MOCK_METHODS = new Set([
  'mockResolvedValue', 'mockResolvedValueOnce', 'mockReturnValue', 'mockReturnValueOnce', 'mockImplementation',
  'mockImplementationOnce', 'mockRejectedValue', 'mockRejectedValueOnce', 'mockReturnThis', 'mockName',
  'resolves', 'rejects', 'returns', 'callsFake', 'withArgs', 'returnsThis',
]);
/** Calls that replace a method of an object with a double: `jest.spyOn(conn, 'startSession')`, `sinon.stub(conn, 'startSession')`. */
const REPLACING = new Set(['spyOn', 'stub', 'replace', 'replaceGetter']);

const SESSION_METHODS = new Set([...ASYNC_LIFECYCLE, ...SYNC_LIFECYCLE, SESSION_FACTORY]);

/** `jest.fn()`, `vi.fn().mockResolvedValue(s)`, `sinon.stub().resolves(s)`, `createMock<ClientSession>()` (through `as`, `!`, `await`). */
export function isTestDouble(node: Node | null | undefined): boolean {
  if (!node) return false;
  let value = unwrapExpression(node);
  if (value.type === 'AwaitExpression') value = unwrapExpression(value.argument as Node);
  if (value.type === 'ObjectExpression') return isFakeObject(value);
  if (!isCall(value)) return false;
  const callee = unwrapExpression(value.callee);
  if (isIdentifier(callee)) return MOCK_FACTORIES.has(callee.name);
  if (!isMember(callee)) return false;
  const object = unwrapExpression(callee.object);
  if (isIdentifier(object) && MOCK_LIBRARIES.has(object.name)) return true;
  return MOCK_METHODS.has(propertyName(callee) ?? '') || isTestDouble(object);
}

/** `{ startTransaction: jest.fn(), endSession: jest.fn() }`: an object whose session methods are doubles. */
function isFakeObject(object: Node): boolean {
  return (object.properties as Node[]).some((p) => {
    if (p.type !== 'ObjectProperty' && p.type !== 'ObjectMethod') return false;
    const key = p.key as Node;
    const name = (key.name ?? key.value) as string | undefined;
    return name !== undefined && SESSION_METHODS.has(name) && (p.type === 'ObjectMethod' || isTestDouble(p.value as Node) || isFunction(p.value as Node));
  });
}

/** A place a test replaces a `startSession`: the receiver as source text without spaces (`*` for a fake object's), and the replacing code. */
export interface FactoryReplacement {
  owner: string;
  at: Path;
}

/**
 * Where the file replaces a `startSession`: `mongoose.startSession = jest.fn()...`,
 * `conn.startSession.mockResolvedValue(s)`, `jest.spyOn(mongoose.connection, 'startSession')`,
 * `sinon.stub(Model, 'startSession')`, and (owner `*`) a fake connection or model object
 * `{ startSession: jest.fn().mockResolvedValue(s) }`.
 */
export function sessionFactoryReplacements(index: PathIndex, source: string, method = SESSION_FACTORY): FactoryReplacement[] {
  const out: FactoryReplacement[] = [];
  const textOf = (node: Node) => source.slice(node.start ?? 0, node.end ?? 0).replace(/\s+/g, '');
  const factoryOwner = (node: Node): Node | undefined => {
    const member = unwrapExpression(node);
    return isMember(member) && propertyName(member) === method ? (member.object as Node) : undefined;
  };
  for (const path of index.of('AssignmentExpression')) {
    const owner = factoryOwner(path.node.left as Node);
    const value = path.node.right as Node;
    if (owner && (isTestDouble(value) || isFunction(value))) out.push({ owner: textOf(owner), at: path });
  }
  for (const call of index.calls()) {
    const callee = unwrapExpression(call.node.callee as Node);
    const name = calleeName(call.node);
    if (isMember(callee) && MOCK_METHODS.has(name ?? '')) {
      const owner = factoryOwner(callee.object as Node);
      if (owner) out.push({ owner: textOf(owner), at: call });
    }
    const replaced = replacedMethod(call);
    if (replaced?.method === method) out.push({ owner: textOf(replaced.owner), at: call });
  }
  for (const property of index.of('ObjectProperty', 'ObjectMethod')) {
    if ((property.node.key as Node | undefined) === undefined || property.node.computed) continue;
    const key = property.node.key as Node;
    if ((key.name ?? key.value) !== method) continue;
    if (property.node.type === 'ObjectMethod' || isTestDouble(property.node.value as Node) || isFunction(property.node.value as Node)) out.push({ owner: '*', at: property });
  }
  return out.sort((a, b) => (a.at.node.start ?? 0) - (b.at.node.start ?? 0));
}

/** What a call puts a double on: `jest.spyOn(conn, 'startSession')`, `sinon.stub(Model, 'startSession')`, `sandbox.replace(obj, 'm', fake)`. */
function replacedMethod(call: Path): { owner: Node; method: string; callsThrough: boolean } | undefined {
  const callee = unwrapExpression(call.node.callee as Node);
  const name = calleeName(call.node);
  const args = call.node.arguments as Node[];
  const replaced = args[1] ? unwrapExpression(args[1]) : undefined;
  if (!REPLACING.has(name ?? '') || !isMember(callee) || !isIdentifier(unwrapExpression(callee.object as Node)) || replaced?.type !== 'StringLiteral') return undefined;
  // A spy runs the function it watches until it is told what to do instead.
  return { owner: args[0]!, method: replaced.value as string, callsThrough: name === 'spyOn' };
}

/** The receivers (as source text without spaces) whose `startSession` (or `method`) the file replaces, as `sessionFactoryReplacements` finds them. */
export function replacedSessionFactories(index: PathIndex, source: string, method = SESSION_FACTORY): Set<string> {
  return new Set(sessionFactoryReplacements(index, source, method).map((r) => r.owner).filter((owner) => owner !== '*'));
}

/** `jest.mock('mongoose')`, `vi.mock('mongoose', () => ...)`: the call that makes every export of the module a double. */
export function moduleMock(index: PathIndex, module: string): Path | undefined {
  return moduleMocks(index).find((mock) => mock.module === module)?.at;
}

/** The modules a test file replaces with doubles (`jest.mock('../db/session')`), as it writes them. */
export function mockedModules(index: PathIndex): string[] {
  return moduleMocks(index).map((mock) => mock.module);
}

function moduleMocks(index: PathIndex): Array<{ module: string; at: Path }> {
  return index.calls().flatMap((call) => {
    const callee = unwrapExpression(call.node.callee as Node);
    const arg = (call.node.arguments as Node[])[0];
    const library = isMember(callee) ? unwrapExpression(callee.object) : undefined;
    return propertyName(callee) === 'mock' && isIdentifier(library) && MOCK_LIBRARIES.has(library.name) && arg?.type === 'StringLiteral' ? [{ module: arg.value as string, at: call }] : [];
  });
}

/** Whether the file replaces every export of the module with a double. */
export function mocksModule(index: PathIndex, module: string): boolean {
  return moduleMock(index, module) !== undefined;
}

/** Object literals that stand in for a session (`{ startTransaction: jest.fn(), commitTransaction: jest.fn() }`). */
export function fakeSessions(index: PathIndex): Path[] {
  return index.of('ObjectExpression').filter((object) => isFakeObject(object.node) && !hasKey(object.node, SESSION_FACTORY));
}

/** The property of an object literal named `key`, if any. */
export function propertyNamed(object: Node, key: string): Node | undefined {
  return (object.properties as Node[]).find((p) => (p.type === 'ObjectProperty' || p.type === 'ObjectMethod') && !p.computed && (((p.key as Node).name ?? (p.key as Node).value) as string | undefined) === key);
}

function hasKey(object: Node, key: string): boolean {
  return propertyNamed(object, key) !== undefined;
}

/** An assertion on how a session method was called: `expect(session.commitTransaction).toHaveBeenCalled()`, `sinon.assert.calledOnce(s.endSession)`. */
export interface SessionCallCheck {
  method: string;
  at: Path;
}

/** Assertions in the file about calls of session methods (and of `startSession`), in source order. */
export function sessionCallChecks(index: PathIndex): SessionCallCheck[] {
  const out: SessionCallCheck[] = [];
  for (const call of index.calls()) {
    const callee = unwrapExpression(call.node.callee as Node);
    const asserting = isIdentifier(callee, 'expect') || (isMember(callee) && isMember(unwrapExpression(callee.object)) && propertyName(unwrapExpression(callee.object)) === 'assert');
    if (!asserting) continue;
    const checked = (call.node.arguments as Node[])[0];
    const member = checked ? unwrapExpression(checked) : undefined;
    const method = member && isMember(member) ? propertyName(member) : undefined;
    if (method && SESSION_METHODS.has(method)) out.push({ method, at: call });
  }
  return out;
}

/** Every value a variable is given (its initialiser and `x = value` assignments) is a test double. */
export function holdsOnlyDoubles(values: readonly Path[]): boolean {
  return values.length > 0 && values.every((value) => isTestDouble(value.node));
}

/** Roots of assertion calls: `assert.rejects(...)`, `expect(...)`, `should(...)`, `chai.expect(...)`. */
const ASSERTIONS = new Set(['assert', 'expect', 'should', 'chai']);

/**
 * Test code that checks what a call does as written (`assert.rejects(Model.create(docs, { session }))`,
 * `expect(() => ...).toThrow()`): changing the call would change what the test checks.
 */
export function insideAssertion(call: Path): boolean {
  for (let current = call.parent as Path | null; current; current = current.parent as Path | null) {
    // Out of a block only when it is the body of a callback handed to a call: `assert.rejects(async () => { ... })`.
    if (statementsOf(current.node) && !(isFunction(current.parent?.node as Node) && isCall(current.parent?.parent?.node as Node))) return false;
    if (!isCall(current.node)) continue;
    const root = rootIdentifier(current.get('callee') as Path);
    if (root && ASSERTIONS.has(root.node.name as string)) return true;
  }
  return false;
}

/** Matchers that only a double can satisfy: `toHaveBeenCalled`, `toBeCalledWith`, `toHaveReturned`... */
const CALL_RECORD_MATCHERS = /^(toHaveBeenCalled|toBeCalled|toHaveBeenLastCalledWith|lastCalledWith|toHaveBeenNthCalledWith|nthCalledWith|toHaveReturned|toReturn|toHaveLastReturnedWith|lastReturnedWith|toHaveNthReturnedWith|nthReturnedWith)/;
/** Members only a double has: what configures it (`mockResolvedValue`, `resolves`), its record of calls (`mock.calls`), its resets. */
const DOUBLE_MEMBERS = new Set([...MOCK_METHODS, 'mock', 'mockClear', 'mockReset', 'mockRestore']);
/** What a spy is given to run instead of the function it watches (a bare `jest.spyOn` calls the function itself). */
const IMPLEMENTING = new Set(['mockResolvedValue', 'mockResolvedValueOnce', 'mockReturnValue', 'mockReturnValueOnce', 'mockImplementation', 'mockImplementationOnce', 'mockRejectedValue', 'mockRejectedValueOnce', 'mockReturnThis']);

/**
 * A test puts a double in place of the function `named` names (`helpers.abortTransaction =
 * jest.fn()`), configures the double a module mock put there (`(commitAndEnd as
 * jest.Mock).mockResolvedValue(x)`, `jest.mocked(abortAndEnd)`), or reads a double's record of
 * calls (`expect(helpers.abortTransaction).toHaveBeenCalled()`): none calls the function or hands
 * it to code that could.
 */
export function replacedOrCheckedAsDouble(named: Path): boolean {
  const parent = named.parent as Path | null;
  if (parent?.node.type === 'AssignmentExpression') return parent.node.left === named.node && parent.node.operator === '=' && isTestDouble(parent.node.right as Node);
  const value = outermostExpression(named);
  const user = value.parent as Path | null;
  if (!user) return false;
  if (isMember(user.node)) return user.node.object === value.node && DOUBLE_MEMBERS.has(propertyName(user.node) ?? '');
  if (!isCall(user.node) || (user.node.arguments as Node[])[0] !== value.node) return false;
  const callee = unwrapExpression(user.node.callee as Node);
  if (isRetyping(callee)) return true;
  if (!isIdentifier(callee, 'expect')) return false;
  let matcher = user.parent as Path | null;
  while (matcher && isMember(matcher.node) && propertyName(matcher.node) === 'not') matcher = matcher.parent as Path | null;
  const call = matcher?.parent as Path | null | undefined;
  return matcher != null && isMember(matcher.node) && CALL_RECORD_MATCHERS.test(propertyName(matcher.node) ?? '') && call != null && isCall(call.node) && call.node.callee === matcher.node;
}

/** `jest.mocked`, `vi.mocked`, ts-jest's `mocked`: they give back the double they are handed, typed as one. */
function isRetyping(callee: Node): boolean {
  if (isIdentifier(callee, 'mocked')) return true;
  const library = isMember(callee) ? unwrapExpression(callee.object) : undefined;
  return propertyName(callee) === 'mocked' && isIdentifier(library) && MOCK_LIBRARIES.has(library.name);
}

/**
 * The file puts a double in place of the function `name`, so there its body never runs:
 * `helpers.abortTransaction = jest.fn()`, a spy given what to do instead
 * (`jest.spyOn(service, 'abortAndEnd').mockResolvedValue()`), `sinon.stub(helpers, 'abortAndEnd')`,
 * a stand-in object (`{ abortAndEnd: jest.fn() }`, a NestJS provider's `useValue`), or a mock of
 * the module that declares it (`isItsModule` tells which specifiers name that module) whose
 * factory does not keep the real function through `requireActual`.
 */
export function replacesWithDouble(index: PathIndex, name: string, isItsModule: (specifier: string) => boolean): boolean {
  const assigned = index.of('AssignmentExpression').some((assignment) => {
    const left = unwrapExpression(assignment.node.left as Node);
    return isMember(left) && propertyName(left) === name && isTestDouble(assignment.node.right as Node);
  });
  if (assigned || index.calls().some((call) => replacingCall(call, name))) return true;
  const standIn = index.of('ObjectProperty').some((property) => !property.node.computed && propertyKey(property.node) === name && isTestDouble(property.node.value as Node));
  return standIn || moduleMocks(index).some((mock) => isItsModule(mock.module) && !keepsReal(mock.at, name));
}

/** `jest.spyOn(obj, 'name').mockResolvedValue(x)`, `sinon.stub(obj, 'name')`, `sinon.replace(obj, 'name', fake)`. */
function replacingCall(call: Path, name: string): boolean {
  const replaced = replacedMethod(call);
  if (replaced?.method !== name) return false;
  if (!replaced.callsThrough) return true;
  const member = call.parent as Path | null;
  return member !== null && isMember(member.node) && member.node.object === call.node && IMPLEMENTING.has(propertyName(member.node) ?? '');
}

/** `jest.mock('./helpers', () => ({ ...jest.requireActual('./helpers'), other: jest.fn() }))`: `name` stays the real one. */
function keepsReal(mock: Path, name: string): boolean {
  const factory = (mock.node.arguments as Node[])[1];
  if (!factory) return false;
  const actual = some(factory, (n) => isCall(n) && ['requireActual', 'importActual'].includes(calleeName(n) ?? ''));
  return actual && !some(factory, (n) => n.type === 'ObjectProperty' && propertyKey(n) === name);
}

import { calleeName, enclosingFunction, functionName, isCall, isIdentifier, isMember, propertyName, unwrapAwaitedPath, unwrapPath, type Node, type Path } from '../ast/nodes';
import type { MongooseAnalysis, SessionCreation } from './analysis';
import { calledFunction } from './callees';
import { mockedModules, sessionFactoryReplacements } from './test-doubles';
import type { ProjectView } from './project-view';

/**
 * A function of the project that hands out a new session: it starts one and returns it
 * (`return session`, `return X.startSession()`), or returns it in an object (`return { session,
 * useTransaction }`). Its caller owns the session, as if it had called `startSession()` itself.
 */
export interface SessionFactory {
  /** How the factory is called by name, for findings. */
  name: string;
  /** The `startSession()` inside it. */
  inner: SessionCreation;
  /** `return { session, ... }`: the property of the returned object that holds the session. */
  property: string | undefined;
  /** The factory also starts the transaction on the session before returning it. */
  startsTransaction: boolean;
  /** `return getTxSession()`: the factory (of this file or another) whose session this one passes on. */
  via?: SessionFactory & { analysis: MongooseAnalysis; fn: Path };
}

/** `fn` as a session factory, or undefined. Every `return` of the function hands out the same new session. */
export function detectFactory(analysis: MongooseAnalysis, fn: Path): SessionFactory | undefined {
  const returned = returnedValues(analysis, fn);
  if (returned.length === 0) return undefined;
  let found: Handed | undefined;
  for (const value of returned) {
    const handed = handedOut(analysis, fn, value);
    if (!handed || (found && (handed.inner.call.node !== found.inner.call.node || handed.property !== found.property))) return undefined;
    found = handed;
  }
  const name = functionName(fn);
  if (!found || !name) return undefined;
  const session = found.session;
  const uses = session ? analysis.bindings.referencesIn(fn, session).map((ref) => lifecycleOf(ref)) : [];
  // A function that ends what it returns, or commits it, is not handing out a fresh session.
  if (uses.some((method) => method === 'endSession' || method === 'commitTransaction' || method === 'abortTransaction')) return undefined;
  const startsTransaction = found.via?.startsTransaction === true || uses.includes('startTransaction');
  return { name, inner: found.inner, property: found.property, startsTransaction, ...(found.via ? { via: found.via } : {}) };
}

/** What a returned value hands out: the creation (for a relay, the call of the other factory), where it is kept, and whether the other factory started the transaction. */
interface Handed {
  inner: SessionCreation;
  property: string | undefined;
  session: Node | undefined;
  via?: SessionFactory & { analysis: MongooseAnalysis; fn: Path };
}

/** The creation is the session its function hands out (the function is a factory): its callers own it, not that function. */
export function handedOutByItsFunction(analysis: MongooseAnalysis, creation: SessionCreation): boolean {
  const fn = enclosingFunction(creation.call);
  return fn !== undefined && analysis.factoryOf(fn)?.inner.call.node === creation.call.node;
}

/** The expressions the function returns (its arrow body, or each `return <value>` of its own); `return;` makes it no factory. */
export function returnedValues(analysis: MongooseAnalysis, fn: Path): Path[] {
  const body = fn.get('body') as Path;
  if (body.node.type !== 'BlockStatement') return [body];
  const returns = analysis.index.within(fn.node, 'ReturnStatement').filter((r) => enclosingFunction(r)?.node === fn.node);
  if (returns.some((r) => !r.node.argument)) return [];
  return returns.map((r) => r.get('argument') as Path);
}

/** The new session a returned value hands out: the creation itself, the variable it was stored in, or `{ session }`. */
function handedOut(analysis: MongooseAnalysis, fn: Path, value: Path): Handed | undefined {
  const path = unwrapAwaitedPath(value);
  if (path.node.type === 'ObjectExpression') {
    const properties = path.node.properties as Node[];
    const index = properties.findIndex((p) => p.type === 'ObjectProperty' && !p.computed && ((p.key as Node).name ?? (p.key as Node).value) === 'session');
    if (index === -1) return undefined;
    const inner = handedOut(analysis, fn, path.get('properties', index, 'value') as Path);
    return inner && !inner.property ? { ...inner, property: 'session' } : undefined;
  }
  const direct = analysis.ownCreations().find((c) => c.call.node === path.node);
  if (direct && enclosingFunction(direct.call)?.node === fn.node) return { inner: direct, property: undefined, session: undefined };
  const relay = relayedCreation(analysis, path);
  if (relay) return { ...relay, property: undefined, session: undefined };
  if (!isIdentifier(path.node)) return undefined;
  const declaration = analysis.bindings.declarationOf(path);
  const inner = analysis.ownCreations().find((c) => enclosingFunction(c.call)?.node === fn.node && analysis.bindingOf(c)?.declaration === declaration);
  if (inner && declaration) return { inner, property: undefined, session: declaration };
  // `const session = await getTxSession(); session.startTransaction(); return session;`
  const origin = declaration ? analysis.bindings.originOf(declaration) : undefined;
  const declarator = origin?.kind === 'variable' && origin.declarator.node.id === declaration && origin.declarator.node.init ? origin.declarator : undefined;
  const kept = declarator && enclosingFunction(declarator)?.node === fn.node ? relayedCreation(analysis, declarator.get('init') as Path) : undefined;
  return kept && declaration ? { ...kept, property: undefined, session: declaration } : undefined;
}

/**
 * `getTxSession()` (awaited or not) where that is a plain session factory of the project (this
 * file or one it loads): the function passes on the session the other one hands out. Its `inner`
 * is that call, so what holds for a factory's own `startSession()` holds for it.
 */
function relayedCreation(analysis: MongooseAnalysis, value: Path): Pick<Handed, 'inner' | 'via'> | undefined {
  const call = unwrapAwaitedPath(value);
  if (!isCall(call.node)) return undefined;
  const target = calledFunction(analysis, call, { syntaxOnly: true });
  const factory = target && target.analysis.factoryOf(target.fn);
  if (!factory || factory.property) return undefined;
  return { inner: { call, kind: factory.inner.kind, receiver: undefined }, via: { ...factory, analysis: target.analysis, fn: target.fn } };
}

/** `session.<method>(...)`: the method; undefined for any other use. */
function lifecycleOf(ref: Path): string | undefined {
  const member = ref.parent as Path | null;
  const call = member?.parent as Path | null;
  if (!member || !isMember(member.node) || member.node.object !== ref.node || !call || call.node.callee !== member.node) return undefined;
  return propertyName(member.node);
}

/**
 * A test among the files that load the caller replaces the factory with a double
 * (`helper.startTransaction = jest.fn()...`, `jest.spyOn(helper, 'startTransaction')`,
 * `jest.mock('../util/helper')`): there the code gets a stand-in, not a session, and calls added to
 * end or guard it could fail the test. That test file, with the factory it replaces (for a relay,
 * possibly the one it calls), or undefined.
 */
export function factoryDoubledBy(project: ProjectView, factory: Pick<NonNullable<SessionCreation['factory']>, 'name' | 'analysis' | 'via'>): { test: string; factory: string } | undefined {
  // A test that only spies (`jest.spyOn(tx, 'start')`, which still runs the factory) is named when no test replaces it outright.
  let spiedBy: string | undefined;
  for (const file of project.filesMentioning(factory.name)) {
    const test = project.analysisOf(file);
    // `exports.startTransaction = async function () {...}` defines the factory; it replaces nothing.
    if (!test || test === factory.analysis) continue;
    if (mockedModules(test.index).some((specifier) => test.links.moduleAt(specifier) === factory.analysis)) return { test: file, factory: factory.name };
    const replacements = sessionFactoryReplacements(test.index, test.source, factory.name).filter((r) => r.owner !== '*');
    if (replacements.some((r) => !onlySpies(r.at))) return { test: file, factory: factory.name };
    if (replacements.length > 0) spiedBy ??= file;
  }
  // A relay hands out what the factory it calls gives, a stand-in wherever a test replaces that one.
  const inner = factory.via && factoryDoubledBy(project, factory.via);
  return inner ?? (spiedBy === undefined ? undefined : { test: spiedBy, factory: factory.name });
}

/** `jest.spyOn(helper, 'start')` on its own: the spy records the calls and still runs the function. */
function onlySpies(replacement: Path): boolean {
  const call = replacement.node;
  if (!isCall(call) || calleeName(call) !== 'spyOn') return false;
  const parent = replacement.parent?.node as Node | undefined;
  return !(parent && isMember(parent) && parent.object === call);
}

/**
 * Whether a function of this file that hands out sessions is needed once the calls that take a
 * session from it become transaction(), which does not call it: other files can call it (exported,
 * a method that is not private), or this file uses it otherwise. Else converting its callers
 * would leave it unused, which noUnusedLocals and no-unused-vars reject.
 */
export function outlivesItsSessions(analysis: MongooseAnalysis, fn: Path): boolean {
  const sessionCalls = new Set(analysis.sessionCreations().map((c) => (isCall(c.call.node) ? unwrapPath(c.call.get('callee') as Path).node : undefined)));
  const node = fn.node;
  if (node.type === 'ClassMethod') {
    if (node.accessibility !== 'private') return true;
    const name = functionName(fn);
    return analysis.index.of('MemberExpression').some((m) => propertyName(m.node) === name && !sessionCalls.has(m.node));
  }
  const declarator = fn.parent?.node.type === 'VariableDeclarator' ? (fn.parent as Path) : undefined;
  const declaration = node.type === 'FunctionDeclaration' ? (node.id as Node | null) : (declarator?.node.id as Node | undefined);
  if (!declaration || !isIdentifier(declaration)) return true;
  const statement = node.type === 'FunctionDeclaration' ? fn : (declarator!.parent as Path);
  if (/^Export/.test((statement.parent?.node as Node | undefined)?.type ?? '')) return true;
  return analysis.bindings.referencesIn(analysis.root.get() as Path, declaration).some((ref) => !sessionCalls.has(ref.node));
}

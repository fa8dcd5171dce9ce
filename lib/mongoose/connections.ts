import { isCall, isIdentifier, isMember, propertyName, type Node, type Path } from '../ast/nodes';
import { decoratorName, findClassMember, unwrapPath, type MongooseAnalysis } from './analysis';

/**
 * The MongoDB client an expression's operations and sessions go through. A session of one client
 * cannot be used on another (`ClientSession must be from the same MongoClient`,
 * docs/mongoose-semantics.md §2.6): `mongoose.createConnection()` opens a client of its own, while
 * `useDb()` and `model()` stay on the connection's.
 */
export type MongoClientIdentity =
  /** The default connection (`mongoose.connection`, `mongoose.model()`, `mongoose.startSession()`). */
  | { kind: 'default' }
  /** A connection this file creates (`const logs = mongoose.createConnection(...)`), by its variable (or the call). */
  | { kind: 'created'; origin: Node }
  /** A NestJS connection injected by name (`@InjectConnection('logs')`, `@InjectModel(Log.name, 'logs')`); '' is Nest's default. */
  | { kind: 'nest'; name: string }
  | { kind: 'unknown' };

/** Calls whose result uses the same client as the object they are called on. */
const SAME_CLIENT = new Set(['model', 'useDb', 'asPromise', 'openUri', 'startSession', 'getClient']);

/** The client of a connection, model, session-creating receiver or `mongoose` expression, as far as this file tells. */
export function clientOf(analysis: MongooseAnalysis, path: Path, depth = 0): MongoClientIdentity {
  const inner = unwrapPath(path);
  const node = inner.node;
  if (depth > 8) return { kind: 'unknown' };
  if (node.type === 'AwaitExpression') return clientOf(analysis, inner.get('argument') as Path, depth + 1);
  if (isIdentifier(node)) return identifierClient(analysis, inner, depth);
  if (isMember(node)) return memberClient(analysis, inner, depth);
  if (isCall(node)) return callClient(analysis, inner, undefined, depth);
  return { kind: 'unknown' };
}

/** Whether two clients are known to differ; unknown ones never are. */
export function differentClients(a: MongoClientIdentity, b: MongoClientIdentity): boolean {
  if (a.kind === 'unknown' || b.kind === 'unknown') return false;
  if (a.kind === 'nest' || b.kind === 'nest') return a.kind === 'nest' && b.kind === 'nest' && a.name !== b.name;
  if (a.kind === 'default' || b.kind === 'default') return a.kind !== b.kind;
  return a.origin !== b.origin;
}

function identifierClient(analysis: MongooseAnalysis, path: Path, depth: number): MongoClientIdentity {
  const name = path.node.name as string;
  if (analysis.imports.mongooseModule.has(name)) return { kind: 'default' };
  if (['connection', 'model', 'startSession'].includes(analysis.imports.mongooseNamed.get(name) ?? '')) return { kind: 'default' };
  const declaration = analysis.bindings.declarationOf(path);
  const origin = declaration ? analysis.bindings.originOf(declaration) : undefined;
  if (origin?.kind !== 'variable' || origin.declarator.node.id !== declaration || !origin.declarator.node.init) return { kind: 'unknown' };
  const init = unwrapPath(origin.declarator.get('init') as Path);
  const value = init.node.type === 'AwaitExpression' ? unwrapPath(init.get('argument') as Path) : init;
  if (isCall(value.node)) return callClient(analysis, value, declaration, depth + 1);
  return clientOf(analysis, value, depth + 1);
}

function memberClient(analysis: MongooseAnalysis, path: Path, depth: number): MongoClientIdentity {
  const name = propertyName(path.node);
  const object = path.get('object') as Path;
  if (object.node.type === 'ThisExpression') return name ? injectedClient(path, name) : { kind: 'unknown' };
  if (name === 'connection' && analysis.kindOf(object) === 'mongoose') return { kind: 'default' };
  if (name === 'db' && analysis.kindOf(object) === 'model') return clientOf(analysis, object, depth + 1);
  return { kind: 'unknown' };
}

/** `declaration`: the variable the call's value is kept in, which names a connection it creates. */
function callClient(analysis: MongooseAnalysis, path: Path, declaration: Node | undefined, depth: number): MongoClientIdentity {
  const callee = unwrapPath(path.get('callee') as Path);
  const method = isMember(callee.node) ? propertyName(callee.node) : isIdentifier(callee.node) ? analysis.imports.mongooseNamed.get(callee.node.name) : undefined;
  const receiver = isMember(callee.node) ? (callee.get('object') as Path) : undefined;
  if (method === 'createConnection' && (!receiver || analysis.kindOf(receiver) === 'mongoose')) {
    // Every createConnection() opens a client of its own; chained calls (`.asPromise()`) keep it.
    return { kind: 'created', origin: declaration ?? path.node };
  }
  if (!receiver && (method === 'model' || method === 'startSession')) return { kind: 'default' };
  if (receiver && method && SAME_CLIENT.has(method)) {
    const inner = unwrapPath(receiver);
    if (isCall(inner.node)) return callClient(analysis, inner, declaration, depth + 1);
    return clientOf(analysis, inner, depth + 1);
  }
  return { kind: 'unknown' };
}

/** `this.connection` / `this.orderModel` of a NestJS class: the connection name its decorator gives. */
function injectedClient(path: Path, name: string): MongoClientIdentity {
  const member = findClassMember(path, name);
  for (const decorator of (member?.decorators as Node[] | undefined) ?? []) {
    const which = decoratorName(decorator);
    if (which !== 'InjectConnection' && which !== 'InjectModel') continue;
    const args = isCall(decorator.expression as Node) ? ((decorator.expression as Node).arguments as Node[]) : [];
    const nameArg = args[which === 'InjectConnection' ? 0 : 1];
    if (nameArg === undefined) return { kind: 'nest', name: '' };
    return nameArg.type === 'StringLiteral' ? { kind: 'nest', name: nameArg.value as string } : { kind: 'unknown' };
  }
  return { kind: 'unknown' };
}

import semver from 'semver';
import { isCall, isIdentifier, type Path } from '../ast/nodes';
import type { MongooseVersion } from '../facts/project';
import type { ProjectView } from './project-view';
import type { MongooseInstance } from './als-detection';
import { unwrapPath, type MongooseAnalysis } from './analysis';
import { DOCUMENT_RESULTS, MODEL_OPERATIONS } from './api';
import { callChain, type CallChain } from './operations';

/**
 * Which Mongoose versions let `transactionAsyncLocalStorage` put operations in a
 * `connection.transaction()` (docs/mongoose-semantics.md §2.1, §2.4).
 */
export const ALS_FLOOR_DESCRIPTION = '8.4.0 or later, or 7.8.x';

/** Operations whose ALS support came later than the feature itself; `undefined` on 7.x means never. */
const LATER_FLOORS: Record<string, { v8: string; v7: string | undefined }> = {
  insertMany: { v8: '8.5.1', v7: '7.8.0' },
  aggregateCursor: { v8: '8.9.2', v7: undefined },
  connectionBulkWrite: { v8: '8.9.0', v7: undefined },
};

export type AlsFeature = keyof typeof LATER_FLOORS | 'base';

/** True when the version (a missing package.json counts as current) supports ALS for `feature`. */
export function versionSupportsAls(mongoose: MongooseVersion, feature: AlsFeature = 'base'): boolean {
  if (mongoose.version === undefined) return mongoose.assumedCurrent;
  const version = mongoose.version;
  const major = semver.major(version);
  if (major === 7) {
    if (semver.lt(version, '7.8.0')) return false;
    return feature === 'base' || LATER_FLOORS[feature]?.v7 !== undefined;
  }
  if (major < 7 || semver.lt(version, '8.4.0')) return false;
  return feature === 'base' || semver.gte(version, LATER_FLOORS[feature]!.v8);
}

/** AsyncLocalStorage mode is on for the default Mongoose instance and the version supports it. */
export function alsActive(project: ProjectView): boolean {
  return alsOnFor(project, { kind: 'default' });
}

/** Some instance this file can reach has AsyncLocalStorage on (a cheap test before parsing). */
export function alsMayApply(project: ProjectView): boolean {
  const mode = project.als();
  return (mode.enabled || mode.instancesOn.length > 0) && versionSupportsAls(project.mongoose());
}

/**
 * Whether AsyncLocalStorage is on for the instance a connection or model comes from. An instance
 * that cannot be traced is taken for the default one, unless the package creates other instances.
 */
export function alsOnFor(project: ProjectView, instance: MongooseInstance): boolean {
  if (!versionSupportsAls(project.mongoose())) return false;
  const mode = project.als();
  if (mode.origin === 'forced') return mode.enabled;
  const resolved = resolveInstance(project, instance);
  if (resolved.kind === 'created') return mode.instancesOn.includes(resolved.name);
  return resolved.kind === 'default' && mode.enabled;
}

/**
 * An operation's model and the transaction's connection share one AsyncLocalStorage: they come
 * from the same instance (untraced ones count as the default instance only in a package that
 * creates no other).
 */
export function sameInstance(project: ProjectView, a: MongooseInstance, b: MongooseInstance): boolean {
  const [x, y] = [resolveInstance(project, a), resolveInstance(project, b)];
  if (x.kind === 'unknown' || y.kind === 'unknown') return project.als().origin === 'forced';
  if (x.kind === 'created' || y.kind === 'created') return x.kind === y.kind && (x as { name: string }).name === (y as { name: string }).name;
  return true;
}

function resolveInstance(project: ProjectView, instance: MongooseInstance): MongooseInstance {
  return instance.kind === 'unknown' && project.als().createdInstances.length === 0 ? { kind: 'default' } : instance;
}
/** Model operations that never reach the transaction's session through AsyncLocalStorage. */
const NOT_COVERED = new Set(['createCollection', 'populate', 'remove', 'syncIndexes', 'update', 'where']);

/** Model, query and document operations AsyncLocalStorage gives the transaction's session (§2.4). */
const COVERED = new Set([...[...MODEL_OPERATIONS].filter((name) => !NOT_COVERED.has(name)), 'save']);

/**
 * Whether ALS supplies the session to `method` at this version: `receiver` is what the chain
 * starts on, `cursor` whether the chain ends in `.cursor()`.
 */
export function alsCovers(mongoose: MongooseVersion, method: string, receiver: 'model' | 'document' | 'connection', cursor: boolean): boolean {
  if (receiver === 'connection') return method === 'bulkWrite' && versionSupportsAls(mongoose, 'connectionBulkWrite');
  if (!COVERED.has(method)) return false;
  if (method === 'insertMany' && !versionSupportsAls(mongoose, 'insertMany')) return false;
  if (method === 'aggregate' && cursor && !versionSupportsAls(mongoose, 'aggregateCursor')) return false;
  return versionSupportsAls(mongoose);
}

/**
 * Whether AsyncLocalStorage hands the session of a `connection.transaction()` whose connection
 * belongs to `instance` to the operation `chain` (a model, document or connection call inside the
 * callback): ALS is on for that instance at a version that covers the operation, and the
 * operation's model comes from the same instance. Transforms that add or strip sessions ask this
 * one question, so that neither undoes the other.
 */
export function alsSuppliesSession(project: ProjectView, analysis: MongooseAnalysis, chain: CallChain, instance: MongooseInstance): boolean {
  const method = chain.links[0]?.method;
  if (!method || !chain.root || !alsOnFor(project, instance)) return false;
  const receiver = operationReceiver(analysis, chain.root);
  if (!receiver || !sameInstance(project, operationInstance(analysis, chain.root), instance)) return false;
  const cursor = chain.links.some((l) => l.method === 'cursor');
  return alsCovers(project.mongoose(), method, receiver, cursor);
}

/** `Model.x()`, `doc.x()` (a document loaded or created in this function), `conn.bulkWrite()`; native calls never. */
export function operationReceiver(analysis: MongooseAnalysis, root: Path): 'model' | 'document' | 'connection' | undefined {
  const kind = analysis.kindOf(root);
  if (kind === 'model') return 'model';
  if (kind === 'connection') return 'connection';
  const produced = producerOf(analysis, root);
  if (!produced) return undefined;
  if (produced.node.type === 'NewExpression') return analysis.kindOf(produced.get('callee') as Path) === 'model' ? 'document' : undefined;
  if (!isCall(produced.node)) return undefined;
  const source = callChain(produced);
  return source.root && analysis.kindOf(source.root) === 'model' && DOCUMENT_RESULTS.has(source.links[0]?.method ?? '') ? 'document' : undefined;
}

/** The instance of the model (or connection) an operation runs on; for a document, its model's. */
export function operationInstance(analysis: MongooseAnalysis, root: Path): MongooseInstance {
  const own = analysis.instanceOf(root);
  if (own.kind !== 'unknown') return own;
  const produced = producerOf(analysis, root);
  if (!produced) return own;
  if (produced.node.type === 'NewExpression') return analysis.instanceOf(produced.get('callee') as Path);
  const source = isCall(produced.node) ? callChain(produced).root : undefined;
  return source ? analysis.instanceOf(source) : own;
}

/** `new Order(...)` or `Order.findOne(...)` for a variable declared `const doc = [await] <that>`. */
function producerOf(analysis: MongooseAnalysis, root: Path): Path | undefined {
  if (!isIdentifier(root.node)) return undefined;
  const declaration = analysis.bindings.declarationOf(root);
  const origin = declaration ? analysis.bindings.originOf(declaration) : undefined;
  if (origin?.kind !== 'variable' || !origin.declarator.node.init) return undefined;
  const init = unwrapPath(origin.declarator.get('init') as Path);
  return init.node.type === 'AwaitExpression' ? unwrapPath(init.get('argument') as Path) : init;
}

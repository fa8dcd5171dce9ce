import semver from 'semver';
import type { MongooseVersion } from '../runner/facts/project';
import type { ProjectView } from '../transform';
import { MODEL_OPERATIONS } from './api';

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

/** AsyncLocalStorage mode is on for the project and its Mongoose version supports it. */
export function alsActive(project: ProjectView): boolean {
  return project.als().enabled && versionSupportsAls(project.mongoose());
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

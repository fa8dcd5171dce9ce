import semver from 'semver';
import type { MongooseVersion } from '../facts/project';
import type { MongooseAnalysis } from './analysis';

/** From this version Mongoose's `engines` ask for Node 14.20.1 or later, which parses `a?.b` (Node 12 and older do not). */
const NEEDS_NODE_14 = '7.0.0';

/**
 * Whether code written into the file may use optional chaining (`session?.endSession()`):
 * TypeScript compiles it for its own target, the file already uses it, or the project's
 * Mongoose only runs on a Node that parses it. Otherwise a JavaScript file may run on Node 12 or
 * older, where the new code would not even load: write `if (session) ...` instead.
 */
export function mayWriteOptionalChaining(file: string, analysis: MongooseAnalysis, mongoose: MongooseVersion): boolean {
  if (/\.[cm]?tsx?$/.test(file)) return true;
  if (analysis.index.of('OptionalMemberExpression', 'OptionalCallExpression').length > 0) return true;
  if (mongoose.version === undefined) return mongoose.assumedCurrent;
  const version = semver.coerce(mongoose.version);
  return version !== null && semver.gte(version, NEEDS_NODE_14);
}

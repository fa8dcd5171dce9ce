import type { ProjectView, Transform } from '../../transform';

/**
 * Calls and names only Mongoose transaction code has. A file that does not parse and holds none of
 * them is not a failure of the run: there was nothing to migrate in it.
 */
const TRANSACTION_CODE = /\b(?:startSession|startTransaction|commitTransaction|abortTransaction|withTransaction|endSession)\b|\.transaction\s*\(/;

export function holdsTransactionCode(text: string): boolean {
  return TRANSACTION_CODE.test(text);
}

/**
 * Project facts that never rule a file out, for the text pass over every file before the import
 * graph exists: a transform's own `mightApply` then decides on the text alone.
 */
const ANY_PROJECT: ProjectView = {
  mongoose: () => ({ version: undefined, source: 'text pass', assumedCurrent: true }),
  als: () => ({ enabled: true, origin: 'forced', where: [] }),
  filesMentioning: () => [],
  filesContainingAny: () => [],
  fileMentions: () => false,
  analysisOf: () => undefined,
};

/** Whether the text alone allows one of the transforms to apply. */
export function textMightApply(text: string, transforms: readonly Transform[]): boolean {
  return transforms.some((t) => t.mightApply(text, ANY_PROJECT));
}

/** Why a file is not parsed, for --verbose and the report. */
export type PrefilterVerdict = { parse: true } | { parse: false; reason: string };

/**
 * The prefilter's decision for one file: parsed only when a transform might apply to its text and
 * it can reach Mongoose through its imports (the import graph decides); `project` facts are asked
 * only after both.
 */
export function prefilter(text: string, reachesMongoose: boolean, transforms: readonly Transform[], project: ProjectView): PrefilterVerdict {
  if (!textMightApply(text, transforms)) return { parse: false, reason: 'no Mongoose transaction code' };
  if (!reachesMongoose) return { parse: false, reason: 'cannot reach Mongoose: it loads no mongoose, @nestjs/mongoose or mongodb module, no module that does, and none of those loads it' };
  if (!transforms.some((t) => t.mightApply(text, project))) return { parse: false, reason: 'no Mongoose transaction code' };
  return { parse: true };
}

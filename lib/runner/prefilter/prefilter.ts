import { mentionsSessionWords, TEXT_MIGHT_APPLY } from '../../transform-text';
import type { TransformName } from '../../transform-names';

/**
 * Calls and names only Mongoose transaction code has. A file that does not parse and holds none of
 * them is not a failure of the run: there was nothing to migrate in it.
 */
const TRANSACTION_CODE = /\b(?:startSession|startTransaction|commitTransaction|abortTransaction|withTransaction|endSession)\b|\.transaction\s*\(/;

export function holdsTransactionCode(text: string): boolean {
  return TRANSACTION_CODE.test(text);
}

/** Calls only MongoDB's sessions have: Knex, Sequelize, TypeORM, Prisma, drizzle and Neo4j name theirs otherwise. */
const MONGO_SESSION_CALLS = /\b(?:startSession|withTransaction)\s*\(/;

export function callsMongoSessions(text: string): boolean {
  // Two plain searches rule out most files before the pattern runs.
  return (text.includes('startSession') || text.includes('withTransaction')) && MONGO_SESSION_CALLS.test(text);
}

/** Whether the text alone allows one of the transforms to apply (no transform is loaded to tell). */
export function textMightApply(text: string, transforms: readonly TransformName[]): boolean {
  return mentionsSessionWords(text) && transforms.some((name) => TEXT_MIGHT_APPLY[name](text));
}

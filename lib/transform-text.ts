import type { TransformName } from './transform-names';

/**
 * What a file's text must contain for each transform to have anything to do: the cheap half of
 * each transform's `mightApply`, kept apart from the transforms so that the runner's prefilter
 * can test every file's text without loading any of them.
 */
export const TEXT_MIGHT_APPLY: Readonly<Record<TransformName, (source: string) => boolean>> = {
  // A transaction to put operations in, or a create() given a session.
  'add-missing-session': (source) => source.includes('ransaction') || (source.includes('create') && source.includes('session')),
  // Chains are written `.then(` and, in the Mongoose docs' style, `X().\n  then(`.
  'promise-chain-to-transaction': (source) => source.includes('startSession') && /\bthen\s*\(/.test(source),
  // The session may come from a factory of the project (`await this.walletRepo.sessionStart()`), which names no startSession.
  'manual-to-transaction': (source) => source.includes('startTransaction') || source.includes('withTransaction'),
  'add-missing-await': (source) => /[Tt]ransaction\b|withSession|endSession|\bsess(ion)?\b|[a-z]Session\b/.test(source),
  // A session handed out by a factory of the project (`await repo.openSession()`, `dbTransactions.start()`) names neither.
  'hoist-end-session': (source) => mentionsSessionWords(source),
  'strip-als-session': (source) => source.includes('session'),
};

/**
 * Every test above needs one of these words: a text without any of them is ruled out by three
 * plain searches (most files of a tree are), before any pattern runs.
 */
export function mentionsSessionWords(source: string): boolean {
  return source.includes('sess') || source.includes('Session') || source.includes('ransaction');
}

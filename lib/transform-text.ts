import type { TransformName } from './types';

/**
 * What a file's text must contain for each transform to have anything to do: the cheap half of
 * each transform's `mightApply`, kept apart from the transforms so that the runner's prefilter
 * can test every file's text without loading any of them.
 */
export const TEXT_MIGHT_APPLY: Readonly<Record<TransformName, (source: string) => boolean>> = {
  'promise-chain-to-transaction': (source) => source.includes('startSession') && source.includes('.then('),
  'add-missing-await': (source) => /[Tt]ransaction\b|withSession|endSession|\bsess(ion)?\b|[a-z]Session\b/.test(source),
  'hoist-end-session': (source) => source.includes('endSession') || source.includes('startSession'),
  'strip-als-session': (source) => source.includes('session'),
};

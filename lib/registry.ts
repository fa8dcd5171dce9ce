import { addMissingAwait } from '../transforms/add-missing-await';
import { hoistEndSession } from '../transforms/hoist-end-session';
import { manualToTransaction } from '../transforms/manual-to-transaction';
import { promiseChainToTransaction } from '../transforms/promise-chain-to-transaction';
import { stripAlsSession } from '../transforms/strip-als-session';
import { UsageError } from './errors';
import type { Transform } from './transform';
import { PIPELINE_ORDER } from './types';

/** Every implemented transform, in pipeline order. */
export const TRANSFORMS: readonly Transform[] = [promiseChainToTransaction, manualToTransaction, addMissingAwait, hoistEndSession, stripAlsSession].sort(
  (a, b) => PIPELINE_ORDER.indexOf(a.name) - PIPELINE_ORDER.indexOf(b.name),
);

/** The transforms to run, in pipeline order whatever order they were asked in. */
export function selectTransforms(names: readonly string[] | undefined): Transform[] {
  if (names === undefined || names.length === 0) return [...TRANSFORMS];
  const known = new Map(TRANSFORMS.map((t) => [t.name as string, t]));
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length > 0) {
    throw new UsageError(
      `unknown transform${unknown.length === 1 ? '' : 's'} ${unknown.map((n) => `"${n}"`).join(', ')}; valid transforms: ${TRANSFORMS.map((t) => t.name).join(', ')}`,
    );
  }
  return TRANSFORMS.filter((t) => names.includes(t.name));
}

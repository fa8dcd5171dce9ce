import { addMissingAwait } from '../transforms/add-missing-await';
import { addMissingSession } from '../transforms/add-missing-session';
import { hoistEndSession } from '../transforms/hoist-end-session';
import { manualToTransaction } from '../transforms/manual-to-transaction';
import { promiseChainToTransaction } from '../transforms/promise-chain-to-transaction';
import { stripAlsSession } from '../transforms/strip-als-session';
import type { Transform } from './transform';
import { PIPELINE_ORDER, selectTransformNames } from './transform-names';

/** Every implemented transform, in pipeline order. */
export const TRANSFORMS: readonly Transform[] = [addMissingSession, promiseChainToTransaction, manualToTransaction, addMissingAwait, hoistEndSession, stripAlsSession].sort(
  (a, b) => PIPELINE_ORDER.indexOf(a.name) - PIPELINE_ORDER.indexOf(b.name),
);

/** The transforms to run, in pipeline order whatever order they were asked in. */
export function selectTransforms(names: readonly string[] | undefined): Transform[] {
  const selected = selectTransformNames(names);
  return TRANSFORMS.filter((t) => selected.includes(t.name));
}

import { UsageError } from './errors';
import { PIPELINE_ORDER, type TransformName } from './types';

/** The names of the transforms to run, in pipeline order whatever order they were asked in (no transform is loaded). */
export function selectTransformNames(names: readonly string[] | undefined): TransformName[] {
  if (names === undefined || names.length === 0) return [...PIPELINE_ORDER];
  const unknown = names.filter((n) => !(PIPELINE_ORDER as readonly string[]).includes(n));
  if (unknown.length > 0) {
    throw new UsageError(
      `unknown transform${unknown.length === 1 ? '' : 's'} ${unknown.map((n) => `"${n}"`).join(', ')}; valid transforms: ${PIPELINE_ORDER.join(', ')}`,
    );
  }
  return PIPELINE_ORDER.filter((t) => names.includes(t));
}

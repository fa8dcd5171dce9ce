import { UsageError } from './errors';

/** Names of the transforms, in the order the pipeline runs them. */
export const PIPELINE_ORDER = [
  'add-missing-session',
  'promise-chain-to-transaction',
  'manual-to-transaction',
  'add-missing-await',
  'hoist-end-session',
  'strip-als-session',
] as const;

export type TransformName = (typeof PIPELINE_ORDER)[number];

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

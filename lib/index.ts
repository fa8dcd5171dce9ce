/** Programmatic API: `import { run } from 'tx-codemod'`. */
export { run } from './runner/run';
export { TRANSFORMS, selectTransforms } from './registry';
export { toJsonReport } from './report/json';
export { toMarkdownReport } from './report/markdown';
export { toSarifReport } from './report/sarif';
export { DirtyTreeError, ParseError, PathError, TxCodemodError, UsageError } from './errors';
export type { Transform, TransformContext } from './transform';
export * from './types';
export { PIPELINE_ORDER, type TransformName } from './transform-names';

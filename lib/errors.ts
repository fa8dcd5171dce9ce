/**
 * Errors the library raises for the whole run. The CLI maps each class to an exit code in one
 * place (bin/tx-codemod.ts); library code never exits the process.
 */
export class TxCodemodError extends Error {
  override name = 'TxCodemodError';
}

/** The user asked for something that cannot be done as asked (bad option, path, transform). */
export class UsageError extends TxCodemodError {
  override name = 'UsageError';
}

/** A path given on the command line does not exist or holds no source file. */
export class PathError extends UsageError {
  override name = 'PathError';
}

/** A run that would write files refused to start because the git work tree is dirty. */
export class DirtyTreeError extends UsageError {
  override name = 'DirtyTreeError';
}

/** Two edits of one transform overlap: a bug in the transform, never written out. */
export class EditConflictError extends TxCodemodError {
  override name = 'EditConflictError';
}

/** A source file could not be parsed. */
export class ParseError extends TxCodemodError {
  override name = 'ParseError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly parserMessage: string,
  ) {
    super(`${file}:${line}:${column}: ${parserMessage}`);
  }
}

/** A transform produced output that does not parse: our bug, the file is never written. */
export class InvalidOutputError extends TxCodemodError {
  override name = 'InvalidOutputError';
}

/** The transforms still changed a file after the pipeline's last pass: our bug, the file is never written. */
export class NoFixedPointError extends TxCodemodError {
  override name = 'NoFixedPointError';
}

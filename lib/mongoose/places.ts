import * as path from 'node:path';
import type { Path } from '../ast/nodes';

/** How a finding names a place: a line of its own file, or another file as seen from it. */

/** The line a node starts on (0 for a node made by a rewrite, which has no place in the text). */
export function lineOf(path: Path): number {
  return (path.node.loc as { start: { line: number } } | undefined)?.start.line ?? 0;
}

/** `file` as the reader of a finding about `from` sees it. */
export function relativeTo(from: string, file: string): string {
  return path.relative(path.dirname(from), file).split(path.sep).join('/');
}

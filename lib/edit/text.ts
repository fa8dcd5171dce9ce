/** Line-oriented helpers over source text. Offsets are UTF-16 indices, as Babel reports them. */

import type { Node } from '../ast/nodes';

/** A node's code on one line, cut to `max` characters: how findings and changes quote code. */
export function shortText(source: string, node: Node, max = 60): string {
  const text = source.slice(node.start ?? 0, node.end ?? 0).replace(/\s+/g, ' ');
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

export function lineStartOf(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset of the line break ending the line that holds `offset` (or the end of the text). */
export function lineEndOf(source: string, offset: number): number {
  const end = source.indexOf('\n', offset);
  return end === -1 ? source.length : end;
}

/** The whitespace that starts the line holding `offset`. */
export function indentAt(source: string, offset: number): string {
  const start = lineStartOf(source, offset);
  return /^[ \t]*/.exec(source.slice(start, lineEndOf(source, start)))![0];
}

export function isBlank(text: string): boolean {
  return /^[ \t]*$/.test(text);
}

/**
 * The range to delete for a statement at [start, end): its whole line(s) when nothing else
 * shares them, otherwise the statement and the spaces after it.
 */
export function statementRemovalRange(source: string, start: number, end: number): [number, number] {
  const lineStart = lineStartOf(source, start);
  const lineEnd = lineEndOf(source, end);
  if (isBlank(source.slice(lineStart, start)) && isBlank(source.slice(end, lineEnd))) {
    // A blank line above goes too when the line below is blank or closes the block: no double gap.
    const previousStart = lineStart > 0 ? lineStartOf(source, lineStart - 1) : lineStart;
    const next = source.slice(lineEnd + 1, lineEndOf(source, lineEnd + 1));
    const from = previousStart < lineStart && isBlank(source.slice(previousStart, lineStart - 1)) && (isBlank(next) || next.trimStart().startsWith('}')) ? previousStart : lineStart;
    return [from, Math.min(lineEnd + 1, source.length)];
  }
  let stop = end;
  while (source[stop] === ' ' || source[stop] === '\t') stop++;
  return [start, stop];
}

/** 1-based line and column of offsets, computed once per text. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }

  /** The offset where 1-based `line` starts (the text's end past its last line). */
  startOf(line: number): number {
    return this.starts[Math.min(Math.max(line, 1), this.starts.length) - 1]!;
  }
}

/** `word` as a whole identifier (not part of a longer name): `session` but not `sessionId` or `$session`. */
export function wholeWord(word: string, flags = ''): RegExp {
  return new RegExp(`(?<![\\w$])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w$])`, flags);
}

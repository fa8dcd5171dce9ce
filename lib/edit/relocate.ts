import { endOf, isIdentifier, isMember, startOf, type Node, type Path } from '../ast/nodes';
import { movedText, shiftIndent, type RewriteTarget } from './rewrite';
import { indentAt, lineStartOf } from './text';

/**
 * Rebuilding a stretch of code from pieces of itself (a transaction body moved into a callback,
 * the steps of a chain laid out as statements): every comment of the stretch must come out
 * somewhere sensible, even those between the pieces that move.
 */

/** A line of new code and the source offset it comes from (`CLOSING` for closers written afresh). */
export interface Line {
  text: string;
  at: number;
  /** For moved code, where it ends in the source: a blank line there and the next moved code is kept. */
  end?: number;
}

export const CLOSING = -1;

/** A comment no moved code carries: where it stood, its lines (unindented), and whether code precedes it on its line. */
interface LostComment {
  at: number;
  /** Where it stood in the source. */
  from: number;
  lines: string[];
  trailing: boolean;
}

/** Moves code into new text, remembering the source ranges it carried. */
export class CodeMover {
  private readonly moved: Array<[number, number]> = [];

  constructor(private readonly target: RewriteTarget) {}

  /** The code of `nodes` (edits inside applied and taken), re-indented for `indent` (see movedText). */
  move(nodes: Node[], indent: string): string {
    this.moved.push([startOf(nodes[0]!), endOf(nodes[nodes.length - 1]!)]);
    return movedText(this.target, nodes, indent);
  }

  /** Whole statements move with a comment that ends their last line (`save(); // why`). */
  moveStatements(statements: Path[], indent: string): string {
    const end = endOf(statements[statements.length - 1]!.node);
    const trailing = /^[ \t]*\/\/[^\n]*/.exec(this.target.source.slice(end))?.[0] ?? '';
    if (trailing) this.moved.push([end, end + trailing.length]);
    return this.move(statements.map((s) => s.node), indent) + trailing;
  }

  /** The text of [start, end) as edits left it, taken (it goes into the new code as is). */
  take(start: number, end: number): string {
    this.moved.push([start, end]);
    return this.target.edits.take(start, end);
  }

  /**
   * `lines` with every comment of `comments` inside [start, end) that no moved code carried put
   * back: one that ended a line of code goes at the end of the last new line from code before
   * it; any other before the first new line from code after it, with that line's indentation
   * (lines written afresh are not candidates); left-over ones go last. `placeAt` may say where a
   * comment belongs instead of where it stood (it then goes on a line of its own), or `null` for
   * one that goes with the removed code it describes. A blank line between moved pieces is kept
   * as it was, spaces and all.
   */
  withComments(lines: Line[], comments: Node[], start: number, end: number, placeAt: (comment: Node) => number | null = startOf): string[] {
    const { source } = this.target;
    const lost: LostComment[] = comments
      .filter((c) => startOf(c) >= start && endOf(c) <= end && !this.moved.some(([a, b]) => a <= startOf(c) && endOf(c) <= b))
      .flatMap((c) => {
        const at = placeAt(c);
        if (at === null) return [];
        const lines = shiftIndent(source.slice(startOf(c), endOf(c)), indentAt(source, startOf(c)), '').split('\n');
        return [{ at, from: startOf(c), lines, trailing: at === startOf(c) && source.slice(lineStartOf(source, startOf(c)), startOf(c)).trim() !== '' }];
      });
    const out = lines.map((l) => ({ ...l, before: [] as string[], beforeFrom: Infinity, after: '' }));
    const rest: string[] = [];
    for (const comment of lost) {
      const before = out.filter((l) => l.at !== CLOSING && l.at < comment.at).pop();
      if (comment.trailing && comment.lines.length === 1 && before) {
        before.after += ` ${comment.lines[0]}`;
        continue;
      }
      const target = out.find((l) => l.at !== CLOSING && l.at > comment.at);
      const indent = /^[ \t]*/.exec(target?.text ?? out[out.length - 1]?.text ?? '')![0];
      (target ? target.before : rest).push(...comment.lines.map((line) => indent + line));
      if (target) target.beforeFrom = Math.min(target.beforeFrom, comment.from);
    }
    const kept: string[] = [];
    let previous: Line | undefined;
    for (const line of out) {
      // Up to the first comment put above the line, when that comment stood after the code before.
      const next = line.before.length > 0 ? line.beforeFrom : line.at;
      const gap = previous?.end !== undefined && next > previous.end ? source.slice(previous.end, next) : '';
      const blank = /\n([ \t]*)\n/.exec(gap);
      if (blank && (line.before.length > 0 || !line.text.trimStart().startsWith('}'))) kept.push(blank[1]!);
      kept.push(...line.before, line.text + line.after);
      if (line.at !== CLOSING) previous = line;
    }
    return [...kept, ...rest];
  }
}

/**
 * The clause `catch (<param>)` for a handler's parameter, and a first statement when one is needed.
 * A catch variable may not carry a type (TypeScript allows only any or unknown, and strict makes
 * an untyped one unknown where a `.catch()` handler's was any): a typed one becomes a cast in a
 * first statement, an untyped one whose properties are read is typed any. `references` are the
 * parameter's uses in the handler; `taken` the names the cast's variable must avoid.
 */
export function catchClause(source: string, file: string, param: Node | undefined, references: Path[], taken: Set<string>): { clause: string; first?: string } {
  if (!param) return { clause: '' };
  const written = ` (${source.slice(startOf(param), endOf(param))})`;
  const name = isIdentifier(param) ? param.name : undefined;
  const annotation = (param.typeAnnotation as Node | undefined)?.typeAnnotation as Node | undefined;
  if (!/\.[cm]?tsx?$/.test(file) || !name) return { clause: written };
  if (annotation && annotation.type !== 'TSAnyKeyword' && annotation.type !== 'TSUnknownKeyword') {
    let caught = 'caught';
    for (let n = 2; taken.has(caught); n++) caught = `caught${n}`;
    return { clause: ` (${caught})`, first: `const ${name} = ${caught} as ${source.slice(startOf(annotation), endOf(annotation))}` };
  }
  const readsProperties = references.some((ref) => isMember(ref.parent?.node) && (ref.parent!.node as Node).object === ref.node);
  return { clause: annotation || !readsProperties ? written : ` (${name}: any)` };
}

/**
 * Where a position of a replacement's text came from in the text it replaced. Rewrites carry most
 * of the code they replace over verbatim, moved and re-indented (a transaction body moved into a
 * callback): a line of the replacement that is a line of the replaced text, up to its indentation,
 * comes from there, matched in order (a longest common subsequence of the two texts' lines). A
 * line the rewrite changed is traced by the code from the position to the end of its line, where
 * exactly one line of the replaced text between the neighbouring matched lines holds it.
 */

interface TextLine {
  /** Offset of the line's first character in its text. */
  start: number;
  /** Offset of its first character that is not indentation. */
  content: number;
  /** The line without indentation and trailing white space. */
  key: string;
}

/** Past this many line pairs the alignment is not worked out (a rewrite of a whole large file): positions map to the replacement's start. */
const MAX_PAIRS = 1_000_000;
/** The shortest rest of a changed line that is looked for in the replaced text: shorter ones (`}`, `x;`) say too little. */
const MIN_TRACE = 6;

export class CarriedText {
  private readonly before: TextLine[];
  private readonly after: TextLine[];
  /** For each line of the replacement, the index of the replaced line it is, or -1. */
  private readonly matched: number[];

  /** `replaced`: the text that was replaced; `replacement`: the text that replaced it. */
  constructor(
    private readonly replaced: string,
    private readonly replacement: string,
  ) {
    this.before = linesOf(replaced);
    this.after = linesOf(replacement);
    this.matched = this.before.length * this.after.length > MAX_PAIRS ? this.after.map(() => -1) : alignLines(this.before, this.after);
  }

  /** The offset in the replaced text that `offset` of the replacement came from, or undefined when nothing of the replaced text is there. */
  origin(offset: number): number | undefined {
    const index = lineAt(this.after, offset);
    const line = this.after[index]!;
    const source = this.matched[index]!;
    if (source !== -1) return this.within(this.before[source]!, Math.max(0, offset - line.content));
    const rest = this.replacement.slice(offset, lineEnd(this.replacement, offset)).trimEnd();
    if (rest.trim().length < MIN_TRACE) return undefined;
    let from = 0;
    let to = this.before.length;
    for (let i = index - 1; i >= 0; i--) if (this.matched[i]! !== -1) { from = this.matched[i]! + 1; break; }
    for (let i = index + 1; i < this.after.length; i++) if (this.matched[i]! !== -1) { to = this.matched[i]!; break; }
    const found: number[] = [];
    for (let i = from; i < to; i++) {
      const candidate = this.before[i]!;
      const text = this.replaced.slice(candidate.content, lineEnd(this.replaced, candidate.content));
      const at = text.indexOf(rest);
      if (at !== -1 && text.indexOf(rest, at + 1) === -1) found.push(candidate.content + at);
    }
    return found.length === 1 ? found[0] : undefined;
  }

  /** `column` characters into the content of a replaced line, kept on that line. */
  private within(line: TextLine, column: number): number {
    return line.content + Math.min(column, line.key.length);
  }
}

function linesOf(text: string): TextLine[] {
  const lines: TextLine[] = [];
  let start = 0;
  for (;;) {
    const end = lineEnd(text, start);
    const raw = text.slice(start, end);
    const indent = /^[ \t]*/.exec(raw)![0].length;
    lines.push({ start, content: start + indent, key: raw.trim() });
    if (end >= text.length) return lines;
    start = end + 1;
  }
}

function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end === -1 ? text.length : end;
}

/** The index of the line holding `offset`. */
function lineAt(lines: readonly TextLine[], offset: number): number {
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lines[mid]!.start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** A longest common subsequence of the two line lists by content (blank lines never match): for each line of `after`, its partner in `before` or -1. */
function alignLines(before: readonly TextLine[], after: readonly TextLine[]): number[] {
  const n = before.length;
  const m = after.length;
  const lengths: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i]![j] = before[i]!.key !== '' && before[i]!.key === after[j]!.key ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const matched = after.map(() => -1);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (before[i]!.key !== '' && before[i]!.key === after[j]!.key) {
      matched[j] = i;
      i++;
      j++;
    } else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) i++;
    else j++;
  }
  return matched;
}

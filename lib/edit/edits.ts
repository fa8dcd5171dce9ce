import { EditConflictError } from '../errors';
import { CarriedText } from './carried-text';

/** Replace [start, end) of a text with `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

interface Edit extends TextEdit {
  /** Call order, so inserts at one position keep the order they were asked for. */
  seq: number;
}

/** Maps an offset in a transform's output back to its input. */
export type OffsetMap = (outputOffset: number) => number;

/**
 * Byte-range edits against one source text. Everything outside the edited ranges comes out
 * byte-identical, which is why transforms edit text instead of reprinting the AST.
 */
export class SourceEdits {
  private readonly edits: Edit[] = [];
  private seq = 0;

  constructor(readonly source: string) {}

  get isEmpty(): boolean {
    return this.edits.length === 0;
  }

  replace(start: number, end: number, text: string): void {
    if (start < 0 || end > this.source.length || start > end) {
      throw new EditConflictError(`edit range ${start}-${end} is outside the source`);
    }
    if (start === end && text === '') return;
    if (this.source.slice(start, end) === text) return;
    const duplicate = this.edits.some((e) => e.start === start && e.end === end && e.text === text);
    if (duplicate) return;
    for (const other of this.edits) {
      if (overlaps(other, start, end)) {
        throw new EditConflictError(
          `edit ${start}-${end} overlaps edit ${other.start}-${other.end} (${JSON.stringify(other.text)})`,
        );
      }
    }
    this.edits.push({ start, end, text, seq: this.seq++ });
  }

  insert(offset: number, text: string): void {
    this.replace(offset, offset, text);
  }

  remove(start: number, end: number): void {
    this.replace(start, end, '');
  }

  /** True when some edit removes or replaces text inside [start, end). */
  touches(start: number, end: number): boolean {
    return this.edits.some((e) => e.start < end && start < e.end);
  }

  /** True when an edit removes exactly [start, end) or a range that contains it. */
  removes(start: number, end: number): boolean {
    return this.edits.some((e) => e.text === '' && e.start <= start && end <= e.end && e.start < e.end);
  }

  /**
   * Renders [start, end) with the edits that lie inside it applied, and forgets those edits,
   * so that a caller can replace the whole range with text built around the rendered part.
   */
  take(start: number, end: number): string {
    const inside = this.sorted().filter((e) => start <= e.start && e.end <= end && !(e.start === e.end && (e.start === start || e.start === end)));
    for (const e of inside) this.edits.splice(this.edits.indexOf(e), 1);
    return render(this.source, start, end, inside);
  }

  apply(): string {
    return render(this.source, 0, this.source.length, this.sorted());
  }

  /** The edits in the order `apply()` makes them. */
  list(): TextEdit[] {
    return this.sorted().map(({ start, end, text }) => ({ start, end, text }));
  }

  /**
   * Maps an offset of `apply()`'s output back to the source. Inside a replacement, code it carried
   * over from the text it replaced maps to where that code stood (see CarriedText), unless
   * `carried` is false; anything else it wrote, and text inserted, maps to its edit's start.
   */
  offsetMap(options: { carried?: boolean } = {}): OffsetMap {
    const sorted = this.sorted();
    const carried = new Map<Edit, CarriedText>();
    const origin = (e: Edit, offset: number): number => {
      if (e.start === e.end || options.carried === false) return e.start;
      let text = carried.get(e);
      if (!text) carried.set(e, (text = new CarriedText(this.source.slice(e.start, e.end), e.text)));
      return e.start + (text.origin(offset) ?? 0);
    };
    return (outputOffset: number) => {
      let delta = 0;
      for (const e of sorted) {
        const outStart = e.start + delta;
        if (outputOffset < outStart) break;
        if (outputOffset < outStart + e.text.length) return origin(e, outputOffset - outStart);
        delta += e.text.length - (e.end - e.start);
      }
      return outputOffset - delta;
    };
  }

  /**
   * Where [start, end) of the source lies in `apply()`'s output, text inserted at its ends
   * included; undefined when an edit deletes all of it.
   */
  mapRange(start: number, end: number): [number, number] | undefined {
    if (this.removes(start, end)) return undefined;
    return [this.mapOffset(start, false), this.mapOffset(end, true)];
  }

  /** Like mapRange, but a deleted range becomes the empty range where it was. */
  mapRangeOrPoint(start: number, end: number): [number, number] {
    const at = this.mapOffset(start, false);
    return this.mapRange(start, end) ?? [at, at];
  }

  /** An offset of the source in the output; `afterInserts`: past text inserted right there. */
  private mapOffset(offset: number, afterInserts: boolean): number {
    let delta = 0;
    for (const e of this.sorted()) {
      if (e.start > offset) break;
      if (e.start === e.end && e.start === offset) {
        if (afterInserts) delta += e.text.length;
        continue;
      }
      if (e.end <= offset) {
        delta += e.text.length - (e.end - e.start);
        continue;
      }
      // Inside text an edit replaced: the replacement's start (or end).
      return e.start + delta + (afterInserts ? e.text.length : 0);
    }
    return offset + delta;
  }

  private sorted(): Edit[] {
    return [...this.edits].sort((a, b) => a.start - b.start || widthOrder(a) - widthOrder(b) || a.seq - b.seq);
  }
}

/** Inserts sort before a replacement that starts at the same offset. */
function widthOrder(edit: Edit): number {
  return edit.start === edit.end ? 0 : 1;
}

function overlaps(edit: Edit, start: number, end: number): boolean {
  if (edit.start === edit.end) return start < edit.start && edit.start < end;
  if (start === end) return edit.start < start && start < edit.end;
  return edit.start < end && start < edit.end;
}

function render(source: string, start: number, end: number, edits: Edit[]): string {
  let out = '';
  let cursor = start;
  for (const e of edits) {
    out += source.slice(cursor, e.start) + e.text;
    cursor = e.end;
  }
  return out + source.slice(cursor, end);
}

import { decodeText } from '../facts/source-text';

/**
 * The text ESLint lints, and the LF-only text the transforms see. ESLint has already taken the
 * byte order mark off; a file whose every line break is CRLF is seen with LF, so offsets and
 * inserted text are converted on the way back.
 */
export class LintText {
  /** What the transforms are given. */
  readonly transformed: string;
  private readonly crlf: boolean;
  /** Offsets (in `transformed`) of the line breaks that were CRLF. */
  private readonly breaks: number[] = [];

  constructor(readonly raw: string) {
    const { text, format } = decodeText(raw);
    this.transformed = text;
    this.crlf = format.eol === 'crlf';
    if (this.crlf) for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.breaks.push(i);
  }

  /** An offset of the transformed text, in the linted text. */
  toRaw(offset: number): number {
    if (!this.crlf) return offset;
    let lo = 0;
    let hi = this.breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.breaks[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return offset + lo;
  }

  /** An offset of the linted text, in the transformed text. */
  fromRaw(offset: number): number {
    if (!this.crlf) return offset;
    // The i-th converted break's CR sits at breaks[i] + i of the linted text.
    let lo = 0;
    let hi = this.breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.breaks[mid]! + mid < offset) lo = mid + 1;
      else hi = mid;
    }
    return offset - lo;
  }

  /** Whether offsets of the linted and the transformed text differ (the linted text's line breaks are CRLF). */
  get converted(): boolean {
    return this.crlf;
  }

  /** Text written by a transform, with the line breaks of the linted file. */
  rawText(text: string): string {
    return this.crlf ? text.replace(/\n/g, '\r\n') : text;
  }
}

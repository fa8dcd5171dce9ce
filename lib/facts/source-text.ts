/**
 * What a file's bytes carry besides code: a byte order mark and its line endings. Transforms see
 * LF-only text without a BOM; writing puts both back exactly as they were.
 */
export interface TextFormat {
  bom: boolean;
  /** `crlf` only when every line break in the file is CRLF; mixed files are passed through as is. */
  eol: 'lf' | 'crlf';
}

export interface DecodedText {
  text: string;
  format: TextFormat;
}

const BOM = '\uFEFF';

export function decodeText(raw: string): DecodedText {
  const bom = raw.startsWith(BOM);
  const body = bom ? raw.slice(1) : raw;
  const crlf = (body.match(/\r\n/g) ?? []).length;
  const lf = (body.match(/\n/g) ?? []).length;
  const eol = crlf > 0 && crlf === lf ? 'crlf' : 'lf';
  return { text: eol === 'crlf' ? body.replace(/\r\n/g, '\n') : body, format: { bom, eol } };
}

export function encodeText(text: string, format: TextFormat): string {
  const body = format.eol === 'crlf' ? text.replace(/\r?\n/g, '\r\n') : text;
  return format.bom ? BOM + body : body;
}

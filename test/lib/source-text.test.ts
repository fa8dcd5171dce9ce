import { describe, expect, it } from 'vitest';
import { decodeText, encodeText } from '../../lib/facts/source-text';

describe('decodeText / encodeText', () => {
  it('hands transforms LF text without a BOM and restores both', () => {
    const raw = '\uFEFFa;\r\nb;\r\n';
    const { text, format } = decodeText(raw);
    expect(text).toBe('a;\nb;\n');
    expect(format).toEqual({ bom: true, eol: 'crlf' });
    expect(encodeText(`${text}c;\n`, format)).toBe('\uFEFFa;\r\nb;\r\nc;\r\n');
  });

  it('passes files with mixed line endings through untouched', () => {
    const raw = 'a;\r\nb;\nc;\r\n';
    const { text, format } = decodeText(raw);
    expect(text).toBe(raw);
    expect(encodeText(text, format)).toBe(raw);
  });

  it('keeps a shebang line as it is', () => {
    const raw = '#!/usr/bin/env node\nrun();\n';
    expect(encodeText(decodeText(raw).text, decodeText(raw).format)).toBe(raw);
  });
});

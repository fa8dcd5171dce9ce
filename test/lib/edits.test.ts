import { describe, expect, it } from 'vitest';
import { SourceEdits } from '../../lib/edit/edits';
import { EditConflictError } from '../../lib/errors';

describe('SourceEdits', () => {
  it('applies replacements and inserts, keeping every other byte', () => {
    const edits = new SourceEdits('a(b);\nc(d);\n');
    edits.insert(0, 'await ');
    edits.replace(6, 12, '');
    edits.insert(0, '/* x */ ');
    expect(edits.apply()).toBe('await /* x */ a(b);\n');
  });

  it('puts inserts before a replacement that starts at the same offset', () => {
    const edits = new SourceEdits('abc');
    edits.replace(1, 2, 'B');
    edits.insert(1, '>');
    expect(edits.apply()).toBe('a>Bc');
  });

  it('throws on overlapping edits instead of writing a mangled file', () => {
    const edits = new SourceEdits('abcdef');
    edits.replace(1, 4, 'X');
    expect(() => edits.replace(3, 5, 'Y')).toThrow(EditConflictError);
    expect(() => edits.insert(2, 'Z')).toThrow(EditConflictError);
  });

  it('ignores an identical edit asked for twice and a no-op replacement', () => {
    const edits = new SourceEdits('abc');
    edits.replace(0, 1, 'A');
    edits.replace(0, 1, 'A');
    edits.replace(2, 3, 'c');
    expect(edits.apply()).toBe('Abc');
  });

  it('takes a range rendered with its inner edits, so it can be replaced as a whole', () => {
    const edits = new SourceEdits('0123456789');
    edits.replace(3, 4, 'x');
    const inner = edits.take(2, 6);
    expect(inner).toBe('2x45');
    edits.replace(2, 6, `[${inner}]`);
    expect(edits.apply()).toBe('01[2x45]6789');
  });

  it('maps offsets of the output back to the source', () => {
    const edits = new SourceEdits('abcdef');
    edits.insert(2, 'XYZ');
    edits.remove(4, 5);
    const back = edits.offsetMap();
    expect(edits.apply()).toBe('abXYZcdf');
    expect(back(0)).toBe(0);
    expect(back(3)).toBe(2);
    expect(back(5)).toBe(2);
    expect(back(7)).toBe(5);
  });

  it('maps a range into the output, with text inserted at its ends, unless an edit deletes it', () => {
    const edits = new SourceEdits('aa bb cc dd');
    edits.insert(3, 'await ');
    edits.replace(0, 2, 'AAAA');
    edits.remove(6, 9);
    expect(edits.mapRange(3, 5)).toEqual([5, 13]);
    expect(edits.apply().slice(5, 13)).toBe('await bb');
    expect(edits.mapRange(6, 8)).toBeUndefined();
    expect(edits.mapRange(9, 11)).toEqual([14, 16]);
  });
});

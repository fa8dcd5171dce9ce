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

  it('maps code a replacement carried over, moved and re-indented, back to where it stood', () => {
    const source = ['f();', 'try {', '  a();', '  const x = fetch(1);', '  c();', '} catch (e) {}', 'g();'].join('\n');
    const edits = new SourceEdits(source);
    const start = source.indexOf('try');
    const end = source.indexOf('g();') - 1;
    edits.replace(start, end, ['run(async () => {', '    a();', '    x = fetch(1);', '    c();', '});'].join('\n'));
    const output = edits.apply();
    const back = edits.offsetMap();
    // A line carried over verbatim: the same character of the original line.
    expect(back(output.indexOf('c();'))).toBe(source.indexOf('c();'));
    expect(back(output.indexOf('c();') + 1)).toBe(source.indexOf('c();') + 1);
    // A line the rewrite changed: traced by the code from the position to the end of its line.
    expect(back(output.indexOf('fetch(1)'))).toBe(source.indexOf('fetch(1)'));
    // Code written afresh, and an offset in indentation, stand at the replacement's start or the line's code.
    expect(back(output.indexOf('run('))).toBe(start);
    expect(back(output.indexOf('    a();'))).toBe(source.indexOf('a();'));
    // Offsets after the replacement are shifted as before.
    expect(back(output.indexOf('g();'))).toBe(source.indexOf('g();'));
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

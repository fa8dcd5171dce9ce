import { describe, expect, it } from 'vitest';
import { PathIndex } from '../../lib/ast/path-index';
import { SourceEdits } from '../../lib/edit/edits';
import { dropOrphanedTypeImports } from '../../lib/edit/orphaned-imports';
import { parseFile } from '../../lib/facts/parse';

// Removes each parameter annotation marked with an x comment, then drops the imports that orphaned.
function afterRemoving(source: string): { output: string; dropped: string[] } {
  const { j, root } = parseFile('file.ts', source);
  const edits = new SourceEdits(source);
  for (const match of source.matchAll(/\/\*x\*\/[^,)]*/g)) edits.remove(match.index, match.index + match[0].length);
  const dropped = dropOrphanedTypeImports(new PathIndex(j, root), source, edits).map((d) => d.name);
  return { output: edits.apply(), dropped };
}

describe('dropOrphanedTypeImports', () => {
  it('takes a name out of the middle, the end, or the braces of an import, keeping the rest as written', () => {
    const source = [
      "import { A, ClientSession, B } from 'x';",
      "import { C, ClientSession as S } from 'y';",
      "import m, { type T } from 'z';",
      'export function f(a: A, b: B, c: C, d = m, s/*x*/: ClientSession, t/*x*/: S, u/*x*/: T) {}',
      '',
    ].join('\n');
    const { output, dropped } = afterRemoving(source);
    expect(dropped).toEqual(['ClientSession', 'S', 'T']);
    expect(output).toBe(
      ["import { A, B } from 'x';", "import { C } from 'y';", "import m from 'z';", 'export function f(a: A, b: B, c: C, d = m, s, t, u) {}', ''].join('\n'),
    );
  });

  it('removes the whole line when nothing of the import is left', () => {
    const source = "import a from 'a';\nimport type { ClientSession } from 'mongoose';\n\nexport const f = (s/*x*/: ClientSession) => a(s);\n";
    expect(afterRemoving(source).output).toBe("import a from 'a';\n\nexport const f = (s) => a(s);\n");
  });

  it('keeps names still used, used as values, mentioned in comments, or unused before the edits', () => {
    const source = [
      "import { ClientSession, Types, Unused, Noted } from 'mongoose';",
      '// Noted: see the docs',
      'export function f(s/*x*/: ClientSession, t/*x*/: Types.ObjectId, n/*x*/: Noted, other: ClientSession) {',
      '  return new Types.ObjectId();',
      '}',
      '',
    ].join('\n');
    const { output, dropped } = afterRemoving(source);
    expect(dropped).toEqual([]);
    expect(output).toContain("import { ClientSession, Types, Unused, Noted } from 'mongoose';");
  });

  it('changes nothing when the edits leave the imports alone and nothing was orphaned', () => {
    const source = "import { ClientSession } from 'mongoose';\nexport const f = (s/*x*/: number, t: ClientSession) => t;\n";
    expect(afterRemoving(source)).toEqual({ output: "import { ClientSession } from 'mongoose';\nexport const f = (s, t: ClientSession) => t;\n", dropped: [] });
  });
});

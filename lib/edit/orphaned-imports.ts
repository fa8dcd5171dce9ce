import { endOf, startOf, type Node, type Path } from '../ast/nodes';
import type { PathIndex } from '../ast/path-index';
import type { SourceEdits } from './edits';
import { statementRemovalRange, wholeWord } from './text';

/** Where an identifier names a type, never a value: such a use makes TypeScript drop its import when emitting. */
const TYPE_POSITIONS = new Set(['TSTypeReference', 'TSQualifiedName', 'TSTypeQuery', 'TSClassImplements', 'TSExpressionWithTypeArguments', 'TSInterfaceHeritage']);

export interface DroppedImport {
  /** The import declaration the name was taken out of. */
  declaration: Path;
  name: string;
}

/**
 * Imports of types that a stage's edits left without any use (`ClientSession` once the session
 * parameter or variable it annotated is gone): removed too, since TypeScript's noUnusedLocals and
 * linters reject an unused import. Only names every use of which was a type are taken out, so no
 * module stops being loaded; an import unused before the edits is left as it was.
 */
export function dropOrphanedTypeImports(index: PathIndex, source: string, edits: SourceEdits): DroppedImport[] {
  if (edits.isEmpty) return [];
  const declarations = index.of('ImportDeclaration');
  // Names inside import declarations are never uses (`import { ClientSession as Session }`).
  const sourceImports = declarations.map((d): Range => [startOf(d.node), endOf(d.node)]);
  const outputImports = sourceImports.map((range) => edits.mapRange(...range)).filter((range): range is Range => range !== undefined);
  const output = edits.apply();
  const dropped: DroppedImport[] = [];
  for (const declaration of declarations) {
    const decl = declaration.node;
    if (edits.touches(startOf(decl), endOf(decl))) continue;
    const orphaned = (decl.specifiers as Node[]).filter((specifier) => {
      const name = (specifier.local as Node | undefined)?.name as string | undefined;
      return name !== undefined && onlyTypeUses(index, source, name, sourceImports) && mentionsOutside(output, name, outputImports) === 0;
    });
    if (orphaned.length === 0) continue;
    removeSpecifiers(source, edits, decl, orphaned);
    for (const specifier of orphaned) dropped.push({ declaration, name: (specifier.local as Node).name as string });
  }
  return dropped;
}

type Range = [number, number];

/** `name` is used, and every mention of it outside the imports is a use as a type (nothing in JSX, strings or comments). */
function onlyTypeUses(index: PathIndex, source: string, name: string, imports: readonly Range[]): boolean {
  const uses = index.named(name).filter((p) => !inside(startOf(p.node), imports));
  if (uses.length === 0 || !uses.every((use) => TYPE_POSITIONS.has((use.parent?.node as Node | undefined)?.type ?? ''))) return false;
  return mentionsOutside(source, name, imports) === uses.length;
}

/** How often `name` occurs as a whole word in `text` outside the given ranges. */
function mentionsOutside(text: string, name: string, ranges: readonly Range[]): number {
  let count = 0;
  for (const match of text.matchAll(wholeWord(name, 'g'))) if (!inside(match.index, ranges)) count++;
  return count;
}

function inside(offset: number, ranges: readonly Range[]): boolean {
  return ranges.some(([from, to]) => offset >= from && offset < to);
}

/** Takes `orphaned` out of the declaration, with their commas (or braces); the whole line when none stays. */
function removeSpecifiers(source: string, edits: SourceEdits, decl: Node, orphaned: Node[]): void {
  const specifiers = decl.specifiers as Node[];
  const kept = specifiers.filter((s) => !orphaned.includes(s));
  if (kept.length === 0) {
    edits.remove(...statementRemovalRange(source, startOf(decl), endOf(decl)));
    return;
  }
  const named = specifiers.filter((s) => s.type === 'ImportSpecifier');
  if (named.length > 0 && named.every((s) => orphaned.includes(s))) {
    // `import mongoose, { ClientSession } from ...`: the braces go with their last name.
    const close = source.indexOf('}', endOf(named[named.length - 1]!));
    edits.remove(endOf(kept[kept.length - 1]!), close + 1);
    return;
  }
  // Each run of neighbours goes with the comma after it, or, at the end of the list, the one before it.
  for (let i = 0; i < specifiers.length; i++) {
    if (!orphaned.includes(specifiers[i]!)) continue;
    let j = i;
    while (j + 1 < specifiers.length && orphaned.includes(specifiers[j + 1]!)) j++;
    const next = specifiers[j + 1];
    if (next) edits.remove(startOf(specifiers[i]!), startOf(next));
    else edits.remove(endOf(specifiers[i - 1]!), endOf(specifiers[j]!));
    i = j;
  }
}

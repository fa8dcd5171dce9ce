import type { Collection, JSCodeshift } from 'jscodeshift';

/** How the file being edited writes code, so that inserted code looks like its neighbours. */
export interface CodeStyle {
  indentUnit: string;
  semicolons: boolean;
}

export function detectStyle(j: JSCodeshift, root: Collection, source: string): CodeStyle {
  return { indentUnit: detectIndentUnit(source), semicolons: detectSemicolons(j, root, source) };
}

function detectIndentUnit(source: string): string {
  const increases = new Map<number, number>();
  let previous = 0;
  let tabs = 0;
  let spaces = 0;
  for (const line of source.split('\n')) {
    if (line.trim() === '' || /^\s*\*/.test(line)) continue;
    const indent = /^[ \t]*/.exec(line)![0];
    if (indent.startsWith('\t')) tabs++;
    else if (indent.length > 0) spaces++;
    const width = indent.length;
    if (width > previous) increases.set(width - previous, (increases.get(width - previous) ?? 0) + 1);
    previous = width;
  }
  if (tabs > spaces) return '\t';
  let best = 2;
  let bestCount = 0;
  for (const [width, count] of increases) {
    if (count > bestCount || (count === bestCount && width < best)) {
      best = width;
      bestCount = count;
    }
  }
  return ' '.repeat(best);
}

const LOOP_HEADS = new Set(['ForStatement', 'ForInStatement', 'ForOfStatement']);

function detectSemicolons(j: JSCodeshift, root: Collection, source: string): boolean {
  let withSemi = 0;
  let without = 0;
  const count = (node: { end?: number | null }) => {
    if (node.end == null) return;
    if (source[node.end - 1] === ';') withSemi++;
    else without++;
  };
  root.find(j.ExpressionStatement).forEach((p) => count(p.node as never));
  root.find(j.VariableDeclaration).forEach((p) => {
    if (!LOOP_HEADS.has(p.parent?.node.type)) count(p.node as never);
  });
  root.find(j.ReturnStatement).forEach((p) => count(p.node as never));
  return withSemi >= without;
}

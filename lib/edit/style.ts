import { walk, type Node } from '../ast/nodes';

/** How the file being edited writes code, so that inserted code looks like its neighbours. */
export interface CodeStyle {
  indentUnit: string;
  semicolons: boolean;
}

export function detectStyle(ast: Node, source: string): CodeStyle {
  return { indentUnit: detectIndentUnit(source), semicolons: detectSemicolons(ast, source) };
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

const TERMINATED = new Set(['ExpressionStatement', 'VariableDeclaration', 'ReturnStatement', 'ThrowStatement']);
const LOOP_HEADS = new Set(['ForStatement', 'ForInStatement', 'ForOfStatement']);

/** Whether statements end with `;` in this file (the majority decides; ties mean yes). */
function detectSemicolons(ast: Node, source: string): boolean {
  let withSemi = 0;
  let without = 0;
  const loopHeads = new Set<Node>();
  walk(ast, (node) => {
    if (LOOP_HEADS.has(node.type)) {
      const head = (node.init ?? node.left) as Node | null | undefined;
      if (head) loopHeads.add(head);
    }
    if (!TERMINATED.has(node.type) || node.end == null || loopHeads.has(node)) return;
    if (source[node.end - 1] === ';') withSemi++;
    else without++;
  });
  return withSemi >= without;
}

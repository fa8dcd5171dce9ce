import * as fs from 'node:fs';
import * as path from 'node:path';
import { calleeName, isIdentifier, isMember, propertyName, startOf, walk, type Node } from '../ast/nodes';
import { parseAst } from '../runner/parse/parse';
import { LineIndex } from '../text';

export const ALS_OPTION = 'transactionAsyncLocalStorage';

/** One place a project switches `transactionAsyncLocalStorage`. */
export interface AlsSwitch {
  /** Path relative to the package root, with forward slashes. */
  file: string;
  line: number;
  enabled: boolean;
}

/**
 * Finds where a project sets `transactionAsyncLocalStorage`: `<x>.set('transactionAsyncLocalStorage', v)`
 * (also `connection.base.set`), `<x>.set({ transactionAsyncLocalStorage: v })` and
 * `new Mongoose({ transactionAsyncLocalStorage: v })`, in `candidates` (the package's files that
 * mention the option; paths are reported relative to `root`).
 */
export function findAlsSwitches(root: string, candidates: string[]): AlsSwitch[] {
  const switches: AlsSwitch[] = [];
  for (const file of [...candidates].sort()) {
    const source = readOrEmpty(file);
    if (!source.includes(ALS_OPTION)) continue;
    let ast: Node;
    try {
      ast = parseAst(file, source) as unknown as Node;
    } catch {
      continue;
    }
    const lines = new LineIndex(source);
    const rel = path.relative(root, file).split(path.sep).join('/');
    for (const found of switchesIn(ast)) {
      switches.push({ file: rel, line: lines.position(found.offset).line, enabled: found.enabled });
    }
  }
  return switches;
}

interface RawSwitch {
  offset: number;
  enabled: boolean;
}

function switchesIn(ast: Node): RawSwitch[] {
  const out: RawSwitch[] = [];
  walk(ast, (node) => {
    if (node.type === 'CallExpression' && calleeName(node) === 'set' && isMember(node.callee as Node)) {
      const [first, second] = node.arguments as Node[];
      if (first && second && first.type === 'StringLiteral' && first.value === ALS_OPTION) {
        out.push({ offset: startOf(node), enabled: isTrue(second) });
      } else {
        const value = first ? optionInObject(first) : undefined;
        if (value) out.push({ offset: startOf(node), enabled: isTrue(value) });
      }
    }
    if (node.type === 'NewExpression') {
      const callee = node.callee as Node;
      const name = isIdentifier(callee) ? callee.name : propertyName(callee);
      const first = (node.arguments as Node[])[0];
      const value = name === 'Mongoose' && first ? optionInObject(first) : undefined;
      if (value) out.push({ offset: startOf(node), enabled: isTrue(value) });
    }
  });
  return out;
}

function optionInObject(node: Node): Node | undefined {
  if (node.type !== 'ObjectExpression') return undefined;
  for (const prop of node.properties as Node[]) {
    if (prop.type !== 'ObjectProperty' || prop.computed) continue;
    const key = prop.key as Node;
    if ((key.name ?? key.value) === ALS_OPTION) return prop.value as Node;
  }
  return undefined;
}

function isTrue(node: Node): boolean {
  return node.type === 'BooleanLiteral' && node.value === true;
}

function readOrEmpty(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

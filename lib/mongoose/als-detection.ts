import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Collection, JSCodeshift } from 'jscodeshift';
import { calleeName, isIdentifier, isMember, propertyName, startOf, type Node } from '../ast/nodes';
import { sourceFilesUnder } from '../discover';
import { parseFile } from '../parse';
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
 * `new Mongoose({ transactionAsyncLocalStorage: v })`, in every source file under `root`.
 */
export function findAlsSwitches(root: string): AlsSwitch[] {
  const switches: AlsSwitch[] = [];
  for (const file of sourceFilesUnder(root)) {
    const source = readOrEmpty(file);
    if (!source.includes(ALS_OPTION)) continue;
    let parsed;
    try {
      parsed = parseFile(file, source);
    } catch {
      continue;
    }
    const lines = new LineIndex(source);
    const rel = path.relative(root, file).split(path.sep).join('/');
    for (const found of switchesIn(parsed.j, parsed.root)) {
      switches.push({ file: rel, line: lines.position(found.offset).line, enabled: found.enabled });
    }
  }
  return switches;
}

interface RawSwitch {
  offset: number;
  enabled: boolean;
}

function switchesIn(j: JSCodeshift, root: Collection): RawSwitch[] {
  const out: RawSwitch[] = [];
  root.find(j.CallExpression).forEach((p) => {
    const node = p.node as unknown as Node;
    if (calleeName(node) !== 'set' || !isMember(node.callee as Node)) return;
    const [first, second] = node.arguments as Node[];
    const offset = startOf(node);
    if (first && second && first.type === 'StringLiteral' && first.value === ALS_OPTION) {
      out.push({ offset, enabled: isTrue(second) });
      return;
    }
    const value = first ? optionInObject(first) : undefined;
    if (value) out.push({ offset, enabled: isTrue(value) });
  });
  root.find(j.NewExpression).forEach((p) => {
    const node = p.node as unknown as Node;
    const callee = node.callee as Node;
    const name = isIdentifier(callee) ? callee.name : propertyName(callee);
    if (name !== 'Mongoose') return;
    const first = (node.arguments as Node[])[0];
    const value = first ? optionInObject(first) : undefined;
    if (value) out.push({ offset: startOf(node), enabled: isTrue(value) });
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

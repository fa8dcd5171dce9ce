import * as path from 'node:path';
import { calleeName, isIdentifier, isMember, propertyName, startOf, unwrapAwaited, walk, type Node } from '../ast/nodes';
import { parseAst } from '../facts/parse';
import { LineIndex } from '../edit/text';

export const ALS_OPTION = 'transactionAsyncLocalStorage';

/** The Mongoose instance a switch belongs to: the default export, or a `new Mongoose()` held in a variable. */
export type MongooseInstance = { kind: 'default' } | { kind: 'created'; name: string } | { kind: 'unknown' };

/** One place a project switches `transactionAsyncLocalStorage`. */
export interface AlsSwitch {
  /** Path relative to the package root, with forward slashes. */
  file: string;
  line: number;
  enabled: boolean;
  instance: MongooseInstance;
  /** In a test file: it configures that file's run, never the application's code. */
  inTest: boolean;
}

/** A file's text as the run read it; undefined for one that cannot be read. */
export type TextOf = (file: string) => string | undefined;

/** Test files by their conventional names and folders. */
export function isTestFile(relativePath: string): boolean {
  return /(^|\/)(test|tests|__tests__|spec|specs|e2e)\//.test(relativePath) || /\.(test|spec|e2e-spec)\.[cm]?[jt]sx?$/.test(relativePath);
}

/**
 * Finds where a project sets `transactionAsyncLocalStorage`: `<x>.set('transactionAsyncLocalStorage', v)`
 * (also `connection.base.set`), `<x>.set({ transactionAsyncLocalStorage: v })` and
 * `new Mongoose({ transactionAsyncLocalStorage: v })`, in `candidates` (the package's files that
 * mention the option; paths are reported relative to `root`), each with the instance it configures.
 */
export function findAlsSwitches(root: string, candidates: string[], textOf: TextOf): AlsSwitch[] {
  const switches: AlsSwitch[] = [];
  for (const file of [...candidates].sort()) {
    const ast = parsedIfMentioning(file, textOf(file), ALS_OPTION);
    if (!ast) continue;
    const rel = relativePath(root, file);
    for (const found of switchesIn(ast.node)) {
      switches.push({ file: rel, line: ast.lines.position(found.offset).line, enabled: found.enabled, instance: found.instance, inTest: isTestFile(rel) });
    }
  }
  return switches;
}

/** `new Mongoose()` in application code (not tests) among `candidates`: models from other files may come from them. */
export function findCreatedInstances(root: string, candidates: string[], textOf: TextOf): string[] {
  const out: string[] = [];
  for (const file of [...candidates].sort()) {
    const rel = relativePath(root, file);
    if (isTestFile(rel)) continue;
    const ast = parsedIfMentioning(file, textOf(file), 'Mongoose');
    if (!ast) continue;
    walk(ast.node, (node) => {
      if (node.type === 'NewExpression' && isMongooseConstructor(node.callee as Node)) out.push(`${rel}:${ast.lines.position(startOf(node)).line}`);
    });
  }
  return out;
}

interface RawSwitch {
  offset: number;
  enabled: boolean;
  instance: MongooseInstance;
}

function switchesIn(ast: Node): RawSwitch[] {
  const names = instanceNames(ast);
  const out: RawSwitch[] = [];
  walk(ast, (node) => {
    if (node.type === 'CallExpression' && calleeName(node) === 'set' && isMember(node.callee as Node)) {
      const [first, second] = node.arguments as Node[];
      const value = first && second && first.type === 'StringLiteral' && first.value === ALS_OPTION ? second : first ? optionInObject(first) : undefined;
      if (value) out.push({ offset: startOf(node), enabled: isTrue(value), instance: instanceOf((node.callee as Node).object as Node, names) });
    }
    if (node.type === 'NewExpression' && isMongooseConstructor(node.callee as Node)) {
      const first = (node.arguments as Node[])[0];
      const value = first ? optionInObject(first) : undefined;
      if (value) out.push({ offset: startOf(node), enabled: isTrue(value), instance: { kind: 'created', name: names.createdAt.get(node) ?? 'new Mongoose()' } });
    }
  });
  return out;
}

interface InstanceNames {
  /** Local names of the `mongoose` module (its default instance). */
  module: Set<string>;
  /** Variables holding a `new Mongoose()`, and what each holds. */
  created: Set<string>;
  createdAt: Map<Node, string>;
  /** Variables holding a connection: the instance it was made from. */
  connections: Map<string, MongooseInstance>;
}

/** Which local names stand for which instance, by their declarations (a file-level, name-based reading). */
function instanceNames(ast: Node): InstanceNames {
  const names: InstanceNames = { module: new Set(), created: new Set(), createdAt: new Map(), connections: new Map() };
  walk(ast, (node) => {
    // `m = new Mongoose()` assigned later (a test's before hook) holds an instance too.
    if (node.type === 'AssignmentExpression' && isIdentifier(node.left as Node) && unwrapAwaited(node.right as Node).type === 'NewExpression') {
      const created = unwrapAwaited(node.right as Node);
      if (isMongooseConstructor(created.callee as Node)) {
        names.created.add((node.left as Node).name as string);
        names.createdAt.set(created, (node.left as Node).name as string);
      }
    }
    if (node.type === 'ImportDeclaration' && (node.source as Node).value === 'mongoose') {
      for (const s of node.specifiers as Node[]) if (s.type !== 'ImportSpecifier') names.module.add((s.local as Node).name as string);
    }
    if (node.type !== 'VariableDeclarator' || !isIdentifier(node.id as Node) || !node.init) return;
    const name = (node.id as Node).name as string;
    const init = unwrapAwaited(node.init as Node);
    if (isRequireOfMongoose(init)) names.module.add(name);
    if (init.type === 'NewExpression' && isMongooseConstructor(init.callee as Node)) {
      names.created.add(name);
      names.createdAt.set(init, name);
    }
  });
  walk(ast, (node) => {
    if (node.type !== 'VariableDeclarator' || !isIdentifier(node.id as Node) || !node.init) return;
    const instance = connectionInstance(unwrapAwaited(node.init as Node), names);
    if (instance) names.connections.set((node.id as Node).name as string, instance);
  });
  return names;
}

/** The instance an expression `x` in `x.set(...)` is: the module, a created instance, or a connection's `base`. */
function instanceOf(node: Node, names: InstanceNames): MongooseInstance {
  if (isIdentifier(node)) {
    if (names.module.has(node.name)) return { kind: 'default' };
    if (names.created.has(node.name)) return { kind: 'created', name: node.name };
    return { kind: 'unknown' };
  }
  if (isRequireOfMongoose(node) || (isMember(node) && propertyName(node) === 'default' && isIdentifier(node.object as Node) && names.module.has((node.object as Node).name as string))) {
    return { kind: 'default' };
  }
  if (isMember(node) && propertyName(node) === 'base') {
    // `connection.base`: the instance that made the connection; the default one unless traced to another.
    const made = connectionInstance(node.object as Node, names);
    return made ?? { kind: 'default' };
  }
  return { kind: 'unknown' };
}

/** `m.connection`, `m.createConnection(...)`, `conn` declared from one of those: the instance `m` is. */
function connectionInstance(node: Node, names: InstanceNames): MongooseInstance | undefined {
  if (isIdentifier(node)) return names.connections.get(node.name);
  const target = isMember(node) && propertyName(node) === 'connection' ? (node.object as Node) : node.type === 'CallExpression' && calleeName(node) === 'createConnection' && isMember(node.callee as Node) ? ((node.callee as Node).object as Node) : undefined;
  if (!target || !isIdentifier(target)) return undefined;
  if (names.module.has(target.name)) return { kind: 'default' };
  if (names.created.has(target.name)) return { kind: 'created', name: target.name };
  return undefined;
}

function isRequireOfMongoose(node: Node): boolean {
  return node.type === 'CallExpression' && isIdentifier(node.callee as Node, 'require') && ((node.arguments as Node[])[0] as Node | undefined)?.value === 'mongoose';
}

function isMongooseConstructor(callee: Node): boolean {
  const name = isIdentifier(callee) ? callee.name : propertyName(callee);
  return name === 'Mongoose';
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

function relativePath(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

function parsedIfMentioning(file: string, source: string | undefined, word: string): { node: Node; lines: LineIndex } | undefined {
  if (source === undefined || !source.includes(word)) return undefined;
  try {
    return { node: parseAst(file, source) as unknown as Node, lines: new LineIndex(source) };
  } catch {
    return undefined;
  }
}

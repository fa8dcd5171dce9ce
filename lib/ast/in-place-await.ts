import { isCall, isFunction, isIdentifier, isMember, type Node, type Path } from './nodes';

/**
 * An `await` whose value is used in place inside a statement: `res.json(await x)`, `return
 * res.send({ data: await x })`, `const body = { data: await x }`. The statement can be split into
 * `const value = await x;` and the statement reading `value`, keeping what it does, when the
 * await runs every time the statement does and nothing the statement evaluates before it can
 * change anything or be changed by what the awaited code does.
 */
export type InPlaceAwait = { statement: Path } | { problem: string };

/** The statements whose expression may hold an awaited value used in place. */
const HOLDERS = new Set(['ExpressionStatement', 'ReturnStatement', 'VariableDeclaration']);

/** What the caller knows about the code: whether a variable may be assigned elsewhere, and a node's source text. */
export interface InPlaceFacts {
  /** A variable read before the await may be assigned elsewhere (its value could differ once the awaited code has run). */
  reassigned: (identifier: Path) => boolean;
  text: (node: Node) => string;
}

/** `awaited` (an AwaitExpression nested in a statement, not the statement's whole expression) as an in-place await, or why the statement cannot be split there. */
export function inPlaceAwait(awaited: Path, facts: InPlaceFacts): InPlaceAwait {
  for (let child = awaited, parent = awaited.parent as Path | null; parent; child = parent, parent = parent.parent as Path | null) {
    const node = parent.node;
    if (HOLDERS.has(node.type)) {
      if (node.type === 'VariableDeclaration' && (node.declarations as Node[]).length !== 1) return { problem: 'the statement declares more than one variable' };
      return { statement: parent };
    }
    if (node.type === 'ObjectProperty' && node.computed) return { problem: 'the value is in a property with a computed key' };
    if (PASS_THROUGH.has(node.type)) continue;
    // The await's own function: the statement is an arrow's expression body.
    if (isFunction(node)) return { problem: 'the value is used in the expression body of an arrow function, not in a statement' };
    const before = evaluatedBefore(parent, child);
    if (!before) return { problem: unsplit(node) };
    const effect = before.map((sibling) => firstEffect(sibling, facts.reassigned)).find((e) => e !== undefined);
    if (effect && isIdentifier(effect.node)) {
      return { problem: `the statement reads \`${effect.node.name}\` before the value is awaited, and \`${effect.node.name}\` is assigned elsewhere, so read after the transaction it could differ` };
    }
    if (effect) return { problem: `the statement runs \`${facts.text(effect.node)}\` before the value is awaited, so it would run after the transaction instead` };
  }
  return { problem: 'it is not inside a statement' };
}

/** Nodes that hand their child's value on unchanged, evaluating nothing before it. */
const PASS_THROUGH = new Set(['VariableDeclarator', 'ObjectProperty', 'SpreadElement', 'TSAsExpression', 'TSNonNullExpression', 'ParenthesizedExpression']);

/** What `parent` evaluates before `child`, or undefined when `child` runs only on a condition (or the shape is not followed). */
function evaluatedBefore(parent: Path, child: Path): Path[] | undefined {
  const node = parent.node;
  const earlier = (key: string) => {
    const list = node[key] as Array<Node | null>;
    const index = list.indexOf(child.node);
    return index === -1 ? undefined : list.slice(0, index).flatMap((n, i) => (n ? [parent.get(key, i) as Path] : []));
  };
  if (isCall(node) || node.type === 'NewExpression') {
    const args = earlier('arguments');
    return args && [parent.get('callee') as Path, ...args];
  }
  if (node.type === 'ObjectExpression') return earlier('properties');
  if (node.type === 'ArrayExpression') return earlier('elements');
  if (node.type === 'TemplateLiteral') return earlier('expressions');
  if (isMember(node) && node.object === child.node) return [];
  // Evaluated first, every time: an awaited or negated value, the left of `&&`, the test of `? :`.
  if (node.type === 'AwaitExpression' || node.type === 'UnaryExpression') return [];
  if (node.type === 'LogicalExpression' && node.left === child.node) return [];
  if (node.type === 'ConditionalExpression' && node.test === child.node) return [];
  if (node.type === 'BinaryExpression') return node.left === child.node ? [] : [parent.get('left') as Path];
  // `x = await chain` names x first; `obj.x = await chain` evaluates obj first.
  if (node.type === 'AssignmentExpression' && node.operator === '=' && node.right === child.node) {
    const left = node.left as Node;
    if (isIdentifier(left)) return [];
    if (isMember(left) && !left.computed) return [parent.get('left', 'object') as Path];
  }
  return undefined;
}

/** The innermost part of `path` that does more than read (`res.status(201)` in `res.status(201).json`), or undefined when it only reads. */
function firstEffect(path: Path, reassigned: (identifier: Path) => boolean): Path | undefined {
  if (readsOnly(path, reassigned)) return undefined;
  const node = path.node;
  if (isMember(node) && !node.computed) return firstEffect(path.get('object') as Path, reassigned) ?? path;
  if (node.type === 'ObjectProperty' && !node.computed) return firstEffect(path.get('value') as Path, reassigned) ?? path;
  return path;
}

/** Evaluating the node reads values and changes nothing, and no variable it reads can change meanwhile. */
function readsOnly(path: Path, reassigned: (identifier: Path) => boolean): boolean {
  const node = path.node;
  if (/Literal$/.test(node.type) && node.type !== 'TemplateLiteral') return true;
  if (node.type === 'ThisExpression' || isFunction(node)) return true;
  if (isIdentifier(node)) return !reassigned(path);
  if (isMember(node) && !node.computed) return readsOnly(path.get('object') as Path, reassigned);
  if (node.type === 'ObjectProperty' && !node.computed) return readsOnly(path.get('value') as Path, reassigned);
  return false;
}

function unsplit(node: Node): string {
  if (node.type === 'ConditionalExpression') return 'the value is used in one branch of a conditional (`? :`), which decides whether the chain runs';
  if (node.type === 'LogicalExpression') return `the value is used on the right of \`${node.operator as string}\`, which decides whether the chain runs`;
  return `the value is used in an expression of type ${node.type}, which this rewrite does not split`;
}

import type { Bindings } from '../ast/bindings';
import { calleeName, isCall, isIdentifier, isMember, propertyName, startOf, type Node, type Path } from '../ast/nodes';
import type { PathIndex } from '../ast/path-index';

/** Callees that leave the process: HTTP, mail, queues, events. */
const OUTSIDE_CALLS = /^(fetch|axios|got|request|superagent|send[A-Z].*|send|sendMail|sendEmail|publish|enqueue|emit|notify.*|dispatch|sendToQueue|postMessage)$/;
/** Receivers whose methods answer an HTTP request (Express, Koa, Fastify). */
const RESPONSE_OBJECTS = new Set(['res', 'response', 'reply', 'ctx']);
const COLLECTION_MUTATORS = new Set(['push', 'unshift', 'add', 'set', 'splice']);

/**
 * The first thing in `nodes` that a retried transaction body would do twice with an effect outside
 * the database (docs/mongoose-semantics.md §5.1.2): an HTTP call, an email or queue message, a
 * response, a push into or counter on something declared outside `region`. Undefined when none.
 */
export function outsideEffect(nodes: Path[], region: Node, index: PathIndex, bindings: Bindings): Path | undefined {
  for (const path of nodes) {
    const candidates = [path, ...index.within(path.node, 'CallExpression', 'OptionalCallExpression', 'UpdateExpression', 'AssignmentExpression')];
    const found = candidates.find((candidate) => isOutsideEffect(candidate, region, bindings));
    if (found) return found;
  }
  return undefined;
}

function isOutsideEffect(path: Path, region: Node, bindings: Bindings): boolean {
  const node = path.node;
  if (isCall(node)) {
    const callee = node.callee as Node;
    const name = calleeName(node);
    if (isMember(callee)) {
      const object = callee.object;
      if (isIdentifier(object) && RESPONSE_OBJECTS.has(object.name)) return true;
      if (isIdentifier(object, 'axios') || isIdentifier(object, 'http') || isIdentifier(object, 'https')) return true;
      if (name && COLLECTION_MUTATORS.has(name) && isIdentifier(object)) return declaredOutside(path.get('callee', 'object') as Path, region, bindings);
    }
    return name !== undefined && OUTSIDE_CALLS.test(name);
  }
  if (node.type === 'UpdateExpression' || (node.type === 'AssignmentExpression' && node.operator !== '=')) {
    const target = path.get(node.type === 'UpdateExpression' ? 'argument' : 'left') as Path;
    return isIdentifier(target.node) && declaredOutside(target, region, bindings);
  }
  return false;
}

function declaredOutside(identifier: Path, region: Node, bindings: Bindings): boolean {
  const declaration = bindings.declarationOf(identifier);
  if (!declaration) return true;
  return startOf(declaration) < startOf(region) || startOf(declaration) >= (region.end ?? 0);
}

const RETURNS_NOTHING = new Set(['console', 'assert', 'expect']);

/** `res.json(x)` and friends, `console.*`, `assert*`: calls whose value is not a promise. */
export function isSynchronousCall(node: Node): boolean {
  if (!isCall(node)) return false;
  const callee = node.callee as Node;
  if (returnsNothing(node)) return true;
  return isMember(callee) && isIdentifier(callee.object) && RESPONSE_OBJECTS.has(callee.object.name) && propertyName(callee) !== 'then';
}

/** `console.log(...)`, `assert.ok(...)`, `expect(...)...`: their value is undefined (or an assertion object). */
export function returnsNothing(node: Node): boolean {
  const root = isCall(node) ? rootName(node.callee as Node) : undefined;
  return root !== undefined && RETURNS_NOTHING.has(root);
}

function rootName(node: Node): string | undefined {
  let current = node;
  while (isMember(current) || isCall(current)) current = (isCall(current) ? current.callee : current.object) as Node;
  return isIdentifier(current) ? current.name : undefined;
}

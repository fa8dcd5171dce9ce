import type { Bindings } from '../ast/bindings';
import { calleeName, isCall, isMember, rootIdentifier, type Node, type Path } from '../ast/nodes';

/** Methods that put a value into a collection (it lives as long as the collection does). */
export const COLLECTION_MUTATORS = new Set(['push', 'unshift', 'add', 'set', 'splice']);

/** Calls that keep what they are given: collections, `Object.assign`, listeners, timers. */
export const STORING_METHODS = new Set([...COLLECTION_MUTATORS, 'assign', 'defineProperty', 'setTimeout', 'setImmediate', 'on', 'once', 'addListener']);

/** Expressions a value passes through unchanged on its way to where it is kept. */
const CARRIERS = new Set([
  'ObjectProperty', 'ObjectExpression', 'ArrayExpression', 'SpreadElement', 'ParenthesizedExpression',
  'TSAsExpression', 'TSNonNullExpression', 'TSSatisfiesExpression', 'TSTypeAssertion',
]);

/**
 * How a use of the session keeps it beyond `region` (assigned to something declared outside it,
 * handed to a constructor, a listener, a timer or an outside collection), or undefined.
 */
export function storedBeyond(ref: Path, region: Node, bindings: Bindings): string | undefined {
  let child = ref;
  let parent = ref.parent as Path | null;
  while (parent && CARRIERS.has(parent.node.type)) {
    child = parent;
    parent = parent.parent as Path | null;
  }
  if (!parent) return undefined;
  const node = parent.node;
  if (node.type === 'AssignmentExpression' && node.right === child.node) {
    const target = rootIdentifier(parent.get('left') as Path);
    return !target || bindings.declaredOutside(target, region) ? 'stored on an object or variable that outlives it' : undefined;
  }
  if (node.type === 'NewExpression') return 'passed to a constructor, which may keep it';
  if (!isCall(node) || node.callee === child.node) return undefined;
  const name = storingMethod(node);
  if (!name) return undefined;
  const callee = parent.get('callee') as Path;
  const collection = COLLECTION_MUTATORS.has(name) && isMember(callee.node) ? rootIdentifier(callee.get('object') as Path) : undefined;
  if (collection && !bindings.declaredOutside(collection, region)) return undefined;
  return `stored with ${name}()`;
}

/**
 * The name of the method when `call` is one that keeps its arguments; `set.add(value)` and
 * `map.set(key, value)` are told by their argument count from a service's `add(data, session)`.
 */
export function storingMethod(call: Node): string | undefined {
  const name = calleeName(call);
  if (!name || !STORING_METHODS.has(name)) return undefined;
  const count = (call.arguments as Node[]).length;
  if ((name === 'add' && count !== 1) || (name === 'set' && count !== 2)) return undefined;
  return name;
}

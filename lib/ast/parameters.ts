import { isCall, isIdentifier, type Node, type Path } from './nodes';

/**
 * Where a function receives a value: a parameter as written (`s`, `s?: T`, `s = null`, a
 * constructor's `private s`), or one property of a destructured parameter (`{ session }`).
 */
export interface ParameterSlot {
  /** The identifier that declares the value inside the function. */
  declaration: Node;
  /** Position of the parameter. */
  index: number;
  /** For a destructured parameter, the property callers pass the value in. */
  key?: string;
  /** Callers may leave it out: it has a default, is optional, or sits in a destructured object. */
  optional: boolean;
}

export function parameterSlots(fn: Node): ParameterSlot[] {
  const slots: ParameterSlot[] = [];
  (fn.params as Node[]).forEach((param, index) => {
    const inner = param.type === 'TSParameterProperty' ? (param.parameter as Node) : param;
    const target = inner.type === 'AssignmentPattern' ? (inner.left as Node) : inner;
    if (isIdentifier(target)) {
      slots.push({ declaration: target, index, optional: target !== inner || target.optional === true });
      return;
    }
    if (target.type !== 'ObjectPattern') return;
    for (const property of target.properties as Node[]) {
      if (property.type !== 'ObjectProperty' || property.computed) continue;
      const key = property.key as Node;
      const value = property.value as Node;
      const local = value.type === 'AssignmentPattern' ? (value.left as Node) : value;
      if (isIdentifier(local)) slots.push({ declaration: local, index, key: (key.name ?? key.value) as string, optional: true });
    }
  });
  return slots;
}

/**
 * What a call passes into a slot: the argument, or the property of an object literal argument
 * for a destructured slot. `absent` when the call leaves it out (or passes null or undefined);
 * `unknown` when the call passes something the slot's value cannot be read from.
 */
export function argumentFor(call: Path, slot: ParameterSlot): Path | 'absent' | 'unknown' {
  if (!isCall(call.node)) return 'unknown';
  const args = call.node.arguments as Node[];
  if (args.slice(0, slot.index + 1).some((a) => a.type === 'SpreadElement')) return 'unknown';
  const arg = args[slot.index];
  if (!arg || isNothing(arg)) return 'absent';
  const argPath = call.get('arguments', slot.index) as Path;
  if (slot.key === undefined) return argPath;
  if (arg.type !== 'ObjectExpression') return 'unknown';
  const properties = arg.properties as Node[];
  if (properties.some((p) => p.type === 'SpreadElement')) return 'unknown';
  const index = properties.findIndex((p) => p.type === 'ObjectProperty' && !p.computed && ((p.key as Node).name ?? (p.key as Node).value) === slot.key);
  if (index === -1) return 'absent';
  const value = argPath.get('properties', index, 'value') as Path;
  return isNothing(value.node) ? 'absent' : value;
}

function isNothing(node: Node): boolean {
  return node.type === 'NullLiteral' || isIdentifier(node, 'undefined');
}

/**
 * Where two Babel-shaped trees differ, as the analysis could see it: node types, offsets, line and
 * column, every field's value, `extra`, and the order of the fields holding nodes (a walk over a
 * node's keys meets its children in that order). Fields whose value is undefined count as absent;
 * comments attached to nodes (which nothing reads) and the `loc` objects' other fields are left out.
 */
export function astDifferences(expected: unknown, actual: unknown, limit = 10): string[] {
  const out: string[] = [];
  compare(expected, actual, 'File', out, limit);
  return out;
}

const IGNORED = new Set(['loc', 'leadingComments', 'trailingComments', 'innerComments', 'range']);

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null;
}

function keysOf(node: Obj): string[] {
  return Object.keys(node).filter((k) => !IGNORED.has(k) && node[k] !== undefined);
}

function compare(expected: unknown, actual: unknown, at: string, out: string[], limit: number): void {
  if (out.length >= limit) return;
  if (Array.isArray(expected) || Array.isArray(actual)) {
    if (!Array.isArray(expected) || !Array.isArray(actual)) return void out.push(`${at}: ${describe(expected)} != ${describe(actual)}`);
    if (expected.length !== actual.length) out.push(`${at}: ${expected.length} items != ${actual.length}`);
    for (let i = 0; i < Math.min(expected.length, actual.length); i++) compare(expected[i], actual[i], `${at}[${i}]`, out, limit);
    return;
  }
  if (!isObject(expected) || !isObject(actual)) {
    if (!Object.is(expected, actual)) out.push(`${at}: ${describe(expected)} != ${describe(actual)}`);
    return;
  }
  const here = typeof expected.type === 'string' ? `${at}<${expected.type}@${String(expected.start)}>` : at;
  if (typeof expected.type === 'string') {
    const position = (n: Obj) => {
      const loc = n.loc as { start: { line: number; column: number }; end: { line: number; column: number } } | undefined;
      return loc ? `${loc.start.line}:${loc.start.column}-${loc.end.line}:${loc.end.column}` : 'no loc';
    };
    if (position(expected) !== position(actual)) out.push(`${here}.loc: ${position(expected)} != ${position(actual)}`);
    const order = (n: Obj) => keysOf(n).filter((k) => k !== 'extra' && isObject(n[k])).join(',');
    if (order(expected) !== order(actual)) out.push(`${here}: children ${order(expected)} != ${order(actual)}`);
  }
  const expectedKeys = keysOf(expected);
  const actualKeys = keysOf(actual);
  const missing = expectedKeys.filter((k) => !actualKeys.includes(k));
  const extra = actualKeys.filter((k) => !expectedKeys.includes(k));
  if (missing.length > 0 || extra.length > 0) out.push(`${here}: fields missing [${missing.join(',')}], unexpected [${extra.join(',')}]`);
  for (const key of expectedKeys) if (actualKeys.includes(key)) compare(expected[key], actual[key], `${here}.${key}`, out, limit);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return `array(${value.length})`;
  if (isObject(value)) return typeof value.type === 'string' ? value.type : JSON.stringify(value).slice(0, 80);
  return JSON.stringify(value) ?? String(value);
}

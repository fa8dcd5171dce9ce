import { describe, expect, it } from 'vitest';
import { Bindings } from '../../lib/ast/bindings';
import type { Path } from '../../lib/ast/nodes';
import { PathIndex } from '../../lib/ast/path-index';
import { parseFile } from '../../lib/facts/parse';

function resolve(source: string) {
  const { j, root } = parseFile('x.ts', source);
  const bindings = new Bindings(new PathIndex(j, root));
  const refs: Array<{ at: number; declaredAt: number | undefined }> = [];
  root.find(j.Identifier, { name: 's' }).forEach((p) => {
    const path = p as unknown as Path;
    refs.push({ at: path.node.start!, declaredAt: bindings.declarationOf(path)?.start ?? undefined });
  });
  return refs;
}

describe('Bindings', () => {
  it('resolves block-scoped const and let to the nearest block', () => {
    const source = 'function f() { const s = 1; { const s = 2; g(s); } g(s); }';
    const outer = source.indexOf('s = 1');
    const inner = source.indexOf('s = 2');
    const refs = resolve(source);
    expect(refs.find((r) => r.at === source.indexOf('g(s)') + 2)?.declaredAt).toBe(inner);
    expect(refs.find((r) => r.at === source.lastIndexOf('g(s)') + 2)?.declaredAt).toBe(outer);
  });

  it('hoists var to the function, and knows parameters, catch clauses and loop heads', () => {
    const source = 'function f(s) { if (x) { var t = s; } try {} catch (s) { h(s); } for (const s of a) k(s); }';
    const refs = resolve(source);
    expect(refs.find((r) => r.at === source.indexOf('= s') + 2)?.declaredAt).toBe(source.indexOf('(s)') + 1);
    expect(refs.find((r) => r.at === source.indexOf('h(s)') + 2)?.declaredAt).toBe(source.indexOf('catch (s)') + 7);
    expect(refs.find((r) => r.at === source.indexOf('k(s)') + 2)?.declaredAt).toBe(source.indexOf('const s of') + 6);
  });

  it('leaves globals and property names unresolved', () => {
    const source = 'g(s); o.s = 1; const p = { s: 1 };';
    expect(resolve(source).every((r) => r.declaredAt === undefined)).toBe(true);
  });
});

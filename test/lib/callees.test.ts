import { describe, expect, it } from 'vitest';
import type { Path } from '../../lib/ast/nodes';
import { parseFile } from '../../lib/facts/parse';
import type { SourceLocation } from '../../lib/facts/type-facts';
import { MongooseAnalysis, type CallDeclarations, type ModuleLinks } from '../../lib/mongoose/analysis';
import { calledFunction } from '../../lib/mongoose/callees';

/**
 * Analyses of in-memory files that load each other by their names (`./tx` is `tx.ts`); `types`
 * answers, for a file, where the function a call's text runs is declared (as type facts would).
 */
function project(files: Record<string, string>, types: (file: string, callText: string) => SourceLocation | undefined = () => undefined): (name: string) => MongooseAnalysis {
  const analyses = new Map<string, MongooseAnalysis>();
  const get = (name: string): MongooseAnalysis => {
    let analysis = analyses.get(name);
    if (!analysis) {
      const { j, root } = parseFile(name, files[name]!);
      const links: ModuleLinks = {
        moduleAt: (specifier) => (specifier.startsWith('./') && files[`${specifier.slice(2)}.ts`] !== undefined ? get(`${specifier.slice(2)}.ts`) : undefined),
        analysisOf: (file) => (files[file] === undefined ? undefined : get(file)),
      };
      const declarations: CallDeclarations = (start, end) => {
        const declaredAt = types(name, files[name]!.slice(start, end));
        return declaredAt && { origin: 'project', declaredAt };
      };
      analysis = new MongooseAnalysis(j, root, files[name]!, declarations, links, name);
      analyses.set(name, analysis);
    }
    return analysis;
  };
  return get;
}

/** The name of the function the call starting with `callText` runs, or undefined. */
function calleeOf(analysis: MongooseAnalysis, callText: string): string | undefined {
  const at = analysis.source.indexOf(callText);
  const call = analysis.index.calls().find((c) => c.node.start === at) as Path;
  const found = calledFunction(analysis, call);
  if (!found) return undefined;
  const node = found.fn.node;
  const name = (node.id ?? node.key ?? (found.fn.parent!.node as { id?: { name: string } }).id) as { name: string } | undefined;
  return `${found.analysis === analysis ? '' : 'other:'}${name?.name ?? '?'}`;
}

describe('calledFunction', () => {
  it('does not take a parameter for the function that declares it', () => {
    const get = project({ 'a.ts': 'async function wrap(cb) { return cb(1); }' });
    expect(calleeOf(get('a.ts'), 'cb(1)')).toBeUndefined();
  });

  it('follows named, default and CommonJS exports, and require', () => {
    const get = project({
      'tx.ts': 'export async function run(fn) {}\nexport default function main() {}\n',
      'cjs.ts': 'async function start() {}\nmodule.exports = { start };\n',
      'a.ts': "import main, { run } from './tx';\nconst helper = require('./cjs');\nrun(x); main(); helper.start();",
    });
    const a = get('a.ts');
    expect(calleeOf(a, 'run(x)')).toBe('other:run');
    expect(calleeOf(a, 'main()')).toBe('other:main');
    expect(calleeOf(a, 'helper.start()')).toBe('other:start');
  });

  it('follows a NestJS constructor property typed with an imported class, and an exported instance', () => {
    const get = project({
      'service.ts': 'export class TransactionService { async withTransaction(cb) {} }\nexport const transactionService = new TransactionService();\n',
      'a.ts':
        "import { TransactionService, transactionService } from './service';\nclass Orders { constructor(private readonly tx: TransactionService) {} go() { this.tx.withTransaction(f); } }\ntransactionService.withTransaction(g);",
    });
    const a = get('a.ts');
    expect(calleeOf(a, 'this.tx.withTransaction(f)')).toBe('other:withTransaction');
    expect(calleeOf(a, 'transactionService.withTransaction(g)')).toBe('other:withTransaction');
  });

  it('follows an object of functions a module exports by default, or as module.exports', () => {
    const get = project({
      'stock.ts': 'const takeUnits = (sku, units, session) => Stock.findOneAndUpdate({ sku }, {}, { session });\nexport default { takeUnits };\n',
      'labels.ts': 'function labelFor(sku) { return sku; }\nmodule.exports = { labelFor, padSku: (s) => s };\n',
      'a.ts': "import stockRepo from './stock';\nconst labels = require('./labels');\nstockRepo.takeUnits(1, 2, s); labels.labelFor(1); labels.padSku(2);",
    });
    const a = get('a.ts');
    expect(calleeOf(a, 'stockRepo.takeUnits(')).toBe('other:takeUnits');
    expect(calleeOf(a, 'labels.labelFor(')).toBe('other:labelFor');
    expect(calleeOf(a, 'labels.padSku(')).toBe('other:?');
  });

  it('asks type facts only where syntax cannot tell, and follows their answer into the declaring file', () => {
    const asked: string[] = [];
    const files = {
      'stock.ts': 'export function takeUnits(sku) {}\n',
      'impl.ts': 'export class StockStore { async release(sku) {} }\n',
      'svc.ts': 'export const store = makeStore();\n',
      'a.ts': "import { takeUnits } from './stock';\nimport { store } from './svc';\ntakeUnits(1); store.release(2);",
    };
    const get = project(files, (_file, callText) => {
      asked.push(callText);
      return callText === 'store.release(2)' ? { file: 'impl.ts', start: files['impl.ts'].indexOf('release') } : undefined;
    });
    const a = get('a.ts');
    expect(calleeOf(a, 'takeUnits(1)')).toBe('other:takeUnits');
    expect(calleeOf(a, 'store.release(2)')).toBe('other:release');
    expect(asked).toEqual(['store.release(2)']);
  });

  it('leaves packages and unknown receivers alone', () => {
    const get = project({ 'a.ts': "import mongoose from 'mongoose';\nmongoose.startSession(); items.map(f);" });
    const a = get('a.ts');
    expect(calleeOf(a, 'mongoose.startSession()')).toBeUndefined();
    expect(calleeOf(a, 'items.map(f)')).toBeUndefined();
  });
});

describe('this.m() and super.m()', () => {
  const local = (analysis: MongooseAnalysis, callText: string): string | undefined => {
    const at = analysis.source.indexOf(callText);
    const call = analysis.index.calls().find((c) => c.node.start === at) as Path;
    const fn = analysis.localFunctionCalled(call);
    const cls = fn?.parent?.parent?.node as { id?: { name: string } } | undefined;
    return fn && `${cls?.id?.name ?? '?'}.${(fn.node.key as { name: string }).name}`;
  };

  it("runs the enclosing class's method, never another class's of the same name", () => {
    const get = project({
      'a.ts': [
        'class Audit { async record(e) { await Audit.create([e]); } }',
        'class Orders { async record(e, s) { await Order.create([e], { session: s }); } async place(e, s) { await this.record(e, s); } }',
        'class Stray { async place(e) { await this.record(e); } }',
        'function loose() { return this.record(1); }',
      ].join('\n'),
    });
    const a = get('a.ts');
    expect(local(a, 'this.record(e, s)')).toBe('Orders.record');
    expect(local(a, 'this.record(e)')).toBeUndefined();
    expect(local(a, 'this.record(1)')).toBeUndefined();
  });

  it('walks the extends chain, in the file and through imports, and follows super', () => {
    const get = project({
      'base.ts': 'export class Base { async transaction(work) { return work(); } async save() {} }',
      'a.ts': [
        "import { Base } from './base';",
        'class Middle extends Base { async save() { await super.save(); } }',
        'class Orders extends Middle { async place() { await this.transaction(() => 1); await this.save(); } static make() { return this.create(); } static create() {} }',
      ].join('\n'),
    });
    const a = get('a.ts');
    expect(calleeOf(a, 'this.transaction(')).toBe('other:transaction');
    expect(local(a, 'this.transaction(')).toBeUndefined();
    expect(local(a, 'this.save()')).toBe('Middle.save');
    expect(calleeOf(a, 'super.save()')).toBe('other:save');
    expect(local(a, 'this.create()')).toBe('Orders.create');
  });
});

import { describe, expect, it } from 'vitest';
import type { Path } from '../../lib/ast/nodes';
import { parseFile } from '../../lib/facts/parse';
import { MongooseAnalysis, type ModuleLinks } from '../../lib/mongoose/analysis';
import { calledFunction } from '../../lib/mongoose/callees';

/** Analyses of in-memory files that load each other by their names (`./tx` is `tx.ts`). */
function project(files: Record<string, string>): (name: string) => MongooseAnalysis {
  const analyses = new Map<string, MongooseAnalysis>();
  const get = (name: string): MongooseAnalysis => {
    let analysis = analyses.get(name);
    if (!analysis) {
      const { j, root } = parseFile(name, files[name]!);
      const links: ModuleLinks = { moduleAt: (specifier) => (specifier.startsWith('./') && files[`${specifier.slice(2)}.ts`] !== undefined ? get(`${specifier.slice(2)}.ts`) : undefined) };
      analysis = new MongooseAnalysis(j, root, files[name]!, undefined, links);
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

  it('leaves packages and unknown receivers alone', () => {
    const get = project({ 'a.ts': "import mongoose from 'mongoose';\nmongoose.startSession(); items.map(f);" });
    const a = get('a.ts');
    expect(calleeOf(a, 'mongoose.startSession()')).toBeUndefined();
    expect(calleeOf(a, 'items.map(f)')).toBeUndefined();
  });
});

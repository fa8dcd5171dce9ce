import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PathIndex } from '../lib/ast/path-index';
import { DeclaredTypeFacts } from '../lib/facts/declared-facts';
import { parseFile } from '../lib/facts/parse';
import { isSourceFile } from '../lib/facts/source-files';
import { LazyTypeFacts, type ThenableFact } from '../lib/facts/type-facts';
import { ModuleResolver } from '../lib/runner/prefilter/resolve';
import { discoverCases, filesUnder, FIXTURES_ROOT, NO_TYPE_FACTS, runCaseOn, type CaseRun } from './harness/fixtures';

/**
 * The fixtures whose outputs or findings depend on type facts, and why. Every other fixture must
 * come out the same without them: there the syntax decides (declarations included), and a run
 * that cannot have types (Mongoose's declarations missing) gives the same diff and findings as
 * one that has them.
 */
const TYPE_DEPENDENT: Record<string, string> = {
  'add-missing-await/typed.ts': 'order.save() on a HydratedDocument<IOrder> parameter: only its type says it is a Mongoose document whose save() returns a promise',
};

function outcome(runs: CaseRun[]): string {
  return JSON.stringify(runs.map((r) => ({ file: r.file, output: r.result.output, findings: r.result.findings.map((f) => `${f.file}:${f.line} ${f.reason}`) })));
}

const cases = discoverCases();

describe('type facts', () => {
  it('change outputs or findings only where the fixture depends on types', () => {
    const dependent: string[] = [];
    for (const fixture of cases) {
      const root = fixture.kind === 'file' ? fixture.input : fixture.inputDir;
      if (outcome(runCaseOn(fixture, root)) !== outcome(runCaseOn(fixture, root, NO_TYPE_FACTS))) dependent.push(`${fixture.group}/${fixture.name}`);
    }
    expect(dependent.sort()).toEqual(Object.keys(TYPE_DEPENDENT).sort());
  });

  it('from declarations agree with the type checker wherever they answer', () => {
    const checker = new LazyTypeFacts();
    const unanswered: ThenableFact = { thenable: false, origin: 'other' };
    let compared = 0;
    const disagreements: string[] = [];
    for (const fixture of cases) {
      const files = fixture.kind === 'file' ? [fixture.input] : filesUnder(fixture.inputDir).filter(isSourceFile);
      const resolver = new ModuleResolver(new Set(files), new Map());
      const declared = new DeclaredTypeFacts({ thenableAt: () => unanswered, statuses: () => [] }, (from, specifier) => resolver.resolve(from, specifier));
      for (const file of files) {
        const source = fs.readFileSync(file, 'utf8');
        const parsed = parseFile(file, source);
        for (const call of new PathIndex(parsed.j, parsed.root).calls()) {
          const [start, end] = [call.node.start!, call.node.end!];
          const fromDeclarations = declared.thenableAt(file, source, start, end);
          if (fromDeclarations === unanswered) continue;
          compared++;
          const fromChecker = checker.thenableAt(file, source, start, end);
          if (JSON.stringify(fromDeclarations) !== JSON.stringify(fromChecker)) {
            disagreements.push(`${path.relative(FIXTURES_ROOT, file)}: ${source.slice(start, end)}: ${JSON.stringify(fromDeclarations)}, the checker ${JSON.stringify(fromChecker)}`);
          }
        }
      }
    }
    expect(disagreements).toEqual([]);
    expect(compared).toBeGreaterThan(40);
  });
});

import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../lib/types';
import { discoverCases, filesUnder, runCaseOn, type CaseRun, type FixtureCase } from './harness/fixtures';

const cases = discoverCases();

describe('fixtures', () => {
  it('are present for every implemented transform', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const fixture of cases) {
    describe(`${fixture.group}/${fixture.name}`, () => {
      it(fixture.kind === 'file' && !fixture.output ? 'stays byte-identical' : 'produces the expected output exactly', () => {
        const runs = runCaseOn(fixture, fixture.kind === 'file' ? fixture.input : fixture.inputDir);
        for (const run of runs) {
          const expected = expectedFor(fixture, run.file);
          if (expected === undefined) expect(run.result.output, `${run.file} must not change`).toBeUndefined();
          else expect(run.result.output ?? run.source, `${run.file}`).toBe(expected);
        }
        expectFindings(fixture, runs);
      });

      const outputRoot = fixture.kind === 'file' ? fixture.output : fixture.outputDir;
      if (outputRoot) {
        it('is idempotent: a second run changes nothing', () => {
          for (const run of runCaseOn(fixture, outputRoot)) {
            expect(run.result.output, `${run.file} changed on the second run`).toBeUndefined();
          }
        });
      }
    });
  }
});

/** The expected text for an input file, or undefined when it must stay as it is. */
function expectedFor(fixture: FixtureCase, inputFile: string): string | undefined {
  if (fixture.kind === 'file') return fixture.output ? fs.readFileSync(fixture.output, 'utf8') : undefined;
  if (!fixture.outputDir) return undefined;
  const counterpart = path.join(fixture.outputDir, path.relative(fixture.inputDir, inputFile));
  if (!fs.existsSync(counterpart)) throw new Error(`${counterpart} is missing: a folder case's output holds the complete expected tree`);
  const expected = fs.readFileSync(counterpart, 'utf8');
  return expected === fs.readFileSync(inputFile, 'utf8') ? undefined : expected;
}

function expectFindings(fixture: FixtureCase, runs: CaseRun[]): void {
  const actual: Finding[] = runs.flatMap((r) => r.result.findings);
  const expected = fixture.spec.findings ?? [];
  const describeAll = actual.map((f) => `${f.file}:${f.line}:${f.column} ${f.reason}`).join('\n');
  expect(actual.length, `findings reported:\n${describeAll}`).toBe(expected.length);
  for (const want of expected) {
    const match = actual.find(
      (f) => f.line === want.line && (want.column === undefined || f.column === want.column) && f.reason.includes(want.reason) && (want.file === undefined || f.file === want.file),
    );
    expect(match, `expected a finding at ${want.file ?? ''}:${want.line}${want.column === undefined ? '' : `:${want.column}`} containing "${want.reason}"; got:\n${describeAll}`).toBeDefined();
  }
}

describe('fixture folders', () => {
  it('hold complete output trees', () => {
    for (const fixture of cases) {
      if (fixture.kind !== 'folder' || !fixture.outputDir) continue;
      const inputs = filesUnder(fixture.inputDir).map((f) => path.relative(fixture.inputDir, f));
      const outputs = filesUnder(fixture.outputDir).map((f) => path.relative(fixture.outputDir!, f));
      expect(outputs, fixture.name).toEqual(inputs);
    }
  });
});

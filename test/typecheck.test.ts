import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverCases, filesUnder } from './harness/fixtures';
import { createTypeChecker } from './harness/typecheck';

const TS = /\.[cm]?tsx?$/;

/**
 * A parameter the rewrite could not remove is left for the reviewer with a finding that says so;
 * TypeScript's complaint about it on that line is the finding, not a new error.
 */
const UNREAD_FINDING = /^nothing reads the session parameter/;
const UNREAD_DIAGNOSTIC = /^\d+: '.*' is declared but its value is never read\.$/;
const toldAbout = new Set<string>();

/** Pairs of (input, expected output) TypeScript files whose output differs from the input. */
function typescriptPairs(): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const fixture of discoverCases()) {
    if (fixture.kind === 'file' && fixture.output && TS.test(fixture.input)) {
      pairs.push([fixture.input, fixture.output]);
      for (const finding of fixture.spec.findings ?? []) if (UNREAD_FINDING.test(finding.reason)) toldAbout.add(`${fixture.output}:${finding.line}`);
    }
    if (fixture.kind === 'folder' && fixture.outputDir) {
      for (const input of filesUnder(fixture.inputDir).filter((f) => TS.test(f))) {
        pairs.push([input, path.join(fixture.outputDir, path.relative(fixture.inputDir, input))]);
      }
    }
  }
  return pairs;
}

describe('TypeScript fixture outputs', () => {
  const pairs = typescriptPairs();

  it('exist', () => {
    expect(pairs.length).toBeGreaterThan(0);
  });

  it('type-check against mongoose with no more errors than their inputs', () => {
    const check = createTypeChecker();
    const diagnostics = check(pairs.flat());
    const worse = pairs.flatMap(([input, output]) => {
      const before = diagnostics.get(input) ?? [];
      const after = (diagnostics.get(output) ?? []).filter((d) => !(UNREAD_DIAGNOSTIC.test(d) && toldAbout.has(`${output}:${d.split(':')[0]}`)));
      return after.length > before.length ? [`${path.relative(process.cwd(), output)}:\n${after.join('\n')}\n(input had:\n${before.join('\n')})`] : [];
    });
    expect(worse).toEqual([]);
  });
});

import { structuredPatch } from 'diff';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../lib/types';
import { discoverCases, runCaseOn, type CaseRun } from './harness/fixtures';

/**
 * One run is its own fixed point: run again over what the first run wrote, the transforms change
 * nothing (the fixture harness checks that against each expected output) and report what the first
 * run reported, less what it fixed: no finding appears that the first run did not report, and a
 * finding of the first run that the second does not repeat stood on code the first run changed
 * (a note about its own rewrite). Findings are compared by transform, rule and reason, with the
 * numbers in the reason set aside (lines move when code is rewritten).
 */

const cases = discoverCases().filter((c) => (c.kind === 'file' ? c.output : c.outputDir) !== undefined);

describe('a second run over the first run\'s output', () => {
  for (const fixture of cases) {
    it(`${fixture.group}/${fixture.name}: changes nothing and reports the first run's findings, less what it fixed`, () => {
      const first = runCaseOn(fixture, fixture.kind === 'file' ? fixture.input : fixture.inputDir);
      const second = runCaseOn(fixture, fixture.kind === 'file' ? fixture.output! : fixture.outputDir!);
      for (const run of second) expect(run.result.output, `${run.file} changed on the second run`).toBeUndefined();
      const missing = [...first.flatMap((r) => r.result.findings)];
      for (const finding of second.flatMap((r) => r.result.findings)) {
        const index = missing.findIndex((f) => sameFinding(f, finding));
        expect(index, `the second run reports what the first did not: ${show(finding)}`).not.toBe(-1);
        missing.splice(index, 1);
      }
      for (const finding of missing) {
        expect(changedByFirstRun(first, finding), `the second run drops a finding on code the first run left alone: ${show(finding)}`).toBe(true);
      }
    });
  }
});

function sameFinding(a: Finding, b: Finding): boolean {
  const reason = (f: Finding) => f.reason.replace(/\d+/g, '#');
  // A single-file case names its file after the input or the output.
  const file = (f: Finding) => f.file.replace('.output.', '.input.');
  return file(a) === file(b) && a.transform === b.transform && a.rule === b.rule && reason(a) === reason(b);
}

function show(finding: Finding): string {
  return `${finding.file}:${finding.line} [${finding.transform}] ${finding.reason}`;
}

/** The finding's line lies in (or right next to) a hunk the first run changed in its file. */
function changedByFirstRun(first: CaseRun[], finding: Finding): boolean {
  const run = first.find((r) => r.result.findings.includes(finding))!;
  const output = run.result.output ?? run.source;
  const hunks = structuredPatch('a', 'b', run.source, output, '', '', { context: 0 }).hunks;
  return hunks.some((h) => h.oldStart - 1 <= finding.line && finding.line <= h.oldStart + Math.max(h.oldLines, 1));
}

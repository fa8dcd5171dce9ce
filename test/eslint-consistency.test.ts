import type { ESLint, Linter } from 'eslint';
import { structuredPatch } from 'diff';
import { beforeAll, describe, expect, it } from 'vitest';
import { discoverCases } from './harness/fixtures';
import { applyAllFixes, eslintWith, typedLanguage } from './harness/lint';
import { layOutFixtures, type LintedFile } from './harness/lint-fixtures';

/**
 * The ESLint rules and the codemod are one implementation: over every fixture, the rules report
 * at each place the codemod changes (each differing hunk of the expected output) and at each
 * finding the case expects, nowhere else, and their fixes and suggestions, applied as --fix
 * applies fixes, give the expected output exactly. Expected outputs get no report but the
 * findings their case expects, and nothing left to fix.
 *
 * Each case is copied into a temporary tree where its own package.json says the Mongoose
 * version the case is written for, so the rules find the project's facts as they would on a
 * user's project; files are parsed by typescript-eslint with type information (the other parsers
 * are held to the same reports as the codemod's own parse in eslint-parsers.test.ts).
 */

let eslint: ESLint;
let files: LintedFile[] = [];
const cases = discoverCases();
const results = new Map<string, ESLint.LintResult>();

beforeAll(async () => {
  const laidOut = layOutFixtures();
  files = laidOut.files;
  eslint = eslintWith(laidOut.root, [typedLanguage(laidOut.root), ...laidOut.perCase]);
  const paths = files.flatMap((f) => [f.inputPath, f.outputPath]);
  for (const result of await eslint.lintFiles(paths)) results.set(result.filePath, result);
}, 600_000);

/** Lines of the input that the expected output changes: [first, last], or [n, n + 1] around a pure insertion after line n. */
function changedLines(input: string, expected: string): Array<[number, number]> {
  return structuredPatch('input', 'expected', input, expected, '', '', { context: 0 }).hunks.map((h) =>
    h.oldLines === 0 ? [h.oldStart - 1, h.oldStart] : [h.oldStart, h.oldStart + h.oldLines - 1],
  );
}

/** The lines a report stands on: its location, and the text its fix or suggestion replaces. */
function linesOf(message: Linter.LintMessage, text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [[message.line, message.endLine ?? message.line]];
  const fix = message.fix ?? message.suggestions?.[0]?.fix;
  if (fix) spans.push([lineAt(text, fix.range[0]), lineAt(text, fix.range[1])]);
  return spans;
}

function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

const meets = (a: [number, number], b: [number, number]) => a[0] <= b[1] && b[0] <= a[1];

function expectedFindings(file: LintedFile) {
  return (file.fixture.spec.findings ?? []).filter((f) => f.file === undefined || f.file === file.rel);
}

function show(messages: Linter.LintMessage[]): string {
  return messages.map((m) => `  ${m.line}:${m.column} ${m.ruleId ?? 'fatal'} ${m.message}`).join('\n') || '  (none)';
}

describe('the ESLint rules over the fixture set', () => {
  it('cover every fixture case', () => {
    expect(cases.length).toBeGreaterThan(0);
    expect(new Set(files.map((f) => f.fixture))).toEqual(new Set(cases));
  });

  for (const fixture of cases) {
    describe(`${fixture.group}/${fixture.name}`, () => {
      it('reports each place the codemod changes and each finding it expects, and nothing else', () => {
        for (const file of files.filter((f) => f.fixture === fixture)) {
          const messages = results.get(file.inputPath)!.messages;
          const where = `${file.rel}, reports:\n${show(messages)}`;
          expect(messages.filter((m) => m.fatal), where).toEqual([]);
          const hunks = changedLines(file.input, file.expected);
          for (const hunk of hunks) {
            const covered = messages.some((m) => linesOf(m, file.input).some((span) => meets(span, hunk)));
            expect(covered, `no report at the change of lines ${hunk[0]}-${hunk[1]} of ${where}`).toBe(true);
          }
          const findings = expectedFindings(file);
          for (const finding of findings) {
            const reported = messages.some((m) => m.line === finding.line && m.message.includes(finding.reason));
            expect(reported, `no report of the finding at line ${finding.line} ("${finding.reason}") in ${where}`).toBe(true);
          }
          for (const message of messages) {
            const atChange = hunks.some((hunk) => linesOf(message, file.input).some((span) => meets(span, hunk)));
            const atFinding = findings.some((f) => f.line === message.line && message.message.includes(f.reason));
            expect(atChange || atFinding, `report at line ${message.line} where the codemod neither changes nor reports: ${where}`).toBe(true);
          }
        }
      });

      it('gives the expected output when its fixes and suggestions are applied', async () => {
        for (const file of files.filter((f) => f.fixture === fixture && f.input !== f.expected)) {
          expect(await applyAllFixes(eslint, file.inputPath, file.input, results.get(file.inputPath)!.messages), file.rel).toBe(file.expected);
        }
      });

      it('leaves the expected output nothing to fix and no report but the expected findings', () => {
        for (const file of files.filter((f) => f.fixture === fixture)) {
          const messages = results.get(file.outputPath)!.messages;
          const where = `${file.rel} (expected output), reports:\n${show(messages)}`;
          expect(messages.filter((m) => m.fatal || m.fix || m.suggestions?.length), where).toEqual([]);
          // The same finding on the output names the output's lines.
          const withoutNumbers = (text: string) => text.replace(/\d+/g, '#');
          const reasons = expectedFindings(file).map((f) => withoutNumbers(f.reason));
          for (const message of messages) {
            const index = reasons.findIndex((reason) => withoutNumbers(message.message).includes(reason));
            expect(index, `unexpected report at line ${message.line} of ${where}`).not.toBe(-1);
            reasons.splice(index, 1);
          }
        }
      });
    });
  }
});

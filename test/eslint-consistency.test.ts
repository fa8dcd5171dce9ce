import type { ESLint, Linter } from 'eslint';
import { structuredPatch } from 'diff';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isSourceFile } from '../lib/facts/source-files';
import { RULE_NAMES, RULES } from '../lib/rules';
import { DEFAULT_FIXTURE_MONGOOSE, discoverCases, filesUnder, FIXTURES_ROOT, transformsFor, type FixtureCase } from './harness/fixtures';
import { applyAllFixes, copyTree, eslintWith, REPO_ROOT, tempRoot, typedLanguage, writeFiles } from './harness/lint';

/**
 * The ESLint rules and the codemod are one implementation: over every fixture, the rules report
 * at each place the codemod changes (each differing hunk of the expected output) and at each
 * finding the case expects, nowhere else, and their fixes and suggestions, applied as --fix
 * applies fixes, give the expected output exactly. Expected outputs get no report but the
 * findings their case expects, and nothing left to fix.
 *
 * Each case is copied into a temporary tree where its own package.json says the Mongoose
 * version the case is written for, so the rules find the project's facts as they would on a
 * user's project; files are parsed by typescript-eslint with type information.
 */

interface LintedFile {
  fixture: FixtureCase;
  /** Path relative to the case's folder. */
  rel: string;
  input: string;
  expected: string;
  inputPath: string;
  outputPath: string;
}

const cases = discoverCases();
const repoMongoose = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies.mongoose!;

let root: string;
let eslint: ESLint;
const files: LintedFile[] = [];
const results = new Map<string, ESLint.LintResult>();

beforeAll(async () => {
  root = tempRoot('tx-codemod-lint-fixtures-');
  fs.copyFileSync(path.join(FIXTURES_ROOT, 'tsconfig.json'), path.join(root, 'tsconfig.json'));
  const perCase: Linter.Config[] = [];
  for (const fixture of cases) {
    const dirs = ['in', 'out'].map((side) => path.join(side, fixture.group, fixture.name));
    layOut(fixture, dirs.map((d) => path.join(root, d)) as [string, string]);
    perCase.push({ files: dirs.map((d) => `${d}/**`), settings: { 'tx-codemod': settingsOf(fixture) }, rules: rulesOf(fixture) });
  }
  eslint = eslintWith(root, [typedLanguage(root), ...perCase]);
  const paths = files.flatMap((f) => [f.inputPath, f.outputPath]);
  for (const result of await eslint.lintFiles(paths)) results.set(result.filePath, result);
}, 600_000);

/** Writes the case's input and expected output trees, each with the package.json that gives its Mongoose version. */
function layOut(fixture: FixtureCase, [inDir, outDir]: [string, string]): void {
  const mongoose = fixture.spec.options?.mongoose;
  if (fixture.kind === 'file') {
    const input = fs.readFileSync(fixture.input, 'utf8');
    const expected = fixture.output ? fs.readFileSync(fixture.output, 'utf8') : input;
    const version = mongoose === undefined ? DEFAULT_FIXTURE_MONGOOSE : mongoose;
    for (const [dir, text] of [[inDir, input], [outDir, expected]] as const) {
      writeFiles(dir, { [fixture.name]: text, ...(version === null ? {} : { 'package.json': packageJson(version) }) });
    }
    files.push({ fixture, rel: fixture.name, input, expected, inputPath: path.join(inDir, fixture.name), outputPath: path.join(outDir, fixture.name) });
    return;
  }
  const outputDir = fixture.outputDir ?? fixture.inputDir;
  for (const [dir, from] of [[inDir, fixture.inputDir], [outDir, outputDir]] as const) {
    copyTree(from, dir);
    const ownPackage = fs.existsSync(path.join(from, 'package.json'));
    if (ownPackage && mongoose !== undefined) throw new Error(`${fixture.name}: a folder case with its own package.json cannot also set options.mongoose`);
    // Folder cases without a package.json take this repository's, as the fixture harness does.
    if (!ownPackage && mongoose !== null) writeFiles(dir, { 'package.json': packageJson(mongoose ?? repoMongoose) });
  }
  for (const inputPath of filesUnder(fixture.inputDir).filter(isSourceFile)) {
    const rel = path.relative(fixture.inputDir, inputPath);
    files.push({
      fixture,
      rel: rel.split(path.sep).join('/'),
      input: fs.readFileSync(inputPath, 'utf8'),
      expected: fs.readFileSync(path.join(outputDir, rel), 'utf8'),
      inputPath: path.join(inDir, rel),
      outputPath: path.join(outDir, rel),
    });
  }
}

/** The rules of the transforms the case runs (a group names one transform, `pipeline` runs them all), as `--transform` would. */
function rulesOf(fixture: FixtureCase): Linter.RulesRecord {
  const transforms = new Set(transformsFor(fixture.group).map((t) => t.name));
  return Object.fromEntries(RULE_NAMES.map((name) => [`tx-codemod/${name}`, RULES[name].transforms.some((t) => transforms.has(t)) ? 'error' : 'off']));
}

function packageJson(mongoose: string): string {
  return `${JSON.stringify({ private: true, dependencies: { mongoose } })}\n`;
}

/** `--als` and `--strip-save` as the case asks; a single-file case never detects ALS (the fixture harness does not). */
function settingsOf(fixture: FixtureCase): Record<string, boolean> {
  const options = fixture.spec.options ?? {};
  const als = options.als ?? (fixture.kind === 'file' ? false : undefined);
  return { ...(als === undefined ? {} : { als }), stripSave: options.stripSave === true };
}

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

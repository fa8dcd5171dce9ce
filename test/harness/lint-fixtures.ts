import type { Linter } from 'eslint';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isSourceFile } from '../../lib/facts/source-files';
import { RULE_NAMES, RULES } from '../../lib/rules';
import { DEFAULT_FIXTURE_MONGOOSE, discoverCases, filesUnder, FIXTURES_ROOT, transformsFor, type FixtureCase } from './fixtures';
import { copyTree, REPO_ROOT, tempRoot, writeFiles } from './lint';

/** One source file of a fixture case, laid out for ESLint: its input and its expected output. */
export interface LintedFile {
  fixture: FixtureCase;
  /** Path relative to the case's folder. */
  rel: string;
  input: string;
  expected: string;
  inputPath: string;
  outputPath: string;
}

export interface LintedFixtures {
  root: string;
  cases: FixtureCase[];
  files: LintedFile[];
  /** Per case: its settings and the rules of the transforms it runs, for its input and output folders. */
  perCase: Linter.Config[];
}

const repoMongoose = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies.mongoose!;

/**
 * Every fixture case copied into a temporary tree (`in/<group>/<case>` and `out/<group>/<case>`),
 * where its own package.json says the Mongoose version the case is written for, so the rules find
 * the project's facts as they would on a user's project; the fixtures' tsconfig.json at the root.
 */
export function layOutFixtures(): LintedFixtures {
  const root = tempRoot('tx-codemod-lint-fixtures-');
  fs.copyFileSync(path.join(FIXTURES_ROOT, 'tsconfig.json'), path.join(root, 'tsconfig.json'));
  const cases = discoverCases();
  const files: LintedFile[] = [];
  const perCase: Linter.Config[] = [];
  for (const fixture of cases) {
    const dirs = ['in', 'out'].map((side) => path.join(side, fixture.group, fixture.name));
    files.push(...layOut(fixture, dirs.map((d) => path.join(root, d)) as [string, string]));
    perCase.push({ files: dirs.map((d) => `${d}/**`), settings: { 'tx-codemod': settingsOf(fixture) }, rules: rulesOf(fixture) });
  }
  return { root, cases, files, perCase };
}

/** Writes the case's input and expected output trees, each with the package.json that gives its Mongoose version. */
function layOut(fixture: FixtureCase, [inDir, outDir]: [string, string]): LintedFile[] {
  const mongoose = fixture.spec.options?.mongoose;
  if (fixture.kind === 'file') {
    const input = fs.readFileSync(fixture.input, 'utf8');
    const expected = fixture.output ? fs.readFileSync(fixture.output, 'utf8') : input;
    const version = mongoose === undefined ? DEFAULT_FIXTURE_MONGOOSE : mongoose;
    for (const [dir, text] of [[inDir, input], [outDir, expected]] as const) {
      writeFiles(dir, { [fixture.name]: text, ...(version === null ? {} : { 'package.json': packageJson(version) }) });
    }
    return [{ fixture, rel: fixture.name, input, expected, inputPath: path.join(inDir, fixture.name), outputPath: path.join(outDir, fixture.name) }];
  }
  const outputDir = fixture.outputDir ?? fixture.inputDir;
  for (const [dir, from] of [[inDir, fixture.inputDir], [outDir, outputDir]] as const) {
    copyTree(from, dir);
    const ownPackage = fs.existsSync(path.join(from, 'package.json'));
    if (ownPackage && mongoose !== undefined) throw new Error(`${fixture.name}: a folder case with its own package.json cannot also set options.mongoose`);
    // Folder cases without a package.json take this repository's, as the fixture harness does.
    if (!ownPackage && mongoose !== null) writeFiles(dir, { 'package.json': packageJson(mongoose ?? repoMongoose) });
  }
  return filesUnder(fixture.inputDir)
    .filter(isSourceFile)
    .map((inputPath) => {
      const rel = path.relative(fixture.inputDir, inputPath);
      return {
        fixture,
        rel: rel.split(path.sep).join('/'),
        input: fs.readFileSync(inputPath, 'utf8'),
        expected: fs.readFileSync(path.join(outputDir, rel), 'utf8'),
        inputPath: path.join(inDir, rel),
        outputPath: path.join(outDir, rel),
      };
    });
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

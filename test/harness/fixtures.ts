import * as fs from 'node:fs';
import * as path from 'node:path';
import { RunEnvironment } from '../../lib/runner/environment';
import { isSourceFile } from '../../lib/facts/source-files';
import { runPipeline, type PipelineOutput } from '../../lib/pipeline';
import { TRANSFORMS } from '../../lib/registry';
import type { ProjectView, Transform } from '../../lib/transform';
import type { TypeFacts } from '../../lib/facts/type-facts';

export const FIXTURES_ROOT = path.join(__dirname, '..', '..', '__testfixtures__');

/** The Mongoose version single-file fixtures are written for, unless their case file says otherwise. */
export const DEFAULT_FIXTURE_MONGOOSE = '8.24.0';

export interface ExpectedFinding {
  /** Folder cases only: the file, relative to the input folder. */
  file?: string;
  line: number;
  /** Where given, the column (1-based, as reported) the finding must stand at. */
  column?: number;
  /** A part of the reason that must appear in it. */
  reason: string;
}

/** `<case>.case.json` (or `<case>/case.json`): options for the run and the findings it must report. */
export interface CaseSpec {
  options?: {
    /** Mongoose version the project is on; null means "no package.json". Folder cases detect it by default. */
    mongoose?: string | null;
    als?: boolean;
    stripSave?: boolean;
  };
  findings?: ExpectedFinding[];
}

export interface FileCase {
  kind: 'file';
  group: string;
  name: string;
  input: string;
  /** Missing: the input must come out byte-identical. */
  output: string | undefined;
  spec: CaseSpec;
}

export interface FolderCase {
  kind: 'folder';
  group: string;
  name: string;
  inputDir: string;
  /** Missing: every input file must come out byte-identical. Otherwise the complete expected tree. */
  outputDir: string | undefined;
  spec: CaseSpec;
}

export type FixtureCase = FileCase | FolderCase;

const INPUT = /^(.+)\.input\.([cm]?[jt]sx?)$/;

/** Every case under __testfixtures__/<group>/, found by naming convention (no hand-kept list). */
export function discoverCases(): FixtureCase[] {
  const cases: FixtureCase[] = [];
  for (const group of fs.readdirSync(FIXTURES_ROOT).sort()) {
    const dir = path.join(FIXTURES_ROOT, group);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const entry of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, entry);
      const match = INPUT.exec(entry);
      if (match) {
        const output = path.join(dir, `${match[1]}.output.${match[2]}`);
        cases.push({
          kind: 'file',
          group,
          name: `${match[1]}.${match[2]}`,
          input: full,
          output: fs.existsSync(output) ? output : undefined,
          spec: readSpec(path.join(dir, `${match[1]}.case.json`)),
        });
      } else if (fs.statSync(full).isDirectory() && fs.existsSync(path.join(full, 'input'))) {
        const outputDir = path.join(full, 'output');
        cases.push({
          kind: 'folder',
          group,
          name: entry,
          inputDir: path.join(full, 'input'),
          outputDir: fs.existsSync(outputDir) ? outputDir : undefined,
          spec: readSpec(path.join(full, 'case.json')),
        });
      }
    }
  }
  return cases;
}

function readSpec(file: string): CaseSpec {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as CaseSpec) : {};
}

/** `pipeline` runs every transform in order; any other group names one transform. */
export function transformsFor(group: string): Transform[] {
  if (group === 'pipeline') return [...TRANSFORMS];
  const transform = TRANSFORMS.find((t) => t.name === group);
  if (!transform) throw new Error(`__testfixtures__/${group} does not name a transform`);
  return [transform];
}

export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full));
    else out.push(full);
  }
  return out.sort();
}

function projectViewFor(spec: CaseSpec, env: RunEnvironment, file: string, detect: boolean): ProjectView {
  const detected = env.projectView(file);
  const mongoose = spec.options?.mongoose;
  return {
    mongoose: () => {
      if (mongoose === null) return { version: undefined, source: 'no package.json found; treated as the current Mongoose', assumedCurrent: true };
      if (mongoose !== undefined) return { version: mongoose, source: 'fixture', assumedCurrent: false };
      return detect ? detected.mongoose() : { version: DEFAULT_FIXTURE_MONGOOSE, source: 'fixture default', assumedCurrent: false };
    },
    als: () => {
      const als = spec.options?.als;
      if (als !== undefined) return { enabled: als, origin: 'forced', where: [], notCounted: [], instancesOn: [], createdInstances: [] };
      return detect ? detected.als() : { enabled: false, origin: 'detected', where: [], notCounted: [], instancesOn: [], createdInstances: [] };
    },
    filesMentioning: (word) => (detect ? detected.filesMentioning(word) : fs.readFileSync(file, 'utf8').includes(word) ? [file] : []),
    filesContainingAny: (texts) => (detect ? detected.filesContainingAny(texts) : texts.some((t) => fs.readFileSync(file, 'utf8').includes(t)) ? [file] : []),
    fileMentions: (other, word) => (detect ? detected.fileMentions(other, word) : other === file && fs.readFileSync(file, 'utf8').includes(word)),
    analysisOf: (other) => env.projectView(other).analysisOf(other),
    importersOf: (other) => env.projectView(other).importersOf(other),
    moduleFile: (specifier) => (detect ? detected.moduleFile(specifier) : undefined),
    isPublicEntry: (other) => (detect ? detected.isPublicEntry(other) : false),
  };
}

export interface CaseRun {
  file: string;
  source: string;
  result: PipelineOutput;
}

/** Type facts that know nothing: what a project without Mongoose's declarations gets. */
export const NO_TYPE_FACTS: TypeFacts = { thenableAt: () => undefined, statuses: () => [] };

/** Runs a case's transforms over one file or every source file of a folder, as the runner would (`types`: instead of the run's type facts). */
export function runCaseOn(fixture: FixtureCase, root: string, types?: TypeFacts): CaseRun[] {
  const env = new RunEnvironment({ als: fixture.spec.options?.als, types });
  const files = fixture.kind === 'file' ? [root] : filesUnder(root).filter(isSourceFile);
  const inRun = new Set(files);
  return files.map((file) => {
    const source = fs.readFileSync(file, 'utf8');
    const result = runPipeline({
      file,
      displayPath: fixture.kind === 'file' ? path.basename(file) : path.relative(root, file).split(path.sep).join('/'),
      source,
      transforms: transformsFor(fixture.group),
      project: projectViewFor(fixture.spec, env, file, fixture.kind === 'folder'),
      types: env.types,
      settings: { stripSave: fixture.spec.options?.stripSave === true },
      annotate: false,
      inRun: (other) => inRun.has(other),
    });
    return { file, source, result };
  });
}

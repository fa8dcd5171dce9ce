import * as path from 'node:path';
import { ParseError } from '../errors';
import type { EstreeProgram } from '../facts/estree/estree';
import { parsedFromEstree } from '../facts/parse';
import { LineIndex } from '../edit/text';
import { combinedReason, mostSevere } from '../findings';
import { isSourceFile } from '../facts/source-files';
import { runPipeline, type ParsedText } from '../pipeline';
import { TRANSFORMS } from '../registry';
import { RULES, transformsOf, type RuleName } from '../rules';
import { textMightApply } from '../runner/prefilter/prefilter';
import type { Transform } from '../transform';
import type { EnvironmentPool } from './environments';
import type { LintText } from './lint-text';
import { stageReports, type StageReport } from './stage-reports';
import { LintTypeFacts, type TypedFile } from './type-facts';

/** `settings: { 'tx-codemod': { ... } }` in the ESLint configuration: the codemod's options. */
export interface LintSettings {
  /** Like `--als` / `--no-als`: AsyncLocalStorage mode on or off; detected from the project when absent. */
  als?: boolean;
  /** Like `--strip-save`: also report `{ session }` on `doc.save()` as redundant. */
  stripSave?: boolean;
}

export interface FileLintInput {
  /** Absolute path of the linted file. */
  file: string;
  text: LintText;
  /** The rules switched on for the file: only their transforms run, as `--transform` would select them. */
  rules: ReadonlySet<RuleName>;
  /** The transforms to run (`transformsToRun`). */
  transforms: readonly Transform[];
  /** The tree ESLint's parser built, when that parser is one whose tree can be given Babel's shape (espree, typescript-eslint). */
  estree: EstreeProgram | undefined;
  settings: LintSettings;
  /** Present when the parser built type information for the file. */
  typed: TypedFile | undefined;
  environments: EnvironmentPool;
}

/** The advice rule: its transforms replace whole hand-managed transactions. */
const ADVICE: RuleName = 'prefer-connection-transaction';

/**
 * Runs the codemod's pipeline once over a linted file, as a dry run would, and returns what it
 * would change or report there as problems for the rules. A file the codemod's parser cannot read
 * (ESLint's parser is the judge of syntax) or does not handle has none.
 *
 * Where the advice rewrites a hand-managed transaction into `transaction()`, the bugs inside it
 * disappear with it and would go unreported by the rules for bugs. Those bugs are found by a second
 * run without the advice (from the first run's parse and analysis of the text), and reported
 * without a fix (the advice's fix replaces that code).
 */
export function lintFile(input: FileLintInput): StageReport[] {
  const { transforms } = input;
  try {
    const run = runner(input);
    const reports = run(transforms);
    const advised = reports.filter((r) => r.rule === ADVICE && r.fix).map((r) => extentOf(r.fix!.edits));
    const withoutAdvice = transforms.filter((t) => !RULES[ADVICE].transforms.includes(t.name));
    if (advised.length === 0 || withoutAdvice.length === 0) return oneReportPerSite(reports, input.text.transformed);
    const known = new Set(reports.map(keyOf));
    for (const hidden of run(withoutAdvice)) {
      const inside = advised.some(([start, end]) => start <= hidden.start && hidden.end <= end);
      if (inside && !known.has(keyOf(hidden))) reports.push({ ...hidden, fix: undefined });
    }
    return oneReportPerSite(reports, input.text.transformed);
  } catch (error) {
    if (error instanceof ParseError) return [];
    throw error;
  }
}

/**
 * The transforms of the rules switched on that could find something in the file: none for a file
 * that is not source code, or whose text holds nothing they look for (most files of a project,
 * which so cost the plugin one text search and nothing else).
 */
export function transformsToRun(file: string, rules: ReadonlySet<RuleName>, text: string): Transform[] {
  if (!isSourceFile(file)) return [];
  const selected = transformsOf(rules);
  if (selected.size === 0 || !textMightApply(text, [...selected])) return [];
  return TRANSFORMS.filter((t) => selected.has(t.name));
}

/**
 * Runs the pipeline over the file with some of its transforms. Every run starts from the same
 * parse of the linted text (ESLint's tree where it can be read, else the codemod's own) and shares
 * what is computed from it, with the same project and type facts.
 */
function runner(input: FileLintInput): (transforms: readonly Transform[]) => StageReport[] {
  const env = input.environments.get(input.file, { als: input.settings.als });
  const project = env.projectView(input.file);
  const types = new LintTypeFacts(env.types, input.typed);
  const original = originalParse(input);
  return (transforms) => {
    const result = runPipeline({
      file: input.file,
      displayPath: input.file,
      source: input.text.transformed,
      transforms,
      project,
      types,
      settings: { stripSave: input.settings.stripSave === true },
      annotate: false,
      // What the codemod checks of "the same run" holds for a lint of the project: its files are linted and fixed too.
      inRun: (other) => isSourceFile(other) && !other.split(path.sep).includes('node_modules'),
      trace: true,
      original,
    });
    return stageReports(result.stages!).filter((r) => input.rules.has(r.rule));
  };
}

/** ESLint's tree in Babel's shape; undefined (the pipeline parses the text) where it cannot be given that shape. */
function originalParse(input: FileLintInput): ParsedText | undefined {
  if (!input.estree) return undefined;
  const { text } = input;
  let parsed;
  try {
    parsed = parsedFromEstree(input.file, text.transformed, input.estree, text.converted ? (offset) => text.fromRaw(offset) : undefined);
  } catch {
    // A tree the adapter fails on is read by the codemod's own parser: a slower answer, never a wrong one.
    return undefined;
  }
  return parsed && { text: text.transformed, parsed };
}

/**
 * As the codemod gives one finding per site, the rules give one report per line for what they
 * only report (no fix): under the most severe of its rules, with every reason (lib/findings.ts).
 */
function oneReportPerSite(reports: StageReport[], text: string): StageReport[] {
  const lines = new LineIndex(text);
  const lineOf = (report: StageReport) => lines.position(report.start).line;
  const sites = new Map<number, StageReport[]>();
  for (const report of reports) if (!report.fix) sites.set(lineOf(report), [...(sites.get(lineOf(report)) ?? []), report]);
  const out: StageReport[] = [];
  for (const report of reports) {
    const site = report.fix ? undefined : sites.get(lineOf(report))!;
    if (!site || site.length === 1) out.push(report);
    else if (site[0] === report) {
      const primary = site[mostSevere(site.map((r) => r.rule))]!;
      const message = combinedReason([primary.message, ...site.filter((r) => r !== primary).map((r) => r.message)]);
      out.push({ ...primary, start: Math.min(...site.map((r) => r.start)), end: Math.max(...site.map((r) => r.end)), message });
    }
  }
  return out;
}

function extentOf(edits: ReadonlyArray<{ start: number; end: number }>): [number, number] {
  return [edits[0]!.start, edits[edits.length - 1]!.end];
}

function keyOf(report: StageReport): string {
  return `${report.rule}\0${report.start}\0${report.message}`;
}

/** Reads `settings['tx-codemod']`, refusing values the codemod would not accept. */
export function lintSettings(settings: Record<string, unknown> | undefined): LintSettings {
  const value = settings?.['tx-codemod'];
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null) throw new TypeError(`settings['tx-codemod'] must be an object, not ${JSON.stringify(value)}`);
  const out: LintSettings = {};
  for (const [key, option] of Object.entries(value)) {
    if (key !== 'als' && key !== 'stripSave') throw new TypeError(`settings['tx-codemod'].${key} is not an option (known: als, stripSave)`);
    if (typeof option !== 'boolean') throw new TypeError(`settings['tx-codemod'].${key} must be true or false, not ${JSON.stringify(option)}`);
    out[key] = option;
  }
  return out;
}

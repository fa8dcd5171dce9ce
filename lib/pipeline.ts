import { enclosingStatement, endOf, type Node, type Path } from './ast/nodes';
import { SourceEdits, type OffsetMap, type TextEdit } from './edit/edits';
import { dropOrphanedTypeImports } from './edit/orphaned-imports';
import { InvalidOutputError, ParseError } from './errors';
import { callOriginsFrom, MongooseAnalysis } from './mongoose/analysis';
import { parseFile, type ParsedFile } from './facts/parse';
import { detectStyle, type CodeStyle } from './edit/style';
import { indentAt, lineStartOf, LineIndex } from './edit/text';
import type { ProjectView, Transform, TransformContext, TransformSettings } from './transform';
import type { TypeFacts } from './facts/type-facts';
import type { Change, Finding } from './types';

export interface PipelineInput {
  /** Absolute path. */
  file: string;
  /** Path shown in findings and changes. */
  displayPath: string;
  /** Original text: LF line breaks, no BOM. */
  source: string;
  /** Transforms to run, in order. */
  transforms: readonly Transform[];
  project: ProjectView;
  types: TypeFacts;
  settings: TransformSettings;
  /** Insert a `// tx-codemod: <reason>` line above each finding. */
  annotate: boolean;
  /** True for files the same run processes. */
  inRun(file: string): boolean;
  /** Also return what each stage did (`PipelineOutput.stages`), for tools that map it back onto the original. */
  trace?: boolean;
  /** Times the parses, for a run that says where its time went. */
  timeParse?: <T>(parse: () => T) => T;
  /**
   * `source` already parsed (ESLint's tree in Babel's shape), used instead of parsing it. What the
   * run computes from it (the analysis, the style) is kept in it, for another run over the same
   * source with the same project and type facts.
   */
  original?: ParsedText;
}

/** A text, its parse and what was computed from them, shared by the stages (and runs) that see this text. */
export interface ParsedText {
  text: string;
  parsed: ParsedFile;
  analysis?: MongooseAnalysis;
  style?: CodeStyle;
}

/** A change or finding with the node it was recorded at, in the text of the stage that recorded it. */
export interface Traced<T> {
  item: T;
  path: Path;
}

/** What one transform did to the text it was given. */
export interface StageTrace {
  transform: Transform['name'];
  /** The text the stage was given. */
  source: string;
  /** The stage's edits against `source`, sorted and non-overlapping (empty when it changed nothing). */
  edits: TextEdit[];
  /** Maps an offset of the stage's output back to `source`. */
  mapBack: OffsetMap;
  changes: Array<Traced<Change>>;
  findings: Array<Traced<Finding>>;
}

export interface PipelineOutput {
  /** The new text, or undefined when no transform changed anything. */
  output: string | undefined;
  changes: Change[];
  findings: Finding[];
  /** Only when `trace` was asked for: every stage that ran, in order. */
  stages?: StageTrace[];
}

/**
 * Runs transforms in order, each on the previous one's output. Positions reported by any stage
 * are mapped back to the original file, so every line number refers to the file as it was.
 * Throws ParseError when the original does not parse and InvalidOutputError when ours does not.
 */
export function runPipeline(input: PipelineInput): PipelineOutput {
  const originalLines = new LineIndex(input.source);
  const mapsBack: OffsetMap[] = [];
  // Changes with where their code is in the current text: a later stage that deletes it undoes them.
  let changes: TrackedChange[] = [];
  const findings: Finding[] = [];
  let text = input.source;
  let lastChangedBy: Transform | undefined;
  const stages: StageTrace[] | undefined = input.trace ? [] : undefined;

  const toOriginal = (offset: number) => mapsBack.reduceRight((at, map) => map(at), offset);

  // One parse and one analysis per text: a stage that changes nothing hands both to the next.
  let current: ParsedText | undefined = input.original?.text === input.source ? input.original : undefined;
  for (const transform of input.transforms) {
    if (!transform.mightApply(text, input.project)) continue;
    if (current?.text !== text) current = { text, parsed: timed(input, () => parseStage(input.file, text, lastChangedBy)) };
    const stage = current;
    const { parsed } = stage;
    const edits = new SourceEdits(text);
    const trace: Pick<StageTrace, 'changes' | 'findings'> | undefined = stages && { changes: [], findings: [] };
    const locate = (path: Path) => originalLines.position(toOriginal(startOf(path)));
    const ctx: TransformContext = {
      file: input.file,
      source: text,
      j: parsed.j,
      root: parsed.root,
      edits,
      get style() {
        return (stage.style ??= detectStyle(parsed.root.get().node as Node, stage.text));
      },
      get analysis() {
        return (stage.analysis ??= new MongooseAnalysis(parsed.j, parsed.root, stage.text, callOriginsFrom(input.types, input.file, stage.text)));
      },
      project: input.project,
      types: input.types,
      settings: input.settings,
      inRun: input.inRun,
      report(path, reason, rule) {
        const { line, column } = locate(path);
        if (findings.some((f) => f.line === line && f.reason === reason && f.transform === transform.name)) return;
        const finding: Finding = { transform: transform.name, file: input.displayPath, line, column, reason, ...(rule ? { rule } : {}) };
        findings.push(finding);
        trace?.findings.push({ item: finding, path });
        if (input.annotate) annotate(edits, text, path, reason);
      },
      change(path, description, rule) {
        const change: Change = { transform: transform.name, file: input.displayPath, line: locate(path).line, description, ...(rule ? { rule } : {}) };
        fresh.push({ change, range: [startOf(path), endOf(path.node)] });
        trace?.changes.push({ item: change, path });
      },
    };
    const fresh: TrackedChange[] = [];
    transform.apply(ctx);
    if (!edits.isEmpty) {
      for (const dropped of dropOrphanedTypeImports(ctx.analysis.index, text, edits)) {
        ctx.change(dropped.declaration, `removed \`${dropped.name}\` from the imports: nothing uses it any more`);
      }
    }
    // A later stage deleting a change's code undoes it; the stage's own edits never do.
    changes = [
      ...changes.flatMap((tracked) => {
        const range = edits.isEmpty ? tracked.range : edits.mapRange(...tracked.range);
        return range ? [{ ...tracked, range }] : [];
      }),
      ...fresh.map((tracked) => ({ ...tracked, range: edits.mapRangeOrPoint(...tracked.range) })),
    ];
    if (trace) stages!.push({ transform: transform.name, source: text, edits: edits.list(), mapBack: edits.offsetMap(), ...trace });
    if (edits.isEmpty) continue;
    mapsBack.push(edits.offsetMap());
    text = edits.apply();
    lastChangedBy = transform;
  }

  const result = { changes: byLine(changes.map((t) => t.change)), findings: byLine(findings), stages };
  if (lastChangedBy === undefined) return { output: undefined, ...result };
  timed(input, () => parseStage(input.file, text, lastChangedBy));
  return { output: text === input.source ? undefined : text, ...result };
}

interface TrackedChange {
  change: Change;
  range: [number, number];
}

/** In the order of the lines they name (stable for one line). */
function byLine<T extends { line: number }>(items: T[]): T[] {
  return [...items].sort((a, b) => a.line - b.line);
}

function timed<T>(input: PipelineInput, parse: () => T): T {
  return input.timeParse ? input.timeParse(parse) : parse();
}

function parseStage(file: string, text: string, changedBy: Transform | undefined) {
  try {
    return parseFile(file, text);
  } catch (error) {
    if (changedBy && error instanceof ParseError) {
      throw new InvalidOutputError(
        `${changedBy.name} produced code that does not parse (${error.parserMessage} at line ${error.line}); the file was left as it was`,
      );
    }
    throw error;
  }
}

function startOf(path: Path): number {
  return path.node.start ?? 0;
}

const MARKER_PREFIX = '// tx-codemod: ';

/** Puts a marker comment on its own line above the statement holding `path`, once. */
function annotate(edits: SourceEdits, text: string, path: Path, reason: string): void {
  const statement = enclosingStatement(path);
  const lineStart = lineStartOf(text, startOf(statement));
  const marker = `${indentAt(text, lineStart)}${MARKER_PREFIX}${reason.replace(/\s+/g, ' ')}\n`;
  const previousLineStart = lineStartOf(text, Math.max(lineStart - 1, 0));
  if (lineStart > 0 && text.slice(previousLineStart, lineStart) === marker) return;
  edits.insert(lineStart, marker);
}


import { enclosingStatement, endOf, type Node, type Path } from './ast/nodes';
import { Bindings, readsOutOfScope } from './ast/bindings';
import { PathIndex } from './ast/path-index';
import { SourceEdits, type OffsetMap, type TextEdit } from './edit/edits';
import { dropOrphanedTypeImports } from './edit/orphaned-imports';
import { InvalidOutputError, NoFixedPointError, ParseError } from './errors';
import { oneFindingPerSite } from './findings';
import { callDeclarationsFrom, linksFrom, MongooseAnalysis } from './mongoose/analysis';
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

/** A file still changing after this many passes is a bug of tx-codemod: reported, never written. */
const MAX_PASSES = 3;

/**
 * Runs transforms in order, each on the previous one's output, and the whole sequence again over
 * its own output until a pass changes nothing: one run is its own fixed point, so a second run
 * (or `--check` after a run) finds nothing to do. Positions reported by any stage of any pass are
 * mapped back to the original file, so every line number refers to the file as it was. The
 * findings are the last pass's (what a second run would report), with the notes earlier passes
 * made about code they rewrote; the changes are every pass's changes that survived.
 * Throws ParseError when the original does not parse, InvalidOutputError when ours does not, and
 * NoFixedPointError when the file still changes after MAX_PASSES passes.
 */
export function runPipeline(input: PipelineInput): PipelineOutput {
  const originalLines = new LineIndex(input.source);
  const mapsBack: OffsetMap[] = [];
  // Changes with where their code is in the current text: a later stage that deletes it undoes them.
  let changes: TrackedChange[] = [];
  // Notes about changes of earlier passes, which a later pass has no reason to make again.
  let notes: TrackedFinding[] = [];
  let text = input.source;
  let lastChangedBy: Transform | undefined;
  let parsedText: string | undefined;
  const stages: StageTrace[] | undefined = input.trace ? [] : undefined;

  // Changes a later stage makes inside text an earlier one wrote stand at that rewrite (the ESLint
  // plugin reports them there, with it); findings stand where the code they name stood.
  const wholeMapsBack: OffsetMap[] = [];
  const toOriginal = (offset: number) => mapsBack.reduceRight((at, map) => map(at), offset);
  const toRewriteStart = (offset: number) => wholeMapsBack.reduceRight((at, map) => map(at), offset);
  const names = input.transforms.map((t) => t.name);

  // One parse and one analysis per text: a stage that changes nothing hands both to the next.
  let current: ParsedText | undefined = input.original?.text === input.source ? input.original : undefined;
  let original: ParsedText | undefined;
  for (let pass = 1; ; pass++) {
    let findings: TrackedFinding[] = [];
    const passStages: StageTrace[] = [];
    const changedBy: Transform[] = [];
    for (const transform of input.transforms) {
      if (!transform.mightApply(text, input.project)) continue;
      if (current?.text !== text) current = { text, parsed: timed(input, () => parseStage(input.file, text, lastChangedBy)) };
      original ??= current;
      parsedText = text;
      const stage = current;
      const { parsed } = stage;
      const edits = new SourceEdits(text);
      const trace: Pick<StageTrace, 'changes' | 'findings'> | undefined = stages && { changes: [], findings: [] };
      const locate = (path: Path) => originalLines.position(toOriginal(startOf(path)));
      // Reasons name lines of the text they were worked out on (`at line 39`): they must name the file's.
      let stageLines: LineIndex | undefined;
      const inOriginalLines = (message: string) =>
        mapsBack.length === 0
          ? message
          : message.replace(/\bline (\d+)/g, (_, line: string) => {
              stageLines ??= new LineIndex(stage.text);
              const start = stageLines.startOf(Number(line));
              const code = start + (/^[ \t]*/.exec(stage.text.slice(start))?.[0].length ?? 0);
              return `line ${originalLines.position(toOriginal(code)).line}`;
            });
      const fresh: TrackedChange[] = [];
      const reported: TrackedFinding[] = [];
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
          return (stage.analysis ??= new MongooseAnalysis(parsed.j, parsed.root, stage.text, callDeclarationsFrom(input.types, input.file, stage.text), linksFrom(input.project), input.file));
        },
        project: input.project,
        types: input.types,
        settings: input.settings,
        transforms: names,
        inRun: input.inRun,
        report(path, stageReason, rule) {
          const { line, column } = locate(path);
          const reason = inOriginalLines(stageReason);
          const known = [...notes, ...findings, ...reported].some((t) => t.finding.line === line && t.finding.reason === reason && t.finding.transform === transform.name);
          if (known) return;
          const finding: Finding = { transform: transform.name, file: input.displayPath, line, column, reason, ...(rule ? { rule } : {}) };
          const traced = { item: finding, path };
          reported.push({ finding, range: [startOf(path), endOf(path.node)], traced, note: false });
          trace?.findings.push(traced);
        },
        change(path, description, rule) {
          const change: Change = { transform: transform.name, file: input.displayPath, line: originalLines.position(toRewriteStart(startOf(path))).line, description: inOriginalLines(description), ...(rule ? { rule } : {}) };
          fresh.push({ change, range: [startOf(path), endOf(path.node)] });
          trace?.changes.push({ item: change, path });
        },
      };
      transform.apply(ctx);
      if (!edits.isEmpty) {
        for (const dropped of dropOrphanedTypeImports(ctx.analysis.index, text, edits)) {
          ctx.change(dropped.declaration, `removed \`${dropped.name}\` from the imports: nothing uses it any more`);
        }
      }
      // A finding whose code the same stage rewrote is a note about that rewrite (a review it asks
      // for, a step left to do by hand): no later pass has reason to make it again, so it stays.
      const written = edits.list();
      for (const finding of reported) finding.note = written.some((e) => e.start <= finding.range[1] && finding.range[0] <= e.end);
      // A later stage deleting a change's code undoes it; the stage's own edits never do.
      changes = [
        ...changes.flatMap((tracked) => {
          const range = edits.isEmpty ? tracked.range : edits.mapRange(...tracked.range);
          if (range) tracked.range = range;
          return range ? [tracked] : [];
        }),
        ...fresh.map((tracked) => Object.assign(tracked, { range: edits.mapRangeOrPoint(...tracked.range) })),
      ];
      findings = [...findings, ...reported];
      for (const tracked of findings) tracked.range = edits.mapRangeOrPoint(...tracked.range);
      // A note goes with its code when a later stage deletes it.
      notes = notes.flatMap((note) => {
        const range = edits.mapRange(...note.range);
        return range ? [Object.assign(note, { range })] : [];
      });
      const stageTrace: StageTrace | undefined = trace && { transform: transform.name, source: text, edits: edits.list(), mapBack: edits.offsetMap(), ...trace };
      if (stageTrace) passStages.push(stageTrace);
      if (edits.isEmpty) continue;
      mapsBack.push(edits.offsetMap());
      wholeMapsBack.push(edits.offsetMap({ carried: false }));
      text = edits.apply();
      lastChangedBy = transform;
      changedBy.push(transform);
    }
    stages?.push(...passStages);
    if (changedBy.length === 0) {
      const final = [...notes, ...findings];
      const result = { changes: byLine(changes.map((t) => t.change)), findings: byLine(oneFindingPerSite(final.map((t) => t.finding))), stages };
      if (lastChangedBy !== undefined) {
        const finalText = parsedText === text && current?.text === text ? current : { text, parsed: timed(input, () => parseStage(input.file, text, lastChangedBy)) };
        checkScopes(original!, finalText, (offset) => originalLines.position(toOriginal(offset)).line);
      }
      const output = input.annotate ? annotated(input.file, text, final, result.findings) : text;
      return { output: output === input.source ? undefined : output, ...result };
    }
    if (pass === MAX_PASSES) {
      throw new NoFixedPointError(
        `tx-codemod did not settle on this file: pass ${pass} of the transforms still changed it (${changedBy.map((t) => t.name).join(', ')}), so the file was left as it was`,
      );
    }
    // The next pass looks at the code again: its findings replace this pass's, but for the notes about changes.
    notes = [...notes, ...findings.filter((f) => f.note)];
    for (const stage of passStages) stage.findings = stage.findings.filter((traced) => notes.some((note) => note.traced === traced));
  }
}

/**
 * A name the output reads outside the block that declares it, where the original read none that
 * way (a declaration a rewrite took into a new block): a ReferenceError at run time, though the
 * output parses. Throws InvalidOutputError naming the line (of the original) of the read.
 */
function checkScopes(original: ParsedText, final: ParsedText, lineOf: (offset: number) => number): void {
  const before = readsOutOfScope(...indexAndBindings(original));
  for (const [name, read] of readsOutOfScope(...indexAndBindings(final))) {
    if (before.has(name)) continue;
    throw new InvalidOutputError(`tx-codemod produced code that reads \`${name}\` outside the block that declares it (line ${lineOf(startOf(read))}); the file was left as it was`);
  }
}

function indexAndBindings(text: ParsedText): [PathIndex, Bindings] {
  if (text.analysis) return [text.analysis.index, text.analysis.bindings];
  const index = new PathIndex(text.parsed.j, text.parsed.root);
  return [index, new Bindings(index)];
}

/** A finding, and where its node is in the current text. */
interface TrackedFinding {
  finding: Finding;
  range: [number, number];
  traced: Traced<Finding>;
  /** The stage that recorded it rewrote its code: the finding is a note about that rewrite. */
  note: boolean;
}

interface TrackedChange {
  change: Change;
  /** Where the change's node is in the current text. */
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

/** The final text with a marker comment above the statement of each site (positions in that text), giving the site's finding. */
function annotated(file: string, text: string, tracked: TrackedFinding[], sites: Finding[]): string {
  if (tracked.length === 0) return text;
  const parsed = parseFile(file, text);
  const statements = parsed.root.find(parsed.j.Statement).paths() as Path[];
  const edits = new SourceEdits(text);
  for (const site of sites) {
    const start = Math.min(...tracked.filter((t) => t.finding.line === site.line).map((t) => t.range[0]));
    const holding = statements.filter((s) => startOf(s) <= start && start < endOf(s.node)).pop();
    if (holding) annotate(edits, text, holding, site.reason);
  }
  return edits.apply();
}

/** Puts a marker comment on its own line above the statement holding `path`, once. */
function annotate(edits: SourceEdits, text: string, path: Path, reason: string): void {
  const statement = enclosingStatement(path);
  const lineStart = lineStartOf(text, startOf(statement));
  const marker = `${indentAt(text, lineStart)}${MARKER_PREFIX}${reason.replace(/\s+/g, ' ')}\n`;
  const previousLineStart = lineStartOf(text, Math.max(lineStart - 1, 0));
  if (lineStart > 0 && text.slice(previousLineStart, lineStart) === marker) return;
  edits.insert(lineStart, marker);
}


import { endOf, isFunction, startOf, type Node, type Path } from '../ast/nodes';
import type { TextEdit } from '../edit/edits';
import type { StageTrace, Traced } from '../pipeline';
import { ruleFor, type RuleName } from '../rules';
import type { Change, Finding } from '../types';

/** One problem, at offsets of the text the pipeline was given. */
export interface StageReport {
  rule: RuleName;
  message: string;
  start: number;
  end: number;
  /** The codemod's edit for this place; absent where it reports without rewriting. */
  fix?: ReportFix;
}

export interface ReportFix {
  /** The edits, against the text the pipeline was given, sorted and non-overlapping. */
  edits: TextEdit[];
  /** What applying it does, for a suggestion. */
  description: string;
  /** The codemod asks a reviewer to look at this rewrite: offer it as a suggestion, never apply it unasked. */
  review: boolean;
}

/**
 * Turns what each stage of a traced pipeline run did into problems on the original text. Every
 * change is reported at the node it was recorded at, with the rule its description belongs to;
 * a finding recorded at the same node as a change speaks for it (its reason is the message, the
 * change becomes a suggestion); other findings are reported as they are, without a fix.
 *
 * A fix is the stage's edits for the whole outermost function the change is in: edits of one
 * function depend on each other (an `await` needs the `async` another change added, a removed
 * `endSession()` needs the `finally` that replaces it), edits of different functions do not. A
 * stage whose edits cannot be split so (an edit outside every changed function) gives all its
 * changes one fix. Edits that touch text an earlier stage wrote cannot be expressed on the
 * original; they are offered on a later `--fix` pass, once the earlier stage's fix is applied.
 * A change made wholly inside such text (a session stripped from the callback a promise chain
 * became) is not a problem of the original code: the earlier change's report covers that place.
 */
export function stageReports(stages: readonly StageTrace[]): StageReport[] {
  return withoutRepeats(stages.flatMap((_, index) => reportsOfStage(stages, index)));
}

function reportsOfStage(stages: readonly StageTrace[], index: number): StageReport[] {
  const stage = stages[index]!;
  const at = (traced: Traced<Change | Finding>) => {
    const start = toOriginal(stages, index, startOf(traced.path.node));
    // Code an earlier stage moved maps back piece by piece: a node's end may come from before its start.
    return { start, end: Math.max(start, toOriginal(stages, index, endOf(traced.path.node))) };
  };
  const reports: StageReport[] = [];
  const speaking = new Set<Traced<Finding>>();
  for (const unit of fixUnits(stage)) {
    const edits = unit.edits.length > 0 ? originalEdits(stages, index, unit.edits) : undefined;
    const review = unit.changes.some((change) => findingsAt(stage, change).length > 0);
    // A fix that builds on an earlier stage's comes on a later --fix pass; until then the report covers the code it will rewrite.
    const pending = unit.edits.length > 0 && !edits ? extentOf(stages, index, unit.edits) : undefined;
    for (const change of unit.changes) {
      const fix = edits && { edits, description: describeFix(change.item.description, unit.changes.length), review };
      const where = pending ? union(at(change), pending) : at(change);
      const findings = findingsAt(stage, change);
      for (const finding of findings) {
        speaking.add(finding);
        reports.push(findingReport(stage, finding, where, fix));
      }
      if (findings.length === 0 && !insideWritten(stages, index, startOf(change.path.node), endOf(change.path.node))) {
        const rule = ruleFor(stage.transform, change.item.rule);
        reports.push({ rule: rule.name, message: `${rule.problem}; tx-codemod fix: ${change.item.description}`, ...where, fix });
      }
    }
  }
  for (const finding of stage.findings) if (!speaking.has(finding)) reports.push(findingReport(stage, finding, at(finding)));
  return reports;
}

function findingReport(stage: StageTrace, finding: Traced<Finding>, where: { start: number; end: number }, fix?: ReportFix): StageReport {
  return { rule: ruleFor(stage.transform, finding.item.rule).name, message: finding.item.reason, ...where, fix };
}

interface FixUnit {
  changes: Array<Traced<Change>>;
  edits: TextEdit[];
}

function fixUnits(stage: StageTrace): FixUnit[] {
  if (stage.changes.length === 0) return [];
  const whole = [{ changes: stage.changes, edits: stage.edits }];
  const byFunction = new Map<Node | undefined, Array<Traced<Change>>>();
  for (const change of stage.changes) {
    const fn = outermostFunction(change.path);
    byFunction.set(fn, [...(byFunction.get(fn) ?? []), change]);
  }
  if (byFunction.has(undefined)) return whole;
  const units = [...byFunction].map(([fn, changes]) => ({
    changes,
    edits: stage.edits.filter((e) => startOf(fn!) <= e.start && e.end <= endOf(fn!)),
  }));
  const assigned = units.reduce((count, unit) => count + unit.edits.length, 0);
  return assigned === stage.edits.length ? units : whole;
}

/** The function around `path` (or `path` itself) that no other function contains. */
function outermostFunction(path: Path): Node | undefined {
  let outermost: Node | undefined;
  for (let current: Path | null = path; current; current = current.parent as Path | null) {
    if (isFunction(current.node)) outermost = current.node;
  }
  return outermost;
}

function findingsAt(stage: StageTrace, change: Traced<Change>): Array<Traced<Finding>> {
  const node = change.path.node;
  return stage.findings.filter((f) => startOf(f.path.node) === startOf(node) && endOf(f.path.node) === endOf(node));
}

function describeFix(description: string, changesInUnit: number): string {
  const others = changesInUnit - 1;
  return `tx-codemod: ${description}${others > 0 ? ` (with the ${others} other change${others === 1 ? '' : 's'} it makes in this function)` : ''}`;
}

/** An offset of stage `index`'s text, in the original text. */
function toOriginal(stages: readonly StageTrace[], index: number, offset: number): number {
  let at = offset;
  for (let j = index - 1; j >= 0; j--) at = stages[j]!.mapBack(at);
  return at;
}

/** Where the edits of stage `index` lie in the original text: from the first one's start to the last one's end. */
function extentOf(stages: readonly StageTrace[], index: number, edits: readonly TextEdit[]): { start: number; end: number } {
  return { start: toOriginal(stages, index, edits[0]!.start), end: toOriginal(stages, index, edits[edits.length - 1]!.end) };
}

function union(a: { start: number; end: number }, b: { start: number; end: number }): { start: number; end: number } {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

/** The edits of stage `index` against the original text, or undefined when one touches text an earlier stage wrote. */
function originalEdits(stages: readonly StageTrace[], index: number, edits: TextEdit[]): TextEdit[] | undefined {
  const mapped: TextEdit[] = [];
  for (const edit of edits) {
    let { start, end } = edit;
    for (let j = index - 1; j >= 0; j--) {
      if (touchesWritten(stages[j]!.edits, start, end)) return undefined;
      start = stages[j]!.mapBack(start);
      end = stages[j]!.mapBack(end);
    }
    mapped.push({ start, end, text: edit.text });
  }
  return mapped;
}

/** True when [start, end) of stage `index`'s text lies inside text an earlier stage wrote. */
function insideWritten(stages: readonly StageTrace[], index: number, start: number, end: number): boolean {
  let [from, to] = [start, end];
  for (let j = index - 1; j >= 0; j--) {
    if (outputSpans(stages[j]!.edits).some(([a, b]) => a <= from && to <= b && a < b)) return true;
    [from, to] = [stages[j]!.mapBack(from), stages[j]!.mapBack(to)];
  }
  return false;
}

/** Where each edit's text sits in the stage's output. */
function outputSpans(edits: readonly TextEdit[]): Array<[number, number]> {
  let delta = 0;
  return edits.map((edit) => {
    const start = edit.start + delta;
    delta += edit.text.length - (edit.end - edit.start);
    return [start, start + edit.text.length];
  });
}

/** True when [start, end] of a stage's output meets text its `edits` wrote (or the place where they removed some). */
function touchesWritten(edits: readonly TextEdit[], start: number, end: number): boolean {
  return outputSpans(edits).some(([a, b]) => a <= end && start <= b);
}

function withoutRepeats(reports: StageReport[]): StageReport[] {
  const seen = new Set<string>();
  return reports.filter((r) => {
    const key = `${r.rule}\0${r.start}\0${r.end}\0${r.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

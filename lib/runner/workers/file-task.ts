import { ParseError, TxCodemodError } from '../../errors';
import { runPipeline } from '../../pipeline';
import type { Transform } from '../../transform';
import type { Change, FileStatus, Finding } from '../../types';
import { readSource } from '../discover/read-source';
import type { RunEnvironment } from '../environment';
import type { PhaseTimes, Stopwatch } from '../../facts/stopwatch';
import { displayPathOf } from '../output/display-path';
import { unifiedDiff } from '../output/diff';
import type { Formatter } from '../output/format';
import { decodeText, encodeText } from '../../facts/source-text';
import { holdsTransactionCode } from '../prefilter/prefilter';
import { FactRecorder, type Fact } from '../cache/facts';
import type { CachedResult, ResultCache } from '../cache/result-cache';

/** What processing one file gave, before anything is written. */
export interface FileOutcome {
  status: FileStatus;
  reason?: string;
  note?: string;
  changes: Change[];
  findings: Finding[];
  /** The complete new content (encoded as the file was) to write, for a changed file. */
  output?: string;
  /** The diff of a changed file (dry runs). */
  diff?: string;
  durationMs: number;
  phases: PhaseTimes;
}

export interface FileJob {
  cwd: string;
  dry: boolean;
  transforms: readonly Transform[];
  env: RunEnvironment;
  formatter: Formatter;
  stopwatch: Stopwatch;
  annotate: boolean;
  stripSave: boolean;
  inRun(file: string): boolean;
  /** Results of earlier runs (undefined: --no-cache, or no place to keep them). */
  cache?: ResultCache;
}

/**
 * Parse, transforms, validation, format and diff for one file the prefilter let through. Nothing
 * is written here: the runner writes every changed file once all files are done, so every
 * cross-file question is answered from the files as they were when the run started.
 */
export async function processFile(file: string, job: FileJob): Promise<FileOutcome> {
  const started = performance.now();
  const displayPath = displayPathOf(file, job.cwd);
  const done = (partial: Omit<FileOutcome, 'durationMs' | 'phases' | 'changes' | 'findings'> & Partial<FileOutcome>): FileOutcome => ({
    changes: [],
    findings: [],
    ...partial,
    durationMs: Math.round((performance.now() - started) * 10) / 10,
    phases: job.stopwatch.take(),
  });

  // Named or not, a file that got this far was already read once: its limits were checked then.
  const read = readSource(file, { maxFileBytes: Number.POSITIVE_INFINITY, named: new Set([file]) });
  if (!read.ok) return done({ status: 'skipped', reason: read.skipped.reason });
  const raw = read.raw;
  const { text, format } = decodeText(raw);
  const cache = job.cache;
  const key = cache?.keyOf(file, displayPath, raw);
  const cached = key === undefined ? undefined : job.stopwatch.time('cache', () => cache!.lookup(file, key, (facts) => holds(job, facts)));
  let result = cached;
  if (!result) {
    const recorder = key === undefined ? undefined : new FactRecorder(job.env.hashes);
    result = recorder ? job.env.recording(recorder, () => transformText(file, displayPath, text, job, recorder)) : transformText(file, displayPath, text, job, undefined);
    if (recorder) cache!.store(file, key!, recorder.facts(), result);
  }
  if (result.kind !== 'pipeline') return done({ status: result.kind, reason: result.reason, ...(result.note ? { note: result.note } : {}) });
  const { changes, findings } = result;
  if (result.output === undefined) return done({ status: 'unchanged', changes, findings });

  const formatted = await job.stopwatch.timeAsync('format', () => job.formatter.format(file, text, result.output!));
  const output = encodeText(formatted.text, format);
  if (output === raw) return done({ status: 'unchanged', changes, findings });
  return done({
    status: 'changed',
    changes,
    findings,
    note: formatted.note,
    output: job.dry ? undefined : output,
    diff: job.dry ? unifiedDiff(displayPath, raw, output) : undefined,
  });
}

/** The transforms over one file's text (LF, no BOM): what the cache keeps. */
function transformText(file: string, displayPath: string, text: string, job: FileJob, recorder: FactRecorder | undefined): CachedResult {
  const project = job.env.projectView(file);
  const applicable = job.transforms.filter((t) => t.mightApply(text, project));
  if (applicable.length === 0) return { kind: 'skipped', reason: 'no Mongoose transaction code' };
  const inRun = (other: string) => {
    const value = job.inRun(other);
    recorder?.answer('inRun', [other], value);
    return value;
  };
  try {
    const pipeline = job.stopwatch.time('analysis', () =>
      runPipeline({
        file,
        displayPath,
        source: text,
        transforms: applicable,
        project,
        types: job.env.types,
        settings: { stripSave: job.stripSave },
        annotate: job.annotate,
        inRun,
        timeParse: (parse) => job.stopwatch.time('parse', parse),
      }),
    );
    return { kind: 'pipeline', output: pipeline.output, changes: pipeline.changes, findings: pipeline.findings };
  } catch (error) {
    if (error instanceof ParseError && !holdsTransactionCode(text)) {
      const reason = `does not parse and holds no Mongoose transaction code (${parseProblem(error, displayPath)})`;
      return { kind: 'skipped', reason, note: reason };
    }
    return { kind: 'failed', reason: failureReason(error, displayPath) };
  }
}

/** Whether the facts a cached result rests on still hold in this run. */
function holds(job: FileJob, facts: readonly Fact[]): boolean {
  return facts.every((fact) => ('ask' in fact && fact.ask === 'inRun' ? JSON.stringify(job.inRun(fact.args[0] as string)) === fact.value : job.env.holds([fact])));
}

function parseProblem(error: ParseError, displayPath: string): string {
  return `${error.parserMessage} at ${displayPath}:${error.line}:${error.column}`;
}

function failureReason(error: unknown, displayPath: string): string {
  if (error instanceof ParseError) return `does not parse: ${error.parserMessage} (${displayPath}:${error.line}:${error.column})`;
  if (error instanceof TxCodemodError) return `${error.message} (a tx-codemod bug: please report it)`;
  return `unexpected error: ${(error as Error)?.stack ?? String(error)}`;
}

import { statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DirtyTreeError } from '../errors';
import { ALS_FLOOR_DESCRIPTION, versionSupportsAls } from '../mongoose/als-support';
import { selectTransformNames } from '../transform-names';
import type { AlsMode } from '../transform';
import type { FileResult, RunCounts, RunOptions, RunResult } from '../types';
import { discoverSources, type Discovery } from './discover/discover';
import { uncommittedChanges, workTreeRoot } from './discover/git';
import { DEFAULT_MAX_FILE_BYTES, skippedNote, QUIET_SKIPS, type SkippedFile } from './discover/skip-rules';
import { collectGarbage } from '../facts/memory';
import { PackageFacts, type MongooseVersion } from '../facts/project';
import { PHASES, Stopwatch, type PhaseTimes } from '../facts/stopwatch';
import type { TypeFactsStatus } from '../facts/type-facts';
import { writeFileAtomic } from './output/write';
import { cacheFolder, runKey } from './cache/location';
import { scanTree, type TreeScan } from './prefilter/scan';
import { displayPathOf } from './output/display-path';
import type { FileOutcome } from './workers/file-task';
import { WorkerPool } from './workers/pool';
import type { FactsSeen } from './workers/protocol';

const DEFAULT_FILE_TIMEOUT_MS = 60_000;
const DEFAULT_WORKER_MEMORY_MB = 1024;

/**
 * Runs the transforms over the given paths: discover files, prefilter them (text, then the import
 * graph), parse and transform in worker threads, validate and format, then, once every file is
 * done, write atomically or (dry) produce a diff. Usage problems throw before anything is
 * touched; a file that cannot be processed is reported and the others go on.
 */
export async function run(options: RunOptions): Promise<RunResult> {
  const started = performance.now();
  const stopwatch = new Stopwatch();
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const transforms = selectTransformNames(options.transforms);
  const dry = options.dry === true;
  const discovery = stopwatch.time('discovery', () => discoverSources(options.paths, cwd));
  if (!dry && !options.allowDirty) assertCleanTree(options.paths, cwd);

  const outcomes = new Map<string, FileOutcome>();
  const facts: FactsSeen[] = [];
  const total = discovery.files.length;
  let done = 0;
  const report = (result: FileResult) => options.onFile?.(result, { done: ++done, total });
  let toParse: string[] = [];
  const pool = new WorkerPool(
    {
      threads: options.cpus ?? Math.max(1, os.availableParallelism() - 1),
      fileTimeoutMs: options.fileTimeoutMs ?? DEFAULT_FILE_TIMEOUT_MS,
      memoryMb: options.workerMemoryMb ?? DEFAULT_WORKER_MEMORY_MB,
    },
    (reply) => {
      const file = toParse[reply.id]!;
      outcomes.set(file, reply.outcome);
      if (reply.facts) facts.push(reply.facts);
      stopwatch.addAll(reply.outcome.phases);
      report(toResult(file, reply.outcome, cwd));
    },
  );
  const stop = () => void pool.stop();
  options.signal?.addEventListener('abort', stop, { once: true });

  const packages = new PackageFacts();
  const givenDirs = options.paths.map((p) => path.resolve(cwd, p)).filter((p) => isDirectory(p));
  // A worker loads its modules while the files are read, once a file that loads Mongoose shows up.
  const scan = stopwatch.time('prefilter', () =>
    scanTree(discovery, givenDirs, transforms, options.maxFileSize ?? DEFAULT_MAX_FILE_BYTES, packages, () => pool.warmUp()),
  );
  toParse = [...scan.textCandidates.keys()].filter((file) => scan.graph.reachesMongoose(file)).sort();
  // Every text read is garbage now: give the memory back before the workers need theirs (a run
  // with nothing to parse is about to end, and a full collection would only delay that).
  if (toParse.length > 0) collectGarbage();
  const leftOut = leftOutResults(discovery, scan, new Set(toParse), cwd);
  for (const result of leftOut.values()) report(result);
  try {
    await pool.run(toParse, {
      cwd,
      dry,
      transforms,
      als: options.als,
      prettier: options.prettier === true,
      annotate: options.annotate === true,
      stripSave: options.stripSave === true,
      graph: scan.graph.toData(),
      cache: toParse.length > 0 && options.cache !== false ? cacheSetup(cwd, options, transforms) : undefined,
      inRun: discovery.files.filter((f) => scan.graph.reachesMongoose(f)),
    });
  } finally {
    options.signal?.removeEventListener('abort', stop);
  }

  const written = await stopwatch.timeAsync('write', () => writeAll(outcomes, dry, options.signal));
  const interrupted = options.signal?.aborted === true;
  const results = discovery.files.map((file) => {
    const outcome = outcomes.get(file);
    if (!outcome) return leftOut.get(file) ?? notProcessed(file, cwd, undefined, true, interrupted);
    const status = written.get(file);
    return toResult(file, status === undefined ? outcome : { ...outcome, ...status }, cwd);
  });
  for (const skipped of discovery.skipped) results.push(leftOut.get(skipped.file)!);
  results.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));

  return {
    cwd,
    transforms,
    dry,
    files: results,
    counts: countResults(results),
    notes: runNotes(facts, cwd, scan.skipped, results, dry),
    elapsedMs: Math.round(performance.now() - started),
    parsed: toParse.map((f) => displayPathOf(f, cwd)),
    phases: roundPhases(stopwatch.take()),
    ...(interrupted ? { interrupted } : {}),
  };
}

/**
 * Writes every changed file, in order, each atomically. After an interruption nothing more is
 * written: each file is either as it was or completely rewritten.
 */
async function writeAll(outcomes: Map<string, FileOutcome>, dry: boolean, signal: AbortSignal | undefined): Promise<Map<string, Partial<FileOutcome>>> {
  const statuses = new Map<string, Partial<FileOutcome>>();
  if (dry) return statuses;
  for (const [file, outcome] of [...outcomes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (outcome.status !== 'changed' || outcome.output === undefined) continue;
    if (signal?.aborted) {
      statuses.set(file, { status: 'skipped', reason: 'interrupted before it was written: left as it was' });
      continue;
    }
    try {
      await writeFileAtomic(file, outcome.output);
    } catch (error) {
      statuses.set(file, { status: 'failed', reason: `cannot write the file: ${(error as Error).message}; left as it was` });
    }
  }
  return statuses;
}

/** The cache's folder and the key of everything a run's results depend on besides the files. */
function cacheSetup(cwd: string, options: RunOptions, transforms: readonly string[]): { dir: string; key: string } | undefined {
  const dir = cacheFolder(cwd);
  if (!dir) return undefined;
  const outputOptions = { transforms, als: options.als ?? null, annotate: options.annotate === true, stripSave: options.stripSave === true };
  return { dir, key: runKey(outputOptions) };
}

/** The files the prefilter left out (discovered ones, and those skipped by their path), with why. */
function leftOutResults(discovery: Discovery, scan: TreeScan, parsing: ReadonlySet<string>, cwd: string): Map<string, FileResult> {
  const skippedByFile = new Map(scan.skipped.map((s) => [s.file, s]));
  const out = new Map<string, FileResult>();
  for (const file of discovery.files) {
    if (!parsing.has(file)) out.set(file, notProcessed(file, cwd, skippedByFile.get(file), scan.textCandidates.has(file), false));
  }
  for (const skipped of discovery.skipped) out.set(skipped.file, notProcessed(skipped.file, cwd, skipped, false, false));
  return out;
}

function toResult(file: string, outcome: FileOutcome, cwd: string): FileResult {
  const { output: _output, phases: _phases, ...rest } = outcome;
  return { file: displayPathOf(file, cwd), ...rest };
}

function notProcessed(file: string, cwd: string, skipped: SkippedFile | undefined, textCandidate: boolean, interrupted: boolean): FileResult {
  const reason = skipped
    ? skipped.reason
    : interrupted
      ? 'interrupted before it was processed: left as it was'
      : textCandidate
        ? 'cannot reach Mongoose: it loads no mongoose, @nestjs/mongoose or mongodb module, no module that does, and none of those loads it'
        : 'no Mongoose transaction code';
  const problem = skipped !== undefined && !QUIET_SKIPS.has(skipped.kind);
  return { file: displayPathOf(file, cwd), status: 'skipped', reason, ...(problem ? { note: reason } : {}), changes: [], findings: [], durationMs: 0 };
}

function assertCleanTree(paths: string[], cwd: string): void {
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const dir = statSync(absolute).isDirectory() ? absolute : path.dirname(absolute);
    if (workTreeRoot(dir) === undefined) continue;
    const dirty = uncommittedChanges(dir, absolute);
    if (dirty.length > 0) {
      throw new DirtyTreeError(
        `${given} has uncommitted changes in git (${dirty.length} file${dirty.length === 1 ? '' : 's'}, e.g. ${dirty[0]}); ` +
          'commit or stash them so the migration can be reviewed and reverted on its own, ' +
          'or pass --allow-dirty (use --dry to only see the diff)',
      );
    }
  }
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function countResults(results: FileResult[]): RunCounts {
  const counts: RunCounts = { changed: 0, unchanged: 0, skipped: 0, failed: 0, findings: 0 };
  for (const r of results) {
    counts[r.status]++;
    counts.findings += r.findings.length;
  }
  return counts;
}

/**
 * Notes for the facts transforms looked at (per package: Mongoose version, ALS mode; type
 * facts), the files skipped before parsing, and a patch naming files outside the working folder.
 */
function runNotes(seen: FactsSeen[], cwd: string, skipped: SkippedFile[], results: FileResult[], dry: boolean): string[] {
  const notes: string[] = [];
  const label = (root: string) => path.relative(cwd, root).split(path.sep).join('/') || '.';
  const versions = new Map<string, MongooseVersion>(seen.flatMap((f) => f.versions));
  const modes = new Map<string, AlsMode>(seen.flatMap((f) => f.als));
  for (const root of [...versions.keys()].sort()) {
    const version = versions.get(root)!;
    notes.push(
      version.version === undefined
        ? `Mongoose version (${label(root)}): unknown, ${version.source}`
        : `Mongoose version (${label(root)}): ${version.version}, from ${version.source}`,
    );
  }
  for (const root of [...modes.keys()].sort()) {
    const mode = modes.get(root)!;
    const why =
      mode.origin === 'forced'
        ? `forced by --${mode.enabled ? '' : 'no-'}als`
        : mode.where.length > 0
          ? `transactionAsyncLocalStorage set at ${mode.where.join(', ')}`
          : 'transactionAsyncLocalStorage is never set';
    const version = versions.get(root);
    const unsupported =
      mode.enabled && version && !versionSupportsAls(version)
        ? `; but Mongoose ${version.version ?? 'of unknown version'} does not support it (needs ${ALS_FLOOR_DESCRIPTION}), so it is treated as off`
        : '';
    const notCounted = mode.notCounted.length > 0 ? `; not counted: ${mode.notCounted.join(', ')}` : '';
    notes.push(`AsyncLocalStorage mode (${label(root)}): ${mode.enabled ? 'on' : 'off'} for the default Mongoose instance, ${why}${unsupported}${notCounted}`);
  }
  notes.push(...typeFactsNotes(seen.flatMap((f) => f.types)));
  const skippedLine = skippedNote(skipped);
  if (skippedLine) notes.push(skippedLine);
  const outside = results.filter((r) => r.diff !== undefined && r.file.startsWith('../'));
  if (dry && outside.length > 0) {
    notes.push(`${outside.length} changed file${outside.length === 1 ? ' is' : 's are'} outside the current folder (e.g. ${outside[0]!.file}): apply the patch from a folder that holds every file it names`);
  }
  return notes;
}

function typeFactsNotes(statuses: TypeFactsStatus[]): string[] {
  const notes = new Set<string>();
  for (const status of statuses) {
    if (status.state === 'available') notes.add(`Type facts: from ${status.config}`);
    if (status.state === 'unavailable') notes.add(`Type facts: unavailable (${status.reason}); name-based detection was used`);
  }
  return [...notes].sort();
}

function roundPhases(phases: PhaseTimes): Record<string, number> {
  return Object.fromEntries(PHASES.filter((p) => phases[p] !== undefined).map((p) => [p, Math.round(phases[p]!)]));
}

import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { unifiedDiff } from './output/diff';
import { discoverFiles } from './discover/discover';
import { RunEnvironment } from './facts/environment';
import { DirtyTreeError, ParseError, TxCodemodError } from '../errors';
import { Formatter } from './output/format';
import { uncommittedChanges, workTreeRoot } from './discover/git';
import { ALS_FLOOR_DESCRIPTION, versionSupportsAls } from '../mongoose/als-support';
import { runPipeline } from '../pipeline';
import { selectTransforms } from '../registry';
import { decodeText, encodeText } from './output/source-text';
import type { Transform } from '../transform';
import type { FileResult, RunCounts, RunOptions, RunResult } from '../types';
import { writeFileAtomic } from './output/write';

/** Files read and processed at once: enough to hide I/O latency, far below open-file limits. */
const CONCURRENCY = 16;

/**
 * Runs the transforms over the given paths: discover files, prefilter their text, transform,
 * validate, format, then write atomically or (dry) produce a diff. Usage problems throw before
 * anything is touched; a file that cannot be processed is reported and the others go on.
 */
export async function run(options: RunOptions): Promise<RunResult> {
  const started = performance.now();
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const transforms = selectTransforms(options.transforms);
  const files = discoverFiles(options.paths, cwd);
  const dry = options.dry === true;
  if (!dry && !options.allowDirty) assertCleanTree(options.paths, cwd);

  const env = new RunEnvironment({ als: options.als });
  const formatter = new Formatter(options.prettier === true);
  const inRun = new Set(files);
  const processFile = (file: string) =>
    processOne(file, {
      cwd,
      dry,
      transforms,
      env,
      formatter,
      annotate: options.annotate === true,
      stripSave: options.stripSave === true,
      inRun: (other: string) => inRun.has(other),
    });

  let done = 0;
  const results = await mapLimited(files, CONCURRENCY, async (file) => {
    const result = await processFile(file);
    options.onFile?.(result, { done: ++done, total: files.length });
    return result;
  });

  return {
    cwd,
    transforms: transforms.map((t) => t.name),
    dry,
    files: results,
    counts: countResults(results),
    notes: runNotes(env, cwd),
    elapsedMs: Math.round(performance.now() - started),
  };
}

interface FileJob {
  cwd: string;
  dry: boolean;
  transforms: readonly Transform[];
  env: RunEnvironment;
  formatter: Formatter;
  annotate: boolean;
  stripSave: boolean;
  inRun(file: string): boolean;
}

async function processOne(file: string, job: FileJob): Promise<FileResult> {
  const started = performance.now();
  const displayPath = displayPathOf(file, job.cwd);
  const result = (partial: Omit<FileResult, 'file' | 'durationMs' | 'changes' | 'findings'> & Partial<FileResult>): FileResult => ({
    file: displayPath,
    changes: [],
    findings: [],
    ...partial,
    durationMs: Math.round((performance.now() - started) * 10) / 10,
  });

  let raw: string;
  try {
    // Synchronous: one small file at a time is far cheaper than a promise round trip per file.
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    return result({ status: 'failed', reason: `cannot read the file: ${(error as Error).message}` });
  }
  job.env.remember(file, raw);
  const { text, format } = decodeText(raw);
  const project = job.env.projectView(file);
  const applicable = job.transforms.filter((t) => t.mightApply(text, project));
  if (applicable.length === 0) return result({ status: 'skipped', reason: 'no Mongoose transaction code' });

  let pipeline;
  try {
    pipeline = runPipeline({
      file,
      displayPath,
      source: text,
      transforms: applicable,
      project,
      types: job.env.types,
      settings: { stripSave: job.stripSave },
      annotate: job.annotate,
      inRun: job.inRun,
    });
  } catch (error) {
    return result({ status: 'failed', reason: failureReason(error, displayPath) });
  }
  const { changes, findings } = pipeline;
  if (pipeline.output === undefined) return result({ status: 'unchanged', changes, findings });

  const formatted = await job.formatter.format(file, text, pipeline.output);
  const output = encodeText(formatted.text, format);
  if (output === raw) return result({ status: 'unchanged', changes, findings });
  if (job.dry) {
    return result({ status: 'changed', changes, findings, note: formatted.note, diff: unifiedDiff(displayPath, text, formatted.text) });
  }
  try {
    await writeFileAtomic(file, output);
  } catch (error) {
    return result({ status: 'failed', reason: `cannot write the file: ${(error as Error).message}`, changes, findings });
  }
  return result({ status: 'changed', changes, findings, note: formatted.note });
}

/** Relative to the working directory when inside it, else absolute; always with forward slashes. */
function displayPathOf(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  const shown = relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
  return shown.split(path.sep).join('/');
}

function failureReason(error: unknown, displayPath: string): string {
  if (error instanceof ParseError) return `does not parse: ${error.parserMessage} (${displayPath}:${error.line}:${error.column})`;
  if (error instanceof TxCodemodError) return `${error.message} (a tx-codemod bug: please report it)`;
  return `unexpected error: ${(error as Error)?.stack ?? String(error)}`;
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

function countResults(results: FileResult[]): RunCounts {
  const counts: RunCounts = { changed: 0, unchanged: 0, skipped: 0, failed: 0, findings: 0 };
  for (const r of results) {
    counts[r.status]++;
    counts.findings += r.findings.length;
  }
  return counts;
}

function runNotes(env: RunEnvironment, cwd: string): string[] {
  const notes: string[] = [];
  const label = (root: string) => (path.isAbsolute(root) ? path.relative(cwd, root).split(path.sep).join('/') || '.' : root);
  for (const [root, version] of env.packages.knownVersions()) {
    notes.push(
      version.version === undefined
        ? `Mongoose version (${label(root)}): unknown, ${version.source}`
        : `Mongoose version (${label(root)}): ${version.version}, from ${version.source}`,
    );
  }
  for (const [root, mode] of env.alsModes()) {
    const why =
      mode.origin === 'forced'
        ? `forced by --${mode.enabled ? '' : 'no-'}als`
        : mode.where.length > 0
          ? `transactionAsyncLocalStorage set at ${mode.where.join(', ')}`
          : 'transactionAsyncLocalStorage is never set';
    const version = env.packages.mongooseVersion(path.join(root, 'package.json'));
    const unsupported =
      mode.enabled && !versionSupportsAls(version)
        ? `; but Mongoose ${version.version ?? 'of unknown version'} does not support it (needs ${ALS_FLOOR_DESCRIPTION}), so it is treated as off`
        : '';
    notes.push(`AsyncLocalStorage mode (${label(root)}): ${mode.enabled ? 'on' : 'off'}, ${why}${unsupported}`);
  }
  const types = env.types.status();
  if (types.state === 'available') notes.push(`Type facts: from ${types.config}`);
  if (types.state === 'unavailable') notes.push(`Type facts: unavailable (${types.reason}); name-based detection was used`);
  return notes;
}

async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      out[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

import type { RuleName } from './rules';
import type { TransformName } from './transform-names';

/** A place a transform deliberately left alone, or a change a reviewer must look at. */
export interface Finding {
  transform: TransformName;
  /** Path relative to the run's working directory, with forward slashes. */
  file: string;
  /** 1-based line in the original file. */
  line: number;
  /** 1-based column in the original file. */
  column: number;
  /** Why; where several reasons were given for the same place, all of them, this finding's own first. */
  reason: string;
  /** The kind of problem, when it is not the one its transform is about (see lib/rules.ts). */
  rule?: RuleName;
  /**
   * Only where several reasons were given for the same line of the file (lib/findings.ts): each
   * one, this finding's first (its `transform` and `rule` are the most severe one's).
   */
  reasons?: FindingReason[];
}

/** One of several reasons given for the same place, by the transform that gave it. */
export interface FindingReason {
  transform: TransformName;
  rule?: RuleName;
  reason: string;
}

/** One rewrite a transform made. */
export interface Change {
  transform: TransformName;
  file: string;
  line: number;
  description: string;
  /** The kind of problem it fixes, when it is not the one its transform is about (see lib/rules.ts). */
  rule?: RuleName;
}

export type FileStatus = 'changed' | 'unchanged' | 'skipped' | 'failed';

export interface FileResult {
  file: string;
  status: FileStatus;
  /** Why a file was skipped or failed. */
  reason?: string;
  /** Something worth knowing about the file: why a changed file was not formatted, why a skipped one could not be read or parsed. */
  note?: string;
  changes: Change[];
  findings: Finding[];
  durationMs: number;
  /** Unified diff of the change (dry and check runs only). */
  diff?: string;
}

export interface RunCounts {
  changed: number;
  unchanged: number;
  skipped: number;
  failed: number;
  findings: number;
}

export interface RunResult {
  /** Absolute working directory the file paths are relative to. */
  cwd: string;
  transforms: TransformName[];
  /** True when nothing was written (`dry` or `check`). */
  dry: boolean;
  files: FileResult[];
  counts: RunCounts;
  /** Facts about the run a reviewer should know (versions found, ALS mode, type facts, skipped files). */
  notes: string[];
  elapsedMs: number;
  /** Files the prefilter let through to the parser (display paths, in order); set by `run()`. */
  parsed?: string[];
  /** Milliseconds per phase (discovery, prefilter, parse, analysis, type facts, caller search, format, write), summed over threads; set by `run()`. */
  phases?: Record<string, number>;
  /** Set when an AbortSignal stopped the run: files not written by then are as they were. */
  interrupted?: boolean;
}

export interface RunOptions {
  /** Files and folders to process. */
  paths: string[];
  /** Directory relative paths are resolved against; defaults to `process.cwd()`. */
  cwd?: string;
  /** Write nothing; compute a diff for every file that would change. */
  dry?: boolean;
  /** Names of the transforms to run (unknown names are a UsageError); defaults to all, in pipeline order. */
  transforms?: readonly string[];
  /** Force AsyncLocalStorage mode on or off; detected when undefined. */
  als?: boolean;
  /** Format changed files with Prettier even without a Prettier configuration. */
  prettier?: boolean;
  /** Write even when the git work tree has uncommitted changes. */
  allowDirty?: boolean;
  /** Insert a `// tx-codemod: <reason>` line above every finding. */
  annotate?: boolean;
  /** strip-als-session: also remove `{ session }` from `doc.save()` (reported as findings). */
  stripSave?: boolean;
  /** Reuse results kept in node_modules/.cache/tx-codemod while everything they depend on is unchanged (default true). */
  cache?: boolean;
  /** Files larger than this many bytes are skipped unless named directly (default 1 MB). */
  maxFileSize?: number;
  /** Worker threads that parse and transform files (default: cores - 1, at least 1). */
  cpus?: number;
  /** A file that takes longer than this is abandoned unchanged (default 60 s). */
  fileTimeoutMs?: number;
  /** Heap limit of each worker thread in MB; a file that needs more is abandoned unchanged (default 1024). */
  workerMemoryMb?: number;
  /** Stops the run: the file being written is finished, nothing else is written, no temporary file is left. */
  signal?: AbortSignal;
  /** Called once per processed file, in completion order, with how far the run has got. */
  onFile?: (result: FileResult, progress: { done: number; total: number }) => void;
}

#!/usr/bin/env node
import { Command, CommanderError, Option } from 'commander';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { UsageError } from '../lib/errors';
import { parseSize } from '../lib/runner/discover/skip-rules';
import { colorizeDiff } from '../lib/runner/output/diff';
import { fileLine, summary } from '../lib/report/console';
import { toJsonReport } from '../lib/report/json';
import { toMarkdownReport } from '../lib/report/markdown';
import { toSarifReport } from '../lib/report/sarif';
import { run } from '../lib/runner/run';
import { PIPELINE_ORDER } from '../lib/transform-names';
import type { RunResult } from '../lib/types';
import { writeFileAtomic } from '../lib/runner/output/write';

/** Exit codes, documented in the README (an interrupted run exits 128 + the signal's number). */
const EXIT = { ok: 0, pending: 1, usage: 2, failed: 3, SIGINT: 130, SIGTERM: 143 } as const;

interface RunFlags {
  dry?: boolean;
  check?: boolean;
  transform?: string;
  als?: boolean;
  report?: string;
  allowDirty?: boolean;
  prettier?: boolean;
  annotate?: boolean;
  stripSave?: boolean;
  verbose?: boolean;
  maxFileSize?: string;
  cpus?: string;
  fileTimeout?: string;
  cache: boolean;
  color: boolean;
}

function toolVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

function useColor(flags: { color: boolean }, stream: NodeJS.WriteStream): boolean {
  if (!flags.color || 'NO_COLOR' in process.env) return false;
  return stream.isTTY === true || ('FORCE_COLOR' in process.env && process.env.FORCE_COLOR !== '0');
}

async function runCommand(paths: string[], flags: RunFlags): Promise<number> {
  const reportFormat = flags.report ? reportFormatOf(flags.report) : undefined;
  const dry = flags.dry === true || flags.check === true;
  const showProgress = process.stderr.isTTY === true && !process.env.CI;
  const interruption = interruptOnSignals();
  const result = await run({
    paths,
    dry,
    transforms: flags.transform?.split(',').map((t) => t.trim()).filter(Boolean),
    als: flags.als,
    prettier: flags.prettier,
    allowDirty: flags.allowDirty,
    annotate: flags.annotate,
    stripSave: flags.stripSave,
    maxFileSize: flags.maxFileSize === undefined ? undefined : sizeOption(flags.maxFileSize),
    cpus: flags.cpus === undefined ? undefined : countOption('--cpus', flags.cpus),
    fileTimeoutMs: flags.fileTimeout === undefined ? undefined : secondsOption(flags.fileTimeout) * 1000,
    cache: flags.cache,
    signal: interruption.signal,
    onFile: showProgress ? (_r, { done, total }) => process.stderr.write(`\r\x1b[K${done}/${total} files`) : undefined,
  });
  interruption.dispose();
  if (showProgress) process.stderr.write('\r\x1b[K');
  print(result, flags);
  if (interruption.received) {
    process.stderr.write(`tx-codemod: stopped by ${interruption.received}; every file is as it was or completely rewritten (see above)\n`);
    return EXIT[interruption.received];
  }
  if (flags.report && reportFormat) {
    const text =
      reportFormat === 'json' ? toJsonReport(result, toolVersion()) : reportFormat === 'sarif' ? toSarifReport(result, toolVersion()) : toMarkdownReport(result);
    await writeFileAtomic(path.resolve(flags.report), text);
  }
  if (result.counts.failed > 0) return EXIT.failed;
  if (flags.check && (result.counts.changed > 0 || result.counts.findings > 0)) return EXIT.pending;
  return EXIT.ok;
}

function print(result: RunResult, flags: RunFlags): void {
  const outColor = useColor(flags, process.stdout);
  const errStyle = { color: useColor(flags, process.stderr), verbose: flags.verbose === true };
  for (const file of result.files) {
    if (file.diff) process.stdout.write(`${outColor ? colorizeDiff(file.diff) : file.diff}${file.diff.endsWith('\n') ? '' : '\n'}`);
  }
  for (const file of result.files) {
    const line = fileLine(file, errStyle);
    if (line) process.stderr.write(`${line}\n`);
  }
  process.stderr.write(`${summary(result, errStyle)}\n`);
}

/**
 * SIGINT and SIGTERM stop the run through an AbortSignal: the file being written is finished and
 * nothing else is written. A second signal while it winds down is ignored rather than cutting a
 * write in half.
 */
function interruptOnSignals(): { signal: AbortSignal; received: 'SIGINT' | 'SIGTERM' | undefined; dispose(): void } {
  const controller = new AbortController();
  const state = {
    signal: controller.signal,
    received: undefined as 'SIGINT' | 'SIGTERM' | undefined,
    dispose() {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
    },
  };
  const on = (name: 'SIGINT' | 'SIGTERM') => () => {
    if (state.received) return;
    state.received = name;
    process.stderr.write(`\ntx-codemod: ${name} received: stopping after the file being written\n`);
    controller.abort();
  };
  const onInt = on('SIGINT');
  const onTerm = on('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  return state;
}

function sizeOption(value: string): number {
  const bytes = parseSize(value);
  if (bytes === undefined || bytes <= 0) throw new UsageError(`--max-file-size ${value}: expected a size such as 1mb, 500kb or 200000`);
  return bytes;
}

function countOption(name: string, value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) throw new UsageError(`${name} ${value}: expected a whole number of at least 1`);
  return count;
}

function secondsOption(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`--file-timeout ${value}: expected a number of seconds above 0`);
  return seconds;
}

function reportFormatOf(file: string): 'json' | 'md' | 'sarif' {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.md' || ext === '.markdown') return 'md';
  if (ext === '.sarif') return 'sarif';
  throw new UsageError(`--report ${file}: the report file must end in .json, .md or .sarif`);
}

function listCommand(): void {
  // Loaded here only: a run's main thread never loads the transforms (its workers do).
  const { TRANSFORMS } = require('../lib/registry') as typeof import('../lib/registry');
  const width = Math.max(...TRANSFORMS.map((t) => t.name.length));
  for (const t of TRANSFORMS) {
    process.stdout.write(`${t.name.padEnd(width)}  ${t.description}\n${' '.repeat(width)}  Mongoose: ${t.mongooseVersions}\n`);
  }
}

function buildProgram(setExitCode: (code: number) => void): Command {
  const program = new Command()
    .name('tx-codemod')
    .description('Repairs Mongoose transaction code: promise chains, missing awaits, misplaced endSession(), redundant sessions')
    .version(toolVersion(), '-V, --version')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');

  program
    .command('run')
    .description('run the transforms on files and folders, writing changed files in place')
    .argument('<paths...>', 'files and folders to process')
    .option('-d, --dry', 'write nothing; print a unified diff of every change')
    .option('--check', 'like --dry, and exit 1 when a file would change or a finding needs review')
    .option('-t, --transform <names>', `comma-separated transforms to run (${PIPELINE_ORDER.join(', ')})`)
    .addOption(new Option('--als', 'treat transactionAsyncLocalStorage as enabled (default: detected)'))
    .addOption(new Option('--no-als', 'treat transactionAsyncLocalStorage as disabled'))
    .option('--report <file>', 'write a report: .json (machine-readable), .md (for the pull request) or .sarif (for code scanning)')
    .option('--allow-dirty', 'write even when the git work tree has uncommitted changes')
    .option('--prettier', 'format changed files with Prettier even without a Prettier configuration')
    .option('--annotate', 'add a "// tx-codemod: <reason>" line above every finding')
    .option('--strip-save', 'strip-als-session: also remove { session } from doc.save() (each reported)')
    .option('--max-file-size <size>', 'skip files larger than this unless named directly (default 1mb)')
    .option('--cpus <n>', 'worker threads that parse and transform files (default: cores - 1)')
    .option('--file-timeout <seconds>', 'abandon a file that takes longer, leaving it unchanged (default 60)')
    .option('--no-cache', 'analyse every file again instead of reusing results kept in node_modules/.cache/tx-codemod')
    .option('--verbose', 'list unchanged and parsed files, the slowest files and where the time went')
    .option('--no-color', 'no colour in the output (also NO_COLOR)')
    .action(async (paths: string[], flags: RunFlags) => setExitCode(await runCommand(paths, flags)));

  program
    .command('list')
    .description('list the transforms, what they do and the Mongoose versions they apply to')
    .action(listCommand);
  return program;
}

/** The one place errors become exit codes. */
function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  if (error instanceof UsageError) {
    process.stderr.write(`tx-codemod: ${error.message}\n`);
    return EXIT.usage;
  }
  process.stderr.write(`tx-codemod: ${(error as Error)?.stack ?? String(error)}\n`);
  return EXIT.failed;
}

async function main(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  try {
    await buildProgram((c) => (code = c)).parseAsync(argv);
  } catch (error) {
    return exitCodeFor(error);
  }
  return code;
}

// The main thread reads every file once and keeps none of the texts: a young generation that does
// not grow collects them as they die and keeps the run's peak memory about 40 MB lower.
v8.setFlagsFromString('--semi-space-growth-factor=1');

void main(process.argv).then((code) => {
  process.exitCode = code;
});

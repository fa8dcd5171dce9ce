import pc from 'picocolors';
import { transformsOf } from '../findings';
import type { FileResult, RunResult } from '../types';

export interface ConsoleStyle {
  color: boolean;
  verbose: boolean;
}

const SLOWEST_SHOWN = 5;

/** One line per changed or failed file (and unchanged ones when verbose); undefined for silence. */
export function fileLine(result: FileResult, style: ConsoleStyle): string | undefined {
  const paint = painter(style.color);
  const counts = describeCounts(result);
  switch (result.status) {
    case 'changed':
      return `${paint.green('changed  ')} ${result.file}${counts}${result.note ? ` (${result.note})` : ''}`;
    case 'failed':
      return `${paint.red('failed   ')} ${result.file}: ${result.reason ?? 'unknown error'}`;
    case 'unchanged':
      return style.verbose || result.findings.length > 0 ? `${paint.dim('unchanged')} ${result.file}${counts}` : undefined;
    case 'skipped':
      // Files that could not be read, or do not parse but hold no transaction code: one line each.
      // Everything else skipped is summed up in the notes.
      return result.note ? `${paint.yellow('skipped  ')} ${result.file}: ${result.note}` : style.verbose && result.reason?.startsWith('interrupted') ? `${paint.dim('skipped  ')} ${result.file}: ${result.reason}` : undefined;
  }
}

/** The summary printed after the run: counts, findings with file:line, notes, slowest files. */
export function summary(result: RunResult, style: ConsoleStyle): string {
  const paint = painter(style.color);
  const { counts } = result;
  const seconds = (result.elapsedMs / 1000).toFixed(2);
  const lines = [
    '',
    `${paint.bold(result.dry ? 'Dry run' : 'Done')}: ${counts.changed} ${result.dry ? 'would change' : 'changed'}, ` +
      `${counts.unchanged} unchanged, ${counts.skipped} skipped, ${counts.failed} failed, ` +
      `${counts.findings} finding${counts.findings === 1 ? '' : 's'} in ${seconds}s`,
  ];
  const findings = result.files.flatMap((f) => f.findings);
  if (findings.length > 0) {
    lines.push('', paint.bold('Findings to review:'));
    for (const f of findings) lines.push(`  ${f.file}:${f.line}:${f.column} ${paint.dim(`[${transformsOf(f).join(', ')}]`)} ${f.reason}`);
  }
  if (result.notes.length > 0) {
    lines.push('', paint.bold('Notes:'));
    for (const note of result.notes) lines.push(`  ${note}`);
  }
  if (style.verbose) {
    const parsed = result.parsed ?? [];
    lines.push('', paint.bold(`Parsed (${parsed.length} of ${result.files.length} files passed the prefilter):`));
    for (const file of parsed) lines.push(`  ${file}`);
    const skippedBefore = result.files.filter((f) => f.status === 'skipped' && f.durationMs === 0 && f.reason && !f.reason.startsWith('no Mongoose') && !f.reason.startsWith('cannot reach'));
    if (skippedBefore.length > 0) {
      lines.push('', paint.bold('Skipped before parsing:'));
      for (const f of skippedBefore) lines.push(`  ${f.file}: ${f.reason}`);
    }
    const slowest = [...result.files].filter((f) => f.durationMs > 0).sort((a, b) => b.durationMs - a.durationMs).slice(0, SLOWEST_SHOWN);
    if (slowest.length > 0) lines.push('', paint.bold('Slowest files:'));
    for (const f of slowest) lines.push(`  ${f.durationMs.toFixed(1).padStart(8)} ms  ${f.file}`);
    lines.push('', paint.bold('Where the time went (summed over worker threads):'));
    for (const [phase, ms] of Object.entries(result.phases ?? {})) lines.push(`  ${String(ms).padStart(8)} ms  ${phase}`);
  }
  if (result.interrupted) {
    const written = result.files.filter((f) => f.status === 'changed').length;
    lines.push('', paint.bold(`Interrupted: ${result.dry ? 'nothing was written' : `${written} file${written === 1 ? '' : 's'} written (listed above as changed), the others are as they were`}.`));
  }
  return lines.join('\n');
}

function describeCounts(result: FileResult): string {
  const parts: string[] = [];
  if (result.changes.length > 0) parts.push(`${result.changes.length} change${result.changes.length === 1 ? '' : 's'}`);
  if (result.findings.length > 0) parts.push(`${result.findings.length} finding${result.findings.length === 1 ? '' : 's'}`);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

function painter(color: boolean) {
  return pc.createColors(color);
}

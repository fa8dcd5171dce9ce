import type { RunResult } from '../types';

const REPORT_SCHEMA_VERSION = 1;

/** The machine-readable report: every file's status, every change and finding, counts, timing. */
export function toJsonReport(result: RunResult, toolVersion: string): string {
  const report = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'tx-codemod', version: toolVersion },
    transforms: result.transforms,
    dry: result.dry,
    counts: result.counts,
    elapsedMs: result.elapsedMs,
    notes: result.notes,
    ...(result.interrupted ? { interrupted: true } : {}),
    phases: result.phases,
    parsed: result.parsed,
    files: result.files.map(({ diff: _diff, ...file }) => file),
    changes: result.files.flatMap((f) => f.changes),
    findings: result.files.flatMap((f) => f.findings),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

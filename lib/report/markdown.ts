import type { TransformName } from '../transform-names';
import type { FileResult, RunResult } from '../types';

/** A summary ready to paste into the migration pull request. */
export function toMarkdownReport(result: RunResult): string {
  const { counts } = result;
  const lines: string[] = [
    '## Mongoose transaction migration (tx-codemod)',
    '',
    `Transforms: ${result.transforms.map((t) => `\`${t}\``).join(', ')}.`,
    `Files: ${counts.changed} changed, ${counts.unchanged} unchanged, ${counts.skipped} skipped, ${counts.failed} failed. ` +
      `Findings to review: ${counts.findings}.`,
    '',
  ];

  const changed = result.files.filter((f) => f.status === 'changed');
  if (changed.length > 0) {
    lines.push('### What changed', '');
    for (const [transform, files] of groupChanges(changed)) {
      lines.push(`#### \`${transform}\` (${files.size} file${files.size === 1 ? '' : 's'})`, '');
      for (const [file, descriptions] of files) {
        lines.push(`- \`${file}\`: ${descriptions.join('; ')}`);
      }
      lines.push('');
    }
  }

  const findings = result.files.flatMap((f) => f.findings);
  if (findings.length > 0) {
    lines.push('### Findings a reviewer must look at', '', '| Where | Transform | Why |', '| --- | --- | --- |');
    for (const f of findings) {
      lines.push(`| \`${f.file}:${f.line}\` | \`${f.transform}\` | ${cell(f.reason)} |`);
    }
    lines.push('');
  }

  const failed = result.files.filter((f) => f.status === 'failed');
  if (failed.length > 0) {
    lines.push('### Files that could not be processed', '');
    for (const f of failed) lines.push(`- \`${f.file}\`: ${f.reason ?? 'unknown reason'}`);
    lines.push('');
  }

  if (result.notes.length > 0) {
    lines.push('### Notes', '');
    for (const note of result.notes) lines.push(`- ${note}`);
    lines.push('');
  }
  return lines.join('\n');
}

/** transform -> file -> "line N: description" */
function groupChanges(files: FileResult[]): Map<TransformName, Map<string, string[]>> {
  const byTransform = new Map<TransformName, Map<string, string[]>>();
  for (const file of files) {
    for (const change of file.changes) {
      const perFile = byTransform.get(change.transform) ?? new Map<string, string[]>();
      byTransform.set(change.transform, perFile);
      const list = perFile.get(file.file) ?? [];
      perFile.set(file.file, list);
      list.push(`line ${change.line}: ${change.description}`);
    }
  }
  return byTransform;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
}

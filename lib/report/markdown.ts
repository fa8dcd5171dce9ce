import { ruleFor, type RuleName } from '../rules';
import type { Change, FileResult, Finding, RunResult } from '../types';
import { transformsOf } from '../findings';
import { kindsOf, type FindingKind } from './finding-kinds';

/**
 * A summary ready to paste into the migration pull request: the shape first (changes by kind,
 * findings by kind, with counts and what each means), then each file's changes and findings in a
 * collapsed section, so a migration of hundreds of hunks reads in one screen.
 */
export function toMarkdownReport(result: RunResult): string {
  const { counts } = result;
  const changes = result.files.flatMap((f) => f.changes);
  const findings = result.files.flatMap((f) => f.findings);
  const lines: string[] = [
    '## Mongoose transaction migration (tx-codemod)',
    '',
    `Transforms: ${result.transforms.map((t) => `\`${t}\``).join(', ')}.`,
    `Files: ${counts.changed} changed, ${counts.unchanged} unchanged, ${counts.skipped} skipped, ${counts.failed} failed. ` +
      `${plural(changes.length, 'change')}, ${plural(counts.findings, 'finding')} to review.`,
    '',
  ];

  if (changes.length > 0) {
    lines.push('### Changes by kind', '', '| Kind | Changes | Files | What was wrong |', '| --- | ---: | ---: | --- |');
    for (const { rule, items } of changesByRule(changes)) {
      lines.push(`| \`${rule}\` | ${items.length} | ${new Set(items.map((c) => c.file)).size} | ${cell(ruleFor(items[0]!.transform, rule).problem)} |`);
    }
    lines.push('');
  }

  if (findings.length > 0) {
    lines.push('### Findings by kind', '', '| Kind | Findings | Files | What it means |', '| --- | ---: | ---: | --- |');
    for (const { kind, items } of findingsByKind(findings)) {
      lines.push(`| ${kind.title} | ${items.length} | ${new Set(items.map((f) => f.file)).size} | ${cell(kind.meaning)} |`);
    }
    const several = findings.filter((f) => kindsOf(f).length > 1).length;
    if (several > 0) lines.push('', `${plural(several, 'finding')} give${several === 1 ? 's' : ''} reasons of several kinds and ${several === 1 ? 'is' : 'are'} counted under each.`);
    lines.push('');
  }

  const touched = result.files.filter((f) => f.changes.length > 0 || f.findings.length > 0);
  if (touched.length > 0) {
    lines.push('### By file', '', `<details><summary>${plural(touched.length, 'file')} with changes or findings</summary>`, '');
    for (const file of touched) lines.push(...fileSection(file));
    lines.push('</details>', '');
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

/** One collapsed section per file: every change and finding, by line. */
function fileSection(file: FileResult): string[] {
  const parts = [file.changes.length > 0 ? plural(file.changes.length, 'change') : '', file.findings.length > 0 ? plural(file.findings.length, 'finding') : ''];
  const rows = [
    ...file.changes.map((c) => ({ line: c.line, text: `| ${c.line} | change | \`${c.transform}\` | ${cell(c.description)} |` })),
    ...file.findings.map((f) => ({ line: f.line, text: `| ${f.line} | **finding**: ${kindsOf(f).map((k) => k.title).join('; ')} | ${transformsOf(f).map((t) => `\`${t}\``).join(', ')} | ${cell(f.reason)} |` })),
  ].sort((a, b) => a.line - b.line);
  return [
    '<details>',
    `<summary><code>${escapeHtml(file.file)}</code>: ${parts.filter(Boolean).join(', ')}</summary>`,
    '',
    '| Line | What | Transform | Details |',
    '| ---: | --- | --- | --- |',
    ...rows.map((r) => r.text),
    '',
    '</details>',
    '',
  ];
}

/** Changes grouped by the kind of problem they fix, largest group first (ties in rule order). */
function changesByRule(changes: Change[]): Array<{ rule: RuleName; items: Change[] }> {
  const groups = new Map<RuleName, Change[]>();
  for (const change of changes) {
    const rule = ruleFor(change.transform, change.rule).name;
    groups.set(rule, [...(groups.get(rule) ?? []), change]);
  }
  return [...groups].map(([rule, items]) => ({ rule, items })).sort((a, b) => b.items.length - a.items.length);
}

/** Findings grouped by the kinds of their reasons (a finding under each of its kinds), largest group first. */
function findingsByKind(findings: Finding[]): Array<{ kind: FindingKind; items: Finding[] }> {
  const groups = new Map<string, { kind: FindingKind; items: Finding[] }>();
  for (const finding of findings) {
    for (const kind of kindsOf(finding)) {
      const group = groups.get(kind.key) ?? { kind, items: [] };
      group.items.push(finding);
      groups.set(kind.key, group);
    }
  }
  return [...groups.values()].sort((a, b) => b.items.length - a.items.length);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Text for a table cell: pipes escaped, one line. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

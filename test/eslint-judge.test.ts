import { ESLint } from 'eslint';
import * as fs from 'node:fs';
import * as path from 'node:path';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { startOf, endOf, type Node } from '../lib/ast/nodes';
import { MongooseAnalysis } from '../lib/mongoose/analysis';
import { directScopes } from '../lib/mongoose/operation-scopes';
import { parseFile } from '../lib/parse';
import { LineIndex } from '../lib/text';
import { FIXTURES_ROOT, discoverCases, filesUnder, type FixtureCase } from './harness/fixtures';

/** TypeScript outputs of cases that run add-missing-await, with the lines the case expects a finding on. */
function judgedFiles(): Array<{ file: string; allowedLines: number[] }> {
  const out: Array<{ file: string; allowedLines: number[] }> = [];
  const allowed = (fixture: FixtureCase, file?: string) =>
    (fixture.spec.findings ?? []).filter((f) => f.file === undefined || f.file === file).map((f) => f.line);
  for (const fixture of discoverCases()) {
    if (fixture.group !== 'add-missing-await' && fixture.group !== 'pipeline') continue;
    if (fixture.kind === 'file' && fixture.output?.endsWith('.ts')) out.push({ file: fixture.output, allowedLines: allowed(fixture) });
    if (fixture.kind === 'folder' && fixture.outputDir) {
      for (const file of filesUnder(fixture.outputDir).filter((f) => f.endsWith('.ts'))) {
        out.push({ file, allowedLines: allowed(fixture, path.relative(fixture.outputDir, file).split(path.sep).join('/')) });
      }
    }
  }
  return out;
}

/** Line ranges of transaction scopes and of functions that receive a session. */
function scopeLines(file: string): Array<[number, number]> {
  const source = fs.readFileSync(file, 'utf8');
  const { j, root } = parseFile(file, source);
  const analysis = new MongooseAnalysis(j, root, source);
  const lines = new LineIndex(source);
  const ranges: Array<[number, number]> = directScopes(analysis).map((s) => [lines.position(s.start).line, lines.position(s.end).line]);
  for (const fn of analysis.index.functions()) {
    if ((fn.node.params as Node[]).some((p) => p.type === 'Identifier' && analysis.isSessionDeclaration(p))) {
      ranges.push([lines.position(startOf(fn.node)).line, lines.position(endOf(fn.node)).line]);
    }
  }
  return ranges;
}

describe('typescript-eslint no-floating-promises, as an independent judge of add-missing-await', () => {
  const files = judgedFiles();

  it('has TypeScript outputs to judge', () => {
    expect(files.length).toBeGreaterThan(3);
  });

  it('reports no floating promise inside a transaction scope of any output', async () => {
    const eslint = new ESLint({
      cwd: FIXTURES_ROOT,
      overrideConfigFile: true,
      overrideConfig: [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tseslint.parser, parserOptions: { project: true, tsconfigRootDir: FIXTURES_ROOT } },
          plugins: { '@typescript-eslint': tseslint.plugin as never },
          rules: { '@typescript-eslint/no-floating-promises': ['error', { checkThenables: true, ignoreVoid: false }] },
        },
      ],
    });
    const results = await eslint.lintFiles(files.map((f) => f.file));
    const problems: string[] = [];
    for (const result of results) {
      const judged = files.find((f) => f.file === result.filePath)!;
      const scopes = scopeLines(result.filePath);
      for (const message of result.messages) {
        if (message.fatal) problems.push(`${result.filePath}:${message.line} ${message.message}`);
        const inScope = scopes.some(([a, b]) => a <= message.line && message.line <= b);
        if (message.ruleId && inScope && !judged.allowedLines.includes(message.line)) {
          problems.push(`${path.relative(FIXTURES_ROOT, result.filePath)}:${message.line} ${message.message}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

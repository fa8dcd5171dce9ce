import { ESLint } from 'eslint';
import * as fs from 'node:fs';
import * as path from 'node:path';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { startOf, endOf, type Node } from '../lib/ast/nodes';
import { MongooseAnalysis } from '../lib/mongoose/analysis';
import { contains, directScopes } from '../lib/mongoose/operation-scopes';
import { parseFile } from '../lib/facts/parse';
import { LineIndex } from '../lib/edit/text';
import { FIXTURES_ROOT, discoverCases, filesUnder, type FixtureCase } from './harness/fixtures';

interface Judged {
  output: string;
  input: string;
  /** Lines of the input the case expects a finding on. */
  findingLines: number[];
  /** Every output of the case (one file, or a folder's files): where helpers may be called from. */
  caseOutputs: string[];
}

/** TypeScript outputs of cases that run add-missing-await, with their inputs and expected finding lines. */
function judgedFiles(): Judged[] {
  const out: Judged[] = [];
  const lines = (fixture: FixtureCase, file?: string) =>
    (fixture.spec.findings ?? []).filter((f) => f.file === undefined || f.file === file).map((f) => f.line);
  for (const fixture of discoverCases()) {
    if (fixture.group !== 'add-missing-await' && fixture.group !== 'pipeline') continue;
    if (fixture.kind === 'file' && fixture.output?.endsWith('.ts')) {
      out.push({ output: fixture.output, input: fixture.input, findingLines: lines(fixture), caseOutputs: [fixture.output] });
    }
    if (fixture.kind === 'folder' && fixture.outputDir) {
      const caseOutputs = filesUnder(fixture.outputDir);
      for (const output of caseOutputs.filter((f) => f.endsWith('.ts'))) {
        const rel = path.relative(fixture.outputDir, output);
        out.push({ output, input: path.join(fixture.inputDir, rel), findingLines: lines(fixture, rel.split(path.sep).join('/')), caseOutputs });
      }
    }
  }
  return out;
}

type Span = [number, number];

function analyse(file: string) {
  const source = fs.readFileSync(file, 'utf8');
  const { j, root } = parseFile(file, source);
  const analysis = new MongooseAnalysis(j, root, source);
  const lines = new LineIndex(source);
  const line = (offset: number) => lines.position(offset).line;
  const span = (node: Node): Span => [line(startOf(node)), line(endOf(node))];
  const statements = analysis.index.of('ExpressionStatement', 'VariableDeclaration', 'ReturnStatement').map((p) => ({
    span: span(p.node),
    text: source.slice(startOf(p.node), endOf(p.node)),
  }));
  return { analysis, line, span, statements };
}

/** Output lines inside transaction scopes (or functions receiving a session that the case calls), and output lines a finding explains. */
function linesOf(judged: Judged): { scopes: Span[]; reported: Span[]; inDirectScope: (line: number) => boolean } {
  const output = analyse(judged.output);
  const direct = directScopes(output.analysis);
  const scopes: Span[] = [];
  // A statement on the line lies in a transaction scope, as the codemod decides it (code after the commit is outside).
  const inDirectScope = (line: number) =>
    output.analysis.index
      .of('ExpressionStatement', 'VariableDeclaration', 'ReturnStatement')
      .some((p) => output.line(startOf(p.node)) === line && direct.some((scope) => contains(scope, p)));
  const caseText = judged.caseOutputs.map((file) => fs.readFileSync(file, 'utf8')).join('\n');
  for (const fn of output.analysis.index.functions()) {
    const receivesSession = (fn.node.params as Node[]).some((p) => p.type === 'Identifier' && output.analysis.isSessionDeclaration(p));
    if (receivesSession && mayBeCalled(fn.node, caseText)) scopes.push(output.span(fn.node));
  }
  // A finding names a line of the input; the statement starting there is found in the output by its text.
  const reportedTexts = analyse(judged.input).statements.filter((s) => judged.findingLines.includes(s.span[0])).map((s) => s.text);
  const reported = output.statements.filter((s) => reportedTexts.includes(s.text)).map((s) => s.span);
  return { scopes, reported, inDirectScope };
}

/** Unnamed functions count as called; a named one when its name is followed by `(` somewhere besides its declaration. */
function mayBeCalled(fn: Node, caseText: string): boolean {
  const name = ((fn.id ?? fn.key) as Node | undefined)?.name as string | undefined;
  if (!name) return true;
  const mentions = caseText.match(new RegExp(`\\b${name}\\s*\\(`, 'g'))?.length ?? 0;
  return mentions > (fn.type === 'FunctionDeclaration' || fn.type === 'ClassMethod' ? 1 : 0);
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
    const results = await eslint.lintFiles(files.map((f) => f.output));
    const problems: string[] = [];
    for (const result of results) {
      const judged = files.find((f) => f.output === result.filePath)!;
      const { scopes, reported, inDirectScope } = linesOf(judged);
      const within = (ranges: Array<[number, number]>, line: number) => ranges.some(([a, b]) => a <= line && line <= b);
      for (const message of result.messages) {
        if (message.fatal) problems.push(`${result.filePath}:${message.line} ${message.message}`);
        if (message.ruleId && (inDirectScope(message.line) || within(scopes, message.line)) && !within(reported, message.line)) {
          problems.push(`${path.relative(FIXTURES_ROOT, result.filePath)}:${message.line} ${message.message}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

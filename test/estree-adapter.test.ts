import { Linter } from 'eslint';
import * as fs from 'node:fs';
import * as path from 'node:path';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { LintText } from '../lib/eslint/lint-text';
import type { EstreeProgram } from '../lib/facts/estree/estree';
import { babelAstFromEstree, parseAst } from '../lib/facts/parse';
import { astDifferences } from './harness/ast-diff';
import { filesUnder, FIXTURES_ROOT } from './harness/fixtures';

/**
 * The tree ESLint's parsers build, given Babel's shape, is the tree tx-codemod's own parse gives:
 * over every fixture file (inputs and outputs), through espree (JavaScript) and typescript-eslint
 * (JavaScript and TypeScript). TX_ADAPTER_TREES=<dir>[:<dir>] adds the source files under those
 * folders (real code), reporting what cannot be adapted.
 */
type ParserPath = 'espree' | 'typescript-eslint';

const SOURCE = /\.(?:[cm]?[jt]s)$/;

/** The Program node ESLint hands its rules for `text`, or undefined when its parser rejects the text. */
function eslintProgram(file: string, text: string, parser: ParserPath): EstreeProgram | undefined {
  let program: EstreeProgram | undefined;
  const capture = { rules: { ast: { create: (context: { sourceCode: { ast: unknown } }) => ({ Program: () => void (program = context.sourceCode.ast as EstreeProgram) }) } } };
  const linter = new Linter({ configType: 'flat', cwd: path.parse(file).root });
  const sourceTypes = parser === 'espree' ? (['module', 'commonjs'] as const) : (['module'] as const);
  for (const sourceType of sourceTypes) {
    const messages = linter.verify(
      text,
      [
        {
          files: ['**/*.{js,cjs,mjs,jsx,ts,cts,mts,tsx}'],
          plugins: { capture: capture as never },
          rules: { 'capture/ast': 'error' },
          languageOptions: parser === 'espree' ? { sourceType } : { parser: tseslint.parser as never },
        },
      ],
      file,
    );
    if (program && !messages.some((m) => m.fatal)) return program;
  }
  return undefined;
}

interface Outcome {
  compared: number;
  unadaptable: number;
  differences: string[];
}

function check(files: readonly string[], parser: ParserPath): Outcome {
  const outcome: Outcome = { compared: 0, unadaptable: 0, differences: [] };
  for (const file of files) {
    if (parser === 'espree' && /\.[cm]?ts$/.test(file)) continue;
    const text = fs.readFileSync(file, 'utf8');
    let expected: unknown;
    try {
      expected = parseAst(file, text);
    } catch {
      continue;
    }
    const program = eslintProgram(file, text, parser);
    if (!program) continue;
    const actual = babelAstFromEstree(file, text, program);
    if (!actual) {
      outcome.unadaptable++;
      continue;
    }
    outcome.compared++;
    const differences = astDifferences(expected, actual, 5);
    if (differences.length > 0) outcome.differences.push(`${file}:\n  ${differences.join('\n  ')}`);
  }
  return outcome;
}

/** The fixtures, and a catalogue of the syntax real code uses less often. */
const fixtureFiles = [...filesUnder(FIXTURES_ROOT), ...filesUnder(path.join(__dirname, 'data', 'estree'))].filter((f) => SOURCE.test(f));

describe('ESTree in Babel shape', () => {
  for (const parser of ['espree', 'typescript-eslint'] as const) {
    it(`gives every fixture file the tree of tx-codemod's own parse, through ${parser}`, () => {
      const outcome = check(fixtureFiles, parser);
      expect(outcome.differences).toEqual([]);
      expect(outcome.unadaptable).toBe(0);
      expect(outcome.compared).toBeGreaterThan(100);
    });
  }

  it('maps the offsets of a file with CRLF line breaks and a byte order mark to the LF text the transforms see', () => {
    const files = fixtureFiles.filter((f) => /syntax\.[jt]s$/.test(f));
    expect(files).toHaveLength(2);
    for (const file of files) {
      const lf = fs.readFileSync(file, 'utf8');
      const raw = `\uFEFF${lf.replace(/\n/g, '\r\n')}`;
      const program = eslintProgram(file, raw, 'typescript-eslint')!;
      // ESLint takes the byte order mark off; LintText converts the line breaks.
      const text = new LintText(raw.slice(1));
      expect(text.transformed).toBe(lf);
      const actual = babelAstFromEstree(file, text.transformed, program, (offset) => text.fromRaw(offset));
      expect(astDifferences(parseAst(file, lf), actual)).toEqual([]);
    }
  });

  const trees = (process.env.TX_ADAPTER_TREES ?? '').split(':').filter(Boolean);
  for (const tree of trees) {
    for (const parser of ['espree', 'typescript-eslint'] as const) {
      it(`gives the files under ${tree} the tree of tx-codemod's own parse, through ${parser}`, () => {
        const files = filesUnder(tree).filter((f) => SOURCE.test(f) && !f.split(path.sep).includes('node_modules'));
        const outcome = check(files, parser);
        console.log(`${tree} (${parser}): ${outcome.compared} compared, ${outcome.unadaptable} left to the codemod's parser, ${outcome.differences.length} differ`);
        expect(outcome.differences.slice(0, 20)).toEqual([]);
      }, 3_600_000);
    }
  }
});

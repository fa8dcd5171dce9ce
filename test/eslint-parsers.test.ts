import type { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { eslintWith, typedLanguage } from './harness/lint';
import { layOutFixtures, type LintedFixtures } from './harness/lint-fixtures';

/**
 * The rules read the tree ESLint's parser built (in Babel's shape) instead of parsing the file
 * again; what they report and fix must not change for it. Over every fixture file (inputs and
 * expected outputs), through each parser the plugin reads, the rules give the same messages,
 * fixes and suggestions from ESLint's tree as from the codemod's own parse of the text.
 */
const adapter = vi.hoisted(() => ({ on: true, read: 0, declined: 0 }));

vi.mock('../lib/facts/parse', async (importOriginal) => {
  const original = await importOriginal<typeof import('../lib/facts/parse')>();
  return {
    ...original,
    parsedFromEstree: (...args: Parameters<typeof original.parsedFromEstree>) => {
      if (!adapter.on) return undefined;
      const parsed = original.parsedFromEstree(...args);
      if (parsed) adapter.read++;
      else adapter.declined++;
      return parsed;
    },
  };
});

const JS = '**/*.{js,cjs,mjs}';
const ALL = '**/*.{js,cjs,mjs,ts,cts,mts}';

const PARSERS: Array<{ name: string; files: string; language: (root: string) => Linter.Config[] }> = [
  { name: 'espree', files: JS, language: () => [] },
  { name: 'typescript-eslint', files: ALL, language: () => [{ files: [ALL], languageOptions: { parser: tseslint.parser } }] },
  { name: 'typescript-eslint with type information', files: ALL, language: (root) => [typedLanguage(root)] },
];

let fixtures: LintedFixtures;

beforeAll(() => {
  fixtures = layOutFixtures();
});

async function lintAll(eslint: ESLint, paths: string[], fromEstree: boolean): Promise<Map<string, Linter.LintMessage[]>> {
  adapter.on = fromEstree;
  const results = await eslint.lintFiles(paths);
  return new Map(results.map((r) => [r.filePath, r.messages]));
}

describe('the rules read the tree of ESLint’s parser', () => {
  for (const parser of PARSERS) {
    it(`and report and fix as from their own parse, through ${parser.name}`, async () => {
      const eslint = eslintWith(fixtures.root, [...parser.language(fixtures.root), { files: [parser.files] }, ...fixtures.perCase]);
      const pattern = parser.files === JS ? /\.[cm]?js$/ : /\.[cm]?[jt]s$/;
      const paths = fixtures.files.flatMap((f) => [f.inputPath, f.outputPath]).filter((p) => pattern.test(p));
      adapter.read = 0;
      adapter.declined = 0;
      const fromEstree = await lintAll(eslint, paths, true);
      const { read, declined } = adapter;
      const ownParse = await lintAll(eslint, paths, false);
      for (const file of paths) expect(fromEstree.get(file), file).toEqual(ownParse.get(file));
      expect(declined).toBe(0);
      // Every file with something for the rules was read from ESLint's tree.
      expect(read).toBeGreaterThan(paths.length / 2);
    }, 900_000);
  }
});

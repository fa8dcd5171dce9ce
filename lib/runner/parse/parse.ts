import { parse as babelParse, type ParserOptions, type ParserPlugin } from '@babel/parser';
import jscodeshift, { type Collection, type JSCodeshift } from 'jscodeshift';
import * as path from 'node:path';
import { ParseError } from '../../errors';

export type ParserName = 'ts' | 'tsx' | 'js';

const SOURCE_EXTENSIONS = ['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts'] as const;

const COMMON_PLUGINS: ParserPlugin[] = [
  'decorators-legacy',
  'classProperties',
  'classPrivateProperties',
  'classPrivateMethods',
  'importAttributes',
  'explicitResourceManagement',
  'doExpressions',
  'exportDefaultFrom',
  'functionBind',
  'throwExpressions',
];

const PLUGINS: Record<ParserName, ParserPlugin[]> = {
  ts: ['typescript', ...COMMON_PLUGINS],
  tsx: ['typescript', 'jsx', ...COMMON_PLUGINS],
  js: ['jsx', ...COMMON_PLUGINS],
};

/** The parser a file needs, chosen from its extension (never one parser for a whole run). */
function parserFor(file: string): ParserName {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.ts' || ext === '.mts' || ext === '.cts') return 'ts';
  if (ext === '.tsx') return 'tsx';
  return 'js';
}

export function isSourceFile(file: string): boolean {
  const lower = file.toLowerCase();
  if (/\.d\.[mc]?ts$/.test(lower)) return false;
  return (SOURCE_EXTENSIONS as readonly string[]).includes(path.extname(lower));
}

function babelOptions(parser: ParserName): ParserOptions {
  return {
    sourceType: 'unambiguous',
    allowImportExportEverywhere: true,
    allowReturnOutsideFunction: true,
    allowAwaitOutsideFunction: true,
    allowUndeclaredExports: true,
    plugins: PLUGINS[parser],
  };
}

type BabelFile = ReturnType<typeof babelParse>;

interface BabelSyntaxError extends Error {
  loc?: { line: number; column: number };
}

/** Parses with the file's parser; a syntax error becomes a ParseError naming file, line and cause. */
export function parseAst(file: string, source: string): BabelFile {
  try {
    return babelParse(source, babelOptions(parserFor(file)));
  } catch (error) {
    const err = error as BabelSyntaxError;
    const line = err.loc?.line ?? 1;
    const column = (err.loc?.column ?? 0) + 1;
    const message = String(err.message).replace(/\s*\(\d+:\d+\)$/, '');
    throw new ParseError(file, line, column, message);
  }
}

export interface ParsedFile {
  j: JSCodeshift;
  root: Collection;
}

/** Parses a file into a jscodeshift collection (positions are byte offsets into `source`). */
export function parseFile(file: string, source: string): ParsedFile {
  const ast = parseAst(file, source);
  return { j: jscodeshift, root: jscodeshift(ast as never) };
}

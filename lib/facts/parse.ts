import { parse as babelParse, type ParserOptions, type ParserPlugin } from '@babel/parser';
import jscodeshift, { type Collection, type JSCodeshift } from 'jscodeshift';
import * as path from 'node:path';
import { ParseError } from '../errors';
import type { EstreeProgram } from './estree/estree';
import { babelFileFromEstree, Unadaptable } from './estree/to-babel';

export type ParserName = 'ts' | 'tsx' | 'js' | 'flow';


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
  flow: ['flow', 'jsx', ...COMMON_PLUGINS],
};

/** The comments (and a shebang) before the first statement. */
const LEADING_COMMENTS = /^(?:\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/|#![^\n]*)*/;

/** `@flow` (or `@noflow`) in the leading comments, where Flow itself looks for it. */
function hasFlowPragma(source: string): boolean {
  return /@(?:no)?flow\b/.test(LEADING_COMMENTS.exec(source)![0]);
}

/** The parser a file needs, chosen from its extension (never one parser for a whole run). */
function parserFor(file: string): ParserName {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.ts' || ext === '.mts' || ext === '.cts') return 'ts';
  if (ext === '.tsx') return 'tsx';
  return 'js';
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

/**
 * Parses with the file's parser; a syntax error becomes a ParseError naming file, line and cause.
 * JavaScript with a `@flow` pragma is parsed as Flow, and so is JavaScript that only Flow accepts
 * (type annotations without the pragma); edits keep the annotations, so the output stays Flow.
 */
export function parseAst(file: string, source: string): BabelFile {
  const parser = parserFor(file);
  if (parser === 'js' && hasFlowPragma(source)) return parseWith(file, source, 'flow');
  try {
    return babelParse(source, babelOptions(parser));
  } catch (error) {
    if (parser !== 'js') throw parseError(file, error);
    try {
      return babelParse(source, babelOptions('flow'));
    } catch {
      throw parseError(file, error);
    }
  }
}

function parseWith(file: string, source: string, parser: ParserName): BabelFile {
  try {
    return babelParse(source, babelOptions(parser));
  } catch (error) {
    throw parseError(file, error);
  }
}

function parseError(file: string, error: unknown): ParseError {
  const err = error as BabelSyntaxError;
  const line = err.loc?.line ?? 1;
  const column = (err.loc?.column ?? 0) + 1;
  const message = String(err.message).replace(/\s*\(\d+:\d+\)$/, '');
  return new ParseError(file, line, column, message);
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

/**
 * The file as another parser read it (espree's or typescript-eslint's ESTree, as ESLint hands it
 * out), in the shape `parseAst` gives the same text; undefined where it cannot be given that shape
 * (Flow, JSX, rare TypeScript forms), and the caller parses the text itself. `offset` maps an
 * offset of the text the parser read to `source`, where line breaks were converted.
 */
export function babelAstFromEstree(file: string, source: string, program: EstreeProgram, offset?: (at: number) => number): BabelFile | undefined {
  const parser = parserFor(file);
  if (parser === 'js' && hasFlowPragma(source)) return undefined;
  try {
    return babelFileFromEstree(program, { dialect: parser === 'js' ? 'js' : 'ts', text: source, offset }) as unknown as BabelFile;
  } catch (error) {
    if (error instanceof Unadaptable) return undefined;
    throw error;
  }
}

/** `parseFile` over the tree another parser built (see babelAstFromEstree); undefined where it cannot be used. */
export function parsedFromEstree(file: string, source: string, program: EstreeProgram, offset?: (at: number) => number): ParsedFile | undefined {
  const ast = babelAstFromEstree(file, source, program, offset);
  return ast && { j: jscodeshift, root: jscodeshift(ast as never) };
}

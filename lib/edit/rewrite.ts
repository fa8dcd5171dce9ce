import { endOf, isIdentifier, some, startOf, statementsOf, walk, type Node, type Path } from '../ast/nodes';
import type { SourceEdits } from './edits';
import type { CodeStyle } from './style';
import { indentAt, isBlank, lineEndOf, lineStartOf, statementRemovalRange } from './text';

/** What the text-level rewrites need from a transform's context. */
export interface RewriteTarget {
  readonly source: string;
  readonly edits: SourceEdits;
  readonly style: CodeStyle;
}

/** `stmt` + `;` when the file uses semicolons. */
export function statementText(target: RewriteTarget, code: string): string {
  return target.style.semicolons ? `${code};` : code;
}

/**
 * Deletes a statement. In a statement list the whole line goes when nothing else shares it;
 * as the body of an `if`/loop without braces it becomes `{}` so the surrounding code still parses.
 */
export function removeStatement(target: RewriteTarget, statement: Path): void {
  const parent = statement.parent?.node as Node | undefined;
  const node = statement.node;
  if (parent && statementsOf(parent)) {
    const [start, end] = statementRemovalRange(target.source, startOf(node), endOf(node));
    target.edits.remove(start, end);
  } else {
    target.edits.replace(startOf(node), endOf(node), '{}');
  }
}

/** Removes one item of a comma-separated list (parameters, arguments, properties) with the comma that separates it. */
export function removeListItem(target: RewriteTarget, items: readonly Node[], index: number): void {
  if (items.length === 1) target.edits.remove(startOf(items[0]!), endOf(items[0]!));
  else if (index < items.length - 1) target.edits.remove(startOf(items[index]!), startOf(items[index + 1]!));
  else target.edits.remove(endOf(items[index - 1]!), endOf(items[index]!));
}

/**
 * Adds `text` after the last item of a non-empty comma-separated list (arguments, properties), in
 * the list's layout: on a line of its own, with the list's trailing comma, when the last item
 * starts its own line; else after `, ` on the same line.
 */
export function appendListItem(target: RewriteTarget, items: readonly Node[], text: string): void {
  const last = items[items.length - 1]!;
  const { source } = target;
  const start = startOf(last);
  if (!isBlank(source.slice(lineStartOf(source, start), start))) {
    target.edits.insert(endOf(last), `, ${text}`);
    return;
  }
  const indent = indentAt(source, start);
  const comma = /^\s*,/.exec(source.slice(endOf(last), endOf(last) + 100));
  if (comma) target.edits.insert(endOf(last) + comma[0].length, `\n${indent}${text},`);
  else target.edits.insert(endOf(last), `,\n${indent}${text}`);
}

/** Removes the parameter at `index` of a function; a lone arrow parameter without parentheses becomes `()`. */
export function removeParameter(target: RewriteTarget, fn: Node, index: number): void {
  const params = fn.params as Node[];
  const param = params[index]!;
  const bare = params.length === 1 && fn.type === 'ArrowFunctionExpression' && !target.source.slice(0, startOf(param)).trimEnd().endsWith('(');
  if (bare) target.edits.replace(startOf(param), endOf(param), '()');
  else removeListItem(target, params, index);
}

/** Inner indentation for statements of a block whose opening line is indented by `outer`. */
export function innerIndent(target: RewriteTarget, outer: string): string {
  return outer + target.style.indentUnit;
}

/** Adds `code` as the last statement of a try statement's `finally`, creating the clause when the try has none. */
export function appendToFinally(target: RewriteTarget, tryStatement: Path, code: string): void {
  const node = tryStatement.node;
  const outer = indentAt(target.source, startOf(node));
  const inner = innerIndent(target, outer);
  const finalizer = node.finalizer as Node | null;
  if (!finalizer) {
    const lastBlock = ((node.handler as Node | null)?.body as Node | undefined) ?? (node.block as Node);
    target.edits.insert(endOf(lastBlock), ` finally {\n${inner}${code}\n${outer}}`);
    return;
  }
  const body = finalizer.body as Node[];
  const last = body[body.length - 1];
  if (last) {
    target.edits.insert(endOf(last), `\n${indentAt(target.source, startOf(last))}${code}`);
  } else {
    target.edits.replace(startOf(finalizer), endOf(finalizer), `{\n${inner}${code}\n${outer}}`);
  }
}

/**
 * Wraps statements `from`..end (or up to `toIndex`) of a block in `try { ... } finally { <code> }`, re-indenting the
 * wrapped lines (never lines inside template literal text, and never lines already being deleted).
 * Statements at the end that are being deleted stay outside: the try closes after the last one kept.
 */
export function wrapRestInTryFinally(target: RewriteTarget, block: Path, fromIndex: number, code: string, toIndex?: number): void {
  const statements = statementsOf(block.node)!;
  const first = statements[fromIndex]!;
  const kept = statements.slice(fromIndex, toIndex).filter((s) => !target.edits.removes(startOf(s), endOf(s)));
  const last = kept[kept.length - 1] ?? first;
  const { source, edits } = target;
  const outer = indentAt(source, startOf(first));
  const inner = innerIndent(target, outer);
  const regionStart = lineStartOf(source, startOf(first));
  const restOfLastLine = source.slice(endOf(last), lineEndOf(source, endOf(last)));
  const regionEnd = isBlank(restOfLastLine) || restOfLastLine.trimStart().startsWith('//') ? lineEndOf(source, endOf(last)) : endOf(last);
  const frozen = templateRanges(statements.slice(fromIndex));

  edits.insert(regionStart, `${outer}try {\n`);
  for (let lineStart = regionStart; lineStart < regionEnd; lineStart = lineEndOf(source, lineStart) + 1) {
    const line = source.slice(lineStart, lineEndOf(source, lineStart));
    const insideTemplate = frozen.some(([a, b]) => a < lineStart && lineStart < b);
    if (isBlank(line) || insideTemplate || edits.removes(lineStart, lineStart + 1)) continue;
    edits.insert(lineStart, target.style.indentUnit);
  }
  edits.insert(regionEnd, `\n${outer}} finally {\n${inner}${code}\n${outer}}`);
}

/** Ranges of template literals: their text (whitespace included) is content, never re-indented. */
function templateRanges(statements: Node[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const statement of statements) {
    walk(statement, (node) => {
      if (node.type === 'TemplateLiteral') ranges.push([startOf(node), endOf(node)]);
    });
  }
  return ranges;
}

const NEEDS_PARENS_UNDER_AWAIT = new Set([
  'ArrowFunctionExpression',
  'AssignmentExpression',
  'BinaryExpression',
  'ConditionalExpression',
  'LogicalExpression',
  'SequenceExpression',
  'YieldExpression',
  'TSAsExpression',
  'TSSatisfiesExpression',
]);

/** `await <text>` for an expression node, with parentheses where precedence needs them. */
export function awaitedText(node: Node, text: string): string {
  const extra = node.extra as { parenthesized?: boolean } | undefined;
  return !extra?.parenthesized && NEEDS_PARENS_UNDER_AWAIT.has(node.type) ? `await (${text})` : `await ${text}`;
}

/** Puts `await ` in front of an expression (adding parentheses where precedence needs them). */
export function addAwait(target: RewriteTarget, expression: Node): void {
  const extra = expression.extra as { parenthesized?: boolean; parenStart?: number } | undefined;
  const start = extra?.parenthesized ? extra.parenStart! : startOf(expression);
  if (!extra?.parenthesized && NEEDS_PARENS_UNDER_AWAIT.has(expression.type)) {
    target.edits.insert(start, 'await (');
    target.edits.insert(endOf(expression), ')');
  } else {
    target.edits.insert(start, 'await ');
  }
}

/** Makes a function `async` (`async function`, `async (x) =>`, `async method()`). */
export function makeAsync(target: RewriteTarget, fn: Node): void {
  if (fn.async) return;
  promiseReturnType(target, fn);
  if (fn.type === 'ClassMethod' || fn.type === 'ObjectMethod' || fn.type === 'ClassPrivateMethod') {
    const key = fn.key as Node;
    let at = fn.computed ? target.source.lastIndexOf('[', startOf(key)) : startOf(key);
    if (fn.generator) at = target.source.lastIndexOf('*', at);
    target.edits.insert(at, 'async ');
    return;
  }
  target.edits.insert(startOf(fn), 'async ');
}

/** An async function must declare `Promise<T>`: `(): T` becomes `(): Promise<T>`. */
function promiseReturnType(target: RewriteTarget, fn: Node): void {
  const declared = (fn.returnType as Node | undefined)?.typeAnnotation as Node | undefined;
  if (!declared) return;
  const name = declared.type === 'TSTypeReference' ? (declared.typeName as Node) : undefined;
  if (name && isIdentifier(name, 'Promise')) return;
  target.edits.insert(startOf(declared), 'Promise<');
  target.edits.insert(endOf(declared), '>');
}

/** Moves the continuation lines of `text` from indentation `from` to `to` (the first line has none). */
export function shiftIndent(text: string, from: string, to: string): string {
  if (!text.includes('\n') || from === to) return text;
  return text
    .split('\n')
    .map((line, i) => (i === 0 || isBlank(line) || !line.startsWith(from) ? line : to + line.slice(from.length)))
    .join('\n');
}

/**
 * Moves the lines that start in (start, end) from indentation `from` to `to`, one small edit per
 * line, so that a position inside still maps to its own line (findings name lines). A line that
 * starts inside a multi-line template literal of `templates` is content and stays byte-identical;
 * text an earlier edit wrote there (a return made a push) is moved with it. False, with nothing
 * changed, where a template was edited.
 */
export function reindentLines(target: RewriteTarget, start: number, end: number, from: string, to: string, templates: readonly Node[]): boolean {
  const { source, edits } = target;
  if (templates.some((t) => edits.touches(startOf(t), endOf(t)))) return false;
  const inTemplate = (offset: number) => templates.some((t) => startOf(t) < offset && offset < endOf(t));
  for (const edit of edits.list()) {
    if (edit.start < start || edit.end > end || edit.start === edit.end || !edit.text.includes('\n')) continue;
    const text = edits.take(edit.start, edit.end);
    edits.replace(edit.start, edit.end, shiftIndent(text, from, to));
  }
  for (let line = lineEndOf(source, start) + 1; line < end; line = lineEndOf(source, line) + 1) {
    const text = source.slice(line, lineEndOf(source, line));
    if (isBlank(text) || !text.startsWith(from) || inTemplate(line) || edits.touches(line, line + from.length)) continue;
    edits.replace(line, line + from.length, to);
  }
  return true;
}

/** The multi-line template literals in `node` (outermost ones, in source order). */
export function multilineTemplates(source: string, node: Node): Node[] {
  const found: Node[] = [];
  walk(node, (n) => {
    if (n.type !== 'TemplateLiteral' || !source.slice(startOf(n), endOf(n)).includes('\n')) return true;
    found.push(n);
    return false;
  });
  return found.sort((a, b) => startOf(a) - startOf(b));
}

/**
 * The code of [start, end) with the edits inside it applied (and taken over by the caller), its
 * continuation lines moved so that the line it starts on would be indented by `to`. Code holding
 * a multi-line template literal is left as it is: whitespace in there is content.
 */
export function movedText(target: RewriteTarget, nodes: Node[], to: string): string {
  const start = startOf(nodes[0]!);
  const end = endOf(nodes[nodes.length - 1]!);
  const text = target.edits.take(start, end);
  const template = nodes.some((node) => some(node, (n) => n.type === 'TemplateLiteral' && target.source.slice(startOf(n), endOf(n)).includes('\n')));
  return template ? text : shiftIndent(text, indentAt(target.source, start), to);
}

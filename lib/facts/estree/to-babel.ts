import type { Node } from '../../ast/nodes';
import type { EstreeComment, EstreeLocation, EstreeNode, EstreeProgram, EstreeToken } from './estree';
import { ParenIndex } from './parens';

/** A node whose Babel shape the adapter does not build: the caller parses the text itself. */
export class Unadaptable extends Error {
  constructor(readonly nodeType: string) {
    super(`no Babel shape for ${nodeType}`);
  }
}

export interface AdaptOptions {
  /** The dialect Babel parses the file in: TypeScript's plugin records fields (`importKind`, ...) that plain JavaScript has not. */
  dialect: 'ts' | 'js';
  /** The text the tree is to describe. */
  text: string;
  /** An offset of ESTree's text in the text the tree describes (they differ where line breaks were converted). */
  offset?: (at: number) => number;
}

type Fields = Record<string, unknown>;
type Built = Node & { extra?: Fields };

/**
 * Gives an ESTree program (espree's or typescript-eslint's, as ESLint parsed it) the shape
 * `@babel/parser` gives the same text with tx-codemod's options: the same node types, fields, field
 * order, offsets, `extra` records (parentheses, raw literals, trailing commas) and comments, so the
 * analysis reads it as it reads its own parse. Throws Unadaptable for syntax it does not cover
 * (JSX, Flow, and the rarer TypeScript forms), which the caller then parses itself.
 */
export function babelFileFromEstree(program: EstreeProgram, options: AdaptOptions): Node {
  if (!program.tokens || !program.comments) throw new Unadaptable('Program without tokens or comments');
  return new Adapter(program.tokens, options).file(program, program.comments);
}

const identity = (at: number) => at;

class Adapter {
  private readonly ts: boolean;
  private readonly at: (offset: number) => number;
  private readonly parens: ParenIndex;
  private functionDepth = 0;
  private topLevelAwait = false;
  private module = false;

  constructor(
    private readonly tokens: readonly EstreeToken[],
    private readonly options: AdaptOptions,
  ) {
    this.ts = options.dialect === 'ts';
    this.at = options.offset ?? identity;
    this.parens = new ParenIndex(tokens);
  }

  file(program: EstreeProgram, comments: readonly EstreeComment[]): Node {
    const { length } = this.options.text;
    const shebang = comments[0]?.type === 'Shebang' ? comments[0] : undefined;
    const { body, directives } = this.statementList(program.body as EstreeNode[]);
    const loc = { start: { line: 1, column: 0 }, end: endOf(this.options.text) };
    const babelProgram: Built = {
      type: 'Program',
      start: 0,
      end: length,
      loc,
      sourceType: 'script',
      interpreter: shebang ? { type: 'InterpreterDirective', start: 0, end: this.at(shebang.range[1]), loc: shebang.loc, value: shebang.value } : null,
      body,
      directives,
      extra: { topLevelAwait: this.topLevelAwait },
    };
    babelProgram.sourceType = this.module ? 'module' : 'script';
    return {
      type: 'File',
      start: 0,
      end: length,
      loc,
      errors: [],
      program: babelProgram,
      comments: comments.filter((c) => c !== shebang).map((c) => this.comment(c)),
    };
  }

  private comment(comment: EstreeComment): Node {
    return { type: comment.type === 'Block' ? 'CommentBlock' : 'CommentLine', start: this.at(comment.range[0]), end: this.at(comment.range[1]), loc: comment.loc, value: comment.value };
  }

  /** A body's statements, with its leading directives (`'use strict'`) apart, as Babel keeps them. */
  private statementList(statements: readonly EstreeNode[]): { body: Node[]; directives: Node[] } {
    let count = 0;
    while (count < statements.length && typeof statements[count]!.directive === 'string') count++;
    const directives: Node[] = [];
    for (let i = 0; i < count; i++) directives.push(this.directive(statements[i]!));
    const body: Node[] = [];
    for (let i = count; i < statements.length; i++) body.push(this.node(statements[i]!));
    return { body, directives };
  }

  private directive(statement: EstreeNode): Node {
    const literal = statement.expression as EstreeNode;
    return {
      type: 'Directive',
      start: this.at(statement.range[0]),
      end: this.at(statement.range[1]),
      loc: statement.loc,
      value: {
        type: 'DirectiveLiteral',
        start: this.at(literal.range[0]),
        end: this.at(literal.range[1]),
        loc: literal.loc,
        extra: { rawValue: statement.directive, raw: literal.raw, expressionValue: literal.value },
        value: statement.directive,
      },
    };
  }

  private block(n: EstreeNode): Node {
    const { body, directives } = this.statementList(n.body as EstreeNode[]);
    return { type: 'BlockStatement', start: this.at(n.range[0]), end: this.at(n.range[1]), loc: n.loc, body, directives };
  }

  private list(nodes: ReadonlyArray<EstreeNode | null>): Array<Node | null> {
    const out: Array<Node | null> = [];
    for (const n of nodes) out.push(n ? this.node(n) : null);
    return out;
  }

  /** Parameters: a single one sits in its function's parentheses, which are never its own. */
  private enclosed(nodes: readonly EstreeNode[]): Node[] {
    if (nodes.length === 1) return [this.node(nodes[0]!, 1)];
    return nodes.map((n) => this.node(n));
  }

  /**
   * The arguments of a call whose `)` ends at `close`: a single one sits in the call's parentheses,
   * unless a trailing comma comes between (`f((a),)`).
   */
  private arguments(nodes: readonly EstreeNode[], close: number): Node[] {
    if (nodes.length !== 1) return nodes.map((n) => this.node(n));
    const pairs = this.parens.around(nodes[0]!.range);
    const own = pairs?.[pairs.length - 1]!.close.range[1] === close ? 1 : 0;
    return [this.node(nodes[0]!, own)];
  }

  private maybe(n: EstreeNode | null | undefined): Node | null {
    return n ? this.node(n) : null;
  }

  /** Converts one node. `own`: the parentheses around it that its parent's syntax writes (a call's, an if's). */
  node(n: EstreeNode, own = 0): Built {
    const out = this.convert(n);
    const pairs = this.parens.around(n.range);
    // The outermost `own` pairs are the parent's; Babel records where the outermost other one opens.
    if (pairs && pairs.length > own) out.extra = { ...out.extra, parenthesized: true, parenStart: this.at(pairs[pairs.length - 1 - own]!.open.range[0]) };
    return out;
  }

  private base(type: string, n: EstreeNode): Built {
    return { type, start: this.at(n.range[0]), end: this.at(n.range[1]), loc: n.loc };
  }

  private convert(n: EstreeNode): Built {
    switch (n.type) {
      case 'ExpressionStatement':
        return { ...this.base('ExpressionStatement', n), expression: this.node(n.expression) };
      case 'BlockStatement':
        return this.block(n);
      case 'EmptyStatement':
      case 'DebuggerStatement':
      case 'ThisExpression':
      case 'Super':
        return this.base(n.type, n);
      case 'WithStatement':
        return { ...this.base('WithStatement', n), object: this.node(n.object, 1), body: this.node(n.body) };
      case 'ReturnStatement':
        return { ...this.base('ReturnStatement', n), argument: this.maybe(n.argument) };
      case 'LabeledStatement':
        return { ...this.base('LabeledStatement', n), body: this.node(n.body), label: this.node(n.label) };
      case 'BreakStatement':
      case 'ContinueStatement':
        return { ...this.base(n.type, n), label: this.maybe(n.label) };
      case 'IfStatement':
        return { ...this.base('IfStatement', n), test: this.node(n.test, 1), consequent: this.node(n.consequent), alternate: this.maybe(n.alternate) };
      case 'SwitchStatement':
        return { ...this.base('SwitchStatement', n), discriminant: this.node(n.discriminant, 1), cases: this.list(n.cases) };
      case 'SwitchCase':
        return { ...this.base('SwitchCase', n), consequent: this.list(n.consequent), test: this.maybe(n.test) };
      case 'ThrowStatement':
        return { ...this.base('ThrowStatement', n), argument: this.node(n.argument) };
      case 'TryStatement':
        return { ...this.base('TryStatement', n), block: this.node(n.block), handler: this.maybe(n.handler), finalizer: this.maybe(n.finalizer) };
      case 'CatchClause':
        return { ...this.base('CatchClause', n), param: n.param ? this.node(n.param, 1) : null, body: this.node(n.body) };
      case 'WhileStatement':
        return { ...this.base('WhileStatement', n), test: this.node(n.test, 1), body: this.node(n.body) };
      case 'DoWhileStatement':
        return { ...this.base('DoWhileStatement', n), body: this.node(n.body), test: this.node(n.test, 1) };
      case 'ForStatement':
        return { ...this.base('ForStatement', n), init: this.maybe(n.init), test: this.maybe(n.test), update: this.maybe(n.update), body: this.node(n.body) };
      case 'ForInStatement':
        return { ...this.base('ForInStatement', n), left: this.node(n.left), right: this.node(n.right), body: this.node(n.body) };
      case 'ForOfStatement':
        if (n.await) this.sawAwait();
        return { ...this.base('ForOfStatement', n), await: n.await, left: this.node(n.left), right: this.node(n.right), body: this.node(n.body) };
      case 'VariableDeclaration':
        return this.variableDeclaration(n);
      case 'VariableDeclarator': {
        const out: Built = { ...this.base('VariableDeclarator', n), id: this.node(n.id) };
        if (n.definite) out.definite = true;
        out.init = this.maybe(n.init);
        return out;
      }
      case 'FunctionDeclaration':
      case 'FunctionExpression':
        return this.functionNode(n);
      case 'ArrowFunctionExpression':
        return this.arrow(n);
      case 'ClassDeclaration':
      case 'ClassExpression':
        return this.classNode(n);
      case 'ClassBody':
        return { ...this.base('ClassBody', n), body: this.list(n.body) };
      case 'MethodDefinition':
      case 'TSAbstractMethodDefinition':
        return this.method(n);
      case 'PropertyDefinition':
      case 'TSAbstractPropertyDefinition':
      case 'AccessorProperty':
        return this.classProperty(n);
      case 'StaticBlock':
        return this.inFunction(() => ({ ...this.base('StaticBlock', n), body: this.list(n.body) }));
      case 'PrivateIdentifier':
        return this.privateName(n);
      case 'Identifier':
        return this.identifier(n);
      case 'Literal':
        return this.literal(n);
      case 'TemplateLiteral':
        return { ...this.base('TemplateLiteral', n), expressions: this.list(n.expressions), quasis: n.quasis.map((q: EstreeNode) => this.templateElement(q)) };
      case 'TaggedTemplateExpression': {
        const out: Built = { ...this.base('TaggedTemplateExpression', n), tag: this.node(n.tag) };
        if (n.typeArguments) out.typeParameters = this.node(n.typeArguments);
        out.quasi = this.node(n.quasi);
        return out;
      }
      case 'ArrayExpression':
        return this.withTrailingComma(n, { ...this.base(n.type, n), elements: this.list(n.elements) }, n.elements);
      case 'ArrayPattern':
        return this.typed({ ...this.base(n.type, n), elements: this.list(n.elements) }, n);
      case 'ObjectExpression':
      case 'ObjectPattern':
        return this.withTrailingComma(n, this.typed({ ...this.base(n.type, n), properties: this.list(n.properties) }, n), n.properties);
      case 'Property':
        return this.property(n);
      case 'SpreadElement':
        return { ...this.base('SpreadElement', n), argument: this.node(n.argument) };
      case 'RestElement':
        return this.typed({ ...this.base('RestElement', n), argument: this.node(n.argument) }, n);
      case 'AssignmentPattern':
        return this.typed({ ...this.base('AssignmentPattern', n), left: this.node(n.left), right: this.node(n.right) }, n);
      case 'UnaryExpression':
      case 'UpdateExpression':
        return { ...this.base(n.type, n), operator: n.operator, prefix: n.prefix, argument: this.node(n.argument) };
      case 'BinaryExpression':
      case 'LogicalExpression':
        return { ...this.base(n.type, n), left: this.node(n.left), operator: n.operator, right: this.node(n.right) };
      case 'AssignmentExpression':
        return { ...this.base('AssignmentExpression', n), operator: n.operator, left: this.node(n.left), right: this.node(n.right) };
      case 'ConditionalExpression':
        return { ...this.base('ConditionalExpression', n), test: this.node(n.test), consequent: this.node(n.consequent), alternate: this.node(n.alternate) };
      case 'SequenceExpression':
        return { ...this.base('SequenceExpression', n), expressions: this.list(n.expressions) };
      case 'YieldExpression':
        return { ...this.base('YieldExpression', n), delegate: n.delegate, argument: this.maybe(n.argument) };
      case 'AwaitExpression':
        this.sawAwait();
        return { ...this.base('AwaitExpression', n), argument: this.node(n.argument) };
      case 'MemberExpression':
      case 'CallExpression':
        return this.chainLink(n, false);
      case 'ChainExpression':
        return this.chainLink(n.expression, true);
      case 'NewExpression': {
        const out: Built = { ...this.base('NewExpression', n), callee: this.node(n.callee) };
        if (n.typeArguments) out.typeParameters = this.node(n.typeArguments);
        out.arguments = this.arguments(n.arguments, n.range[1]);
        return out;
      }
      case 'ImportExpression':
        return this.importCall(n);
      case 'MetaProperty':
        if (n.meta.name === 'import') this.module = true;
        return { ...this.base('MetaProperty', n), meta: this.node(n.meta), property: this.node(n.property) };
      case 'ImportDeclaration':
        return this.importDeclaration(n);
      case 'ImportSpecifier': {
        const out: Built = { ...this.base('ImportSpecifier', n), imported: this.node(n.imported) };
        if (this.ts) out.importKind = n.importKind ?? 'value';
        out.local = this.node(n.local);
        return out;
      }
      case 'ImportDefaultSpecifier':
      case 'ImportNamespaceSpecifier':
        return { ...this.base(n.type, n), local: this.node(n.local) };
      case 'ExportNamedDeclaration':
        return this.exportNamed(n);
      case 'ExportDefaultDeclaration': {
        this.module = true;
        const out: Built = this.base('ExportDefaultDeclaration', n);
        if (this.ts) out.exportKind = 'value';
        out.declaration = this.node(n.declaration);
        return this.startingAtDecorators(out, n.declaration);
      }
      case 'ExportAllDeclaration':
        return this.exportAll(n);
      case 'ExportSpecifier': {
        const out: Built = { ...this.base('ExportSpecifier', n), local: this.node(n.local) };
        if (this.ts) out.exportKind = n.exportKind ?? 'value';
        out.exported = this.node(n.exported);
        return out;
      }
      case 'ImportAttribute':
        return { ...this.base('ImportAttribute', n), key: this.node(n.key), value: this.node(n.value) };
      case 'Decorator':
        return { ...this.base('Decorator', n), expression: this.node(n.expression) };
      default:
        if (this.ts && n.type.startsWith('TS')) return this.typescript(n);
        throw new Unadaptable(n.type);
    }
  }

  private sawAwait(): void {
    if (this.functionDepth === 0) this.topLevelAwait = true;
  }

  private inFunction<T>(build: () => T): T {
    this.functionDepth++;
    try {
      return build();
    } finally {
      this.functionDepth--;
    }
  }

  private variableDeclaration(n: EstreeNode): Built {
    const out: Built = this.base('VariableDeclaration', n);
    if (n.declare) out.declare = true;
    out.declarations = this.list(n.declarations);
    out.kind = n.kind;
    return out;
  }

  private identifier(n: EstreeNode): Built {
    const out: Built = { ...this.base('Identifier', n), name: n.name };
    if (n.optional) out.optional = true;
    if (n.typeAnnotation) out.typeAnnotation = this.node(n.typeAnnotation);
    if (n.decorators?.length) out.decorators = this.list(n.decorators);
    return out;
  }

  /** A pattern's type annotation and `?`, where TypeScript writes them. */
  private typed(out: Built, n: EstreeNode): Built {
    if (n.optional) out.optional = true;
    if (n.typeAnnotation) out.typeAnnotation = this.node(n.typeAnnotation);
    if (n.decorators?.length) out.decorators = this.list(n.decorators);
    return out;
  }

  private privateName(n: EstreeNode): Built {
    const start = n.range[0];
    const idLoc: EstreeLocation = { start: { line: n.loc.start.line, column: n.loc.start.column + 1 }, end: n.loc.end };
    return {
      ...this.base('PrivateName', n),
      id: { type: 'Identifier', start: this.at(start + 1), end: this.at(n.range[1]), loc: idLoc, name: n.name },
    };
  }

  private literal(n: EstreeNode): Built {
    const value = n.value as unknown;
    if (n.regex) return { ...this.base('RegExpLiteral', n), extra: { raw: n.raw }, pattern: n.regex.pattern, flags: n.regex.flags };
    if (n.bigint !== undefined) return { ...this.base('BigIntLiteral', n), extra: { rawValue: n.bigint, raw: n.raw }, value: n.bigint };
    if (typeof value === 'string') return { ...this.base('StringLiteral', n), extra: { rawValue: value, raw: n.raw }, value };
    if (typeof value === 'number') return { ...this.base('NumericLiteral', n), extra: { rawValue: value, raw: n.raw }, value };
    if (typeof value === 'boolean') return { ...this.base('BooleanLiteral', n), value };
    if (value === null) return this.base('NullLiteral', n);
    throw new Unadaptable(`Literal ${n.raw as string}`);
  }

  /** Babel's template elements leave out the delimiters (`` ` ``, `${`, `}`) that ESTree's include. */
  private templateElement(n: EstreeNode): Built {
    const closing = n.tail ? 1 : 2;
    const loc: EstreeLocation = {
      start: { line: n.loc.start.line, column: n.loc.start.column + 1 },
      end: { line: n.loc.end.line, column: n.loc.end.column - closing },
    };
    // The raw text of a template reads its line breaks as LF (typescript-eslint keeps a CR).
    const value = (n.value.raw as string).includes('\r') ? { raw: (n.value.raw as string).replace(/\r\n?/g, '\n'), cooked: n.value.cooked } : n.value;
    return { type: 'TemplateElement', start: this.at(n.range[0] + 1), end: this.at(n.range[1] - closing), loc, value, tail: n.tail };
  }

  /** `extra.trailingComma`: where a comma closes a list of elements, properties or arguments. */
  private withTrailingComma(n: EstreeNode, out: Built, items: ReadonlyArray<EstreeNode | null>): Built {
    if (items.length === 0) return out;
    const last = this.tokenEndingAt(n.typeAnnotation ? this.tokens[this.tokenBefore(n.typeAnnotation.range[0])]!.range[1] : n.range[1]);
    const comma = last === undefined ? undefined : this.tokens[last - 1];
    if (comma?.type === 'Punctuator' && comma.value === ',') {
      // `[a, ,]`: the comma after a hole is the hole's own.
      if (items[items.length - 1] !== null) out.extra = { ...out.extra, trailingComma: this.at(comma.range[0]) };
    }
    return out;
  }

  /** Index of the last token ending at or before `offset`. */
  private tokenBefore(offset: number): number {
    let lo = 0;
    let hi = this.tokens.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.tokens[mid]!.range[1] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Index of the token ending at `end`. */
  private tokenEndingAt(end: number): number | undefined {
    let lo = 0;
    let hi = this.tokens.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = this.tokens[mid]!.range[1];
      if (at === end) return mid;
      if (at < end) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  private property(n: EstreeNode): Built {
    if (n.kind === 'init' && !n.method) {
      const out: Built = { ...this.base('ObjectProperty', n), method: false, key: this.node(n.key), computed: n.computed, shorthand: n.shorthand, value: this.node(n.value) };
      if (n.shorthand) out.extra = { shorthand: true };
      return out;
    }
    const fn = n.value as EstreeNode;
    return this.inFunction(() => {
      const out: Built = { ...this.base('ObjectMethod', n), method: n.kind === 'init', key: this.node(n.key), computed: n.computed, kind: n.kind === 'init' ? 'method' : n.kind };
      this.functionParts(out, fn);
      return out;
    });
  }

  /** id, generator, async, params, return type and body of a function, in Babel's order. */
  private functionParts(out: Built, fn: EstreeNode, withBody = true): void {
    if (fn.typeParameters) out.typeParameters = this.node(fn.typeParameters);
    out.id = this.maybe(fn.id);
    out.generator = fn.generator;
    out.async = fn.async;
    out.params = this.enclosed(fn.params);
    if (fn.returnType) out.returnType = this.node(fn.returnType);
    if (withBody) out.body = this.node(fn.body);
  }

  private functionNode(n: EstreeNode): Built {
    return this.inFunction(() => {
      const out: Built = this.base(n.type, n);
      if (n.declare) out.declare = true;
      out.id = this.maybe(n.id);
      out.generator = n.generator;
      out.async = n.async;
      if (n.typeParameters) out.typeParameters = this.node(n.typeParameters);
      out.params = this.enclosed(n.params);
      if (n.returnType) out.returnType = this.node(n.returnType);
      out.body = this.node(n.body);
      return out;
    });
  }

  /**
   * Babel writes an async arrow's type parameters first (it reads them before the parameters) and
   * another arrow's last (it reads the arrow, then puts the type parameters it read before it on it).
   */
  private arrow(n: EstreeNode): Built {
    return this.inFunction(() => {
      const out: Built = this.base('ArrowFunctionExpression', n);
      if (n.typeParameters && n.async) {
        out.typeParameters = this.node(n.typeParameters);
        out.params = this.enclosed(n.params);
        if (n.returnType) out.returnType = this.node(n.returnType);
        out.id = null;
        out.generator = false;
        out.async = true;
        out.body = this.node(n.body);
        return out;
      }
      if (n.returnType) out.returnType = this.node(n.returnType);
      out.id = null;
      out.generator = false;
      out.async = n.async;
      out.params = this.enclosed(n.params);
      out.body = this.node(n.body);
      if (n.typeParameters) out.typeParameters = this.node(n.typeParameters);
      return out;
    });
  }

  private classNode(n: EstreeNode): Built {
    const out: Built = this.startingAtDecorators(this.base(n.type, n), n);
    if (n.declare) out.declare = true;
    if (n.abstract) out.abstract = true;
    out.id = this.maybe(n.id);
    if (n.typeParameters) out.typeParameters = this.node(n.typeParameters);
    out.superClass = this.maybe(n.superClass);
    if (n.superTypeArguments) out.superTypeParameters = this.node(n.superTypeArguments);
    if (n.implements?.length) out.implements = n.implements.map((i: EstreeNode) => this.heritage(i));
    out.body = this.node(n.body);
    if (n.decorators?.length) out.decorators = this.list(n.decorators);
    return out;
  }

  /** A class written after its decorators (`@Injectable()\nexport class`) starts at them in Babel's tree, and so does its export. */
  private startingAtDecorators(out: Built, n: EstreeNode): Built {
    const first = n.decorators?.[0] as EstreeNode | undefined;
    if (first && first.range[0] < n.range[0]) {
      out.start = this.at(first.range[0]);
      out.loc = { start: first.loc.start, end: n.loc.end };
    }
    return out;
  }

  /** Modifiers of a class member, where TypeScript writes them. */
  private modifiers(out: Built, n: EstreeNode): void {
    if (n.decorators?.length) out.decorators = this.list(n.decorators);
    if (n.accessibility) out.accessibility = n.accessibility;
    if (n.type.startsWith('TSAbstract')) out.abstract = true;
    if (n.override) out.override = true;
  }

  private method(n: EstreeNode): Built {
    const fn = n.value as EstreeNode;
    const bodiless = fn.type === 'TSEmptyBodyFunctionExpression';
    const isPrivate = n.key.type === 'PrivateIdentifier';
    return this.inFunction(() => {
      const out: Built = this.base(bodiless ? 'TSDeclareMethod' : isPrivate ? 'ClassPrivateMethod' : 'ClassMethod', n);
      this.modifiers(out, n);
      out.static = n.static;
      out.key = this.node(n.key);
      // Babel gives a private method no `computed`, a private getter or setter one.
      if (!isPrivate || n.kind !== 'method') out.computed = n.computed;
      out.kind = n.kind;
      if (n.optional) out.optional = true;
      this.functionParts(out, fn, !bodiless);
      return out;
    });
  }

  private classProperty(n: EstreeNode): Built {
    const isPrivate = n.key.type === 'PrivateIdentifier';
    const out: Built = this.base(n.type === 'AccessorProperty' ? 'ClassAccessorProperty' : isPrivate ? 'ClassPrivateProperty' : 'ClassProperty', n);
    this.modifiers(out, n);
    if (n.readonly) out.readonly = true;
    if (n.declare) out.declare = true;
    out.static = n.static;
    out.key = this.node(n.key);
    if (!isPrivate) out.computed = n.computed;
    if (n.optional) out.optional = true;
    if (n.definite) out.definite = true;
    if (n.typeAnnotation) out.typeAnnotation = this.node(n.typeAnnotation);
    out.value = n.value ? this.inFunction(() => this.node(n.value)) : null;
    return out;
  }

  /**
   * Members and calls. Inside an optional chain (`a?.b.c()`), every link from the first `?.` on is
   * Babel's OptionalMemberExpression or OptionalCallExpression; ESTree wraps the chain in a
   * ChainExpression instead.
   */
  private chainLink(n: EstreeNode, inChain: boolean): Built {
    if (n.type === 'MemberExpression') {
      const object = this.chained(n.object, inChain);
      const optional = inChain && (n.optional || isOptionalLink(object));
      const out: Built = { ...this.base(optional ? 'OptionalMemberExpression' : 'MemberExpression', n), object, computed: n.computed, property: this.node(n.property) };
      if (optional) out.optional = n.optional;
      return out;
    }
    if (n.type === 'CallExpression') {
      const callee = this.chained(n.callee, inChain);
      const optional = inChain && (n.optional || isOptionalLink(callee));
      const out: Built = { ...this.base(optional ? 'OptionalCallExpression' : 'CallExpression', n), callee };
      if (optional) out.optional = n.optional;
      out.arguments = this.arguments(n.arguments, n.range[1]);
      // Babel records a trailing comma of the arguments, except after type arguments (`f<T>(a,)`).
      if (!n.typeArguments) return this.withTrailingComma(n, out, n.arguments);
      out.typeParameters = this.node(n.typeArguments);
      return out;
    }
    if (n.type === 'TSNonNullExpression' && inChain) return { ...this.base('TSNonNullExpression', n), expression: this.chained(n.expression, true) };
    return this.convert(n);
  }

  /** The object or callee of a chain link: still in the chain unless parenthesized. */
  private chained(n: EstreeNode, inChain: boolean): Built {
    if (!inChain || this.parens.around(n.range)) return this.node(n);
    if (n.type === 'MemberExpression' || n.type === 'CallExpression' || n.type === 'TSNonNullExpression') return this.chainLink(n, true);
    return this.node(n);
  }

  /** `import(x)`: Babel 7 writes it as a call of `import`. */
  private importCall(n: EstreeNode): Built {
    const args = n.options ? [n.source, n.options] : [n.source];
    const importLoc: EstreeLocation = { start: n.loc.start, end: { line: n.loc.start.line, column: n.loc.start.column + 6 } };
    const out: Built = {
      ...this.base('CallExpression', n),
      callee: { type: 'Import', start: this.at(n.range[0]), end: this.at(n.range[0] + 6), loc: importLoc },
      arguments: this.arguments(args, n.range[1]),
    };
    return this.withTrailingComma(n, out, args);
  }

  private importDeclaration(n: EstreeNode): Built {
    this.module = true;
    if (n.phase) throw new Unadaptable(`import ${n.phase as string}`);
    const out: Built = this.base('ImportDeclaration', n);
    if (this.ts) out.importKind = n.importKind ?? 'value';
    out.specifiers = this.list(n.specifiers);
    out.source = this.node(n.source);
    out.attributes = this.list(n.attributes ?? []);
    return out;
  }

  private exportNamed(n: EstreeNode): Built {
    this.module = true;
    // `export import A = B.C`: Babel marks the import itself.
    if (n.declaration?.type === 'TSImportEqualsDeclaration') return { ...this.importEquals(n.declaration), ...this.base('TSImportEqualsDeclaration', n), isExport: true };
    const out: Built = this.base('ExportNamedDeclaration', n);
    if (this.ts) out.exportKind = n.exportKind ?? 'value';
    out.specifiers = this.list(n.specifiers);
    out.source = this.maybe(n.source);
    out.attributes = this.list(n.attributes ?? []);
    out.declaration = this.maybe(n.declaration);
    return n.declaration ? this.startingAtDecorators(out, n.declaration) : out;
  }

  private exportAll(n: EstreeNode): Built {
    this.module = true;
    if (n.exported) return this.exportNamespace(n);
    const out: Built = this.base('ExportAllDeclaration', n);
    if (this.ts) out.exportKind = n.exportKind ?? 'value';
    out.source = this.node(n.source);
    out.attributes = this.list(n.attributes ?? []);
    return out;
  }

  /** `export * as ns from 'm'`: Babel 7 writes a named export of a namespace specifier. */
  private exportNamespace(n: EstreeNode): Built {
    const star = this.tokens[this.tokenBefore(n.exported.range[0]) - 1]!;
    const specifier: Built = {
      type: 'ExportNamespaceSpecifier',
      start: this.at(star.range[0]),
      end: this.at(n.exported.range[1]),
      loc: { start: star.loc.start, end: n.exported.loc.end },
      exported: this.node(n.exported),
    };
    const out: Built = this.base('ExportNamedDeclaration', n);
    if (this.ts) out.exportKind = n.exportKind ?? 'value';
    out.specifiers = [specifier];
    out.source = this.node(n.source);
    out.attributes = this.list(n.attributes ?? []);
    return out;
  }

  private importEquals(n: EstreeNode): Built {
    return { ...this.base('TSImportEqualsDeclaration', n), importKind: n.importKind, isExport: false, id: this.node(n.id), moduleReference: this.entityName(n.moduleReference) };
  }

  /** `implements A<T>` and `extends A<T>` of an interface: Babel 7's TSExpressionWithTypeArguments over an entity name. */
  private heritage(n: EstreeNode): Built {
    const out: Built = { ...this.base('TSExpressionWithTypeArguments', n), expression: this.entityName(n.expression) };
    if (n.typeArguments) out.typeParameters = this.node(n.typeArguments);
    return out;
  }

  /** `a.b.C` as TSQualifiedName (ESTree writes a member expression there). */
  private entityName(n: EstreeNode): Built {
    // Parentheses around a type are the type's, never its name's.
    if (n.type === 'Identifier' || n.type === 'ThisExpression') return this.convert(n);
    if (n.type === 'MemberExpression' && !n.computed) return { ...this.base('TSQualifiedName', n), left: this.entityName(n.object), right: this.node(n.property) };
    return this.node(n);
  }

  /** A type, with a TSParenthesizedType for each pair of parentheses around it (Babel 7 keeps them as nodes). */
  private type(n: EstreeNode): Built {
    let out = this.convert(n);
    for (const { open, close } of this.parens.around(n.range) ?? []) {
      const loc: EstreeLocation = { start: open.loc.start, end: close.loc.end };
      out = { type: 'TSParenthesizedType', start: this.at(open.range[0]), end: this.at(close.range[1]), loc, typeAnnotation: out };
    }
    return out;
  }

  private types(list: readonly EstreeNode[]): Built[] {
    return list.map((t) => this.type(t));
  }

  private maybeType(n: EstreeNode | null | undefined): Built | null {
    return n ? this.type(n) : null;
  }

  /** Signatures (function types, call and method signatures): Babel 7 names their parts `parameters` and `typeAnnotation`. */
  private signature(out: Built, n: EstreeNode): Built {
    out.typeParameters = n.typeParameters ? this.node(n.typeParameters) : undefined;
    out.parameters = this.enclosed(n.params);
    out.typeAnnotation = n.returnType ? this.node(n.returnType) : undefined;
    return out;
  }

  private typescript(n: EstreeNode): Built {
    switch (n.type) {
      case 'TSAnyKeyword':
      case 'TSUnknownKeyword':
      case 'TSNumberKeyword':
      case 'TSObjectKeyword':
      case 'TSBooleanKeyword':
      case 'TSBigIntKeyword':
      case 'TSStringKeyword':
      case 'TSSymbolKeyword':
      case 'TSVoidKeyword':
      case 'TSUndefinedKeyword':
      case 'TSNullKeyword':
      case 'TSNeverKeyword':
      case 'TSIntrinsicKeyword':
      case 'TSThisType':
        return this.base(n.type, n);
      case 'TSTypeAnnotation':
        return { ...this.base('TSTypeAnnotation', n), typeAnnotation: this.type(n.typeAnnotation) };
      case 'TSTypeReference': {
        const out: Built = { ...this.base('TSTypeReference', n), typeName: this.entityName(n.typeName) };
        if (n.typeArguments) out.typeParameters = this.node(n.typeArguments);
        return out;
      }
      case 'TSQualifiedName':
        return { ...this.base('TSQualifiedName', n), left: this.node(n.left), right: this.node(n.right) };
      case 'TSTypeParameterInstantiation':
        return { ...this.base(n.type, n), params: this.types(n.params) };
      case 'TSTypeParameterDeclaration': {
        const out: Built = { ...this.base(n.type, n), params: this.list(n.params) };
        return this.withTrailingComma(n, out, n.params);
      }
      case 'TSTypeParameter': {
        const out: Built = this.base('TSTypeParameter', n);
        if (n.in) out.in = true;
        if (n.out) out.out = true;
        if (n.const) out.const = true;
        out.name = n.name.name;
        out.constraint = n.constraint ? this.type(n.constraint) : undefined;
        out.default = n.default ? this.type(n.default) : undefined;
        return out;
      }
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
        return { ...this.base(n.type, n), expression: this.node(n.expression), typeAnnotation: this.type(n.typeAnnotation) };
      case 'TSTypeAssertion':
        return { ...this.base('TSTypeAssertion', n), typeAnnotation: this.type(n.typeAnnotation), expression: this.node(n.expression) };
      case 'TSNonNullExpression':
        return { ...this.base('TSNonNullExpression', n), expression: this.node(n.expression) };
      case 'TSInstantiationExpression':
        return { ...this.base(n.type, n), expression: this.node(n.expression), typeParameters: this.node(n.typeArguments) };
      case 'TSArrayType':
        return { ...this.base('TSArrayType', n), elementType: this.type(n.elementType) };
      case 'TSUnionType':
      case 'TSIntersectionType':
        return { ...this.base(n.type, n), types: this.types(n.types) };
      case 'TSTupleType':
        return { ...this.base('TSTupleType', n), elementTypes: this.types(n.elementTypes) };
      case 'TSOptionalType':
      case 'TSRestType':
        return { ...this.base(n.type, n), typeAnnotation: this.type(n.typeAnnotation) };
      case 'TSNamedTupleMember':
        return { ...this.base(n.type, n), label: this.node(n.label), optional: n.optional, elementType: this.type(n.elementType) };
      case 'TSTypeOperator':
        return { ...this.base('TSTypeOperator', n), operator: n.operator, typeAnnotation: this.type(n.typeAnnotation) };
      case 'TSIndexedAccessType':
        return { ...this.base(n.type, n), objectType: this.type(n.objectType), indexType: this.type(n.indexType) };
      case 'TSConditionalType':
        return {
          ...this.base(n.type, n),
          checkType: this.type(n.checkType),
          extendsType: this.type(n.extendsType),
          trueType: this.type(n.trueType),
          falseType: this.type(n.falseType),
        };
      case 'TSInferType':
        return { ...this.base('TSInferType', n), typeParameter: this.node(n.typeParameter) };
      case 'TSLiteralType':
        if (n.literal.type === 'TemplateLiteral') throw new Unadaptable('TSLiteralType of a template');
        return { ...this.base('TSLiteralType', n), literal: this.node(n.literal) };
      case 'TSTemplateLiteralType':
        return {
          ...this.base('TSLiteralType', n),
          literal: { ...this.base('TemplateLiteral', n), expressions: this.types(n.types), quasis: n.quasis.map((q: EstreeNode) => this.templateElement(q)) },
        };
      case 'TSTypeLiteral':
        return { ...this.base('TSTypeLiteral', n), members: this.list(n.members) };
      case 'TSPropertySignature': {
        const out: Built = this.base('TSPropertySignature', n);
        if (n.readonly) out.readonly = true;
        out.key = this.node(n.key);
        out.computed = n.computed;
        if (n.optional) out.optional = true;
        out.typeAnnotation = n.typeAnnotation ? this.node(n.typeAnnotation) : undefined;
        return out;
      }
      case 'TSMethodSignature': {
        const out: Built = { ...this.base('TSMethodSignature', n), key: this.node(n.key), computed: n.computed };
        if (n.optional) out.optional = true;
        this.signature(out, n);
        out.kind = n.kind;
        return out;
      }
      case 'TSIndexSignature': {
        const out: Built = this.base('TSIndexSignature', n);
        if (n.readonly) out.readonly = true;
        if (n.static) out.static = true;
        out.parameters = this.list(n.parameters);
        out.typeAnnotation = n.typeAnnotation ? this.node(n.typeAnnotation) : undefined;
        return out;
      }
      case 'TSFunctionType':
      case 'TSCallSignatureDeclaration':
      case 'TSConstructSignatureDeclaration':
        return this.signature(this.base(n.type, n), n);
      case 'TSConstructorType': {
        return this.signature({ ...this.base(n.type, n), abstract: n.abstract === true }, n);
      }
      case 'TSTypePredicate': {
        const out: Built = { ...this.base('TSTypePredicate', n), parameterName: this.node(n.parameterName) };
        out.typeAnnotation = n.typeAnnotation ? this.node(n.typeAnnotation) : null;
        out.asserts = n.asserts;
        return out;
      }
      case 'TSTypeQuery': {
        const out: Built = { ...this.base('TSTypeQuery', n), exprName: this.entityName(n.exprName) };
        if (n.typeArguments) out.typeParameters = this.node(n.typeArguments);
        return out;
      }
      case 'TSImportType': {
        const out: Built = { ...this.base('TSImportType', n), argument: this.node(n.source ?? n.argument.literal, 1), options: n.options ? this.node(n.options) : null };
        out.qualifier = n.qualifier ? this.entityName(n.qualifier) : undefined;
        if (n.typeArguments) out.typeParameters = this.node(n.typeArguments);
        return out;
      }
      case 'TSMappedType': {
        const parameter: Built = { ...this.base('TSTypeParameter', n.key), name: n.key.name, constraint: this.type(n.constraint) };
        parameter.end = this.at(n.constraint.range[1]);
        parameter.loc = { start: n.key.loc.start, end: n.constraint.loc.end };
        const out: Built = { ...this.base('TSMappedType', n), typeParameter: parameter, nameType: this.maybeType(n.nameType) };
        if (n.optional) out.optional = n.optional;
        if (n.readonly) out.readonly = n.readonly;
        out.typeAnnotation = n.typeAnnotation ? this.type(n.typeAnnotation) : undefined;
        return out;
      }
      case 'TSInterfaceDeclaration': {
        const out: Built = this.base('TSInterfaceDeclaration', n);
        if (n.declare) out.declare = true;
        out.id = this.node(n.id);
        out.typeParameters = n.typeParameters ? this.node(n.typeParameters) : undefined;
        if (n.extends?.length) out.extends = n.extends.map((e: EstreeNode) => this.heritage(e));
        out.body = this.node(n.body);
        return out;
      }
      case 'TSInterfaceBody':
        return { ...this.base('TSInterfaceBody', n), body: this.list(n.body) };
      case 'TSTypeAliasDeclaration': {
        const out: Built = this.base('TSTypeAliasDeclaration', n);
        if (n.declare) out.declare = true;
        out.id = this.node(n.id);
        out.typeParameters = n.typeParameters ? this.node(n.typeParameters) : undefined;
        out.typeAnnotation = this.type(n.typeAnnotation);
        return out;
      }
      case 'TSEnumDeclaration': {
        const out: Built = this.base('TSEnumDeclaration', n);
        if (n.const) out.const = true;
        if (n.declare) out.declare = true;
        out.id = this.node(n.id);
        out.members = this.list(n.body?.members ?? n.members);
        return out;
      }
      case 'TSEnumMember':
        if (n.id.type !== 'Identifier' && n.id.type !== 'Literal') throw new Unadaptable('computed enum member');
        return { ...this.base('TSEnumMember', n), id: this.node(n.id), initializer: n.initializer ? this.node(n.initializer) : undefined };
      case 'TSModuleDeclaration': {
        if (n.id.type !== 'Identifier' && n.id.type !== 'Literal') throw new Unadaptable('TSModuleDeclaration with a qualified name');
        const out: Built = this.base('TSModuleDeclaration', n);
        out.kind = n.kind;
        if (n.declare) out.declare = true;
        if (n.kind === 'global') out.global = true;
        out.id = this.node(n.id);
        if (n.body) out.body = this.node(n.body);
        return out;
      }
      case 'TSModuleBlock':
        return { ...this.base('TSModuleBlock', n), body: this.list(n.body) };
      case 'TSDeclareFunction':
        return this.inFunction(() => {
          const out: Built = this.base('TSDeclareFunction', n);
          if (n.declare) out.declare = true;
          out.id = this.maybe(n.id);
          out.generator = n.generator;
          out.async = n.async;
          if (n.typeParameters) out.typeParameters = this.node(n.typeParameters);
          out.params = this.enclosed(n.params);
          if (n.returnType) out.returnType = this.node(n.returnType);
          return out;
        });
      case 'TSParameterProperty': {
        const out: Built = this.base('TSParameterProperty', n);
        if (n.decorators?.length) out.decorators = this.list(n.decorators);
        if (n.accessibility) out.accessibility = n.accessibility;
        if (n.readonly) out.readonly = true;
        if (n.override) out.override = true;
        out.parameter = this.node(n.parameter);
        return out;
      }
      case 'TSExportAssignment':
        this.module = true;
        return { ...this.base('TSExportAssignment', n), expression: this.node(n.expression) };
      case 'TSExternalModuleReference':
        this.module = true;
        return { ...this.base('TSExternalModuleReference', n), expression: this.node(n.expression, 1) };
      case 'TSImportEqualsDeclaration':
        return this.importEquals(n);
      default:
        throw new Unadaptable(n.type);
    }
  }
}

/** Line and column of the end of `text`. */
function endOf(text: string): EstreeLocation['end'] {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: text.length - lineStart };
}

function isOptionalLink(node: Node): boolean {
  if (node.type === 'TSNonNullExpression') return isOptionalLink(node.expression as Node);
  return node.type === 'OptionalMemberExpression' || node.type === 'OptionalCallExpression';
}

import { contains, endOf, enclosingFunction, isCall, isIdentifier, startOf, type Node, type Path } from '../lib/ast/nodes';
import { promiseChainOf, type PromiseChain } from '../lib/ast/promise-chain';
import { asJscodeshiftTransform } from '../lib/jscodeshift-adapter';
import { alsOnFor } from '../lib/mongoose/als-support';
import { MongooseAnalysis, type SessionCreation } from '../lib/mongoose/analysis';
import { planChainTransaction, type ChainPlan, type Piece } from '../lib/mongoose/chain-plan';
import { settleFactoryImports } from '../lib/mongoose/default-connection';
import { isSynchronousCall, returnsNothing } from '../lib/mongoose/retry-safety';
import { conversionPinnedBy } from '../lib/mongoose/spec-pins';
import { ABORT_BEFORE_THROW_NOTE, callbackValueLost, declaredPromiseType, transactionCallLines } from '../lib/mongoose/transaction-body';
import { CLOSING, CodeMover, catchClause, type Line } from '../lib/edit/relocate';
import { awaitedText, makeAsync, removeStatement, statementText } from '../lib/edit/rewrite';
import { indentAt, shortText } from '../lib/edit/text';
import { inPlaceAwait } from '../lib/ast/in-place-await';
import { freeName } from '../lib/ast/bindings';
import { TEXT_MIGHT_APPLY } from '../lib/transform-text';
import type { Transform, TransformContext } from '../lib/transform';

/**
 * Promise-chain manual transactions (`startSession().then(...startTransaction...).then(commit)`)
 * become `await conn.transaction(async (session) => { ... })`, which starts, commits, aborts,
 * retries and ends on its own (docs/mongoose-semantics.md §1, §5.1).
 */
export const promiseChainToTransaction: Transform = {
  name: 'promise-chain-to-transaction',
  description: 'promise-chain manual transactions become await conn.transaction(async (session) => { ... })',
  mongooseVersions: '6.1.8 and later (transaction() leaks its session before that)',
  mightApply: (source) => TEXT_MIGHT_APPLY['promise-chain-to-transaction'](source),
  apply(ctx) {
    const { analysis } = ctx;
    const creations = analysis.sessionCreations();
    if (creations.length === 0) return;
    const done: Node[] = [];
    const converted: SessionCreation[] = [];
    for (const site of chainSites(analysis)) {
      if (done.some((node) => contains(node, site.chain.outer.node))) continue;
      const creation = creations.find((c) => contains(site.chain.outer.node, c.call.node)) ?? driverSessionUsedBy(analysis, creations, site.chain.outer);
      if (!creation) continue;
      done.push(site.chain.outer.node);
      if (creation.kind === 'client') {
        if (startsTransaction(ctx.source, site.chain.outer)) {
          ctx.report(site.chain.outer, "promise-chain transaction left as is: the session comes from the MongoDB driver's client.startSession(), which has no Mongoose transaction()");
        }
        continue;
      }
      if (convert(ctx, analysis, site, creation)) converted.push(creation);
    }
    settleFactoryImports(ctx, analysis, converted);
  },
};

export default asJscodeshiftTransform(promiseChainToTransaction);

const MODULE_LEVEL = 'it runs at the top level of the module (a script or seed file), where there is no function to make async and await the transaction in; move it into an async function by hand';

/** A chain whose shape cannot be followed step by step, or that sits where it cannot be rewritten. */
interface UnsupportedSite {
  unsupported: string;
  at: Path;
  chain: { outer: Path };
}

/**
 * Where a chain sits: `return chain;`, `await chain;`, `chain;` (floating), an arrow's body,
 * `const r = await chain;`, or awaited with its value used in place (`res.json(await chain);`).
 */
interface ChainSite {
  kind: 'return' | 'await' | 'floating' | 'arrow' | 'declare' | 'inline';
  /** The statement to replace, or the arrow function. */
  holder: Path;
  fn: Path;
  chain: PromiseChain;
  /** `inline`: the `await chain` inside the statement. */
  awaited?: Path;
}

function chainSites(analysis: MongooseAnalysis): Array<ChainSite | UnsupportedSite> {
  const sites: Array<ChainSite | UnsupportedSite> = [];
  const consider = (kind: ChainSite['kind'], holder: Path, expression: Path, fn: Path | undefined, awaited?: Path) => {
    if (!isCall(expression.node)) return;
    const found = promiseChainOf(analysis.index, expression);
    if (!found) return;
    if ('unsupported' in found) sites.push({ unsupported: found.unsupported, at: expression, chain: { outer: expression } });
    else if (!fn) sites.push({ unsupported: MODULE_LEVEL, at: expression, chain: { outer: expression } });
    else sites.push({ kind, holder, fn, chain: found.chain, awaited });
  };
  const whole = new Set<Node>();
  for (const statement of analysis.index.of('ReturnStatement', 'ExpressionStatement')) {
    const expression = statement.node.type === 'ReturnStatement' ? (statement.get('argument') as Path) : (statement.get('expression') as Path);
    if (!expression.node) continue;
    const awaited = expression.node.type === 'AwaitExpression';
    const inner = awaited ? (expression.get('argument') as Path) : expression;
    const kind = statement.node.type === 'ReturnStatement' ? 'return' : awaited ? 'await' : 'floating';
    if (awaited) whole.add(expression.node);
    consider(kind, statement, inner, enclosingFunction(statement));
  }
  for (const declaration of analysis.index.of('VariableDeclaration')) {
    const [declarator, ...others] = declaration.node.declarations as Node[];
    const init = declarator?.init as Node | undefined;
    if (others.length > 0 || init?.type !== 'AwaitExpression' || !STATEMENT_LISTS.has(declaration.parent?.node.type as string)) continue;
    whole.add(init);
    consider('declare', declaration, declaration.get('declarations', 0, 'init', 'argument') as Path, enclosingFunction(declaration));
  }
  for (const awaited of analysis.index.of('AwaitExpression')) {
    const chain = awaited.get('argument') as Path;
    if (whole.has(awaited.node) || !isCall(chain.node) || !promiseChainOf(analysis.index, chain)) continue;
    const inPlace = inPlaceAwait(awaited, { reassigned: (identifier) => mayBeReassigned(analysis, identifier), text: (node) => shortText(analysis.source, node) });
    const refuse = (problem: string) => sites.push({ unsupported: `the chain's value is used in place, and the statement cannot be split there: ${problem}`, at: chain, chain: { outer: chain } });
    if ('problem' in inPlace) refuse(inPlace.problem);
    else if (!STATEMENT_LISTS.has(inPlace.statement.parent?.node.type as string)) refuse('the statement is the body of an if or a loop without braces');
    else consider('inline', inPlace.statement, chain, enclosingFunction(awaited), awaited);
  }
  for (const arrow of analysis.index.of('ArrowFunctionExpression')) {
    if (arrow.node.body && (arrow.node.body as Node).type !== 'BlockStatement') consider('arrow', arrow, arrow.get('body') as Path, arrow);
  }
  return sites.sort((a, b) => startOf(a.chain.outer.node) - startOf(b.chain.outer.node));
}

/** A variable that is assigned somewhere besides its declaration (or not declared in the file). */
function mayBeReassigned(analysis: MongooseAnalysis, identifier: Path): boolean {
  const declaration = analysis.bindings.declarationOf(identifier);
  if (!declaration) return true;
  const origin = analysis.bindings.originOf(declaration);
  if (origin?.kind === 'variable' && origin.declaration.kind === 'const') return false;
  return analysis.index.named(identifier.node.name as string).some((ref) => {
    if (ref.node === declaration || analysis.bindings.declarationOf(ref) !== declaration) return false;
    const parent = ref.parent?.node as Node | undefined;
    return (parent?.type === 'AssignmentExpression' && parent.left === ref.node) || parent?.type === 'UpdateExpression';
  });
}

/** Where a declaration is a statement of its own. */
const STATEMENT_LISTS = new Set(['BlockStatement', 'Program', 'StaticBlock', 'SwitchCase']);

/** Rewrites one chain, or reports why not; true when it was rewritten. */
function convert(ctx: TransformContext, analysis: MongooseAnalysis, site: ChainSite | UnsupportedSite, creation: SessionCreation): boolean {
  if ('unsupported' in site) {
    if (startsTransaction(ctx.source, site.at)) ctx.report(site.at, `promise-chain transaction left as is: ${site.unsupported}`);
    return false;
  }
  const als = alsOnFor(ctx.project, creation.receiver ? analysis.instanceOf(creation.receiver) : { kind: 'unknown' });
  const typescript = /\.[cm]?tsx?$/.test(ctx.file);
  const plan = planChainTransaction(analysis, site.chain, creation, site.fn, { mongoose: ctx.project.mongoose(), als, typescript, valueUse: valueUseOf(ctx, site) });
  if (!plan) return false;
  const declared = !('reason' in plan) && (site.kind === 'declare' || site.kind === 'inline') ? declaredValueProblem(plan, callbackValueLost(ctx.project.mongoose(), typescript), site.kind === 'declare' ? 'declared as a variable' : 'used in place') : undefined;
  if (declared) {
    ctx.report(site.chain.outer, `promise-chain transaction left as is: ${declared}`);
    return false;
  }
  if ('reason' in plan) {
    ctx.report(site.chain.outer, `promise-chain transaction left as is: ${plan.reason}`);
    return false;
  }
  const pinned = conversionPinnedBy({ project: ctx.project, file: ctx.file, analysis }, creation);
  if (pinned) {
    ctx.report(site.chain.outer, `promise-chain transaction left as is: ${pinned}`);
    return false;
  }
  new ChainWriter(ctx, analysis, site, plan).write();
  ctx.change(site.chain.outer, `promise-chain transaction is now await ${plan.connection}.transaction(...)${plan.abortsBeforeThrow.length > 0 ? ABORT_BEFORE_THROW_NOTE : ''}`);
  if (plan.floatingCommit) {
    const leak = plan.floatingCommit.ended ? '' : ' (and the session was never ended)';
    ctx.report(site.chain.outer, `the chain called commitTransaction() without returning it, so nothing waited for the commit${leak}; transaction() now commits before it resolves and ends the session`);
  }
  if (site.kind === 'floating') {
    ctx.report(site.chain.outer, 'this promise-chain transaction was neither returned nor awaited; it is awaited now, so the function waits for it (and returns a promise)');
  }
  return true;
}

/** `const r = await chain`: why the rewrite could not give `r` the value the chain resolved to. */
function declaredValueProblem(plan: ChainPlan, callbackValueLost: boolean, use: string): string | undefined {
  if (plan.handler) return `the chain's value is ${use} and its .catch() does more than abort, so the ${use === 'used in place' ? 'statement' : 'declaration'} would move into a try whose block the code after it cannot see into`;
  // From Mongoose 8 both are undefined: the callback returns nothing, and so do endSession() and the driver's commit.
  if (plan.result === 'nothing' && callbackValueLost) {
    return `the chain's value is ${use}, and it is what the chain's last lifecycle call (the commit or endSession()) resolved to; on this Mongoose version transaction() resolves to the commit's result instead, which endSession() does not give`;
  }
  return undefined;
}

/** Where the chain's value is used, with the type the code states for it there; undefined when it is not used. */
function valueUseOf(ctx: TransformContext, site: ChainSite): { type: string | undefined } | undefined {
  if (site.kind === 'await' || site.kind === 'floating') return undefined;
  if (site.kind === 'inline') return { type: undefined };
  if (site.kind === 'declare') {
    const id = (site.holder.node.declarations as Node[])[0]!.id as Node;
    const annotation = (id.typeAnnotation as Node | undefined)?.typeAnnotation as Node | undefined;
    return { type: annotation ? ctx.source.slice(startOf(annotation), endOf(annotation)) : undefined };
  }
  return { type: declaredPromiseType(site.fn.node, ctx.source) };
}

function startsTransaction(source: string, at: Path): boolean {
  const text = source.slice(startOf(at.node), endOf(at.node));
  return text.includes('startTransaction') || text.includes('withTransaction') || text.includes('commitTransaction');
}

/** A driver session created before the chain (`const session = client.startSession()`) and used in it. */
function driverSessionUsedBy(analysis: MongooseAnalysis, creations: SessionCreation[], chain: Path): SessionCreation | undefined {
  return creations.find((creation) => {
    const binding = creation.kind === 'client' ? analysis.bindingOf(creation) : undefined;
    return binding !== undefined && analysis.bindings.referencesIn(chain, binding.declaration).length > 0;
  });
}

/** Writes the converted code in place of the chain. */
class ChainWriter {
  private readonly unit: string;
  private readonly insideTry: boolean;
  /** The value the chain resolved to is needed here (returned chain or arrow body). */
  private readonly returnsValue: boolean;
  /** The chain's value is the transaction's and must be returned from here. */
  private readonly returnsTransactionValue: boolean;
  /** The transaction callback's value is used: bound to a name or returned. */
  private readonly transactionValueNeeded: boolean;
  /** Mongoose before 8: the body's value is carried out of transaction() in a variable. */
  private readonly carry: boolean;
  /** The chain's value goes into a declaration (`const r = await chain`) or a statement that uses it in place. */
  private readonly declares: boolean;
  /** `inline`: the statement's text before and after `await chain`, which the value replaces. */
  private readonly around: { before: string; after: string } | undefined;
  /** `inline`, when the value is the transaction's own: the name it is given before the statement reads it. */
  private readonly inlineName: string | undefined;
  private readonly mover: CodeMover;

  constructor(
    private readonly ctx: TransformContext,
    private readonly analysis: MongooseAnalysis,
    private readonly site: ChainSite,
    private readonly plan: ChainPlan,
  ) {
    this.unit = ctx.style.indentUnit;
    this.mover = new CodeMover(ctx);
    this.insideTry = plan.handler !== undefined;
    this.declares = site.kind === 'declare' || site.kind === 'inline';
    this.around = site.awaited && statementAround(ctx.source, site.holder.node, site.awaited.node);
    this.returnsValue = site.kind === 'return' || site.kind === 'arrow' || this.declares;
    this.returnsTransactionValue = this.returnsValue && plan.result === 'transaction';
    this.transactionValueNeeded = plan.transactionBind !== undefined || this.returnsTransactionValue;
    this.carry = this.transactionValueNeeded && plan.resultName !== undefined;
    const taken = new Set(analysis.index.of('Identifier').map((p) => p.node.name as string));
    this.inlineName = site.kind === 'inline' && !plan.transactionBind && !this.carry && plan.result !== 'post' ? freeName('result', taken) : undefined;
  }

  write(): void {
    const { ctx, site, plan } = this;
    for (const { identifier, name } of plan.renames) this.rename(identifier, name);
    for (const removal of plan.abortsBeforeThrow) removeStatement(ctx, removal);
    this.rewriteBodyReturns();
    if (site.kind === 'arrow') this.writeArrowBody();
    else {
      const indent = indentAt(ctx.source, startOf(site.holder.node));
      const text = this.lines(indent).join('\n').trimStart();
      ctx.edits.take(startOf(site.holder.node), endOf(site.holder.node));
      ctx.edits.replace(startOf(site.holder.node), endOf(site.holder.node), text);
    }
    makeAsync(ctx, site.fn.node);
    for (const removal of plan.removals) {
      if (!contains(site.chain.outer.node, removal.node)) removeStatement(ctx, removal);
    }
  }

  /** `(x) => chain` -> `async (x) => { ... }`, the block starting right after the arrow. */
  private writeArrowBody(): void {
    const { ctx, site } = this;
    const fnIndent = indentAt(ctx.source, startOf(site.fn.node));
    const body = site.holder.node.body as Node;
    const parenthesized = (body.extra as { parenStart?: number } | undefined)?.parenStart !== undefined;
    const start = ctx.source.lastIndexOf('=>', startOf(body)) + 2;
    const end = parenthesized ? endOf(site.holder.node) : endOf(body);
    const text = this.lines(fnIndent + this.unit).join('\n');
    ctx.edits.take(start, end);
    ctx.edits.replace(start, end, ` {\n${text}\n${fnIndent}}`);
  }

  /** The new code as lines, with every comment of the chain that no moved code carries put back where it stood. */
  private lines(indent: string): string[] {
    const lines = this.insideTry ? this.withHandler(indent) : this.code(indent);
    const comments = ((this.analysis.root.get().node as Node).comments as Node[] | undefined) ?? [];
    return this.mover.withComments(lines, comments, startOf(this.site.chain.outer.node), endOf(this.site.chain.outer.node));
  }

  /** Everything, in a try whose catch runs what the `.catch()` handler did besides aborting. */
  private withHandler(indent: string): Line[] {
    const handler = this.plan.handler!;
    const inner = indent + this.unit;
    const references = handler.param ? this.analysis.bindings.referencesIn(this.site.chain.catchHandler!, handler.param) : [];
    const taken = new Set(this.analysis.index.of('Identifier').map((p) => p.node.name as string));
    const { clause, first: typed } = catchClause(this.ctx.source, this.ctx.file, handler.param, references, taken);
    const handlerAt = startOf(this.site.chain.catchHandler!.node);
    const lines: Line[] = [{ text: `${indent}try {`, at: startOf(this.site.chain.outer.node) }, ...this.code(inner), { text: `${indent}} catch${clause} {`, at: handlerAt }];
    if (typed) lines.push({ text: inner + this.statement(typed), at: handlerAt });
    if (handler.statements.length > 0) lines.push({ text: inner + this.mover.moveStatements(handler.statements, inner), at: startOf(handler.statements[0]!.node) });
    if (handler.value) {
      const value = this.valueText(handler.value, inner);
      lines.push({ text: inner + this.statement(this.returnsValue ? `return ${value}` : value), at: startOf(handler.value.node) });
    }
    lines.push({ text: `${indent}}`, at: CLOSING });
    return lines;
  }

  private code(indent: string): Line[] {
    const { plan } = this;
    const inner = indent + this.unit;
    const lines: Line[] = [...this.pieces(plan.pre, indent, false)];
    if (this.carry) lines.push({ text: indent + this.statement(`let ${plan.resultName}${plan.resultType !== undefined ? `!: ${plan.resultType}` : ''}`), at: plan.startAt });
    const body = this.pieces(plan.body, inner, plan.withTransaction && this.transactionValueNeeded);
    if (plan.abortsAtEnd) body.push({ text: inner + this.statement(`await ${plan.sessionName}.abortTransaction()`), at: CLOSING });
    if (plan.transactionValue) {
      const value = this.mover.move([plan.transactionValue.node], inner);
      body.push({ text: inner + this.statement(this.carry ? `${plan.resultName} = ${value}` : `return ${value}`), at: startOf(plan.transactionValue.node) });
    }
    const options = plan.options ? this.mover.move([plan.options.node], indent) : undefined;
    const call = { indent, prefix: this.transactionPrefix(), connection: plan.connection, sessionName: plan.sessionName, usesSession: plan.usesSession, options, at: plan.startAt, statement: (code: string) => this.statement(code) };
    lines.push(...transactionCallLines(call, body));

    lines.push(...this.pieces(plan.post, indent, this.returnsValue && plan.result === 'post'));
    if (this.carry && !plan.transactionBind && this.returnsTransactionValue) lines.push({ text: indent + this.statement(this.deliver(plan.resultName!)), at: CLOSING });
    if (this.inlineName) lines.push({ text: indent + this.statement(this.deliver(this.inlineName)), at: CLOSING });
    return lines;
  }

  /** What the chain's value becomes where it was used: `return <value>`, `const r = <value>` as declared, or the statement that used it, reading it. */
  private deliver(value: string): string {
    if (this.around) return `${this.around.before}${value}${this.around.after}`;
    if (this.site.kind !== 'declare') return `return ${value}`;
    const declaration = this.site.holder.node;
    const id = (declaration.declarations as Node[])[0]!.id as Node;
    return `${declaration.kind as string} ${this.ctx.source.slice(startOf(id), endOf(id))} = ${value}`;
  }

  /** How the transaction() call starts: bound to a name, returned, or only awaited. */
  private transactionPrefix(): string {
    const { plan } = this;
    if (plan.transactionBind && !this.carry) return `const ${plan.transactionBind} = await `;
    // `const r = await chain` whose value is the transaction's, or nothing (undefined either way from Mongoose 8).
    if (this.site.kind === 'declare' && !plan.transactionBind && !this.carry && plan.result !== 'post') return this.deliver('await ');
    // `res.json(await chain)`: the transaction's value is named, and the statement reads it after the chain's later steps.
    if (this.inlineName) return `const ${this.inlineName} = await `;
    if (!plan.transactionBind && this.returnsTransactionValue && !this.carry) return this.insideTry ? 'return await ' : 'return ';
    return 'await ';
  }

  /** Code for steps: statements as written, then each value bound, awaited or (last, when asked) returned. */
  private pieces(pieces: Piece[], indent: string, returnLast: boolean): Line[] {
    const lines: Line[] = [];
    pieces.forEach((piece, index) => {
      if (piece.statements.length > 0) lines.push({ text: indent + this.mover.moveStatements(piece.statements, indent), at: startOf(piece.statements[0]!.node) });
      if (!piece.value) return;
      const at = startOf(piece.value.node);
      const value = this.valueText(piece.value, indent);
      if (returnLast && index === pieces.length - 1 && (!returnsNothing(piece.value) || this.declares)) {
        // An async function adopts a returned promise; only inside a try must it be awaited to be caught.
        const returned = this.insideTry || this.declares ? value : this.mover.move([piece.value.node], indent);
        lines.push({ text: indent + this.statement(this.deliver(returned)), at });
        return;
      }
      else if (piece.bind) lines.push({ text: indent + this.statement(`const ${this.bindingText(piece.bind)} = ${value}`), at });
      else if (!isPure(piece.value.node)) lines.push({ text: indent + this.statement(value), at });
    });
    return lines;
  }

  /** A name as is; a destructuring pattern as written (renames applied), without its type annotation. */
  private bindingText(bind: string | { pattern: Node }): string {
    if (typeof bind === 'string') return bind;
    const { pattern } = bind;
    const end = pattern.typeAnnotation ? startOf(pattern.typeAnnotation as Node) : endOf(pattern);
    return this.mover.take(startOf(pattern), end);
  }

  /** A step's value as the chain saw it: awaited unless it cannot be a promise. */
  private valueText(value: Path, indent: string): string {
    const text = this.mover.move([value.node], indent);
    return needsAwait(value) ? awaitedText(value.node, text) : text;
  }

  /** `return session.abortTransaction().then(() => x)` -> `await session.abortTransaction(); return x;` */
  private rewriteBodyReturns(): void {
    const { ctx, plan } = this;
    for (const bodyReturn of plan.bodyReturns) {
      const at = indentAt(ctx.source, startOf(bodyReturn.statement.node));
      const parts: string[] = [];
      if (bodyReturn.aborts) parts.push(this.statement(`await ${plan.sessionName}.abortTransaction()`));
      const value = bodyReturn.value ? this.mover.move([bodyReturn.value.node], at) : undefined;
      if (this.carry && value) parts.push(this.statement(`${plan.resultName} = ${value}`), this.statement('return'));
      else parts.push(this.statement(value ? `return ${value}` : 'return'));
      ctx.edits.replace(startOf(bodyReturn.statement.node), endOf(bodyReturn.statement.node), parts.join(`\n${at}`));
    }
  }

  private rename(identifier: Node, name: string): void {
    const property = this.analysis.index.of('ObjectProperty').find((p) => p.node.shorthand === true && p.node.value === identifier)?.node;
    // `{ _session }` must become `{ _session: session }`, not change its key.
    if (property) this.ctx.edits.replace(startOf(property), endOf(property), `${(property.key as Node).name as string}: ${name}`);
    else this.ctx.edits.replace(startOf(identifier), endOf(identifier), name);
  }

  private statement(code: string): string {
    return statementText(this.ctx, code);
  }
}

/**
 * The text of `statement` before and after `awaited`, without its closing semicolon (added back as
 * the file writes statements); an argument the chain alone filled, on lines of its own, is then
 * written on one line: `res.json(\n  await chain,\n)` reads `res.json(value)`.
 */
function statementAround(source: string, statement: Node, awaited: Node): { before: string; after: string } {
  const before = source.slice(startOf(statement), startOf(awaited));
  const after = source.slice(endOf(awaited), endOf(statement)).replace(/;\s*$/, '');
  // The chain alone on its lines, as the only argument: `res.json(\n  await chain,\n)`.
  const opened = /\(\s*\n\s*$/.exec(before);
  const closed = /^,?\s*\n\s*\)/.exec(after);
  if (!opened || !closed) return { before, after };
  return { before: `${before.slice(0, opened.index)}(`, after: `)${after.slice(closed[0].length)}` };
}

/** Values that are not promises: literals, object and array literals, tests, and calls known to be synchronous. */
function needsAwait(value: Path): boolean {
  const node = value.node;
  if (/Literal$/.test(node.type) || node.type === 'ObjectExpression' || node.type === 'ArrayExpression' || node.type === 'TemplateLiteral') return false;
  if (node.type === 'UnaryExpression' || node.type === 'BinaryExpression') return false;
  return !isSynchronousCall(value);
}

/** A value whose only effect is being the value (dropped when nothing reads it). */
function isPure(node: Node): boolean {
  return isIdentifier(node) || /Literal$/.test(node.type) || node.type === 'ThisExpression';
}


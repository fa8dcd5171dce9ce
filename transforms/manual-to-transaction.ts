import { freeName } from '../lib/ast/bindings';
import { enclosingStatement, endOf, isFunction, startOf, statementsOf, type Node, type Path } from '../lib/ast/nodes';
import { asJscodeshiftTransform } from '../lib/jscodeshift-adapter';
import { alsOnFor } from '../lib/mongoose/als-support';
import type { MongooseAnalysis, SessionCreation } from '../lib/mongoose/analysis';
import { CallSiteFinder } from '../lib/mongoose/callers';
import { writesGivenSessionIn } from './add-missing-session';
import { settleFactoryImports } from '../lib/mongoose/default-connection';
import { dropFactoryImports } from '../lib/mongoose/factory-reach';
import { planManualTransaction, receivedTransactions, type ManualPlan } from '../lib/mongoose/manual-plan';
import { conversionPinnedBy } from '../lib/mongoose/spec-pins';
import { ABORT_BEFORE_THROW_NOTE, transactionCallLines } from '../lib/mongoose/transaction-body';
import { wrapperReruns } from '../lib/mongoose/wrappers';
import { CLOSING, CodeMover, type Line } from '../lib/edit/relocate';
import { removeStatement, shiftIndent, statementText } from '../lib/edit/rewrite';
import { indentAt, lineStartOf } from '../lib/edit/text';
import type { Transform, TransformContext } from '../lib/transform';
import { TEXT_MIGHT_APPLY } from '../lib/transform-text';

/**
 * Hand-managed async/await transactions (`startSession()`, `startTransaction()`, commit in the
 * try, abort in the catch, `endSession()` in the finally) become
 * `await conn.transaction(async (session) => { ... })`, which starts, commits, aborts on a throw,
 * retries and ends the session itself (docs/mongoose-semantics.md §1.2, §3.4, §5.1).
 */
export const manualToTransaction: Transform = {
  name: 'manual-to-transaction',
  description: 'hand-managed async/await transactions (startSession, startTransaction, commit, abort, endSession) become await conn.transaction(async (session) => { ... })',
  mongooseVersions: '6.1.8 and later (transaction() leaks its session before that); values leave the callback by its return value from 8.0',
  mightApply: (source) => TEXT_MIGHT_APPLY['manual-to-transaction'](source),
  apply(ctx) {
    const { analysis } = ctx;
    const typescript = /\.[cm]?tsx?$/.test(ctx.file);
    const plans: Array<{ plan: ManualPlan; at: Path; creation: SessionCreation }> = [];
    const callers = { file: ctx.file, finder: new CallSiteFinder(ctx, analysis), givenSessionIn: sessionsGivenByThisRun(ctx) };
    for (const creation of analysis.sessionCreations()) {
      const als = alsOnFor(ctx.project, creation.receiver ? analysis.instanceOf(creation.receiver) : { kind: 'unknown' });
      const plan = planManualTransaction(analysis, creation, { mongoose: ctx.project.mongoose(), als, typescript, callers });
      if (!plan) continue;
      if ('reason' in plan) {
        ctx.report(plan.at, `hand-managed transaction left as is: ${plan.reason}`);
        continue;
      }
      const pinned = conversionPinnedBy({ project: ctx.project, file: ctx.file, analysis }, creation);
      if (pinned) {
        ctx.report(creation.call, `hand-managed transaction left as is: ${pinned}`);
        continue;
      }
      plans.push({ plan, at: creation.call, creation });
    }
    for (const received of receivedTransactions(analysis)) ctx.report(received.at, `hand-managed transaction left as is: ${received.reason}`);
    for (const rerun of wrapperReruns(analysis)) ctx.report(rerun.at, rerun.reason);
    // Inner transactions first (one in another's catch): the outer one then moves their new code.
    plans.sort((a, b) => regionLength(a.plan) - regionLength(b.plan));
    for (const { plan, at } of plans) {
      new ManualWriter(ctx, analysis, plan).write();
      const fix = plan.unprotected
        ? '; a throw now aborts it (before, it left the transaction open and the session unended)'
        : plan.floating
          ? '; it is awaited now (withTransaction() was not, so the function went on before the transaction finished)'
          : '';
      const dropped = plan.abortsBeforeThrow.length > 0 ? ABORT_BEFORE_THROW_NOTE : '';
      ctx.change(at, `hand-managed transaction is now await ${plan.connection}.transaction(...)${fix}${dropped}`);
    }
    settleFactoryImports(ctx, analysis, plans.map((p) => p.creation));
    dropFactoryImports(ctx, analysis, plans.map((p) => p.creation));
  },
};

export default asJscodeshiftTransform(manualToTransaction);

/** What a comment over a commit, abort or endSession() says when it speaks of that call. */
const LIFECYCLE_WORDS = /\b(commit|abort|roll[\s-]*back|rollback|end|close|session|transaction)/i;

/** What add-missing-session, where this run applies it, does to another file of the run before that file sees this one's rewrite. */
function sessionsGivenByThisRun(ctx: TransformContext): (analysis: MongooseAnalysis, file: string) => Set<Node> | undefined {
  const known = new Map<string, Set<Node>>();
  return (analysis, file) => {
    if (!ctx.transforms.includes('add-missing-session') || !ctx.inRun(file)) return undefined;
    let given = known.get(file);
    if (!given) known.set(file, (given = writesGivenSessionIn(ctx, analysis, file)));
    return given;
  };
}

function regionLength(plan: ManualPlan): number {
  const statements = statementsOf(plan.block.node)!;
  return endOf(statements[plan.to]!) - startOf(statements[plan.from]!);
}

/** Code that ran after an intentional abort, taken out of the callback. */
interface MovedExit {
  text: string;
  /** The indentation of its first line where it stood. */
  indent: string;
  single: boolean;
}

class ManualWriter {
  private readonly mover: CodeMover;
  private readonly unit: string;
  private readonly taken: Set<string>;
  /** One flag per early exit, set in the callback where the abort ended the transaction. */
  private readonly flags: string[];
  /** The variable holding the callback's value when early exits must be checked before reading it. */
  private readonly resultName: string | undefined;

  constructor(
    private readonly ctx: TransformContext,
    private readonly analysis: MongooseAnalysis,
    private readonly plan: ManualPlan,
  ) {
    this.mover = new CodeMover(ctx);
    this.unit = ctx.style.indentUnit;
    this.taken = new Set(analysis.index.of('Identifier').map((p) => p.node.name as string));
    this.flags = plan.earlyExits.map(() => freeName('aborted', this.taken));
    this.resultName = (plan.earlyExits.length > 0 && plan.carryStyle === 'return' && plan.carried.length > 0) || plan.computed ? freeName('result', this.taken) : undefined;
  }

  write(): void {
    const { ctx, plan } = this;
    const statements = statementsOf(plan.block.node)!;
    const start = startOf(statements[plan.from]!);
    const end = endOf(statements[plan.to]!);
    const indent = indentAt(ctx.source, start);
    for (const removal of [...plan.bodyRemovals, ...plan.abortsBeforeThrow]) removeStatement(ctx, removal);
    if (plan.promiseStatement) removeStatement(ctx, plan.promiseStatement);
    const exits = plan.earlyExits.map((exit, i) => this.rewriteExit(exit, this.flags[i]!));
    if (plan.carryStyle === 'let') this.assignCarried();
    const comments = ((this.analysis.root.get().node as Node).comments as Node[] | undefined) ?? [];
    const text = this.mover.withComments(this.lines(indent, exits), comments, start, end, (comment) => this.placeOf(comment, comments)).join('\n').trimStart();
    ctx.edits.take(start, end);
    ctx.edits.replace(start, end, text);
  }

  /**
   * Where a comment of the region goes. One over the start (on its line, or on its own lines right
   * above) speaks of what transaction() now does: it goes above the call. One that ends the line
   * of a commit, abort or endSession() that goes, or stands right above one and speaks of it
   * (`// Always end the session`), goes with it. Any other stays by the code around it.
   */
  private placeOf(comment: Node, comments: Node[]): number | null {
    const { source } = this.ctx;
    for (const statement of this.plan.lifecycle) {
      const goes = startOf(statement.node) === this.plan.startAt ? this.plan.startAt - 1 : null;
      if (endOf(statement.node) <= startOf(comment) && /^[ \t]*$/.test(source.slice(endOf(statement.node), startOf(comment)))) return goes;
      const above = this.commentsAbove(statement.node, comments);
      if (!above.includes(comment)) continue;
      return goes !== null || LIFECYCLE_WORDS.test(source.slice(startOf(above[0]!), endOf(above[above.length - 1]!))) ? goes : startOf(comment);
    }
    return startOf(comment);
  }

  /** The comments right above `statement`, each on lines of its own, with no blank line between. */
  private commentsAbove(statement: Node, comments: Node[]): Node[] {
    const { source } = this.ctx;
    const above: Node[] = [];
    for (let at = startOf(statement); ; ) {
      const comment = comments.find((c) => endOf(c) <= at && /^[ \t]*\r?\n[ \t]*$/.test(source.slice(endOf(c), at)));
      if (!comment || source.slice(lineStartOf(source, startOf(comment)), startOf(comment)).trim() !== '') return above;
      above.unshift(comment);
      at = startOf(comment);
    }
  }

  /** The new code for the whole region: what stays before, the call, what follows it, the kept catch and finally. */
  private lines(indent: string, exits: MovedExit[]): Line[] {
    const { plan } = this;
    const wrapped = plan.handler !== undefined || plan.finallyRest.length > 0;
    const inner = wrapped ? indent + this.unit : indent;
    const lines: Line[] = [...this.statements(plan.before, indent)];
    if (wrapped) lines.push({ text: `${indent}try {`, at: plan.tryAt ?? plan.startAt });
    lines.push(...this.statements(plan.beforeInside, inner));
    for (const flag of this.flags) lines.push({ text: inner + this.statement(`let ${flag} = false`), at: CLOSING });
    if (plan.carryStyle === 'let') lines.push(...this.carriedDeclarations(inner));
    // Assigned in the callback, which TypeScript does not follow: the `!` says it is assigned before use.
    if (plan.computed) lines.push({ text: inner + this.statement(`let ${this.resultName}!: ${plan.computed.type}`), at: CLOSING });
    lines.push(...this.call(inner));
    exits.forEach((exit, i) => lines.push({ text: this.exitCheck(this.flags[i]!, exit, inner), at: CLOSING }));
    // Past the flags' checks the callback ran to its end, so its value is there (TypeScript is told with `!`).
    const assured = /\.[cm]?tsx?$/.test(this.ctx.file) ? '!' : '';
    if (this.resultName && !plan.computed) lines.push({ text: inner + this.statement(`${this.bindingKeyword()} ${this.carriedShape()} = ${this.resultName}${assured}`), at: CLOSING });
    lines.push(...this.statements(plan.post, inner));
    if (plan.computed) lines.push({ text: inner + this.statement(`return ${this.resultName}`), at: startOf(plan.computed.statement.node) });
    if (plan.handler) {
      const clause = plan.handler.clause.node;
      const param = clause.param ? ` (${this.ctx.source.slice(startOf(clause.param as Node), endOf(clause.param as Node))})` : '';
      lines.push({ text: `${indent}} catch${param} {`, at: startOf(clause) });
      lines.push(...this.statements(plan.handler.statements, inner));
    }
    if (plan.finallyRest.length > 0) {
      lines.push({ text: `${indent}} finally {`, at: startOf(plan.finallyRest[0]!.node) - 1 });
      lines.push(...this.statements(plan.finallyRest, inner));
    }
    if (wrapped) lines.push({ text: `${indent}}`, at: CLOSING });
    return lines;
  }

  /** `await conn.transaction(async (session) => { <body> }, <options>);`, bound to what leaves the callback. */
  private call(indent: string): Line[] {
    const { plan } = this;
    const options = plan.options ? this.mover.move([plan.options.node], indent) : undefined;
    const prefix = this.prefix();
    if (plan.kind === 'withTransaction') {
      const callback = this.callbackText(indent);
      // Ends where the withTransaction() statement ended: a blank line after it stays.
      const end = endOf(enclosingStatement(plan.callback!).node);
      return [{ text: indent + this.statement(`${prefix}${plan.connection}.transaction(${callback}${options ? `, ${options}` : ''})`), at: plan.startAt, end }];
    }
    const inner = indent + this.unit;
    const body = this.statements(plan.body, inner);
    if (plan.carryStyle === 'return' && plan.carried.length > 0) body.push({ text: inner + this.statement(`return ${this.carriedShape()}`), at: CLOSING });
    if (plan.computed) body.push({ text: inner + this.statement(`${this.resultName} = ${this.mover.move([plan.computed.expression.node], inner)}`), at: startOf(plan.computed.expression.node) });
    const call = { indent, prefix, connection: plan.connection, sessionName: plan.sessionName, usesSession: plan.usesSession, options, at: plan.startAt, statement: (code: string) => this.statement(code) };
    return transactionCallLines(call, body);
  }

  /** How the call's value is taken: into the carried names, the withTransaction() result's name, or not at all. */
  private prefix(): string {
    const { plan } = this;
    if (plan.resultStatement) {
      const declaration = plan.resultStatement.node;
      const id = (declaration.declarations as Node[])[0]!.id as Node;
      return `${declaration.kind as string} ${this.ctx.source.slice(startOf(id), endOf(id))} = await `;
    }
    if (plan.carryStyle !== 'return' || plan.carried.length === 0) return 'await ';
    if (this.resultName) return `const ${this.resultName} = await `;
    return `${this.bindingKeyword()} ${this.carriedShape()} = await `;
  }

  /** `let` when the code after the call assigns a carried name again, else `const`. */
  private bindingKeyword(): string {
    const reassigned = this.plan.carried.some((id) => this.plan.post.some((s) => this.analysis.bindings.referencesIn(s, id).some((ref) => {
      const parent = ref.parent?.node as Node | undefined;
      return (parent?.type === 'AssignmentExpression' && parent.left === ref.node) || parent?.type === 'UpdateExpression';
    })));
    return reassigned ? 'let' : 'const';
  }

  /** The carried names as one value: `order`, or `{ order, total }` (the callback's return value and the pattern that takes it apart). */
  private carriedShape(): string {
    const names = this.plan.carried.map((id) => id.name as string);
    return names.length === 1 ? names[0]! : `{ ${names.join(', ')} }`;
  }

  /** Before Mongoose 8: `let order;` (`let order: Order;` in TypeScript) in front of the call. */
  private carriedDeclarations(indent: string): Line[] {
    if (this.plan.carried.length === 0) return [];
    const typed = this.plan.carried.some((id) => id.typeAnnotation || this.plan.carriedTypes.has(id));
    const declare = (id: Node) => {
      const annotation = id.typeAnnotation as Node | undefined;
      const type = annotation ? this.ctx.source.slice(startOf(annotation), endOf(annotation)) : this.plan.carriedTypes.has(id) ? `: ${this.plan.carriedTypes.get(id)!}` : '';
      // Assigned in the callback, which TypeScript does not follow: the `!` says it is assigned before use.
      return `${id.name as string}${type ? `!${type}` : ''}`;
    };
    const texts = typed ? this.plan.carried.map((id) => `let ${declare(id)}`) : [`let ${this.plan.carried.map((id) => id.name as string).join(', ')}`];
    return texts.map((text) => ({ text: indent + this.statement(text), at: CLOSING }));
  }

  /** Before Mongoose 8 the body assigns the carried names instead of declaring them: `const order = x;` -> `order = x;`. */
  private assignCarried(): void {
    for (const statement of this.plan.body) {
      if (statement.node.type !== 'VariableDeclaration') continue;
      const declarator = (statement.node.declarations as Node[])[0]!;
      if (!declarator.init) continue;
      const id = declarator.id as Node;
      if (!this.plan.carried.some((c) => startOf(id) <= startOf(c) && endOf(c) <= endOf(id))) continue;
      const target = this.ctx.source.slice(startOf(id), id.typeAnnotation ? startOf(id.typeAnnotation as Node) : endOf(id));
      const init = declarator.init as Node;
      const value = this.ctx.edits.take(startOf(init), endOf(init));
      // An object pattern would start a block: it needs parentheses as a statement.
      const assignment = id.type === 'ObjectPattern' ? `(${target} = ${value})` : `${target} = ${value}`;
      // Without semicolons a line starting with [ or ( would continue the line before it.
      const guard = !this.ctx.style.semicolons && /^[[(]/.test(assignment) ? ';' : '';
      this.ctx.edits.replace(startOf(statement.node), endOf(statement.node), guard + this.statement(assignment));
    }
  }

  /**
   * In the callback, what followed an intentional abort becomes `<flag> = true; return;`; the
   * code itself (up to its return) runs after the call. Returns that code and its indentation.
   */
  private rewriteExit(exit: ManualPlan['earlyExits'][number], flag: string): MovedExit {
    const { ctx } = this;
    for (const end of exit.ends) removeStatement(ctx, end);
    const first = exit.moved[0]!.node;
    const last = exit.moved[exit.moved.length - 1]!.node;
    const indent = indentAt(ctx.source, startOf(first));
    const text = this.mover.take(startOf(first), endOf(last));
    const leave = [...(exit.abortAdded ? [`await ${this.plan.sessionName}.abortTransaction()`] : []), `${flag} = true`, 'return'].map((code) => this.statement(code));
    const holder = exit.moved[0]!.parent as Path;
    if (statementsOf(holder.node)) ctx.edits.replace(startOf(first), endOf(last), leave.join(`\n${indent}`));
    else {
      // A return that was a branch by itself (`if (!found) return res.sendStatus(404);`) gets braces.
      const outer = indentAt(ctx.source, startOf(holder.node));
      const head = ctx.source.slice(0, startOf(first)).trimEnd();
      const ownLine = /\n[ \t]*$/.test(ctx.source.slice(head.length, startOf(first))) && /(\)|\belse)$/.test(head);
      const from = ownLine ? head.length : startOf(first);
      ctx.edits.replace(from, endOf(last), `${from === startOf(first) ? '' : ' '}{\n${leave.map((line) => outer + this.unit + line).join('\n')}\n${outer}}`);
    }
    return { text, indent, single: exit.moved.length === 1 };
  }

  /** `if (<flag>) return x;`, or the statements in braces. */
  private exitCheck(flag: string, exit: MovedExit, indent: string): string {
    if (exit.single) return `${indent}if (${flag}) ${exit.text}`;
    const inner = indent + this.unit;
    return `${indent}if (${flag}) {\n${inner}${shiftIndent(exit.text, exit.indent, inner)}\n${indent}}`;
  }

  /** The withTransaction() callback as transaction()'s, given the session's name when it takes no parameter. */
  private callbackText(indent: string): string {
    const callback = this.plan.callback!;
    const node = callback.node;
    if (isFunction(node) && (node.params as Node[]).length === 0 && this.plan.usesSession) {
      const open = this.ctx.source.indexOf('(', node.type === 'ArrowFunctionExpression' ? startOf(node) : startOf(node));
      this.ctx.edits.insert(open + 1, this.plan.sessionName);
    }
    return this.mover.move([node], indent);
  }

  /** Consecutive statements move together, so the comments between them stay where they are. */
  private statements(statements: Path[], indent: string): Line[] {
    const groups: Path[][] = [];
    for (const statement of statements) {
      const group = groups[groups.length - 1];
      const previous = group?.[group.length - 1];
      const siblings = previous ? statementsOf(previous.parent!.node as Node) : undefined;
      const next = siblings && siblings[siblings.indexOf(previous!.node) + 1] === statement.node;
      if (group && next) group.push(statement);
      else groups.push([statement]);
    }
    return groups.map((group) => ({ text: indent + this.mover.moveStatements(group, indent), at: startOf(group[0]!.node), end: endOf(group[group.length - 1]!.node) }));
  }

  private statement(code: string): string {
    return statementText(this.ctx, code);
  }
}

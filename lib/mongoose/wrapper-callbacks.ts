import { contains, isIdentifier, unwrapPath, type Node, type Path } from '../ast/nodes';
import { shortText } from '../edit/text';
import type { MongooseVersion } from '../facts/project';
import type { MongooseAnalysis } from './analysis';
import { describeSite, type CallSite, type CallSiteFinder } from './callers';
import { valueOf } from './callees';
import { hazardWeight, mostTelling, retryHazard, type CallbackJudge, type RetryHazard, type Weight } from './retry-safety';
import { lineOf } from './places';
import { alsJoinProblem, hazardConsequence, hazardText, staleDocumentProblem, type Place } from './transaction-body';
import type { TransactionWrapper } from './wrappers';

/** What a callback must allow to run inside transaction(): the checks the wrapper's own body gets. */
export interface CallbackChecks {
  mongoose: MongooseVersion;
  /** AsyncLocalStorage is on for the connection the wrapper's transaction would run on. */
  als: boolean;
  /**
   * The writes of another file that the same run gives the session before this conversion is seen
   * there (add-missing-session runs first on each file); undefined when the run does not rewrite it.
   */
  givenSessionIn?: (analysis: MongooseAnalysis, file: string) => Set<Node> | undefined;
}

/** Why the body's second run matters, closing a reason that does not say it. */
const AGAIN = 'transaction() may run the body again after a transient error';

/** What keeps a callback from running inside transaction(), as the finding says it after "the callback passed ... at ...", weighed as mostTelling() weighs it. */
interface Problem {
  text: string;
  weight: Weight;
}

/** A callback a caller hands the wrapper, with the file it is written in. */
interface PassedCallback {
  site: CallSite;
  analysis: MongooseAnalysis;
  file: string;
  fn: Path;
}

/**
 * Judges a home-made wrapper's call of its callback (`const result = await fn(session)`) by every
 * callback its callers pass: transaction() may run the wrapper's body, and so the callback, again
 * after a transient error. Each callback is checked as a transaction body would be, its session
 * parameter holding the session; the callers are those the import graph lists (callers.ts). A
 * wrapper whose callers cannot all be listed, or that has none, keeps the call unjudged.
 */
export class WrapperCallbacks implements CallbackJudge {
  constructor(
    private readonly analysis: MongooseAnalysis,
    private readonly file: string,
    private readonly callers: Pick<CallSiteFinder, 'find'>,
    private readonly checks: CallbackChecks,
  ) {}

  hazardOf(call: Path): RetryHazard | undefined | 'not-a-callback' {
    const wrapper = this.wrapperCalling(call);
    if (!wrapper) return 'not-a-callback';
    const { fn, facts } = wrapper;
    const runs = `the transaction body runs the callback of ${facts.name}() (\`${this.text(this.analysis, call)}\` at line ${lineOf(call)})`;
    const refuse = (why: string, unseen?: true): RetryHazard => ({ kind: 'callback', at: call, reason: `${runs}, ${why}; ${AGAIN}`, ...(unseen ? { unseen } : {}) });
    if (facts.reruns.length > 0) {
      return refuse(`which ${facts.name}() also runs without the session after a failure (line ${lineOf(facts.reruns[0]!)}), so the callbacks are not judged for a second run inside transaction()`);
    }
    const search = this.callers.find(fn);
    if (search.incomplete) return refuse(`and not every caller can be listed (${search.incomplete}), so not every callback can be checked for what a second run would repeat`, true);
    const sites = search.sites.filter((site) => !this.passesOwnCallback(site, fn, facts));
    if (sites.length === 0) return refuse(`and no caller of ${facts.name}() was found in the project, so what its callback does cannot be checked`, true);
    const elsewhere = sites.find((site) => site.analysis !== this.analysis);
    if (this.checks.als && elsewhere) {
      return refuse(`and AsyncLocalStorage is on, so once the wrapper runs transaction() a later run would take the session out of the callback at ${describeSite(this.file, elsewhere)}, in a file this run rewrites before it sees the wrapper converted`);
    }
    // A callback that does something known to be unsafe is named before one that cannot be seen into.
    const problem = mostTelling(this.problemsAt(sites, facts), (p) => p.weight);
    if (!problem) return undefined;
    return { kind: 'callback', at: call, reason: `${runs}, and ${problem.text}`, ...(problem.weight > 0 ? { unseen: true as const } : {}) };
  }

  /** What keeps each callback the callers pass from running inside transaction(), caller by caller. */
  private *problemsAt(sites: CallSite[], facts: TransactionWrapper): Generator<Problem> {
    for (const site of sites) {
      const passed = this.passedAt(site, facts);
      const where = `the callback passed to ${facts.name}() at ${describeSite(this.file, site)}`;
      if (!passed) {
        yield { text: `${where} (\`${this.text(site.analysis, site.call.get('arguments', facts.callbackIndex) as Path)}\`) is not a function of the project this tool can read; ${AGAIN}`, weight: 2 };
        continue;
      }
      for (const problem of this.problemsOf(passed, facts)) yield { ...problem, text: `${where} ${problem.text}` };
    }
  }

  /** `fn(session)` where `fn` is the callback parameter of a transaction wrapper, and `session` its transaction's session. */
  private wrapperCalling(call: Path): { fn: Path; facts: TransactionWrapper } | undefined {
    const callee = unwrapPath(call.get('callee') as Path);
    if (!isIdentifier(callee.node)) return undefined;
    const declaration = this.analysis.bindings.declarationOf(callee);
    const origin = declaration ? this.analysis.bindings.originOf(declaration) : undefined;
    if (origin?.kind !== 'parameter') return undefined;
    const facts = this.analysis.wrapperOf(origin.fn);
    if (!facts || facts.callbackIndex !== origin.index) return undefined;
    const session = call.get('arguments', facts.sessionIndex) as Path;
    const held = session.node && isIdentifier(session.node) ? this.analysis.bindings.declarationOf(session) : undefined;
    return held && this.analysis.isSessionDeclaration(held) ? { fn: origin.fn, facts } : undefined;
  }

  /** `return withTransaction(fn, attempts - 1)` inside the wrapper: its own callback again, judged where its callers pass it. */
  private passesOwnCallback(site: CallSite, fn: Path, facts: TransactionWrapper): boolean {
    if (site.analysis !== this.analysis || !contains(fn.node, site.call.node)) return false;
    const arg = site.call.get('arguments', facts.callbackIndex) as Path;
    if (!arg.node || !isIdentifier(arg.node)) return false;
    const declaration = this.analysis.bindings.declarationOf(arg);
    const origin = declaration ? this.analysis.bindings.originOf(declaration) : undefined;
    return origin?.kind === 'parameter' && origin.fn.node === fn.node && origin.index === facts.callbackIndex;
  }

  /** The function a call of the wrapper passes as its callback: written there, or a function of the project it names. */
  private passedAt(site: CallSite, facts: TransactionWrapper): PassedCallback | undefined {
    const args = site.call.node.arguments as Node[];
    if (args.slice(0, facts.callbackIndex + 1).some((a) => a.type === 'SpreadElement')) return undefined;
    const arg = site.call.get('arguments', facts.callbackIndex) as Path;
    const value = arg.node ? valueOf(site.analysis, arg, 0) : undefined;
    if (value?.kind !== 'function' || !(value.fn.get('body') as Path).node) return undefined;
    return { site, analysis: value.analysis, file: value.analysis === site.analysis ? site.file : (value.analysis.file ?? site.file), fn: value.fn };
  }

  /** What keeps one callback from running inside transaction(), as the rest of the finding says it. */
  private *problemsOf(passed: PassedCallback, facts: TransactionWrapper): Generator<Problem> {
    const { analysis, fn } = passed;
    const param = (fn.node.params as Node[])[facts.sessionIndex];
    const named = param?.type === 'AssignmentPattern' ? (param.left as Node) : param;
    const sessions: Node[] = named && isIdentifier(named) ? [named] : [];
    const body = fn.get('body') as Path;
    const place: Place = (path) => describeSite(this.file, { file: passed.file, analysis, call: path });
    const managed = analysis.index.within(fn.node, 'CallExpression').find((call) => {
      const lifecycle = analysis.lifecycleCall(call);
      return lifecycle !== undefined && lifecycle.method !== 'inTransaction' && sessions.includes(lifecycle.declaration as Node);
    });
    if (managed) yield { text: `runs \`${this.text(analysis, managed)}\` (${place(managed)}) on the session the wrapper manages, which transaction() manages itself`, weight: 0 };
    const als = alsJoinProblem(analysis, [body], sessions, this.checks.als, [], place);
    if (als) yield { text: `runs in the transaction: ${als}`, weight: 0 };
    // A callback of another file is read as it is on disk; the run gives some of its writes the session first.
    const given = analysis === this.analysis ? undefined : this.checks.givenSessionIn?.(analysis, passed.file);
    const removed = (hazard: RetryHazard) => hazard.kind === 'write-outside' && given !== undefined && given.has(hazard.at.node);
    const hazard = retryHazard([body], fn.node, analysis, sessions, [], undefined, removed);
    if (hazard && hazard.kind !== 'callback') yield { text: `${hazardText(analysis, hazard, place)}; ${hazardConsequence(hazard, 'the body, and the callback with it,')}`, weight: hazardWeight(analysis, hazard) };
    const stale = staleDocumentProblem(analysis, [body], fn.node, this.checks.mongoose, place);
    if (stale) yield { text: `runs in the transaction: ${stale}`, weight: 0 };
  }

  private text(analysis: MongooseAnalysis, path: Path): string {
    return shortText(analysis.source, path.node, 50);
  }
}

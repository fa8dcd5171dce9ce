import * as path from 'node:path';
import { endOf, enclosingFunction, isCall, isFunction, startOf, type Node, type Path } from '../ast/nodes';
import { moduleName } from '../facts/text-index';
import type { ProjectView } from './project-view';
import type { MongooseAnalysis, SessionCreation } from './analysis';
import { describeSite, functionName } from './callers';
import { factoryDoubledBy } from './factories';
import { relativeTo } from './places';
import { fakeSessions, moduleMock, propertyNamed, replacesWithDouble, sessionCallChecks, sessionFactoryReplacements, type SessionCallCheck } from './test-doubles';

/**
 * A spec of the same package pins a function's hand-managed session lifecycle when it loads the
 * function's module (at any depth: the files the text index searches are those the import graph
 * says load it), names the function, gives it a stand-in for its session (`jest.spyOn(mongoose,
 * 'startSession').mockResolvedValue(session)`, `vi.mock('mongoose', ...)`, a fake connection, or
 * a fake session passed to a helper) and checks what is done with it
 * (`expect(session.commitTransaction).toHaveBeenCalled()`). After a rewrite that changes those
 * calls the spec fails, and the migration's pull request turns CI red; so that rewrite is left
 * out and the finding names the spec. Asked only when a conversion or an abort guard is about to
 * be written: the text index picks the candidates, and only they are parsed.
 */

/** Where the session of the code about to be rewritten comes from. */
export type SessionSource = { kind: 'created'; creation: SessionCreation } | { kind: 'received' };

interface SpecContext {
  project: ProjectView;
  /** The file about to be rewritten. */
  file: string;
  analysis: MongooseAnalysis;
}

/**
 * Why converting the transaction of `creation` to transaction() would fail a spec, or undefined:
 * transaction() starts a session of its own, which no stand-in replaces.
 */
export function conversionPinnedBy(context: SpecContext, creation: SessionCreation): string | undefined {
  const maker = sessionMaker(context.analysis, creation);
  const doubled = maker && factoryDoubledBy(context.project, maker);
  if (doubled) {
    return `a test (${relativeTo(context.file, doubled.test)}) replaces or spies on ${doubled.factory}(); transaction() would start its session without calling it, so the test would no longer see it called`;
  }
  for (const spec of candidateSpecs(context, creation.call, ['startSession'])) {
    const replaced = replacementOf(spec.analysis, context.analysis, creation);
    if (!replaced) continue;
    const check = sessionCallChecks(spec.analysis.index)[0];
    const checks = check ? ` and checks the session's calls at ${where(context, spec, check.at)} (\`${snippet(spec.analysis, check.at)}\`)` : '';
    return `the spec ${where(context, spec, replaced)} replaces startSession() with a stand-in (\`${snippet(spec.analysis, replaced)}\`)${checks}; transaction() would start a session of its own that the spec does not control, so the spec would fail`;
  }
  return undefined;
}

/** The function of the project whose call gave the session (a factory, or a helper of this file that only returns one). */
function sessionMaker(analysis: MongooseAnalysis, creation: SessionCreation): { name: string; analysis: MongooseAnalysis } | undefined {
  if (creation.factory) return creation.factory;
  const helper = creation.helper && enclosingFunction(creation.helper.call);
  const name = helper && functionName(helper);
  return name ? { name, analysis } : undefined;
}

/**
 * Why guarding the abort with `if (session.inTransaction())` would fail a spec, or undefined:
 * its stand-in session has no `inTransaction()` (a TypeError when the transaction fails), or
 * the spec checks that the abort is called while its stand-in does not answer true.
 */
export function guardPinnedBy(context: SpecContext, at: Path, source: SessionSource): string | undefined {
  const enclosing = enclosingFunction(at);
  const helper = source.kind === 'received' && enclosing ? functionName(enclosing) : undefined;
  for (const spec of candidateSpecs(context, at, ['abortTransaction', 'commitTransaction'])) {
    if (source.kind === 'created' && !replacementOf(spec.analysis, context.analysis, source.creation)) continue;
    // A spec that replaces the helper itself never runs its body: nothing there sees the guard.
    if (helper && replacesWithDouble(spec.analysis.index, helper, (specifier) => loads(spec.analysis, specifier, context.file))) continue;
    const fakes = fakeSessions(spec.analysis.index);
    const without = fakes.find((fake) => propertyNamed(fake.node, 'inTransaction') === undefined);
    if (without) {
      return `the spec ${where(context, spec, without)} gives this code a stand-in session without inTransaction(), so the guard would throw a TypeError there whenever the transaction fails; give the stand-in an inTransaction() and guard the abort by hand`;
    }
    const abortChecked = sessionCallChecks(spec.analysis.index).find((check: SessionCallCheck) => check.method === 'abortTransaction');
    const answersTrue = fakes.some((fake) => answersTrueFor(spec.analysis, fake.node));
    if (abortChecked && !answersTrue) {
      return `the spec ${where(context, spec, abortChecked.at)} checks that abortTransaction() is called, and its stand-in session's inTransaction() does not answer true, so the guarded abort would be skipped and the check would fail; make the stand-in answer true and guard the abort by hand`;
    }
  }
  return undefined;
}

/** `specifier`, as `analysis`'s file writes it, loads `file` (compared by path: the file being rewritten has an analysis of its own text). */
function loads(analysis: MongooseAnalysis, specifier: string, file: string): boolean {
  const loaded = analysis.links.moduleAt(specifier)?.file;
  return loaded !== undefined && path.resolve(loaded) === path.resolve(file);
}

interface Spec {
  file: string;
  analysis: MongooseAnalysis;
}

/**
 * Files that load `context.file` and name the function around `at` (any enclosing function with a
 * name; the module's name when none has one), holding one of `markers`; parsed.
 */
function candidateSpecs(context: SpecContext, at: Path, markers: string[]): Spec[] {
  const { project } = context;
  const names: string[] = [];
  for (let fn = enclosingFunction(at); fn; fn = enclosingFunction(fn)) {
    const name = functionName(fn);
    if (name) names.push(name);
  }
  const words = names.length > 0 ? names : [moduleName(context.file)];
  const self = path.resolve(context.file);
  const files = new Set<string>();
  for (const word of words) {
    for (const file of project.filesMentioning(word)) {
      if (path.resolve(file) !== self && markers.some((marker) => project.fileMentions(file, marker))) files.add(file);
    }
  }
  const specs: Spec[] = [];
  for (const file of [...files].sort()) {
    const analysis = project.analysisOf(file);
    if (analysis) specs.push({ file, analysis });
  }
  return specs;
}

/** Where the spec replaces the session source of `creation`, if it does: a mock of Mongoose itself, or a stand-in for the same `startSession`. */
function replacementOf(spec: MongooseAnalysis, analysis: MongooseAnalysis, creation: SessionCreation): Path | undefined {
  const mocked = moduleMock(spec.index, 'mongoose');
  if (mocked) return mocked;
  const ours = creation.receiver ? sourceName(analysis.source.slice(startOf(creation.receiver.node), endOf(creation.receiver.node)), analysis) : 'mongoose';
  const fromModule = ours === 'mongoose' || ours.startsWith('mongoose.');
  return sessionFactoryReplacements(spec.index, spec.source).find(({ owner }) => {
    if (owner === '*') return !fromModule;
    const theirs = sourceName(owner, spec);
    return theirs === ours || (!fromModule && lastPart(theirs) === lastPart(ours));
  })?.at;
}

/** A receiver as its file writes it, with the Mongoose module called `mongoose` and `this.` left out. */
function sourceName(text: string, analysis: MongooseAnalysis): string {
  const parts = text.replace(/\s+/g, '').replace(/^this\./, '').split('.');
  if (analysis.imports.mongooseModule.has(parts[0]!)) parts[0] = 'mongoose';
  return parts.join('.');
}

function lastPart(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

/** The stand-in's `inTransaction` answers true (`() => true`, `jest.fn().mockReturnValue(true)`, `sinon.stub().returns(true)`). */
function answersTrueFor(spec: MongooseAnalysis, fake: Node): boolean {
  const property = propertyNamed(fake, 'inTransaction');
  if (!property) return false;
  const value = property.type === 'ObjectMethod' ? property.body : (property.value as Node);
  return /\btrue\b/.test(spec.source.slice(startOf(value as Node), endOf(value as Node)));
}

function where(context: SpecContext, spec: Spec, at: Path): string {
  return describeSite(context.file, { file: spec.file, analysis: spec.analysis, call: at });
}

/** The code at `at` on one line, shortened; a call given a function shows its first argument only (`vi.mock('mongoose', ...)`). */
function snippet(analysis: MongooseAnalysis, at: Path): string {
  const textOf = (node: Node) => analysis.source.slice(startOf(node), endOf(node)).replace(/\s+/g, ' ');
  const args = isCall(at.node) ? (at.node.arguments as Node[]) : [];
  if (args.length > 1 && args.slice(1).some((arg) => isFunction(arg))) return `${textOf(at.node.callee as Node)}(${textOf(args[0]!)}, ...)`;
  const text = textOf(at.node);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ts } from 'ts-morph';
import { readCompilerOptions, TypePrograms, type ProgramOptions } from './type-program';

type Ts = typeof ts;

/** A place in a file's text on disk. */
export interface SourceLocation {
  file: string;
  start: number;
}

/** Where the function a call resolves to is declared. */
export type DeclarationOrigin = 'mongoose' | 'mongodb' | 'project' | 'other';

export interface ThenableFact {
  /** The expression's type has a callable `then` (Promises, and Mongoose Query/Aggregate). */
  thenable: boolean;
  /** For calls: where the called function is declared. */
  origin: DeclarationOrigin | undefined;
  /** For calls of the project's own functions: where the called function's name is declared (its file's text on disk). */
  declaredAt?: SourceLocation;
}

/**
 * Type facts through the TypeScript checker. Nothing is loaded until a transform asks a question
 * the syntax cannot answer, and nothing at all where Mongoose's declarations are not installed.
 */
export interface TypeFacts {
  /** The expression at [start, end) of `file` (whose current text is `source`); undefined when unknown. */
  thenableAt(file: string, source: string, start: number, end: number): ThenableFact | undefined;
  /** For the report: per tsconfig whose files asked, could type facts be had? (empty when none was needed) */
  statuses(): TypeFactsStatus[];
  /**
   * What the answers given for `file` depended on besides its own text: the project files its
   * programs read, and the installed packages whose declarations they read (empty when no question
   * reached a program). A cached result of `file` is valid while these are unchanged.
   */
  dependenciesOf?(file: string): TypeDependencies;
  /** Which setup answers `file`'s questions (its tsconfig, the Mongoose declarations it sees, or why there are none); counts it as asking. */
  setupOf?(file: string): string;
}

export interface TypeDependencies {
  files: string[];
  packages: string[];
}

/** Type facts that pass every question on to `inner`; subclasses change how one is asked. */
export abstract class TypeFactsAround implements TypeFacts {
  constructor(protected readonly inner: TypeFacts) {}

  abstract thenableAt(file: string, source: string, start: number, end: number): ThenableFact | undefined;

  statuses(): TypeFactsStatus[] {
    return this.inner.statuses();
  }

  dependenciesOf(file: string): TypeDependencies {
    return this.inner.dependenciesOf?.(file) ?? { files: [], packages: [] };
  }

  setupOf(file: string): string {
    return this.inner.setupOf?.(file) ?? '';
  }
}

export type TypeFactsStatus =
  | { state: 'available'; config: string }
  | { state: 'unavailable'; reason: string };

/** One tsconfig.json (or package without one). */
interface Setup {
  tsconfig: string | undefined;
  /** The label the report uses. */
  config: string;
  /** Why types cannot be had here, when they cannot. */
  unavailable: string | undefined;
  /** The Mongoose installation the setup's files see (its folder, resolved): one set of programs per installation. */
  mongoose: string | undefined;
  options: ProgramOptions | undefined;
  /** Whether files of this setup asked (for the report). */
  askedTypes: boolean;
}

/**
 * The most work (types created and instantiated by the checker) the questions of one file may
 * cost. A count, not a time, so that answers are the same on a busy machine as on an idle one.
 * Questions past it are answered "unknown", which the transforms treat as they do without types.
 */
const FILE_BUDGET = 400_000;

/**
 * Type facts per tsconfig.json: each question is answered by a program of the asking file (as
 * transforms see it) and what it imports (as on disk), over the Mongoose declarations its package
 * sees, so answers never depend on which files asked before or in which order.
 */
export class LazyTypeFacts implements TypeFacts {
  private ts: Ts | undefined | null;
  private tsError: string | undefined;
  private readonly setups = new Map<string, Setup>();
  private readonly setupByDir = new Map<string, Setup>();
  /** One set of programs per Mongoose installation, whatever package or tsconfig asks. */
  private readonly programs = new Map<string, TypePrograms>();
  /** Work spent per asking file, against FILE_BUDGET. */
  private readonly spent = new Map<string, number>();
  private readonly dependencies = new Map<string, { files: Set<string>; packages: Set<string> }>();
  private overBudget = 0;

  thenableAt(file: string, source: string, start: number, end: number): ThenableFact | undefined {
    const setup = this.setupFor(file);
    if (!setup) return undefined;
    setup.askedTypes = true;
    if (!setup.options && !setup.unavailable && setup.mongoose) this.configure(setup);
    if (setup.unavailable || !setup.options || !setup.mongoose) return undefined;
    const spent = this.spent.get(file) ?? 0;
    if (spent >= FILE_BUDGET) return undefined;
    const ts = this.loadTs();
    if (!ts) return undefined;
    let programs = this.programs.get(setup.mongoose);
    if (!programs) {
      programs = new TypePrograms(ts, path.dirname(setup.mongoose), this.libFiles());
      this.programs.set(setup.mongoose, programs);
    }
    const typed = programs.typedFile(file, source, setup.options);
    if (!typed) return undefined;
    this.recordDependencies(file, [...programs.projectFilesOf(typed), ...(setup.tsconfig ? [setup.tsconfig] : [])], programs.librariesOf(typed));
    const node = nodeAt(ts, typed.sourceFile, start, end);
    if (!node) return undefined;
    const before = typed.program.getTypeCount() + typed.program.getInstantiationCount();
    const fact = thenableFactOf(typed.checker, node, ts.isCallExpression(node), ts);
    const total = spent + typed.program.getTypeCount() + typed.program.getInstantiationCount() - before;
    this.spent.set(file, total);
    if (total >= FILE_BUDGET) this.overBudget++;
    return fact;
  }

  setupOf(file: string): string {
    const setup = this.setupFor(file);
    if (!setup) return 'none';
    setup.askedTypes = true;
    return JSON.stringify([setup.tsconfig ?? null, setup.mongoose ?? null, setup.unavailable ?? null]);
  }

  dependenciesOf(file: string): TypeDependencies {
    const known = this.dependencies.get(file);
    return { files: known ? [...known.files].sort() : [], packages: known ? [...known.packages].sort() : [] };
  }

  /** One entry per tsconfig (or package) whose files asked: type questions say whether types were there. */
  statuses(): TypeFactsStatus[] {
    if (this.ts === null) return [{ state: 'unavailable', reason: this.tsError! }];
    const out: TypeFactsStatus[] = [];
    for (const setup of this.setups.values()) {
      if (setup.askedTypes) out.push(setup.unavailable ? { state: 'unavailable', reason: setup.unavailable } : { state: 'available', config: setup.config });
    }
    if (this.overBudget > 0) {
      out.push({ state: 'unavailable', reason: `the questions of ${this.overBudget} file${this.overBudget === 1 ? '' : 's'} reached their budget, and the rest were answered as unknown` });
    }
    return out;
  }

  private recordDependencies(file: string, files: string[], packages: string[]): void {
    let known = this.dependencies.get(file);
    if (!known) {
      known = { files: new Set(), packages: new Set() };
      this.dependencies.set(file, known);
    }
    for (const other of files) if (other !== file) known.files.add(other);
    for (const pkg of packages) known.packages.add(pkg);
  }

  /** The setup a file is answered from: its nearest tsconfig.json within its package, else the package. */
  private setupFor(file: string): Setup | undefined {
    const dir = path.dirname(file);
    const known = this.setupByDir.get(dir);
    if (known) return known;
    const packageJson = findUp(dir, 'package.json');
    const tsconfig = findUp(dir, 'tsconfig.json', packageJson ? path.dirname(packageJson) : undefined);
    const setupDir = path.dirname(tsconfig ?? packageJson ?? file);
    const key = tsconfig ?? setupDir;
    let setup = this.setups.get(key);
    if (!setup) {
      const mongoose = mongooseDeclarations(setupDir);
      setup = {
        tsconfig,
        config: tsconfig ?? 'default options (allowJs)',
        unavailable: mongoose ? undefined : 'mongoose is not installed in the project, so its type declarations are missing',
        mongoose,
        options: undefined,
        askedTypes: false,
      };
      this.setups.set(key, setup);
    }
    this.setupByDir.set(dir, setup);
    return setup;
  }

  /** The compiler options of the setup's tsconfig (or defaults), narrowed to what the questions need. */
  private configure(setup: Setup): void {
    const ts = this.loadTs();
    if (!ts) {
      setup.unavailable = this.tsError;
      return;
    }
    // Only what the file imports, and the ES library: every @types package and the DOM library
    // cost a lot of memory and say nothing about whether a Mongoose call returns a thenable.
    const narrowed: ts.CompilerOptions = { allowJs: true, checkJs: false, noEmit: true, skipLibCheck: true, types: [], lib: ['lib.es2022.d.ts'] };
    if (!setup.tsconfig) {
      setup.options = {
        key: 'default',
        options: {
          target: ts.ScriptTarget.ES2022,
          module: ts.ModuleKind.CommonJS,
          moduleResolution: ts.ModuleResolutionKind.Node10,
          esModuleInterop: true,
          experimentalDecorators: true,
          ...narrowed,
        },
      };
      return;
    }
    const read = readCompilerOptions(ts, setup.tsconfig);
    if ('error' in read) {
      setup.unavailable = `could not load ${setup.tsconfig}: ${read.error as string}`;
      return;
    }
    setup.options = { key: setup.tsconfig, options: { ...read, ...narrowed, composite: false, incremental: false, declaration: false } };
  }

  private libs: Map<string, string> | undefined;

  /** The ES library's declarations, which ts-morph keeps in memory rather than as files. */
  private libFiles(): Map<string, string> {
    if (!this.libs) {
      const common = require(require.resolve('@ts-morph/common', { paths: [path.dirname(require.resolve('ts-morph'))] })) as { getLibFiles(): Array<{ fileName: string; text: string }> };
      this.libs = new Map(common.getLibFiles().map((lib) => [lib.fileName, lib.text]));
    }
    return this.libs;
  }

  private loadTs(): Ts | undefined {
    if (this.ts === undefined) {
      try {
        this.ts = (require('ts-morph') as typeof import('ts-morph')).ts;
      } catch (error) {
        this.ts = null;
        this.tsError = `the TypeScript compiler could not be loaded: ${(error as Error).message}`;
      }
    }
    return this.ts ?? undefined;
  }
}

/** The folder of the Mongoose installation a folder's code loads, if it ships its type declarations. */
function mongooseDeclarations(dir: string): string | undefined {
  const manifest = findUp(dir, path.join('node_modules', 'mongoose', 'package.json'));
  if (!manifest) return undefined;
  const folder = path.dirname(manifest);
  try {
    const types = (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { types?: string; typings?: string }).types;
    const entry = path.join(folder, types ?? 'types/index.d.ts');
    return fs.existsSync(entry) ? fs.realpathSync(folder) : undefined;
  } catch {
    return undefined;
  }
}

/** TypeFlags.Any | TypeFlags.Unknown: numbered alike in every TypeScript release since 3.0. */
const ANY_OR_UNKNOWN = 1 | 2;

/**
 * The fact for one expression, from any TypeScript program's checker (the codemod's own, or the
 * one a linter's parser built); undefined when its type is `any` or `unknown`. Given the compiler
 * module, a call is first answered from the declarations its callee is bound to (what the name
 * is, through imports, and the return types its declarations state), which is cheap; the call's
 * own type, inferred through Mongoose's generic types with its arguments checked, is computed only
 * where the declarations cannot tell.
 */
export function thenableFactOf(checker: ts.TypeChecker, node: ts.Node, isCall: boolean, compiler?: Ts): ThenableFact | undefined {
  if (isCall && compiler) {
    const declared = declaredFact(compiler, checker, node as ts.CallExpression);
    if (declared !== 'infer') return declared;
  }
  const type = checker.getTypeAtLocation(node);
  if ((type.flags & ANY_OR_UNKNOWN) !== 0) return undefined;
  const declaration = isCall ? checker.getResolvedSignature(node as ts.CallExpression)?.getDeclaration() : undefined;
  const origin = declaration ? originOf(declaration.getSourceFile().fileName) : undefined;
  return withDeclaredAt({ thenable: hasCallableThen(checker, type, node), origin }, declaration);
}

/** The fact, with where the called function is declared when it is the project's and has a body (not an overload or interface signature). */
function withDeclaredAt(fact: ThenableFact, declaration: ts.Declaration | undefined): ThenableFact {
  if (!declaration || fact.origin !== 'project' || (declaration as { body?: ts.Node }).body === undefined) return fact;
  const own = (declaration as { name?: ts.Node }).name;
  const name = own ?? (declaration.parent as { name?: ts.Node } | undefined)?.name ?? declaration;
  return { ...fact, declaredAt: { file: path.resolve(declaration.getSourceFile().fileName), start: name.getStart() } };
}

/**
 * The fact a call's callee declarations give: where they are, and whether every return type they
 * state has a callable `then` (or none has). 'infer' where they cannot tell: overloads that differ,
 * return types that depend on the call's type arguments, callees that are not plain names.
 */
function declaredFact(compiler: Ts, checker: ts.TypeChecker, call: ts.CallExpression): ThenableFact | undefined | 'infer' {
  let callee: ts.Expression = call.expression;
  while (compiler.isParenthesizedExpression(callee) || compiler.isNonNullExpression(callee)) callee = callee.expression;
  const name = compiler.isPropertyAccessExpression(callee) ? callee.name : compiler.isIdentifier(callee) ? callee : undefined;
  if (!name) return 'infer';
  let symbol = checker.getSymbolAtLocation(name);
  if (!symbol) return 'infer';
  if (symbol.flags & compiler.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const declarations = (symbol.declarations ?? []).filter((d): d is ts.SignatureDeclaration => compiler.isFunctionLike(d));
  if (declarations.length === 0) return 'infer';
  const origins = new Set(declarations.map((d) => originOf(d.getSourceFile().fileName)));
  if (origins.size !== 1) return 'infer';
  const verdicts = new Set<boolean | 'any' | 'infer'>();
  for (const declaration of declarations) {
    const signature = checker.getSignatureFromDeclaration(declaration);
    verdicts.add(signature ? thenableReturn(compiler, checker, checker.getReturnTypeOfSignature(signature), call) : 'infer');
  }
  if (verdicts.size !== 1) return 'infer';
  const [verdict] = verdicts;
  if (verdict === 'infer') return 'infer';
  if (verdict === 'any') return undefined;
  return withDeclaredAt({ thenable: verdict as boolean, origin: [...origins][0] }, declarations.length === 1 ? declarations[0] : undefined);
}

/** Whether a declared return type has a callable `then`; 'infer' when that depends on type arguments. */
function thenableReturn(compiler: Ts, checker: ts.TypeChecker, type: ts.Type, at: ts.Node): boolean | 'any' | 'infer' {
  const open = compiler.TypeFlags.TypeParameter | compiler.TypeFlags.Conditional | compiler.TypeFlags.IndexedAccess | compiler.TypeFlags.Substitution | compiler.TypeFlags.Index;
  if ((type.flags & ANY_OR_UNKNOWN) !== 0) return 'any';
  if ((type.flags & open) !== 0) return 'infer';
  if (type.isUnionOrIntersection()) {
    const members = type.types.map((member) => thenableReturn(compiler, checker, member, at));
    if (members.includes(true)) return true;
    if (members.includes('infer') || members.includes('any')) return 'infer';
    return false;
  }
  return hasCallableThen(checker, type, at);
}

/** The outermost node spanning exactly [start, end) of the file's text. */
function nodeAt(compiler: Ts, sourceFile: ts.SourceFile, start: number, end: number): ts.Node | undefined {
  let node: ts.Node = sourceFile;
  for (;;) {
    let next: ts.Node | undefined;
    compiler.forEachChild(node, (child) => {
      if (child.getStart(sourceFile) <= start && end <= child.end) next = child;
      return next !== undefined;
    });
    if (!next) return undefined;
    node = next;
    if (node.getStart(sourceFile) === start && node.end === end) return node;
  }
}

function hasCallableThen(checker: ts.TypeChecker, type: ts.Type, at: ts.Node): boolean {
  if (type.isUnion()) return type.types.some((member) => hasCallableThen(checker, member, at));
  const then = type.getProperty('then');
  if (!then) return false;
  return checker.getTypeOfSymbolAtLocation(then, at).getCallSignatures().length > 0;
}

function originOf(filePath: string): DeclarationOrigin {
  const normalized = filePath.split(path.sep).join('/');
  if (normalized.includes('/node_modules/mongoose/')) return 'mongoose';
  if (normalized.includes('/node_modules/mongodb/') || normalized.includes('/node_modules/bson/')) return 'mongodb';
  if (normalized.includes('/node_modules/')) return 'other';
  return 'project';
}

/** The nearest `name` at or above `dir`, not looking above `stopAt` when given. */
function findUp(dir: string, name: string, stopAt?: string): string | undefined {
  for (let current = dir; ; current = path.dirname(current)) {
    const candidate = path.join(current, name);
    if (fs.existsSync(candidate)) return candidate;
    if (current === stopAt || path.dirname(current) === current) return undefined;
  }
}

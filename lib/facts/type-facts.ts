import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CompilerOptions, Node as MorphNode, Project, SourceFile, ts } from 'ts-morph';
import { collectGarbage } from './memory';
import { moduleName, readOrUndefined } from './text-index';

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

export interface SourceLocation {
  file: string;
  /** Offset of the referencing identifier in the file's text on disk. */
  start: number;
}

/**
 * Type and cross-file facts through ts-morph. Nothing is built until a transform asks a question
 * the syntax cannot answer; then one project per kind of question and tsconfig serves the run.
 */
export interface TypeFacts {
  /** The expression at [start, end) of `file` (whose current text is `source`); undefined when unknown. */
  thenableAt(file: string, source: string, start: number, end: number): ThenableFact | undefined;
  /** Every reference to the declaration named at `offset`, across the project; undefined when unknown. */
  referencesTo(file: string, source: string, offset: number): SourceLocation[] | undefined;
  /** The module specifiers (`'./tx'` in `require('../tx')` or `import`) in other files that load `file`. */
  importersOf(file: string, source: string): SourceLocation[] | undefined;
  /** For the report: per tsconfig whose files asked, could type facts be had? (empty when none was needed) */
  statuses(): TypeFactsStatus[];
}

export type TypeFactsStatus =
  | { state: 'available'; config: string }
  | { state: 'unavailable'; reason: string };

type TsMorph = typeof import('ts-morph');

/** What the import graph tells type facts, so that ts-morph only ever sees the files it names. */
export interface CrossFileScope {
  /** Files that can call into `file` (it included) and mention `word`. */
  candidates(file: string, word: string): readonly string[];
  /** Where other files load `file`. */
  importersOf(file: string): SourceLocation[];
  /**
   * The files to load into the type program together with `file` (it included), so that one type
   * checker answers for all of them; a fixed partition of the run's files, whatever thread asks.
   */
  typeBatch?(file: string): readonly string[];
  /** True when `file` loads `other`, directly or through other modules (so `other`'s types can reach it). */
  loads?(file: string, other: string): boolean;
}

/** One tsconfig.json (or package without one), with the programs built for it. */
interface Setup {
  tsconfig: string | undefined;
  /** Folder whose files the project may draw on: the tsconfig's, else the package's. */
  dir: string;
  /** The label the report uses. */
  config: string;
  /** Why types cannot be had here, when they cannot. */
  unavailable: string | undefined;
  /** Only the files that can take part, imports not followed: for who-refers-to-what questions. */
  referenceProject?: Project;
  loadedFor: Set<string>;
  /** Which kinds of question files of this setup asked (for the report). */
  askedTypes: boolean;
  askedReferences: boolean;
}

/**
 * Type facts per tsconfig.json: each file is answered from the program of its own tsconfig (or
 * package), whatever file asked first, so answers never depend on the order files come in.
 */
export class LazyTypeFacts implements TypeFacts {
  private morph: TsMorph | undefined | null;
  private morphError: string | undefined;
  private readonly setups = new Map<string, Setup>();
  private readonly setupByDir = new Map<string, Setup>();
  /** Full program (imports followed, Mongoose declarations loaded) of one setup at a time, for questions about types. */
  private typeProject: { setup: Setup; project: Project } | undefined;
  /** The file the type program was last asked about. */
  private typedFile: string | undefined;
  /** The files loaded into the type program for the current batch. */
  private batch: ReadonlySet<string> = new Set();
  /** Files whose text in the type program is a transform's output, not the file on disk. */
  private readonly edited = new Set<string>();

  constructor(private readonly scope: CrossFileScope) {}

  thenableAt(file: string, source: string, start: number, end: number): ThenableFact | undefined {
    const project = this.types(file);
    if (!project) return undefined;
    if (this.typedFile !== file) this.switchTo(project, file);
    this.typedFile = file;
    if (project.getSourceFile(file)?.getFullText() !== source) this.edited.add(file);
    // Wrappers made for this question are dropped at once, so they keep no old checker alive.
    let fact: ThenableFact | undefined;
    project.forgetNodesCreatedInBlock(() => {
      const node = nodeAt(sourceFileIn(project, file, source), start, end);
      if (!node) return;
      fact = thenableFactOf(project.getTypeChecker().compilerObject, node.compilerNode, this.morph!.Node.isCallExpression(node));
    });
    return fact;
  }

  /**
   * Moves the type program to `file`'s batch. The program holds one batch (its files, their
   * imports and the libraries): the previous one (tens of MB) is dropped and collected first.
   * A file that a transform rewrote goes back to its text on disk before a file that loads it is
   * asked about, so that no file's answer depends on which files a thread happened to rewrite
   * before it (a module's types reach other files only through their imports).
   */
  private switchTo(project: Project, file: string): void {
    for (const other of [...this.edited]) {
      if (this.scope.loads && !this.scope.loads(file, other)) continue;
      const edited = project.getSourceFile(other);
      if (edited) project.removeSourceFile(edited);
      this.edited.delete(other);
    }
    if (this.batch.has(file)) {
      for (const member of this.batch) if (!project.getSourceFile(member)) project.addSourceFileAtPathIfExists(member);
      return;
    }
    for (const member of [...this.batch, ...this.edited, ...(this.typedFile ? [this.typedFile] : [])]) {
      const loaded = project.getSourceFile(member);
      if (loaded) project.removeSourceFile(loaded);
    }
    this.edited.clear();
    if (this.typedFile !== undefined) collectGarbage();
    this.batch = new Set(this.scope.typeBatch?.(file) ?? [file]);
    for (const member of this.batch) if (member !== file) project.addSourceFileAtPathIfExists(member);
  }

  referencesTo(file: string, source: string, offset: number): SourceLocation[] | undefined {
    const setup = this.setupOf(file);
    if (!setup) return undefined;
    setup.askedReferences = true;
    // Imports between the files added still resolve; nothing else is pulled in.
    const project = (setup.referenceProject ??= this.create(setup, { noResolve: true, noLib: true, types: [] }));
    if (!project) return undefined;
    const sourceFile = sourceFileIn(project, file, source);
    try {
      const identifier = sourceFile.getDescendantAtPos(offset);
      if (!identifier || identifier.getKindName() !== 'Identifier') return undefined;
      this.addCandidates(setup, project, file, identifier.getText());
      this.addCandidates(setup, project, file, moduleName(file));
      return (identifier as MorphNode & { findReferencesAsNodes(): MorphNode[] })
        .findReferencesAsNodes()
        .map((ref) => ({ file: path.resolve(ref.getSourceFile().getFilePath()), start: ref.getStart() }));
    } catch {
      return undefined;
    } finally {
      // Other files' references are read against their text on disk (the run writes nothing
      // before every file is done): a transform's output must not stay in their place.
      if (source !== readOrUndefined(file)) project.removeSourceFile(sourceFile);
    }
  }

  importersOf(file: string, _source: string): SourceLocation[] | undefined {
    return this.scope.importersOf(path.resolve(file));
  }

  /** One entry per tsconfig (or package) whose files asked: type questions say whether types were there. */
  statuses(): TypeFactsStatus[] {
    const out: TypeFactsStatus[] = [];
    if (this.morph === null) return [{ state: 'unavailable', reason: this.morphError! }];
    for (const setup of this.setups.values()) {
      if (setup.askedTypes) out.push(setup.unavailable ? { state: 'unavailable', reason: setup.unavailable } : { state: 'available', config: setup.config });
      else if (setup.askedReferences && setup.unavailable?.startsWith('could not load')) out.push({ state: 'unavailable', reason: setup.unavailable });
    }
    return out;
  }

  private types(file: string): Project | undefined {
    const setup = this.setupOf(file);
    if (!setup) return undefined;
    setup.askedTypes = true;
    if (this.typeProject?.setup === setup) return this.typeProject.project;
    if (this.typeProject) {
      // Another tsconfig's file: its program goes before this one is built.
      this.typeProject = undefined;
      this.batch = new Set();
      this.edited.clear();
      this.typedFile = undefined;
      collectGarbage();
    }
    if (setup.unavailable?.startsWith('could not load')) return undefined;
    // Only what the file imports, and the ES library: every @types package and the DOM library
    // cost a lot of memory and say nothing about whether a Mongoose call returns a thenable.
    const project = this.create(setup, { types: [], lib: ['lib.es2022.d.ts'] });
    if (project) this.typeProject = { setup, project };
    return project;
  }

  /** The setup a file is answered from: its nearest tsconfig.json within its package, else the package. */
  private setupOf(file: string): Setup | undefined {
    if (!this.loadMorph()) return undefined;
    const dir = path.dirname(file);
    const known = this.setupByDir.get(dir);
    if (known) return known;
    const packageJson = findUp(dir, 'package.json');
    const tsconfig = findUp(dir, 'tsconfig.json', packageJson ? path.dirname(packageJson) : undefined);
    const setupDir = path.dirname(tsconfig ?? packageJson ?? file);
    const key = tsconfig ?? setupDir;
    let setup = this.setups.get(key);
    if (!setup) {
      const hasMongoose = findUp(setupDir, path.join('node_modules', 'mongoose', 'package.json')) !== undefined;
      setup = {
        tsconfig,
        dir: setupDir,
        config: tsconfig ?? 'default options (allowJs)',
        unavailable: hasMongoose ? undefined : 'mongoose is not installed in the project, so its type declarations are missing',
        loadedFor: new Set(),
        askedTypes: false,
        askedReferences: false,
      };
      this.setups.set(key, setup);
    }
    this.setupByDir.set(dir, setup);
    return setup;
  }

  private loadMorph(): TsMorph | undefined {
    if (this.morph === undefined) {
      try {
        this.morph = require('ts-morph') as TsMorph;
      } catch (error) {
        this.morph = null;
        this.morphError = `ts-morph could not be loaded: ${(error as Error).message}`;
      }
    }
    return this.morph ?? undefined;
  }

  private create(setup: Setup, overrides: CompilerOptions): Project | undefined {
    const morph = this.morph!;
    try {
      return setup.tsconfig
        ? new morph.Project({ tsConfigFilePath: setup.tsconfig, skipAddingFilesFromTsConfig: true, compilerOptions: { allowJs: true, ...overrides } })
        : new morph.Project({
            compilerOptions: {
              allowJs: true,
              checkJs: false,
              target: morph.ts.ScriptTarget.ES2022,
              module: morph.ts.ModuleKind.CommonJS,
              moduleResolution: morph.ts.ModuleResolutionKind.Node10,
              esModuleInterop: true,
              skipLibCheck: true,
              experimentalDecorators: true,
              ...overrides,
            },
          });
    } catch (error) {
      setup.unavailable = `could not load ${setup.tsconfig}: ${(error as Error).message}`;
      return undefined;
    }
  }

  /**
   * Adds the files that can call into `file` and mention `word`: only they can refer to a
   * declaration of that name, or import a module of that name.
   */
  private addCandidates(setup: Setup, project: Project, file: string, word: string): void {
    const key = `${file}\0${word}`;
    if (setup.loadedFor.has(key)) return;
    setup.loadedFor.add(key);
    for (const candidate of this.scope.candidates(file, word)) {
      if (!project.getSourceFile(candidate)) project.addSourceFileAtPathIfExists(candidate);
    }
  }
}

/** TypeFlags.Any | TypeFlags.Unknown: numbered alike in every TypeScript release since 3.0. */
const ANY_OR_UNKNOWN = 1 | 2;

/**
 * The fact for one expression, from any TypeScript program's checker (ts-morph's here, or the one
 * a linter's parser built); undefined when its type is `any` or `unknown`.
 */
export function thenableFactOf(checker: ts.TypeChecker, node: ts.Node, isCall: boolean): ThenableFact | undefined {
  const type = checker.getTypeAtLocation(node);
  if ((type.flags & ANY_OR_UNKNOWN) !== 0) return undefined;
  const declaration = isCall ? checker.getResolvedSignature(node as ts.CallExpression)?.getDeclaration() : undefined;
  const origin = declaration ? originOf(declaration.getSourceFile().fileName) : undefined;
  const fact: ThenableFact = { thenable: hasCallableThen(checker, type, node), origin };
  if (declaration && origin === 'project') fact.declaredAt = nameLocation(declaration);
  return fact;
}

/** Where a function declaration's name is: its own (`function f`, a method), or its variable's (`const f = () => ...`). */
function nameLocation(declaration: ts.Declaration): SourceLocation {
  const own = (declaration as { name?: ts.Node }).name;
  const name = own ?? (declaration.parent as { name?: ts.Node } | undefined)?.name ?? declaration;
  return { file: path.resolve(declaration.getSourceFile().fileName), start: name.getStart() };
}

/** The project's copy of `file`, brought up to date with the text transforms currently see. */
function sourceFileIn(project: Project, file: string, source: string): SourceFile {
  const existing = project.getSourceFile(file);
  if (existing && existing.getFullText() === source) return existing;
  return project.createSourceFile(file, source, { overwrite: true });
}

function nodeAt(sourceFile: SourceFile, start: number, end: number): MorphNode | undefined {
  let node: MorphNode | undefined = sourceFile.getDescendantAtPos(start);
  while (node && node.getEnd() < end) node = node.getParent();
  while (node && node.getParent()?.getStart() === start && node.getParent()?.getEnd() === end) node = node.getParent();
  return node && node.getStart() === start && node.getEnd() === end ? node : undefined;
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

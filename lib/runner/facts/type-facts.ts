import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CompilerOptions, Node as MorphNode, Project, SourceFile, Type } from 'ts-morph';
import { collectGarbage } from './memory';
import { moduleName } from './text-index';

/** Where the function a call resolves to is declared. */
export type DeclarationOrigin = 'mongoose' | 'mongodb' | 'project' | 'other';

export interface ThenableFact {
  /** The expression's type has a callable `then` (Promises, and Mongoose Query/Aggregate). */
  thenable: boolean;
  /** For calls: where the called function is declared. */
  origin: DeclarationOrigin | undefined;
}

export interface SourceLocation {
  file: string;
  /** Offset of the referencing identifier in the file's text on disk. */
  start: number;
}

/**
 * Type and cross-file facts through ts-morph. Nothing is built until a transform asks a question
 * the syntax cannot answer; then one project per kind of question serves the whole run.
 */
export interface TypeFacts {
  /** The expression at [start, end) of `file` (whose current text is `source`); undefined when unknown. */
  thenableAt(file: string, source: string, start: number, end: number): ThenableFact | undefined;
  /** Every reference to the declaration named at `offset`, across the project; undefined when unknown. */
  referencesTo(file: string, source: string, offset: number): SourceLocation[] | undefined;
  /** The module specifiers (`'./tx'` in `require('../../tx')` or `import`) in other files that load `file`. */
  importersOf(file: string, source: string): SourceLocation[] | undefined;
  /** For the report: were type facts needed, and could they be computed? */
  status(): TypeFactsStatus;
}

export type TypeFactsStatus =
  | { state: 'unused' }
  | { state: 'available'; config: string }
  | { state: 'unavailable'; reason: string };

type TsMorph = typeof import('ts-morph');

/** What the import graph tells type facts, so that ts-morph only ever sees the files it names. */
export interface CrossFileScope {
  /** Files that can call into `file` (it included) and mention `word`. */
  candidates(file: string, word: string): readonly string[];
  /** Where other files load `file`. */
  importersOf(file: string): SourceLocation[];
}

interface ProjectSetup {
  tsconfig: string | undefined;
  /** Folder whose files the project may draw on: the tsconfig's, else the package's. */
  dir: string;
}

export class LazyTypeFacts implements TypeFacts {
  private morph: TsMorph | undefined;
  private setup: ProjectSetup | undefined;
  /** Full program (imports followed, Mongoose declarations loaded) for questions about types. */
  private typeProject: Project | undefined;
  /** Only the files that can take part, imports not followed: for who-refers-to-what questions. */
  private referenceProject: Project | undefined;
  private readonly loadedFor = new Set<string>();
  /** The file the type program was last asked about. */
  private typedFile: string | undefined;
  private state: TypeFactsStatus = { state: 'unused' };

  constructor(private readonly scope: CrossFileScope) {}

  thenableAt(file: string, source: string, start: number, end: number): ThenableFact | undefined {
    const project = this.types(file);
    if (project && this.typedFile && this.typedFile !== file) {
      // One file at a time: the program stays the file, its imports and the libraries, and the
      // previous program (tens of MB) is collected before the next one is built.
      const previous = project.getSourceFile(this.typedFile);
      if (previous) project.removeSourceFile(previous);
      collectGarbage();
    }
    this.typedFile = file;
    if (!project) return undefined;
    // Wrappers made for this question are dropped at once, so they keep no old checker alive.
    let fact: ThenableFact | undefined;
    project.forgetNodesCreatedInBlock(() => {
      const node = nodeAt(sourceFileIn(project, file, source), start, end);
      if (!node) return;
      const type = node.getType();
      if (type.isAny() || type.isUnknown()) return;
      fact = { thenable: hasCallableThen(type, node), origin: this.originOfCall(project, node) };
    });
    return fact;
  }

  referencesTo(file: string, source: string, offset: number): SourceLocation[] | undefined {
    const project = this.references(file);
    if (!project) return undefined;
    const sourceFile = sourceFileIn(project, file, source);
    const identifier = sourceFile.getDescendantAtPos(offset);
    if (!identifier || identifier.getKindName() !== 'Identifier') return undefined;
    this.addCandidates(project, file, identifier.getText());
    this.addCandidates(project, file, moduleName(file));
    try {
      return (identifier as MorphNode & { findReferencesAsNodes(): MorphNode[] })
        .findReferencesAsNodes()
        .map((ref) => ({ file: path.resolve(ref.getSourceFile().getFilePath()), start: ref.getStart() }));
    } catch {
      return undefined;
    }
  }

  importersOf(file: string, _source: string): SourceLocation[] | undefined {
    return this.scope.importersOf(path.resolve(file));
  }

  status(): TypeFactsStatus {
    return this.state;
  }

  private types(file: string): Project | undefined {
    if (this.typeProject) return this.typeProject;
    const setup = this.prepare(file);
    if (!setup || !this.morph) return undefined;
    // Only what the file imports, and the ES library: every @types package and the DOM library
    // cost a lot of memory and say nothing about whether a Mongoose call returns a thenable.
    this.typeProject = this.create(setup, { types: [], lib: ['lib.es2022.d.ts'] });
    if (this.typeProject && this.state.state === 'unused') {
      const hasMongoose = findUp(setup.dir, path.join('node_modules', 'mongoose', 'package.json')) !== undefined;
      this.state = hasMongoose
        ? { state: 'available', config: setup.tsconfig ?? 'default options (allowJs)' }
        : { state: 'unavailable', reason: 'mongoose is not installed in the project, so its type declarations are missing' };
    }
    return this.typeProject;
  }

  private references(file: string): Project | undefined {
    if (this.referenceProject) return this.referenceProject;
    const setup = this.prepare(file);
    if (!setup || !this.morph) return undefined;
    // Imports between the files added still resolve; nothing else is pulled in.
    this.referenceProject = this.create(setup, { noResolve: true, noLib: true, types: [] });
    if (this.referenceProject && this.state.state === 'unused') {
      this.state = { state: 'available', config: setup.tsconfig ?? 'default options (allowJs)' };
    }
    return this.referenceProject;
  }

  private prepare(file: string): ProjectSetup | undefined {
    if (this.setup) return this.setup;
    if (this.state.state === 'unavailable') return undefined;
    try {
      this.morph = require('ts-morph') as TsMorph;
    } catch (error) {
      this.state = { state: 'unavailable', reason: `ts-morph could not be loaded: ${(error as Error).message}` };
      return undefined;
    }
    const packageJson = findUp(path.dirname(file), 'package.json');
    const tsconfig = findUp(path.dirname(file), 'tsconfig.json', packageJson ? path.dirname(packageJson) : undefined);
    this.setup = { tsconfig, dir: path.dirname(tsconfig ?? packageJson ?? file) };
    return this.setup;
  }

  private create(setup: ProjectSetup, overrides: CompilerOptions): Project | undefined {
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
      this.state = { state: 'unavailable', reason: `could not load ${setup.tsconfig}: ${(error as Error).message}` };
      return undefined;
    }
  }

  /**
   * Adds the files that can call into `file` and mention `word`: only they can refer to a
   * declaration of that name, or import a module of that name.
   */
  private addCandidates(project: Project, file: string, word: string): void {
    const key = `${file}\0${word}`;
    if (this.loadedFor.has(key)) return;
    this.loadedFor.add(key);
    for (const candidate of this.scope.candidates(file, word)) {
      if (!project.getSourceFile(candidate)) project.addSourceFileAtPathIfExists(candidate);
    }
  }

  private originOfCall(project: Project, node: MorphNode): DeclarationOrigin | undefined {
    if (!this.morph?.Node.isCallExpression(node)) return undefined;
    const declaration = project.getTypeChecker().getResolvedSignature(node)?.getDeclaration();
    return declaration ? originOf(declaration.getSourceFile().getFilePath()) : undefined;
  }
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

function hasCallableThen(type: Type, at: MorphNode): boolean {
  if (type.isUnion()) return type.getUnionTypes().some((member) => hasCallableThen(member, at));
  const then = type.getProperty('then');
  if (!then) return false;
  return then.getTypeAtLocation(at).getCallSignatures().length > 0;
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

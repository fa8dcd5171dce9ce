import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Node as MorphNode, Project, SourceFile, Type } from 'ts-morph';
import { sourceFilesUnder } from './discover';

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
 * the syntax cannot answer; then one Project serves the whole run.
 */
export interface TypeFacts {
  /** The expression at [start, end) of `file` (whose current text is `source`); undefined when unknown. */
  thenableAt(file: string, source: string, start: number, end: number): ThenableFact | undefined;
  /** Every reference to the declaration named at `offset`, across the project; undefined when unknown. */
  referencesTo(file: string, source: string, offset: number): SourceLocation[] | undefined;
  /** The module specifiers (`'./tx'` in `require('./tx')` or `import`) in other files that load `file`. */
  importersOf(file: string, source: string): SourceLocation[] | undefined;
  /** For the report: were type facts needed, and could they be computed? */
  status(): TypeFactsStatus;
}

export type TypeFactsStatus =
  | { state: 'unused' }
  | { state: 'available'; config: string }
  | { state: 'unavailable'; reason: string };

type TsMorph = typeof import('ts-morph');

export class LazyTypeFacts implements TypeFacts {
  private project: Project | undefined;
  private state: TypeFactsStatus = { state: 'unused' };
  private projectDir: string | undefined;
  private allFilesLoaded = false;

  thenableAt(file: string, source: string, start: number, end: number): ThenableFact | undefined {
    const node = this.nodeAt(file, source, start, end);
    if (!node) return undefined;
    const type = node.getType();
    if (type.isAny() || type.isUnknown()) return undefined;
    return { thenable: hasCallableThen(type, node), origin: this.originOfCall(node) };
  }

  referencesTo(file: string, source: string, offset: number): SourceLocation[] | undefined {
    const sourceFile = this.sourceFile(file, source);
    if (!sourceFile || !this.project) return undefined;
    this.loadAllFiles();
    const identifier = sourceFile.getDescendantAtPos(offset);
    if (!identifier || identifier.getKindName() !== 'Identifier') return undefined;
    try {
      return (identifier as MorphNode & { findReferencesAsNodes(): MorphNode[] })
        .findReferencesAsNodes()
        .map((ref) => ({ file: path.resolve(ref.getSourceFile().getFilePath()), start: ref.getStart() }));
    } catch {
      return undefined;
    }
  }

  importersOf(file: string, source: string): SourceLocation[] | undefined {
    const sourceFile = this.sourceFile(file, source);
    if (!sourceFile) return undefined;
    this.loadAllFiles();
    return sourceFile
      .getReferencingLiteralsInOtherSourceFiles()
      .map((literal) => ({ file: path.resolve(literal.getSourceFile().getFilePath()), start: literal.getStart() }));
  }

  status(): TypeFactsStatus {
    return this.state;
  }

  private nodeAt(file: string, source: string, start: number, end: number): MorphNode | undefined {
    const sourceFile = this.sourceFile(file, source);
    let node: MorphNode | undefined = sourceFile?.getDescendantAtPos(start);
    while (node && node.getEnd() < end) node = node.getParent();
    while (node && node.getParent()?.getStart() === start && node.getParent()?.getEnd() === end) node = node.getParent();
    return node && node.getStart() === start && node.getEnd() === end ? node : undefined;
  }

  private originOfCall(node: MorphNode): DeclarationOrigin | undefined {
    const morph = this.load();
    if (!morph || !this.project || !morph.Node.isCallExpression(node)) return undefined;
    const declaration = this.project.getTypeChecker().getResolvedSignature(node)?.getDeclaration();
    if (!declaration) return undefined;
    return originOf(declaration.getSourceFile().getFilePath());
  }

  private sourceFile(file: string, source: string): SourceFile | undefined {
    const project = this.ensureProject(file);
    if (!project) return undefined;
    const existing = project.getSourceFile(file);
    if (existing && existing.getFullText() === source) return existing;
    return project.createSourceFile(file, source, { overwrite: true });
  }

  private ensureProject(file: string): Project | undefined {
    if (this.project) return this.project;
    if (this.state.state === 'unavailable') return undefined;
    const morph = this.load();
    if (!morph) return undefined;
    const packageJson = findUp(path.dirname(file), 'package.json');
    const tsconfig = findUp(path.dirname(file), 'tsconfig.json', packageJson ? path.dirname(packageJson) : undefined);
    this.projectDir = path.dirname(tsconfig ?? packageJson ?? file);
    try {
      this.project = tsconfig
        ? new morph.Project({ tsConfigFilePath: tsconfig, skipAddingFilesFromTsConfig: true, compilerOptions: { allowJs: true } })
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
            },
          });
    } catch (error) {
      this.state = { state: 'unavailable', reason: `could not load ${tsconfig}: ${(error as Error).message}` };
      return undefined;
    }
    const hasMongooseTypes = findUp(this.projectDir, path.join('node_modules', 'mongoose', 'package.json')) !== undefined;
    this.state = hasMongooseTypes
      ? { state: 'available', config: tsconfig ?? 'default options (allowJs)' }
      : { state: 'unavailable', reason: 'mongoose is not installed in the project, so its type declarations are missing' };
    return this.project;
  }

  private loadAllFiles(): void {
    if (this.allFilesLoaded || !this.project || !this.projectDir) return;
    this.allFilesLoaded = true;
    for (const file of sourceFilesUnder(this.projectDir)) {
      if (!this.project.getSourceFile(file)) this.project.addSourceFileAtPathIfExists(file);
    }
  }

  private load(): TsMorph | undefined {
    try {
      return require('ts-morph') as TsMorph;
    } catch (error) {
      this.state = { state: 'unavailable', reason: `ts-morph could not be loaded: ${(error as Error).message}` };
      return undefined;
    }
  }
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

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ts } from 'ts-morph';

type Ts = typeof ts;

/** One file's question state: the file with the text transforms currently see, every other file as on disk. */
export interface TypedFile {
  program: ts.Program;
  checker: ts.TypeChecker;
  sourceFile: ts.SourceFile;
}

/** Compiler options a setup (a tsconfig, or a package without one) gives its files. */
export interface ProgramOptions {
  key: string;
  options: ts.CompilerOptions;
}

/** Files parsed once per run, shared by every program built over the same Mongoose declarations. */
const DECLARATION_OR_LIBRARY = /[\\/]node_modules[\\/]|\.d\.[cm]?ts$/;

/** Where the ES library's declarations appear to be: ts-morph ships them in memory, not as files. */
const LIB_FOLDER = '/__typescript_lib__';

/**
 * Programs over one Mongoose installation. A question about `file` is answered by a program whose
 * only root is `file` (with the text transforms see) and which follows its imports from disk: the
 * answer depends on that file and what it loads, never on which files asked before. Parsed files
 * are shared between these programs (Mongoose's, the driver's and the ES library's declarations are
 * parsed once per run); a program itself lives as long as its file keeps asking.
 */
export class TypePrograms {
  /** Parsed files by path and language version; project files as on disk only. */
  private readonly parsed = new Map<string, ts.SourceFile>();
  private readonly moduleCache: ts.ModuleResolutionCache;
  private current: { state: string; typed: TypedFile } | undefined;
  private previous: ts.Program | undefined;

  constructor(
    private readonly ts: Ts,
    private readonly cwd: string,
    /** The ES library's declarations by file name (lib.es2022.d.ts...). */
    private readonly libFiles: ReadonlyMap<string, string>,
  ) {
    this.moduleCache = ts.createModuleResolutionCache(cwd, (name) => name);
  }

  /** The program answering for `file` whose current text is `source`; undefined when `file` is not in it. */
  typedFile(file: string, source: string, setup: ProgramOptions): TypedFile | undefined {
    const state = `${setup.key}\0${file}\0${source}`;
    if (this.current?.state === state) return this.current.typed;
    const ts = this.ts;
    const host = this.host(file, source, setup.options);
    const program = ts.createProgram({ rootNames: [file], options: setup.options, host, oldProgram: this.previous });
    // Only the previous program is kept for reuse: older ones (and their checkers) can be collected.
    this.previous = program;
    const sourceFile = program.getSourceFile(file);
    if (!sourceFile) return undefined;
    const typed = { program, checker: program.getTypeChecker(), sourceFile };
    this.current = { state, typed };
    return typed;
  }

  private readonly mongoPackages = new Map<string, boolean>();

  /**
   * Installed packages whose declarations a program follows: Mongoose, the driver and BSON, and
   * packages built on them (@nestjs/mongoose, Typegoose, plugins). Every other package's imports
   * stay unresolved (their values are \`any\`): Twilio's or the AWS SDK's thousands of declaration
   * files say nothing about Mongoose calls, and would cost most of a program's time and memory.
   */
  private speaksMongo(folder: string): boolean {
    let known = this.mongoPackages.get(folder);
    if (known === undefined) {
      known = MONGO_PACKAGES.has(packageNameOf(folder)) || dependsOnMongo(folder);
      this.mongoPackages.set(folder, known);
    }
    return known;
  }

  /** Files the last program read from the project (not libraries): the texts its answers depended on. */
  projectFilesOf(typed: TypedFile): string[] {
    return typed.program
      .getSourceFiles()
      .map((sf) => sf.fileName)
      .filter((name) => !DECLARATION_OR_LIBRARY.test(name) && !name.startsWith(LIB_FOLDER));
  }

  /** Installed packages whose declarations the program read (their package.json folders), for cache keys. */
  librariesOf(typed: TypedFile): string[] {
    const roots = new Set<string>();
    for (const sf of typed.program.getSourceFiles()) {
      const folder = packageFolderOf(sf.fileName);
      if (folder) roots.add(folder);
    }
    return [...roots].sort();
  }

  private host(file: string, source: string, options: ts.CompilerOptions): ts.CompilerHost {
    const ts = this.ts;
    const host = ts.createCompilerHost(options, true);
    const target = options.target ?? ts.ScriptTarget.ES2022;
    const getSourceFile = host.getSourceFile.bind(host);
    const libText = (fileName: string) => (fileName.startsWith(`${LIB_FOLDER}/`) ? this.libFiles.get(fileName.slice(LIB_FOLDER.length + 1)) : undefined);
    const fileExists = host.fileExists.bind(host);
    const readFile = host.readFile.bind(host);
    host.getDefaultLibLocation = () => LIB_FOLDER;
    host.getDefaultLibFileName = (opts) => `${LIB_FOLDER}/${ts.getDefaultLibFileName(opts)}`;
    host.fileExists = (fileName) => libText(fileName) !== undefined || fileExists(fileName);
    host.readFile = (fileName) => libText(fileName) ?? readFile(fileName);
    host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
      if (fileName === file || (!fileName.startsWith(LIB_FOLDER) && path.resolve(fileName) === file)) return ts.createSourceFile(fileName, source, languageVersion, true);
      const key = `${target}\0${fileName}`;
      const known = this.parsed.get(key);
      if (known) return known;
      const lib = libText(fileName);
      const parsed = lib !== undefined ? ts.createSourceFile(fileName, lib, languageVersion, true) : getSourceFile(fileName, languageVersion, onError, shouldCreate);
      if (parsed) this.parsed.set(key, parsed);
      return parsed;
    };
    host.resolveModuleNameLiterals = (literals, containingFile, redirected, compilerOptions) =>
      literals.map((literal) => {
        const resolved = ts.resolveModuleName(literal.text, containingFile, compilerOptions, host, this.moduleCache, redirected);
        const into = resolved.resolvedModule && packageFolderOf(resolved.resolvedModule.resolvedFileName);
        return into !== undefined && !this.speaksMongo(into) ? { resolvedModule: undefined } : resolved;
      });
    host.getCurrentDirectory = () => this.cwd;
    return host;
  }
}

const MONGO_PACKAGES = new Set(['mongoose', 'mongodb', 'bson', '@types/mongoose', '@types/mongodb']);

/** The installed package folder a file belongs to (`.../node_modules/@scope/name`), undefined for project files. */
export function packageFolderOf(file: string): string | undefined {
  const match = /^(.*[\\/]node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/@][^\\/]*)[\\/]/.exec(file);
  return match?.[1];
}

function packageNameOf(folder: string): string {
  const parts = folder.split(/[\\/]/);
  const name = parts[parts.length - 1]!;
  const scope = parts[parts.length - 2]!;
  return scope.startsWith('@') ? `${scope}/${name}` : name;
}

/** The package needs Mongoose or the driver (a dependency, or a peer dependency that is not optional: TypeORM's is). */
function dependsOnMongo(folder: string): boolean {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      peerDependencies?: Record<string, string>;
      peerDependenciesMeta?: Record<string, { optional?: boolean }>;
    };
    return ['mongoose', 'mongodb'].some(
      (name) => manifest.dependencies?.[name] !== undefined || (manifest.peerDependencies?.[name] !== undefined && manifest.peerDependenciesMeta?.[name]?.optional !== true),
    );
  } catch {
    return false;
  }
}

/** Reads a tsconfig.json's compiler options (with its `extends`); undefined when it cannot be read. */
export function readCompilerOptions(ts: Ts, tsconfig: string): ts.CompilerOptions | { error: string } {
  const read = ts.readConfigFile(tsconfig, (f) => fs.readFileSync(f, 'utf8'));
  if (read.error) return { error: ts.flattenDiagnosticMessageText(read.error.messageText, '\n') };
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(tsconfig), undefined, tsconfig);
  const fatal = parsed.errors.find((e) => e.category === ts.DiagnosticCategory.Error && e.code !== 18003);
  if (fatal) return { error: ts.flattenDiagnosticMessageText(fatal.messageText, '\n') };
  return parsed.options;
}

import type { ImportLine, ImportSite } from '../../facts/import-scan';
import { isMongoPackage, ModuleResolver } from './resolve';

/** The graph as plain data, to hand to worker threads. */
export interface ImportGraphData {
  files: string[];
  /** Per file: [importer index, specifier offset] pairs. */
  importers: Array<Array<[number, number]>>;
  /** Indexes of the files that can reach Mongoose. */
  reaching: number[];
}

export interface GraphFile {
  file: string;
  imports: readonly ImportLine[];
  /** The file calls what only MongoDB sessions have (`startSession()`, `withTransaction()`). */
  callsMongo?: boolean;
}

/**
 * Who loads whom, from import and require lines, built once per run over the files it can see.
 * It answers two questions without parsing or type facts: can a file reach Mongoose at all, and
 * which files can call into it (those that load it, directly or through other modules).
 *
 * A file reaches Mongoose when it loads `mongoose`, `@nestjs/mongoose` or `mongodb`; when it loads
 * a file that does, at any depth (models, a db module); or when such a file loads it, at any depth
 * (a helper that receives a session or a model from its caller). A file that calls
 * `startSession()` or `withTransaction()` counts as loading Mongoose whatever it imports: its
 * connection can come from a caller or a dependency-injection container that loads files by name.
 * Nothing else can hold a Mongoose operation to rewrite. The files that implement Mongoose and the
 * driver are the library, not code that uses it: they never reach Mongoose, and nothing reaches
 * Mongoose through them.
 */
export class ImportGraph {
  private readonly index: Map<string, number>;
  private readonly reachingSet: Set<number>;

  private constructor(
    private readonly files: string[],
    private readonly importers: Array<Array<[number, number]>>,
    reaching: Iterable<number>,
  ) {
    this.index = new Map(files.map((f, i) => [f, i]));
    this.reachingSet = new Set(reaching);
  }

  /** `packages`: package name -> root folder; `isLibrary(file)`: the file belongs to Mongoose's or the driver's own package. */
  static build(files: readonly GraphFile[], packages: ReadonlyMap<string, string>, isLibrary: (file: string) => boolean = () => false): ImportGraph {
    const names = files.map((f) => f.file);
    const index = new Map(names.map((f, i) => [f, i]));
    const resolver = new ModuleResolver(new Set(names), packages);
    const imports: number[][] = names.map(() => []);
    const importers: Array<Array<[number, number]>> = names.map(() => []);
    const direct: number[] = [];
    const library = names.map((file) => isLibrary(file));
    files.forEach(({ file, imports: lines, callsMongo }, i) => {
      if (library[i]) return;
      if (callsMongo) direct.push(i);
      for (const line of lines) {
        if (isMongoPackage(line.specifier)) {
          direct.push(i);
          continue;
        }
        const target = resolver.resolve(file, line.specifier);
        const j = target === undefined ? undefined : index.get(target);
        if (j === undefined || j === i || library[j]) continue;
        imports[i]!.push(j);
        importers[j]!.push([i, line.start]);
      }
    });
    const loaders = importers.map((list) => list.map(([i]) => i));
    const upward = closure(direct, loaders);
    const reaching = closure(upward, imports);
    return new ImportGraph(names, importers, reaching);
  }

  static fromData(data: ImportGraphData): ImportGraph {
    return new ImportGraph(data.files, data.importers, data.reaching);
  }

  /** The part of the graph that can reach Mongoose, as plain data (the rest is never asked about). */
  toData(): ImportGraphData {
    const kept = [...this.reachingSet].sort((a, b) => a - b);
    const renumber = new Map(kept.map((old, i) => [old, i]));
    return {
      files: kept.map((i) => this.files[i]!),
      importers: kept.map((i) => this.importers[i]!.filter(([from]) => renumber.has(from)).map(([from, at]) => [renumber.get(from)!, at] as [number, number])),
      reaching: kept.map((_, i) => i),
    };
  }

  has(file: string): boolean {
    return this.index.has(file);
  }

  reachesMongoose(file: string): boolean {
    const i = this.index.get(file);
    return i !== undefined && this.reachingSet.has(i);
  }

  /** Files that can reach Mongoose, in `files` order. */
  reachingFiles(): string[] {
    return this.files.filter((_, i) => this.reachingSet.has(i));
  }

  /** The places other files load `file` directly. */
  importersOf(file: string): ImportSite[] {
    const i = this.index.get(file);
    if (i === undefined) return [];
    return this.importers[i]!.map(([from, start]) => ({ file: this.files[from]!, start }));
  }

  /**
   * `file` and every file that loads it at any depth and can reach Mongoose: the only files that
   * can call a function `file` exports with a Mongoose session or model.
   */
  callersScope(file: string): string[] {
    const i = this.index.get(file);
    if (i === undefined) return [file];
    const loaders = (j: number) => this.importers[j]!.map(([from]) => from);
    const found = closure([i], { length: this.files.length, at: loaders });
    return [...found].filter((j) => j === i || this.reachingSet.has(j)).sort((a, b) => a - b).map((j) => this.files[j]!);
  }
}

type Edges = number[][] | { length: number; at(i: number): number[] };

/** `start` and everything reachable from it along `edges`. */
function closure(start: Iterable<number>, edges: Edges): Set<number> {
  const next = Array.isArray(edges) ? (i: number) => edges[i]! : edges.at;
  const seen = new Set<number>(start);
  const queue = [...seen];
  while (queue.length > 0) {
    for (const j of next(queue.pop()!)) {
      if (seen.has(j)) continue;
      seen.add(j);
      queue.push(j);
    }
  }
  return seen;
}

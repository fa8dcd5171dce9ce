import * as path from 'node:path';
import { ALS_OPTION, findAlsSwitches, findCreatedInstances, type AlsSwitch } from '../mongoose/als-detection';
import { PackageFacts } from '../facts/project';
import type { AlsMode, ProjectView } from '../transform';
import { AnalysisCache } from '../mongoose/analysis-cache';
import type { ModuleLinks, MongooseAnalysis } from '../mongoose/analysis';
import { graphOfPackage, packageNames } from './prefilter/package-graph';
import { ModuleResolver } from './prefilter/resolve';
import { DeclaredTypeFacts } from '../facts/declared-facts';
import type { ImportGraph } from './prefilter/import-graph';
import { ProjectTextIndex, readOrUndefined } from '../facts/text-index';
import { LazyTypeFacts, TypeFactsAround, type ThenableFact, type TypeFacts } from '../facts/type-facts';
import { TimedTypeFacts, type Stopwatch } from '../facts/stopwatch';
import { FactRecorder, TextHashes, type Fact } from './cache/facts';

export interface EnvironmentOptions {
  /** --als / --no-als; undefined means detect. */
  als?: boolean;
  /** The run's import graph; without one, each package's graph is built from its files when first asked. */
  graph?: ImportGraph;
  /** Type facts to use instead of the run's own (a test's, or none). */
  types?: TypeFacts;
  /** Where the time of type facts and cross-file questions is added up (--verbose). */
  stopwatch?: Stopwatch;
}

/** Which facts transforms looked at, per package root: only those are worth a note. */
export interface ConsultedFacts {
  versions: Set<string>;
  als: Set<string>;
}

/**
 * The facts one run shares between files: package versions, ALS mode, the import graph and the
 * ts-morph project. Everything is computed on first use and lives as long as the run.
 *
 * Cross-file questions only ever see files that can reach Mongoose, and, for one file, only the
 * files that load it (directly or through other modules): the import graph names them, so library
 * code that does not use Mongoose is never read, parsed or given to ts-morph.
 */
export class RunEnvironment {
  readonly packages = new PackageFacts();
  readonly types: TypeFacts;
  readonly consulted: ConsultedFacts = { versions: new Set(), als: new Set() };
  private readonly alsByRoot = new Map<string, AlsMode>();
  private readonly alsFactsByRoot = new Map<string, AlsFacts>();
  private readonly indexes = new Map<string, ProjectTextIndex>();
  private readonly graphs = new Map<string, ImportGraph>();
  /** Texts of other files as they were when first read (the run writes nothing before every file is done). */
  private readonly texts = new Map<string, string | undefined>();
  private readonly analyses: AnalysisCache;
  /** The facts the file being processed consults, when its result is to be cached. */
  private recorder: FactRecorder | undefined;
  /** Hashes of files' texts on disk, each read once per run: cached results are checked against them. */
  readonly hashes = new TextHashes();

  constructor(private readonly options: EnvironmentOptions = {}) {
    const resolve = (from: string, specifier: string) => {
      const target = this.resolverFor(from).resolve(from, specifier);
      this.recorder?.answer('resolve', [from, specifier], target ?? null);
      return target;
    };
    const declared = new DeclaredTypeFacts(options.types ?? new LazyTypeFacts(), resolve);
    const timed = options.stopwatch ? new TimedTypeFacts(declared, options.stopwatch) : declared;
    this.types = new NotedTypeFacts(timed, (file) => this.noteTypeInputs(file));
    this.analyses = new AnalysisCache(this.types, (file) => this.linksOf(file));
  }

  projectView(file: string): ProjectView {
    const root = this.packageRootOf(file);
    const noted = <T>(ask: string, args: unknown[], value: T): T => {
      this.recorder?.answer(ask, [file, ...args], value);
      return value;
    };
    return {
      mongoose: () => {
        this.consulted.versions.add(root);
        return noted('mongoose', [], this.packages.mongooseVersion(file));
      },
      als: () => {
        this.consulted.als.add(root);
        this.consulted.versions.add(root);
        return noted('als', [], this.alsMode(file));
      },
      filesMentioning: (word) => noted('filesMentioning', [word], this.scopedIndex(file).filesMentioning(word)),
      filesContainingAny: (texts) => noted('filesContainingAny', [texts], this.scopedIndex(file).filesContainingAny(texts)),
      fileMentions: (other, word) => noted('fileMentions', [other, word], this.scopedIndex(file).mentions(other, word)),
      analysisOf: (other) => this.analysisOf(other),
      importersOf: (other) => noted('importersOf', [other], this.graphFor(other).importersOf(other)),
      moduleFile: (specifier) => this.moduleFile(file, specifier),
      isPublicEntry: (other) => noted('isPublicEntry', [other], this.packages.isPublicEntry(other)),
    };
  }

  /** The file of `file`'s import graph that `specifier`, as `file` writes it, loads (recorded for the result cache). */
  private moduleFile(file: string, specifier: string): string | undefined {
    const target = this.resolverFor(file).resolve(file, specifier);
    this.recorder?.answer('resolve', [file, specifier], target ?? null);
    return target;
  }

  /** Another file of the run, analysed as it is on disk (its text and type inputs recorded for the result cache). */
  private analysisOf(file: string): MongooseAnalysis | undefined {
    const analysis = this.timed('caller search', () => this.analyses.get(file));
    this.recorder?.text(file);
    this.noteTypeInputs(file);
    return analysis;
  }

  /** What the analysis of `file` may ask about the files it loads: their analyses, as on disk. */
  private linksOf(file: string): ModuleLinks {
    return {
      moduleAt: (specifier) => {
        const target = this.moduleFile(file, specifier);
        if (target === undefined) return undefined;
        this.recorder?.text(target);
        this.noteTypeInputs(target);
        return this.timed('caller search', () => this.analyses.get(target));
      },
      analysisOf: (other) => this.analysisOf(other),
    };
  }

  /** Records, while `recorder` is set, every fact `fn` consults outside the file's own text. */
  recording<T>(recorder: FactRecorder, fn: () => T): T {
    this.recorder = recorder;
    try {
      return fn();
    } finally {
      this.recorder = undefined;
    }
  }

  /** True when every fact still has the value it had: a cached result built on them still holds. */
  holds(facts: readonly Fact[]): boolean {
    return facts.every((fact) => ('text' in fact ? this.hashes.of(fact.text) === fact.hash : JSON.stringify(this.evaluate(fact.ask, fact.args)) === fact.value));
  }

  private evaluate(ask: string, args: unknown[]): unknown {
    const [file, ...rest] = args as [string, ...unknown[]];
    const view = this.projectView(file);
    switch (ask) {
      case 'mongoose':
        return view.mongoose();
      case 'als':
        return view.als();
      case 'filesMentioning':
        return view.filesMentioning(rest[0] as string);
      case 'filesContainingAny':
        return view.filesContainingAny(rest[0] as string[]);
      case 'fileMentions':
        return view.fileMentions(rest[0] as string, rest[1] as string);
      case 'importersOf':
        return view.importersOf(rest[0] as string);
      case 'isPublicEntry':
        return view.isPublicEntry(rest[0] as string);
      case 'resolve':
        return this.resolverFor(file).resolve(file, rest[0] as string) ?? null;
      case 'typeSetup':
        return this.types.setupOf?.(file) ?? null;
      default:
        return Symbol('unknown fact');
    }
  }

  /** What type facts about `file` rest on: its setup, and the files and installed packages its programs read. */
  private noteTypeInputs(file: string): void {
    const recorder = this.recorder;
    if (!recorder) return;
    recorder.answer('typeSetup', [file], this.types.setupOf?.(file) ?? null);
    const inputs = this.types.dependenciesOf?.(file);
    for (const other of inputs?.files ?? []) recorder.text(other);
    for (const folder of inputs?.packages ?? []) recorder.text(path.join(folder, 'package.json'));
  }

  private readonly resolvers = new Map<ImportGraph, ModuleResolver>();

  /** Resolves module specifiers among the files of `file`'s import graph that can reach Mongoose. */
  private resolverFor(file: string): ModuleResolver {
    const graph = this.graphFor(file);
    let resolver = this.resolvers.get(graph);
    if (!resolver) {
      const files = graph.reachingFiles();
      resolver = new ModuleResolver(new Set(files), packageNames(files, this.packages));
      this.resolvers.set(graph, resolver);
    }
    return resolver;
  }

  /** The import graph `file` belongs to: the run's, or its package's. */
  graphFor(file: string): ImportGraph {
    if (this.options.graph) return this.options.graph;
    const root = this.packageRootOf(file);
    const known = this.graphs.get(root);
    if (known) return known;
    const graph = graphOfPackage(root, this.packages);
    this.graphs.set(root, graph);
    return graph;
  }

  private packageRootOf(file: string): string {
    return this.packages.packageRoot(file) ?? path.dirname(path.resolve(file));
  }

  /** The files that can call into `file` (it and the files that load it and reach Mongoose). */
  private scopedIndex(file: string): ProjectTextIndex {
    const absolute = path.resolve(file);
    const key = `\0${absolute}`;
    let index = this.indexes.get(key);
    if (!index) {
      index = new ProjectTextIndex(() => this.graphFor(absolute).callersScope(absolute), this.read);
      this.indexes.set(key, index);
    }
    return index;
  }

  /** Every file of the package at `root` that can reach Mongoose. */
  private textIndex(root: string): ProjectTextIndex {
    let index = this.indexes.get(root);
    if (!index) {
      const inside = root + path.sep;
      index = new ProjectTextIndex(() => this.graphFor(path.join(root, 'package.json')).reachingFiles().filter((f) => f.startsWith(inside)), this.read);
      this.indexes.set(root, index);
    }
    return index;
  }

  private readonly read = (file: string): string | undefined => {
    if (!this.texts.has(file)) this.texts.set(file, readOrUndefined(file));
    return this.texts.get(file);
  };

  private timed<T>(phase: 'caller search', fn: () => T): T {
    return this.options.stopwatch ? this.options.stopwatch.time(phase, fn) : fn();
  }

  /** ALS modes computed so far, keyed by package root, for the report. */
  alsModes(): ReadonlyMap<string, AlsMode> {
    return this.alsByRoot;
  }

  private alsMode(file: string): AlsMode {
    const root = this.packages.packageRoot(file) ?? path.dirname(file);
    if (this.options.als !== undefined) {
      const forced: AlsMode = { enabled: this.options.als, origin: 'forced', where: [], notCounted: [], instancesOn: [], createdInstances: [] };
      this.alsByRoot.set(root, forced);
      return forced;
    }
    let facts = this.alsFactsByRoot.get(root);
    if (!facts) {
      const index = this.textIndex(root);
      const textOf = (file: string) => index.textOf(file);
      facts = { switches: findAlsSwitches(root, index.filesMentioning(ALS_OPTION), textOf), createdInstances: findCreatedInstances(root, index.filesMentioning('Mongoose'), textOf) };
      this.alsFactsByRoot.set(root, facts);
      this.alsByRoot.set(root, alsModeFor(facts, undefined));
    }
    return alsModeFor(facts, path.relative(root, file).split(path.sep).join('/'));
  }
}

interface AlsFacts {
  switches: AlsSwitch[];
  createdInstances: string[];
}

/**
 * The mode a file sees (`file` relative to the package root; undefined: application code in
 * general). The default instance is on when some switch that counts turns it on and none turns
 * it off (a mixed project is not trusted).
 */
function alsModeFor(facts: AlsFacts, file: string | undefined): AlsMode {
  const counts = (s: AlsSwitch) => !s.inTest || s.file === file;
  const defaults = facts.switches.filter((s) => counts(s) && s.instance.kind === 'default');
  const at = (s: AlsSwitch) => `${s.file}:${s.line}${s.enabled ? '' : ' (switched off)'}`;
  return {
    enabled: defaults.some((s) => s.enabled) && !defaults.some((s) => !s.enabled),
    origin: 'detected',
    where: defaults.map(at),
    notCounted: facts.switches.filter((s) => !defaults.includes(s)).map((s) => `${at(s)} (${whyNotCounted(s, counts(s))})`),
    instancesOn: facts.switches.filter((s) => s.file === file && s.enabled && s.instance.kind === 'created').map((s) => (s.instance as { name: string }).name),
    createdInstances: facts.createdInstances,
  };
}

function whyNotCounted(s: AlsSwitch, counts: boolean): string {
  if (s.instance.kind === 'created') return `the Mongoose instance \`${s.instance.name}\` only, not the default one`;
  if (!counts) return 'a test file: it never switches it on for application code';
  return 'on an object that could not be traced to a Mongoose instance';
}

/** Type facts that note, after each question, what its answer rested on. */
class NotedTypeFacts extends TypeFactsAround {
  constructor(
    inner: TypeFacts,
    private readonly note: (file: string) => void,
  ) {
    super(inner);
  }

  thenableAt(file: string, source: string, start: number, end: number): ThenableFact | undefined {
    const fact = this.inner.thenableAt(file, source, start, end);
    this.note(file);
    return fact;
  }
}

import * as path from 'node:path';
import { ALS_OPTION, findAlsSwitches, findCreatedInstances, type AlsSwitch } from './mongoose/als-detection';
import { PackageFacts } from './project';
import type { AlsMode, ProjectView } from './transform';
import { AnalysisCache } from './mongoose/analysis-cache';
import { ProjectTextIndex } from './text-index';
import { LazyTypeFacts, type TypeFacts } from './type-facts';

export interface EnvironmentOptions {
  /** --als / --no-als; undefined means detect. */
  als?: boolean;
}

/**
 * The facts one run shares between files: package versions, ALS mode and the ts-morph project.
 * Everything is computed on first use and lives as long as the run.
 */
export class RunEnvironment {
  readonly packages = new PackageFacts();
  readonly types: TypeFacts = new LazyTypeFacts((dir) => this.textIndex(dir));
  private readonly alsByRoot = new Map<string, AlsMode>();
  private readonly alsFactsByRoot = new Map<string, AlsFacts>();
  private readonly indexes = new Map<string, ProjectTextIndex>();
  private readonly analyses = new AnalysisCache(this.types);

  constructor(private readonly options: EnvironmentOptions = {}) {}

  projectView(file: string): ProjectView {
    return {
      mongoose: () => this.packages.mongooseVersion(file),
      als: () => this.alsMode(file),
      filesMentioning: (word) => this.textIndex(this.packages.packageRoot(file) ?? path.dirname(file)).filesMentioning(word),
      filesContainingAny: (texts) => this.textIndex(this.packages.packageRoot(file) ?? path.dirname(file)).filesContainingAny(texts),
      fileMentions: (other, word) => this.textIndex(this.packages.packageRoot(file) ?? path.dirname(file)).mentions(other, word),
      analysisOf: (other) => this.analyses.get(other),
    };
  }

  /** Lets the package's text index reuse a text the runner has already read. */
  remember(file: string, text: string): void {
    this.textIndex(this.packages.packageRoot(file) ?? path.dirname(file)).remember(file, text);
  }

  private textIndex(dir: string): ProjectTextIndex {
    let index = this.indexes.get(dir);
    if (!index) {
      index = new ProjectTextIndex(dir);
      this.indexes.set(dir, index);
    }
    return index;
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
      facts = { switches: findAlsSwitches(root, index.filesMentioning(ALS_OPTION)), createdInstances: findCreatedInstances(root, index.filesMentioning('Mongoose')) };
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

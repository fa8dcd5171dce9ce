import * as path from 'node:path';
import { ALS_OPTION, findAlsSwitches } from '../../mongoose/als-detection';
import { PackageFacts } from './project';
import type { AlsMode, ProjectView } from '../../transform';
import { AnalysisCache } from '../../mongoose/analysis-cache';
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
    let mode = this.alsByRoot.get(root);
    if (!mode) {
      mode =
        this.options.als !== undefined
          ? { enabled: this.options.als, origin: 'forced', where: [] }
          : detectAls(root, this.textIndex(root).filesMentioning(ALS_OPTION));
      this.alsByRoot.set(root, mode);
    }
    return mode;
  }
}

/** On when some file switches it on and none switches it off (a mixed project is not trusted). */
function detectAls(root: string, candidates: string[]): AlsMode {
  const switches = findAlsSwitches(root, candidates);
  const on = switches.filter((s) => s.enabled);
  const off = switches.filter((s) => !s.enabled);
  return {
    enabled: on.length > 0 && off.length === 0,
    origin: 'detected',
    where: switches.map((s) => `${s.file}:${s.line}${s.enabled ? '' : ' (switched off)'}`),
  };
}

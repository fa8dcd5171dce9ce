import * as path from 'node:path';
import { findAlsSwitches } from './mongoose/als-detection';
import { PackageFacts } from './project';
import type { AlsMode, ProjectView } from './transform';
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
  readonly types: TypeFacts = new LazyTypeFacts();
  private readonly alsByRoot = new Map<string, AlsMode>();

  constructor(private readonly options: EnvironmentOptions = {}) {}

  projectView(file: string): ProjectView {
    return {
      mongoose: () => this.packages.mongooseVersion(file),
      als: () => this.alsMode(file),
    };
  }

  /** ALS modes computed so far, keyed by package root, for the report. */
  alsModes(): ReadonlyMap<string, AlsMode> {
    return this.alsByRoot;
  }

  private alsMode(file: string): AlsMode {
    const root = this.packages.packageRoot(file) ?? path.dirname(file);
    let mode = this.alsByRoot.get(root);
    if (!mode) {
      mode = this.options.als !== undefined ? { enabled: this.options.als, origin: 'forced', where: [] } : detectAls(root);
      this.alsByRoot.set(root, mode);
    }
    return mode;
  }
}

/** On when some file switches it on and none switches it off (a mixed project is not trusted). */
function detectAls(root: string): AlsMode {
  const switches = findAlsSwitches(root);
  const on = switches.filter((s) => s.enabled);
  const off = switches.filter((s) => !s.enabled);
  return {
    enabled: on.length > 0 && off.length === 0,
    origin: 'detected',
    where: switches.map((s) => `${s.file}:${s.line}${s.enabled ? '' : ' (switched off)'}`),
  };
}

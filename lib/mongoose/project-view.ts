import type { MongooseAnalysis } from './analysis';
import type { MongooseVersion } from '../facts/project';
import type { ImportSite } from '../facts/import-scan';

/**
 * Whether AsyncLocalStorage mode is on, and why we think so. It belongs to a Mongoose instance:
 * `enabled` is for the default one (`mongoose.set(...)`, `connection.base.set(...)`), as the file
 * asking sees it (a switch in a test file counts only for that file).
 */
export interface AlsMode {
  enabled: boolean;
  /** `forced` by --als/--no-als (then for every instance), else `detected` from the project's code. */
  origin: 'forced' | 'detected';
  /** Where the default instance's `transactionAsyncLocalStorage` is switched (file:line), when detected. */
  where: string[];
  /** Switches that do not configure the default instance for this file (`file:line` and why), for the report. */
  notCounted: string[];
  /** Instances this file creates (`const m = new Mongoose()`) and switches on, by variable name. */
  instancesOn: string[];
  /** `new Mongoose()` in the package's application code (file:line): models from other files may belong to one. */
  createdInstances: string[];
}

/** Facts about the project a file belongs to, computed lazily and once per run. */
export interface ProjectView {
  mongoose(): MongooseVersion;
  als(): AlsMode;
  /**
   * Files that can call into this file (it, and the files that load it at any depth and can reach
   * Mongoose, as the import graph says) whose text contains `word` as a whole word (no parsing).
   */
  filesMentioning(word: string): string[];
  /** Of those same files, the ones containing any of `texts` anywhere. */
  filesContainingAny(texts: string[]): string[];
  /** True when `file`, one of those same files, holds `word` as a whole word. */
  fileMentions(file: string, word: string): boolean;
  /** Another file of the run, parsed and analysed as it is on disk (shared by the run, bounded). */
  analysisOf(file: string): MongooseAnalysis | undefined;
  /** Where other files that can reach Mongoose load `file` (absolute): each module specifier's file and offset, from the import graph. */
  importersOf(file: string): ImportSite[];
  /** True when `file` (absolute) is an entry of its package that other packages load: package.json's `main`, `module`, `exports` or `types` of a package that is not private. */
  isPublicEntry(file: string): boolean;
  /** The file of the project that `specifier`, as this file writes it in an import or require, loads (from the import graph); undefined for packages and files outside the graph. */
  moduleFile(specifier: string): string | undefined;
}

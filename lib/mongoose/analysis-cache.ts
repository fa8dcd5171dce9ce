import { FileCache } from '../facts/file-cache';
import { parseFile } from '../facts/parse';
import type { TypeFacts } from '../facts/type-facts';
import { callDeclarationsFrom, MongooseAnalysis, type ModuleLinks } from './analysis';

/** Files looked at from other files (callers of a helper) are parsed once per run, up to this many at a time. */
const CAPACITY = 64;

/**
 * Analyses of files as they are on disk, shared by a run. Least recently used ones are dropped,
 * and an entry whose file changed on disk (the run rewrote it) is rebuilt.
 */
export class AnalysisCache {
  private readonly files: FileCache<MongooseAnalysis | undefined>;

  constructor(
    private readonly types: TypeFacts,
    private readonly linksOf: (file: string) => ModuleLinks | undefined = () => undefined,
  ) {
    this.files = new FileCache(CAPACITY, (file, text) => this.analyse(file, text));
  }

  get(file: string): MongooseAnalysis | undefined {
    return this.files.get(file);
  }

  private analyse(file: string, text: string): MongooseAnalysis | undefined {
    try {
      const parsed = parseFile(file, text);
      return new MongooseAnalysis(parsed.j, parsed.root, text, callDeclarationsFrom(this.types, file, text), this.linksOf(file), file);
    } catch {
      return undefined;
    }
  }
}

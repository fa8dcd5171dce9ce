import * as fs from 'node:fs';
import { parseFile } from '../facts/parse';
import type { TypeFacts } from '../facts/type-facts';
import { callOriginsFrom, MongooseAnalysis, type ModuleLinks } from './analysis';

/** Files looked at from other files (callers of a helper) are parsed once per run, up to this many at a time. */
const CAPACITY = 64;

/**
 * Analyses of files as they are on disk, shared by a run. Least recently used ones are dropped,
 * and an entry whose file changed on disk (the run rewrote it) is rebuilt.
 */
export class AnalysisCache {
  private readonly entries = new Map<string, { text: string; analysis: MongooseAnalysis | undefined }>();

  constructor(
    private readonly types: TypeFacts,
    private readonly linksOf: (file: string) => ModuleLinks | undefined = () => undefined,
  ) {}

  get(file: string): MongooseAnalysis | undefined {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
    const cached = this.entries.get(file);
    if (cached && cached.text === text) {
      this.entries.delete(file);
      this.entries.set(file, cached);
      return cached.analysis;
    }
    const analysis = this.analyse(file, text);
    this.entries.delete(file);
    this.entries.set(file, { text, analysis });
    if (this.entries.size > CAPACITY) this.entries.delete(this.entries.keys().next().value!);
    return analysis;
  }

  private analyse(file: string, text: string): MongooseAnalysis | undefined {
    try {
      const parsed = parseFile(file, text);
      return new MongooseAnalysis(parsed.j, parsed.root, text, callOriginsFrom(this.types, file, text), this.linksOf(file));
    } catch {
      return undefined;
    }
  }
}

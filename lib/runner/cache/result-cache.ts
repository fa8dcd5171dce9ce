import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Change, Finding } from '../../types';
import type { FormatOutcome, FormatStore } from '../output/format';
import { hashText, type Fact } from './facts';

/** What the pipeline gave for one file's text, before formatting (which is redone every time). */
export type CachedResult =
  | { kind: 'pipeline'; output: string | undefined; changes: Change[]; findings: Finding[] }
  | { kind: 'skipped' | 'failed'; reason: string; note?: string };

interface Entry {
  /** The key the result was stored under: any difference is a miss. */
  key: string;
  /** Facts outside the file's own text that the result depended on, with the values they had. */
  facts: Fact[];
  result: CachedResult;
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}


/**
 * Results on disk, one file per source file, keyed by everything a result is a function of: the
 * tool's own code, the options that change output, the file's path and text. An entry also lists
 * the facts outside the file it depended on (other files' texts, the import graph's answers, the
 * Mongoose version and ALS mode, type facts' inputs), and is used only while each still holds.
 */
export class ResultCache {
  constructor(
    private readonly dir: string,
    /** The tool's code and the run's options, hashed. */
    private readonly runKey: string,
  ) {}

  keyOf(file: string, displayPath: string, text: string): string {
    return hashText(`${this.runKey}\0${file}\0${displayPath}\0${hashText(text)}`);
  }

  /** The stored result for `key`, if its facts all still hold. */
  lookup(file: string, key: string, holds: (facts: Fact[]) => boolean): CachedResult | undefined {
    const entry = readJson<Entry>(this.entryFile(file));
    if (!entry || entry.key !== key || !holds(entry.facts)) return undefined;
    return entry.result;
  }

  /** Stores a result; a cache that cannot be written is no reason to fail the run. */
  store(file: string, key: string, facts: Fact[], result: CachedResult): void {
    this.write(this.entryFile(file), JSON.stringify({ key, facts, result } satisfies Entry));
  }

  private write(target: string, text: string): void {
    const temporary = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      fs.writeFileSync(temporary, text);
      fs.renameSync(temporary, target);
    } catch {
      fs.rmSync(temporary, { force: true });
    }
  }

  /** Formatted texts, by a key naming Prettier's version, its options and both texts. */
  readonly formatted: FormatStore = {
    get: (key) => readJson<FormatOutcome>(this.formatFile(key)),
    set: (key, outcome) => this.write(this.formatFile(key), JSON.stringify(outcome)),
  };

  private formatFile(key: string): string {
    return path.join(this.dir, `format-${hashText(key)}.json`);
  }

  private entryFile(file: string): string {
    return path.join(this.dir, `${hashText(file)}.json`);
  }
}

import { createHash } from 'node:crypto';
import * as fs from 'node:fs';

/**
 * One thing a file's result depended on besides its own text, with the value it had: the text of
 * another file (its hash; `null` when it could not be read), or the answer of one of the project
 * view's questions (as JSON).
 */
export type Fact = { text: string; hash: string | null } | { ask: string; args: unknown[]; value: string };

/** Collects the facts one file's processing consulted, once each. */
export class FactRecorder {
  private readonly texts = new Map<string, string | null>();
  private readonly asked = new Map<string, Fact>();

  constructor(private readonly hashes: TextHashes) {}

  /** `file`'s text as it is on disk now was read. */
  text(file: string): void {
    if (!this.texts.has(file)) this.texts.set(file, this.hashes.of(file));
  }

  answer(ask: string, args: unknown[], value: unknown): void {
    const key = JSON.stringify([ask, args]);
    if (!this.asked.has(key)) this.asked.set(key, { ask, args, value: JSON.stringify(value) ?? 'undefined' });
  }

  facts(): Fact[] {
    const texts = [...this.texts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([text, hash]) => ({ text, hash }));
    return [...texts, ...this.asked.values()];
  }
}

export function hashText(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** Hashes of files' texts on disk, each read once per run (the run writes nothing before every file is done). */
export class TextHashes {
  private readonly known = new Map<string, string | null>();

  of(file: string): string | null {
    let hash = this.known.get(file);
    if (hash === undefined) {
      try {
        hash = hashText(fs.readFileSync(file, 'utf8'));
      } catch {
        hash = null;
      }
      this.known.set(file, hash);
    }
    return hash;
  }
}

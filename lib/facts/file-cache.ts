import * as fs from 'node:fs';

/**
 * Values computed from files' texts as they are on disk (a parse, an analysis), the most recently
 * used `capacity` of them; an entry whose file changed on disk is computed again.
 */
export class FileCache<T> {
  private readonly entries = new Map<string, { text: string; value: T }>();

  constructor(
    private readonly capacity: number,
    private readonly compute: (file: string, text: string) => T,
  ) {}

  /** The value for `file` as it is now; undefined when it cannot be read. */
  get(file: string): T | undefined {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
    const cached = this.entries.get(file);
    this.entries.delete(file);
    const entry = cached && cached.text === text ? cached : { text, value: this.compute(file, text) };
    this.entries.set(file, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return entry.value;
  }
}

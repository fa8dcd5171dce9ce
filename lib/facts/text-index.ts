import * as fs from 'node:fs';
import * as path from 'node:path';
import { wholeWord } from '../edit/text';

/** The name other files import a module by: its base name, or its folder's for an index file. */
export function moduleName(file: string): string {
  const base = path.basename(file).replace(/\.[cm]?[jt]sx?$/, '');
  return base === 'index' ? path.basename(path.dirname(file)) : base;
}

/**
 * The texts of a set of files, read once when first asked, for questions a text search answers
 * without parsing: which files mention a name at all. The set is given by the import graph.
 */
export class ProjectTextIndex {
  private texts: Map<string, string> | undefined;
  private readonly answers = new Map<string, string[]>();

  /** `files` lists the files (called once, when first needed); `read` gives a file's text (shared between indexes). */
  constructor(
    private readonly files: () => readonly string[],
    private readonly read: (file: string) => string | undefined = readOrUndefined,
  ) {}

  /** Files whose text holds `word` as a whole word: the only files that can refer to a declaration named so. */
  filesMentioning(word: string): string[] {
    let answer = this.answers.get(word);
    if (!answer) {
      const whole = wholeWord(word);
      answer = [];
      for (const [file, text] of this.all()) if (text.includes(word) && whole.test(text)) answer.push(file);
      this.answers.set(word, answer);
    }
    return answer;
  }

  /** Files whose text contains any of `texts` anywhere (remembered per list). */
  filesContainingAny(texts: string[]): string[] {
    const key = `\0${texts.join('\0')}`;
    let answer = this.answers.get(key);
    if (!answer) {
      answer = [];
      for (const [file, text] of this.all()) if (texts.some((t) => text.includes(t))) answer.push(file);
      this.answers.set(key, answer);
    }
    return answer;
  }

  /** The text of one of the index's files. */
  textOf(file: string): string | undefined {
    return this.all().get(file);
  }

  /** True when `file`'s text holds `word` as a whole word. */
  mentions(file: string, word: string): boolean {
    const text = this.textOf(file);
    return text !== undefined && text.includes(word) && wholeWord(word).test(text);
  }

  private all(): Map<string, string> {
    if (this.texts) return this.texts;
    this.texts = new Map();
    for (const file of this.files()) {
      const text = this.read(file);
      if (text !== undefined) this.texts.set(file, text);
    }
    return this.texts;
  }
}

/** A file's text; undefined for a file that vanished since discovery (it cannot refer to anything). */
export function readOrUndefined(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

import * as fs from 'node:fs';
import * as path from 'node:path';
import { sourceFilesUnder } from '../discover/discover';

function wholeWord(word: string): RegExp {
  return new RegExp(`(?<![\\w$])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w$])`);
}

/** The name other files import a module by: its base name, or its folder's for an index file. */
export function moduleName(file: string): string {
  const base = path.basename(file).replace(/\.[cm]?[jt]sx?$/, '');
  return base === 'index' ? path.basename(path.dirname(file)) : base;
}

/**
 * The text of every source file of a package, read once per run, for questions a text search
 * answers without parsing: which files mention a name at all.
 */
export class ProjectTextIndex {
  private texts: Map<string, string> | undefined;
  /** Texts the runner has already read: never read twice. */
  private readonly known = new Map<string, string>();
  private readonly answers = new Map<string, string[]>();

  constructor(private readonly root: string) {}

  remember(file: string, text: string): void {
    if (this.texts) return;
    this.known.set(file, text);
  }

  /** Files whose text holds `word` as a whole word: the only files that can refer to a declaration named so. */
  filesMentioning(word: string): string[] {
    let answer = this.answers.get(word);
    if (!answer) {
      this.texts ??= this.readAll();
      const whole = wholeWord(word);
      answer = [];
      for (const [file, text] of this.texts) if (text.includes(word) && whole.test(text)) answer.push(file);
      this.answers.set(word, answer);
    }
    return answer;
  }

  /** Files whose text contains any of `texts` anywhere (remembered per list). */
  filesContainingAny(texts: string[]): string[] {
    const key = `\0${texts.join('\0')}`;
    let answer = this.answers.get(key);
    if (!answer) {
      this.texts ??= this.readAll();
      answer = [];
      for (const [file, text] of this.texts) if (texts.some((t) => text.includes(t))) answer.push(file);
      this.answers.set(key, answer);
    }
    return answer;
  }

  /** True when `file`'s text holds `word` as a whole word. */
  mentions(file: string, word: string): boolean {
    this.texts ??= this.readAll();
    const text = this.texts.get(file);
    return text !== undefined && text.includes(word) && wholeWord(word).test(text);
  }

  /** The files mentioning `word`, with their text. */
  textsMentioning(word: string): Array<[string, string]> {
    return this.filesMentioning(word).map((file) => [file, this.texts!.get(file)!]);
  }

  private readAll(): Map<string, string> {
    const texts = new Map<string, string>();
    for (const file of sourceFilesUnder(this.root)) {
      const known = this.known.get(file);
      if (known !== undefined) {
        texts.set(file, known);
        continue;
      }
      try {
        texts.set(file, fs.readFileSync(file, 'utf8'));
      } catch {
        // A file that vanished since discovery cannot refer to anything.
      }
    }
    return texts;
  }
}

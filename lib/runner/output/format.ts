import * as fs from 'node:fs';
import * as path from 'node:path';

type Prettier = typeof import('prettier');

/** Files Prettier 3 reads its configuration from (package.json counts only with a "prettier" key). */
const CONFIG_FILES = [
  '.prettierrc',
  '.prettierrc.json',
  '.prettierrc.yaml',
  '.prettierrc.yml',
  '.prettierrc.json5',
  '.prettierrc.js',
  '.prettierrc.mjs',
  '.prettierrc.cjs',
  '.prettierrc.ts',
  '.prettierrc.mts',
  '.prettierrc.cts',
  '.prettierrc.toml',
  'prettier.config.js',
  'prettier.config.mjs',
  'prettier.config.cjs',
  'prettier.config.ts',
  'prettier.config.mts',
  'prettier.config.cts',
];

/** Formatted texts kept between runs, by everything the formatting depended on. */
export interface FormatStore {
  get(key: string): FormatOutcome | undefined;
  set(key: string, outcome: FormatOutcome): void;
}

export interface FormatOutcome {
  text: string;
  /** Why the text was not formatted, when that is worth telling the user. */
  note?: string;
}

/**
 * Formats changed files with the project's own Prettier configuration. Without a configuration
 * nothing is formatted unless `force` is set; a file that was not Prettier-clean before is left
 * as our edits made it, so that formatting never adds churn the migration did not cause.
 */
export class Formatter {
  private prettier: Prettier | undefined;
  private readonly configByDir = new Map<string, boolean>();

  /** `store`: where formatted texts are kept between runs (undefined: nowhere). */
  constructor(
    private readonly force: boolean,
    private readonly store?: FormatStore,
  ) {}

  async format(file: string, original: string, output: string): Promise<FormatOutcome> {
    // Loading Prettier costs more than most runs spend on a file: look for a config first.
    if (!this.force && !this.hasConfigAbove(path.dirname(path.resolve(file)))) return { text: output };
    try {
      const prettier = await this.load();
      const configFile = await prettier.resolveConfigFile(file);
      if (!configFile && !this.force) return { text: output };
      const ignorePath = configFile ? path.join(path.dirname(configFile), '.prettierignore') : undefined;
      const info = await prettier.getFileInfo(file, { ignorePath, resolveConfig: false });
      if (info.ignored || !info.inferredParser) return { text: output };
      const config = (await prettier.resolveConfig(file, { editorconfig: true })) ?? {};
      // Text arrives with LF line breaks; the writer restores the file's own line endings.
      const options = { ...config, filepath: file, endOfLine: 'lf' as const };
      // Plugins have versions of their own: only Prettier's own formatting is kept between runs.
      const key = this.store && !config.plugins ? JSON.stringify([prettier.version, options, this.force, original, output]) : undefined;
      const kept = key === undefined ? undefined : this.store!.get(key);
      if (kept) return kept;
      const outcome: FormatOutcome =
        !this.force && !(await prettier.check(original, options))
          ? { text: output, note: 'not formatted: the file was not Prettier-formatted before the change' }
          : { text: await prettier.format(output, options) };
      if (key !== undefined) this.store!.set(key, outcome);
      return outcome;
    } catch (error) {
      return { text: output, note: `not formatted: Prettier failed (${firstLine(error)})` };
    }
  }

  private hasConfigAbove(dir: string): boolean {
    const known = this.configByDir.get(dir);
    if (known !== undefined) return known;
    const parent = path.dirname(dir);
    const found = CONFIG_FILES.some((name) => fs.existsSync(path.join(dir, name))) || packageJsonHasPrettier(dir) || (parent !== dir && this.hasConfigAbove(parent));
    this.configByDir.set(dir, found);
    return found;
  }

  private async load(): Promise<Prettier> {
    this.prettier ??= await import('prettier');
    return this.prettier;
  }
}

function packageJsonHasPrettier(dir: string): boolean {
  try {
    return 'prettier' in (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as object);
  } catch {
    return false;
  }
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0]!;
}

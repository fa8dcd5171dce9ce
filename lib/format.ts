import * as path from 'node:path';

type Prettier = typeof import('prettier');

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

  constructor(private readonly force: boolean) {}

  async format(file: string, original: string, output: string): Promise<FormatOutcome> {
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
      if (!this.force && !(await prettier.check(original, options))) {
        return { text: output, note: 'not formatted: the file was not Prettier-formatted before the change' };
      }
      return { text: await prettier.format(output, options) };
    } catch (error) {
      return { text: output, note: `not formatted: Prettier failed (${firstLine(error)})` };
    }
  }

  private async load(): Promise<Prettier> {
    this.prettier ??= await import('prettier');
    return this.prettier;
  }
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0]!;
}

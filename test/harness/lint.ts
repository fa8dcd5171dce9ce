import { ESLint, type Linter } from 'eslint';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import tseslint from 'typescript-eslint';
import txCodemod from '../../lib/eslint';
import { RULE_NAMES } from '../../lib/rules';

export const REPO_ROOT = path.join(__dirname, '..', '..');

/** Every tx-codemod rule as an error, so a test sees every report whatever its rule's level. */
export const ALL_RULES: Linter.RulesRecord = Object.fromEntries(RULE_NAMES.map((name) => [`tx-codemod/${name}`, 'error']));

/**
 * JS and TS through typescript-eslint's parser, with type information from `root`'s tsconfig.json
 * for every file under it (one program: each program loads Mongoose's declarations anew).
 */
export function typedLanguage(root: string): Linter.Config {
  return {
    files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'],
    languageOptions: { parser: tseslint.parser, parserOptions: { project: path.join(root, 'tsconfig.json'), tsconfigRootDir: root } },
  };
}

/** A temporary folder that resolves packages (mongoose's types) from this repository's node_modules. */
export function tempRoot(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
}

export function copyTree(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true });
}

/** An ESLint instance over `cwd` with the plugin and the given configuration. */
export function eslintWith(cwd: string, config: Linter.Config[]): ESLint {
  return new ESLint({ cwd, overrideConfigFile: true, overrideConfig: [{ plugins: { 'tx-codemod': txCodemod } }, ...config] });
}

/**
 * Applies every fix and every first suggestion, as ESLint's --fix applies fixes: non-overlapping
 * ones per pass, linting again after each pass, at most ten passes.
 */
export async function applyAllFixes(eslint: ESLint, filePath: string, text: string, firstPass?: Linter.LintMessage[]): Promise<string> {
  let current = text;
  for (let pass = 0; pass < 10; pass++) {
    const messages = pass === 0 && firstPass ? firstPass : (await eslint.lintText(current, { filePath }))[0]!.messages;
    const fixes = messages
      .map((m) => m.fix ?? m.suggestions?.[0]?.fix)
      .filter((f): f is NonNullable<typeof f> => f !== undefined)
      .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
    if (fixes.length === 0) return current;
    let out = '';
    let cursor = 0;
    let lastEnd = -Infinity;
    for (const fix of fixes) {
      if (lastEnd >= fix.range[0]) continue;
      out += current.slice(cursor, fix.range[0]) + fix.text;
      cursor = lastEnd = fix.range[1];
    }
    current = out + current.slice(cursor);
  }
  return current;
}

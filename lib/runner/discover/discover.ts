import ignore, { type Ignore } from 'ignore';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PathError } from '../../errors';
import { listGitFiles, workTreeRoot } from './git';
import { isSourceFile } from '../../facts/source-files';
import { vendoredReason, type SkippedFile } from './skip-rules';

/** Folders never walked unless the user names them (or something inside them) directly. */
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'build', 'coverage', '.git']);

export interface Discovery {
  /** Files to read, sorted. */
  files: string[];
  /** Files named directly on the command line: no skip rule or size limit applies to them. */
  named: ReadonlySet<string>;
  /** Vendored and minified files left out by their path. */
  skipped: SkippedFile[];
}

/**
 * The source files a run processes: the files named, and inside each folder named the files git
 * would show (tracked and untracked-not-ignored), or, outside git, the files `.gitignore` rules
 * keep, less vendored and minified code below the folder named. A path that does not exist or
 * holds no source file is an error, never "0 files".
 */
export function discoverSources(paths: string[], cwd: string): Discovery {
  const found = new Set<string>();
  const named = new Set<string>();
  const skipped = new Map<string, SkippedFile>();
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const stat = statOrUndefined(absolute);
    if (!stat) throw new PathError(`${given}: no such file or directory`);
    const files = stat.isDirectory() ? sourceFilesUnder(absolute) : [absolute];
    const sources = files.filter(isSourceFile);
    if (sources.length === 0) {
      throw new PathError(
        stat.isDirectory()
          ? `${given}: no JavaScript or TypeScript source files found (node_modules, dist, build, coverage and ignored files are skipped)`
          : `${given}: not a JavaScript or TypeScript source file`,
      );
    }
    if (!stat.isDirectory()) named.add(absolute);
    for (const file of sources) {
      const reason = stat.isDirectory() ? vendoredReason(path.relative(absolute, file)) : undefined;
      if (reason) skipped.set(file, { file, kind: 'vendored', reason });
      else found.add(file);
    }
  }
  for (const file of found) skipped.delete(file);
  return { files: [...found].sort(), named, skipped: [...skipped.values()].sort((a, b) => (a.file < b.file ? -1 : 1)) };
}

/** The files `discoverSources` keeps. */
export function discoverFiles(paths: string[], cwd: string): string[] {
  return discoverSources(paths, cwd).files;
}

/** All source files under `dir`, by the same rules as `discoverFiles`. */
export function sourceFilesUnder(dir: string): string[] {
  const relative = workTreeRoot(dir) !== undefined ? listGitFiles(dir) : undefined;
  const files = relative ?? walkWithGitignore(dir);
  return files
    .filter((rel) => isSourceFile(rel) && !rel.split(/[\\/]/).some((segment) => SKIPPED_DIRS.has(segment)))
    .map((rel) => path.join(dir, rel));
}

interface IgnoreLayer {
  /** Folder of the .gitignore, relative to the walk's root ('' for the root). */
  base: string;
  rules: Ignore;
}

function walkWithGitignore(root: string): string[] {
  const out: string[] = [];
  const visit = (relDir: string, layers: IgnoreLayer[]) => {
    const absDir = path.join(root, relDir);
    const own = readGitignore(absDir);
    const active = own ? [...layers, { base: relDir, rules: own }] : layers;
    for (const entry of fs.readdirSync(absDir, { withFileTypes: true })) {
      const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
      const isDir = entry.isDirectory();
      if (isDir && SKIPPED_DIRS.has(entry.name)) continue;
      if (isIgnored(rel, isDir, active)) continue;
      if (isDir) visit(rel, active);
      else if (entry.isFile() || entry.isSymbolicLink()) out.push(rel);
    }
  };
  visit('', []);
  return out;
}

function readGitignore(dir: string): Ignore | undefined {
  const file = path.join(dir, '.gitignore');
  if (!fs.existsSync(file)) return undefined;
  return ignore().add(fs.readFileSync(file, 'utf8'));
}

/** Git's precedence: the deepest .gitignore with a matching rule decides, negations included. */
function isIgnored(rel: string, isDir: boolean, layers: IgnoreLayer[]): boolean {
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i]!;
    const local = layer.base ? rel.slice(layer.base.length + 1) : rel;
    const verdict = layer.rules.test(isDir ? `${local}/` : local);
    if (verdict.ignored) return true;
    if (verdict.unignored) return false;
  }
  return false;
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

import * as fs from 'node:fs';
import * as path from 'node:path';
import semver from 'semver';

/** The Mongoose version a project's code must be correct for, and where it came from. */
export interface MongooseVersion {
  /** Undefined when no package.json names Mongoose and none is installed. */
  version: string | undefined;
  /** Human-readable origin, for the report. */
  source: string;
  /** True when there is no package.json at all: the version is then treated as current. */
  assumedCurrent: boolean;
  /** True when the package neither depends on Mongoose nor has it installed: the code uses something else (the MongoDB driver). */
  absent?: boolean;
  /** True in Mongoose's own repository: its tests and documentation examples are what they exercise. */
  itself?: boolean;
  /**
   * Set when `version` is the lowest a declared range allows rather than one version the project
   * names or has installed: `its peerDependencies range ">=6.0.14"`.
   */
  floorOf?: string;
}

type DependencyField = 'dependencies' | 'peerDependencies' | 'optionalDependencies' | 'devDependencies';

/**
 * Which declaration decides: what the package runs with (dependencies), else what it promises
 * to run with (peerDependencies: every version of that range, its floor included), else
 * optionalDependencies, else what it is developed with (devDependencies).
 */
const DECIDING_FIELDS: readonly DependencyField[] = ['dependencies', 'peerDependencies', 'optionalDependencies', 'devDependencies'];

type PackageJson = Partial<Record<DependencyField, Record<string, string>>>;

const NO_PACKAGE = '(no package.json)';

const ASSUMED_CURRENT: MongooseVersion = {
  version: undefined,
  source: 'no package.json found; treated as the current Mongoose',
  assumedCurrent: true,
};

/** Reads and remembers package-level facts for one run (no state outlives the run). */
export class PackageFacts {
  private readonly rootByDir = new Map<string, string | undefined>();
  private readonly versionByRoot = new Map<string, MongooseVersion>();
  private readonly entriesByRoot = new Map<string, PublicEntries>();

  /** The folder of the nearest package.json at or above `file`'s folder. */
  packageRoot(file: string): string | undefined {
    return this.findUp(path.dirname(path.resolve(file)));
  }

  mongooseVersion(file: string): MongooseVersion {
    const root = this.packageRoot(file);
    const key = root ?? NO_PACKAGE;
    let cached = this.versionByRoot.get(key);
    if (!cached) {
      cached = root === undefined ? ASSUMED_CURRENT : this.resolveVersion(root);
      this.versionByRoot.set(key, cached);
    }
    return cached;
  }

  /**
   * Whether other packages can load `file` when they import the package it belongs to: its
   * package.json names it as `main`, `module`, `exports` or `types`, mapped back to its source
   * (`dist/index.js` -> `src/index.ts`), or an `exports` subpath pattern covers it (`"./*":
   * "./dist/*.js"` -> `src/<anything>.ts`). Never for a package that is `private` (nothing outside
   * the repository can install it) or names no entry (an application).
   */
  isPublicEntry(file: string): boolean {
    const root = this.packageRoot(file);
    if (root === undefined) return false;
    let known = this.entriesByRoot.get(root);
    if (!known) {
      known = entrySources(root);
      this.entriesByRoot.set(root, known);
    }
    const absolute = path.resolve(file);
    if (known.files.includes(absolute)) return true;
    const stem = path.relative(root, absolute).split(path.sep).join('/').replace(SOURCE_EXTENSION, '');
    return known.patterns.some((p) => stem.length > p.prefix.length + p.suffix.length && stem.startsWith(p.prefix) && stem.endsWith(p.suffix));
  }

  /** Versions looked up so far, keyed by package root, for the report. */
  knownVersions(): ReadonlyMap<string, MongooseVersion> {
    return this.versionByRoot;
  }

  private findUp(dir: string): string | undefined {
    if (this.rootByDir.has(dir)) return this.rootByDir.get(dir);
    const parent = path.dirname(dir);
    const found = fs.existsSync(path.join(dir, 'package.json')) ? dir : parent === dir ? undefined : this.findUp(parent);
    this.rootByDir.set(dir, found);
    return found;
  }

  /**
   * Mongoose's own version in its own repository; else the lowest version the package's own
   * package.json allows (or, in a monorepo, its workspaces root's), else the installed one as Node
   * would resolve it.
   */
  private resolveVersion(root: string): MongooseVersion {
    const itself = ownVersion(root);
    if (itself !== undefined) return { version: itself, source: 'its own package.json (the package is Mongoose itself)', assumedCurrent: false, itself: true };
    let declared = false;
    for (let dir: string | undefined = root; dir !== undefined; dir = this.findUp(path.dirname(dir))) {
      const declaration = declaredRange(path.join(dir, 'package.json'));
      declared ||= declaration !== undefined;
      const range = declaration?.range;
      const lowest = range === undefined ? undefined : lowestAllowed(range);
      if (lowest !== undefined) {
        const file = `${relativeLabel(root, dir)}package.json`;
        const floor = semver.valid(range!) === null ? { floorOf: `the ${declaration!.field} range "${range}" of ${file}` } : {};
        return { version: lowest, source: `${file} range "${range}"`, assumedCurrent: false, ...floor };
      }
      if (path.dirname(dir) === dir) break;
      const parent = this.findUp(path.dirname(dir));
      if (parent === undefined || !hasWorkspaces(path.join(parent, 'package.json'))) break;
    }
    for (let dir = root; ; dir = path.dirname(dir)) {
      const installed = readJson<{ version?: string }>(path.join(dir, 'node_modules', 'mongoose', 'package.json'));
      if (installed?.version && semver.valid(installed.version)) {
        return { version: installed.version, source: `installed ${relativeLabel(root, dir)}node_modules/mongoose`, assumedCurrent: false };
      }
      if (path.dirname(dir) === dir) break;
    }
    if (declared) return { version: undefined, source: `the mongoose dependency of ${root} names no version`, assumedCurrent: false };
    return { version: undefined, source: `no mongoose dependency found from ${root}`, assumedCurrent: false, absent: true };
  }
}

interface EntryFields {
  private?: unknown;
  main?: unknown;
  module?: unknown;
  types?: unknown;
  typings?: unknown;
  exports?: unknown;
}

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** Folders a build writes to, and the folder its sources usually come from. */
const BUILD_FOLDER = /^(dist|lib|build|out|cjs|esm)(\/|$)/;

/** A package's entries: source files, and `exports` subpath patterns as the part before and after their star (`src/` and `` for `src/*`). */
interface PublicEntries {
  files: string[];
  patterns: Array<{ prefix: string; suffix: string }>;
}

const NO_ENTRIES: PublicEntries = { files: [], patterns: [] };
const SOURCE_EXTENSION = /(\.d)?\.(c|m)?(j|t)sx?$/;

/**
 * Where a package's built entry (`dist/index.js`, `lib/server.js`, as package.json names it) is
 * written in the source, without extension: `src/index`, or `index` for a build of the package root.
 */
export function sourceStemsOfBuilt(entry: string): string[] {
  const stem = path.normalize(entry).split(path.sep).join('/').replace(/^\.\//, '').replace(SOURCE_EXTENSION, '');
  return BUILD_FOLDER.test(stem) ? [stem.replace(BUILD_FOLDER, 'src$2'), stem.replace(BUILD_FOLDER, '')] : [];
}

function entrySources(root: string): PublicEntries {
  const pkg = readJson<EntryFields>(path.join(root, 'package.json'));
  if (!pkg || pkg.private === true) return NO_ENTRIES;
  const declared = [pkg.main, pkg.module, pkg.types, pkg.typings, ...exportTargets(pkg.exports)].filter((e): e is string => typeof e === 'string');
  const found = new Set<string>();
  const patterns: PublicEntries['patterns'] = [];
  for (const entry of declared) {
    const relative = path.normalize(entry).split(path.sep).join('/').replace(/^\.\//, '');
    const stem = relative.replace(SOURCE_EXTENSION, '');
    const built = BUILD_FOLDER.test(stem);
    if (stem.includes('*')) {
      // `dist/*` is built from `src/*`, or, where neither folder is there (a build of the package root), from the same path at its root.
      const folder = stem.match(BUILD_FOLDER)?.[1];
      const fromRoot = folder !== undefined && !fs.existsSync(path.join(root, 'src')) && !fs.existsSync(path.join(root, folder));
      const sources = folder === undefined ? [] : [stem.replace(BUILD_FOLDER, 'src$2'), ...(fromRoot ? [stem.replace(BUILD_FOLDER, '')] : [])];
      for (const pattern of [stem, ...sources]) patterns.push(...starParts(pattern));
      continue;
    }
    const stems = [stem, ...(built ? sourceStemsOfBuilt(stem) : [])];
    for (const candidate of stems.flatMap((s) => [s, `${s}/index`])) {
      const file = SOURCE_EXTENSIONS.map((ext) => path.join(root, candidate + ext)).find((f) => fs.existsSync(f));
      if (file) found.add(file);
    }
  }
  return { files: [...found].sort(), patterns };
}

/** `src/*` as `{ prefix: 'src/', suffix: '' }`; Node takes one star per pattern (a second one matches no file name). */
function starParts(pattern: string): PublicEntries['patterns'] {
  const star = pattern.indexOf('*');
  const suffix = pattern.slice(star + 1);
  return suffix.includes('*') ? [] : [{ prefix: pattern.slice(0, star), suffix }];
}

/** Every file path an `exports` map names, whatever its conditions. */
function exportTargets(exports: unknown): unknown[] {
  if (typeof exports === 'string') return [exports];
  if (Array.isArray(exports)) return exports.flatMap(exportTargets);
  if (exports && typeof exports === 'object') return Object.values(exports).flatMap(exportTargets);
  return [];
}

/** Mongoose's own repository: its tests load it by path (`require('../../')`), its package.json says which version it is. */
function ownVersion(root: string): string | undefined {
  const pkg = readJson<{ name?: unknown; version?: unknown }>(path.join(root, 'package.json'));
  return pkg?.name === 'mongoose' && typeof pkg.version === 'string' && semver.valid(pkg.version) ? pkg.version : undefined;
}

function hasWorkspaces(file: string): boolean {
  return readJson<{ workspaces?: unknown }>(file)?.workspaces !== undefined;
}

function declaredRange(file: string): { field: DependencyField; range: string } | undefined {
  const pkg = readJson<PackageJson>(file);
  if (!pkg) return undefined;
  const field = DECIDING_FIELDS.find((name) => pkg[name]?.mongoose !== undefined);
  return field && { field, range: pkg[field]!.mongoose! };
}

function lowestAllowed(range: string): string | undefined {
  if (semver.validRange(range) === null) return undefined;
  try {
    return semver.minVersion(range)?.version;
  } catch {
    return undefined;
  }
}

function relativeLabel(from: string, to: string): string {
  const rel = path.relative(from, to).split(path.sep).join('/');
  return rel === '' ? '' : `${rel}/`;
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}


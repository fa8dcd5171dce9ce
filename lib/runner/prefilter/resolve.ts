import * as fs from 'node:fs';
import * as path from 'node:path';
import { DRIVER_PACKAGES, MONGOOSE_PACKAGES } from '../../mongoose/api';
import { packageOf } from '../../facts/import-scan';
import { sourceStemsOfBuilt } from '../../facts/project';

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** TypeScript sources import each other by the name of the file they compile to. */
const COMPILED_TO_SOURCE: Record<string, string[]> = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };

/** Packages whose import makes a file Mongoose code. */
export function isMongoPackage(specifier: string): boolean {
  const pkg = packageOf(specifier);
  return pkg !== undefined && (MONGOOSE_PACKAGES.includes(pkg) || DRIVER_PACKAGES.includes(pkg));
}

interface PathAliases {
  baseUrl: string | undefined;
  paths: Array<{ prefix: string; suffix: string; wildcard: boolean; targets: string[] }>;
}

/**
 * Resolves module specifiers to files of a known set, without a compiler: relative paths (with
 * the extensions and index files Node and TypeScript try), `tsconfig.json`/`jsconfig.json`
 * `baseUrl` and `paths`, and packages of the same set by their package.json name.
 */
export class ModuleResolver {
  private readonly aliasesByDir = new Map<string, PathAliases | undefined>();
  private readonly entries = new Map<string, string | undefined>();

  /** `known`: the files that can be import targets; `packages`: package name -> root folder, for workspaces. */
  constructor(
    private readonly known: ReadonlySet<string>,
    private readonly packages: ReadonlyMap<string, string>,
  ) {}

  resolve(importer: string, specifier: string): string | undefined {
    if (specifier.startsWith('.') || path.isAbsolute(specifier)) return this.asFileOrFolder(path.resolve(path.dirname(importer), specifier));
    const aliased = this.throughAliases(importer, specifier);
    if (aliased) return aliased;
    const pkg = packageOf(specifier);
    const root = pkg === undefined ? undefined : this.packages.get(pkg);
    if (root === undefined) return undefined;
    const rest = specifier.slice(pkg!.length);
    return rest ? this.asFileOrFolder(path.join(root, rest)) : this.packageEntry(root);
  }

  /** Root folder of a package of the set named by a bare specifier, if any. */
  workspacePackage(specifier: string): string | undefined {
    const pkg = packageOf(specifier);
    return pkg === undefined ? undefined : this.packages.get(pkg);
  }

  private asFileOrFolder(base: string): string | undefined {
    if (this.known.has(base)) return base;
    for (const ext of EXTENSIONS) if (this.known.has(base + ext)) return base + ext;
    const ext = path.extname(base);
    for (const source of COMPILED_TO_SOURCE[ext] ?? []) {
      const candidate = base.slice(0, -ext.length) + source;
      if (this.known.has(candidate)) return candidate;
    }
    return this.packageEntry(base);
  }

  /** A folder's entry file, looked up once per folder (many files load the same folder). */
  private packageEntry(dir: string): string | undefined {
    if (!this.entries.has(dir)) this.entries.set(dir, this.readPackageEntry(dir));
    return this.entries.get(dir);
  }

  private readPackageEntry(dir: string): string | undefined {
    const manifest = readJson<{ main?: string; module?: string; source?: string; types?: string }>(path.join(dir, 'package.json'));
    for (const entry of [manifest?.source, manifest?.main, manifest?.module]) {
      if (typeof entry !== 'string') continue;
      const base = path.resolve(dir, entry);
      if (this.known.has(base)) return base;
      for (const ext of EXTENSIONS) if (this.known.has(base + ext)) return base + ext;
      // A workspace package whose build is not there (`main: lib/index.js`): its sibling packages load its source.
      for (const stem of sourceStemsOfBuilt(entry)) {
        const source = path.resolve(dir, stem);
        for (const candidate of [source, path.join(source, 'index')]) for (const ext of EXTENSIONS) if (this.known.has(candidate + ext)) return candidate + ext;
      }
    }
    for (const ext of EXTENSIONS) if (this.known.has(path.join(dir, `index${ext}`))) return path.join(dir, `index${ext}`);
    return undefined;
  }

  private throughAliases(importer: string, specifier: string): string | undefined {
    const aliases = this.aliasesFor(path.dirname(importer));
    if (!aliases) return undefined;
    for (const alias of aliases.paths) {
      if (!specifier.startsWith(alias.prefix) || !specifier.endsWith(alias.suffix)) continue;
      if (!alias.wildcard && specifier !== alias.prefix) continue;
      const star = specifier.slice(alias.prefix.length, specifier.length - alias.suffix.length);
      for (const target of alias.targets) {
        const found = this.asFileOrFolder(target.replace('*', star));
        if (found) return found;
      }
    }
    return aliases.baseUrl ? this.asFileOrFolder(path.join(aliases.baseUrl, specifier)) : undefined;
  }

  /** `baseUrl` and `paths` of the nearest tsconfig.json or jsconfig.json (following `extends` between local files). */
  private aliasesFor(dir: string): PathAliases | undefined {
    if (this.aliasesByDir.has(dir)) return this.aliasesByDir.get(dir);
    let found: PathAliases | undefined;
    const config = ['tsconfig.json', 'jsconfig.json'].map((name) => path.join(dir, name)).find((file) => fs.existsSync(file));
    if (config) found = readAliases(config, 0);
    else if (path.dirname(dir) !== dir) found = this.aliasesFor(path.dirname(dir));
    this.aliasesByDir.set(dir, found);
    return found;
  }
}

interface CompilerConfig {
  extends?: string | string[];
  compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> };
}

function readAliases(file: string, depth: number): PathAliases | undefined {
  const config = readJson<CompilerConfig>(file, true);
  if (!config) return undefined;
  const dir = path.dirname(file);
  const parents = (Array.isArray(config.extends) ? config.extends : config.extends ? [config.extends] : []).filter((e) => e.startsWith('.'));
  const inherited = depth < 5 ? parents.map((p) => readAliases(path.resolve(dir, p.endsWith('.json') ? p : `${p}.json`), depth + 1)).find(Boolean) : undefined;
  const options = config.compilerOptions ?? {};
  const baseUrl = options.baseUrl !== undefined ? path.resolve(dir, options.baseUrl) : inherited?.baseUrl;
  if (!options.paths) return baseUrl === inherited?.baseUrl && inherited ? inherited : { baseUrl, paths: inherited?.paths ?? [] };
  const paths = Object.entries(options.paths).map(([pattern, targets]) => {
    const star = pattern.indexOf('*');
    return {
      prefix: star === -1 ? pattern : pattern.slice(0, star),
      suffix: star === -1 ? '' : pattern.slice(star + 1),
      wildcard: star !== -1,
      targets: targets.map((t) => path.resolve(baseUrl ?? dir, t)),
    };
  });
  return { baseUrl, paths };
}

/** JSON, or (tsconfig files) JSON with comments and trailing commas. */
function readJson<T>(file: string, lenient = false): T | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    if (!lenient) return undefined;
  }
  try {
    const stripped = text.replace(/("(?:[^"\\]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (_m, s: string | undefined) => s ?? '').replace(/,(\s*[}\]])/g, '$1');
    return JSON.parse(stripped) as T;
  } catch {
    return undefined;
  }
}

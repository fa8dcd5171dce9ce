import * as fs from 'node:fs';
import * as path from 'node:path';
import { sourceFilesUnder } from '../discover/discover';
import type { PackageFacts } from '../../facts/project';
import { DRIVER_PACKAGES, MONGOOSE_PACKAGES } from '../../mongoose/api';
import { ImportGraph, type GraphFile } from './import-graph';
import { scanImports } from '../../facts/import-scan';
import { callsMongoSessions } from './prefilter';

const LIBRARY_PACKAGES = new Set([...MONGOOSE_PACKAGES, ...DRIVER_PACKAGES]);

/** Package name -> root folder, for the packages `files` belong to (workspace imports by name). */
export function packageNames(files: readonly string[], packages: PackageFacts): Map<string, string> {
  const names = new Map<string, string>();
  const roots = new Set<string>();
  for (const file of files) {
    const root = packages.packageRoot(file);
    if (root !== undefined) roots.add(root);
  }
  for (const root of [...roots].sort()) {
    const name = packageName(root);
    if (name !== undefined && !names.has(name)) names.set(name, root);
  }
  return names;
}

/** Folders of a library's repository that use the library as any application would. */
const USES_OF_THE_LIBRARY = new Set(['test', 'tests', '__tests__', 'docs', 'examples', 'example', 'benchmarks', 'benchmark']);

/**
 * Whether a file is the implementation of Mongoose or the driver (a file of the package named so
 * in the nearest package.json that has a name, outside its tests, docs and examples): its sessions
 * are the library's own, never migrated.
 */
export function libraryTest(packages: PackageFacts): (file: string) => boolean {
  const namedRootOf = new Map<string, string | undefined>();
  /** The nearest root at or above `root` whose package.json has a name, if that name is a library's. */
  const libraryRoot = (root: string): string | undefined => {
    if (namedRootOf.has(root)) return namedRootOf.get(root);
    const name = packageName(root);
    const parent = path.dirname(root) === root ? undefined : packages.packageRoot(root);
    const found = name !== undefined ? (LIBRARY_PACKAGES.has(name) ? root : undefined) : parent !== undefined ? libraryRoot(parent) : undefined;
    namedRootOf.set(root, found);
    return found;
  };
  return (file) => {
    const root = packages.packageRoot(file);
    const library = root === undefined ? undefined : libraryRoot(root);
    return library !== undefined && !path.relative(library, file).split(path.sep).some((segment) => USES_OF_THE_LIBRARY.has(segment));
  };
}

function packageName(root: string): string | undefined {
  try {
    const name = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { name?: unknown }).name;
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}

/** The import graph of one package's source files, read from disk (for callers outside a run, such as the fixture tests). */
export function graphOfPackage(root: string, packages: PackageFacts): ImportGraph {
  let files: string[];
  try {
    files = sourceFilesUnder(root);
  } catch {
    files = [];
  }
  const scanned: GraphFile[] = [];
  for (const file of files) {
    try {
      const text = fs.readFileSync(file, 'utf8');
      scanned.push({ file, imports: scanImports(text), callsMongo: callsMongoSessions(text) });
    } catch {
      // Unreadable: it loads nothing we can see.
    }
  }
  return ImportGraph.build(scanned, packageNames(files, packages), libraryTest(packages));
}

import * as os from 'node:os';
import * as path from 'node:path';
import type { TransformName } from '../../transform-names';
import { sourceFilesUnder, type Discovery } from '../discover/discover';
import { workTreeRoot } from '../discover/git';
import { readSource } from '../discover/read-source';
import { vendoredReason, type SkippedFile } from '../discover/skip-rules';
import type { PackageFacts } from '../../facts/project';
import { ImportGraph, type GraphFile } from './import-graph';
import { scanImports } from '../../facts/import-scan';
import { libraryTest, packageNames } from './package-graph';
import { callsMongoSessions, textMightApply } from './prefilter';
import { isMongoPackage } from './resolve';

export interface TreeScan {
  graph: ImportGraph;
  /** Files of the run whose text a transform might apply to (the graph decides the rest), with their length. */
  textCandidates: Map<string, number>;
  /** Files of the run left out while reading, with the reason. */
  skipped: SkippedFile[];
}

/**
 * Reads every file of the run once (and the other files of their packages, which can call into
 * them): skip rules, a text check, and the import lines for the graph. No text is kept.
 */
export function scanTree(
  discovery: Discovery,
  given: readonly string[],
  transforms: readonly TransformName[],
  maxFileBytes: number,
  packages: PackageFacts,
  onMongooseImport: () => void = () => undefined,
): TreeScan {
  const isLibrary = libraryTest(packages);
  const scanned: GraphFile[] = [];
  const textCandidates = new Map<string, number>();
  const skipped = [...discovery.skipped];
  for (const file of discovery.files) {
    const read = readSource(file, { maxFileBytes, named: discovery.named });
    if (!read.ok) {
      skipped.push(read.skipped);
      continue;
    }
    const imports = scanImports(read.raw);
    scanned.push({ file, imports, callsMongo: callsMongoSessions(read.raw) });
    if (textMightApply(read.raw, transforms)) textCandidates.set(file, read.raw.length);
    if (imports.some((i) => isMongoPackage(i.specifier)) && !isLibrary(file)) onMongooseImport();
  }
  if (textCandidates.size > 0) {
    for (const file of outsideFiles(discovery, given, packages)) {
      const read = readSource(file, { maxFileBytes, named: new Set() });
      if (read.ok) scanned.push({ file, imports: scanImports(read.raw), callsMongo: callsMongoSessions(read.raw) });
    }
  }
  const files = scanned.map((s) => s.file);
  return {
    graph: ImportGraph.build(scanned, packageNames(files, packages), isLibrary),
    textCandidates,
    skipped: skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
  };
}

/**
 * A package.json far above the project (the home folder's, or one above the git work tree) does
 * not make everything below it one package: walking it would read unrelated trees.
 */
function tooWide(root: string, file: string): boolean {
  if (root === os.homedir() || path.dirname(root) === root) return true;
  const top = workTreeRoot(path.dirname(file));
  return top !== undefined && path.relative(top, root).startsWith('..');
}

/**
 * Files of the run's packages that the paths given leave out (`run src/orders` in a package
 * whose helpers live in `src/db`): they are not processed, but they can load or call the files
 * that are, so the graph must see them.
 */
function outsideFiles(discovery: Discovery, given: readonly string[], packages: PackageFacts): string[] {
  const inRun = new Set(discovery.files);
  const roots = new Map<string, string>();
  for (const file of discovery.files) {
    const root = packages.packageRoot(file) ?? path.dirname(file);
    if (!roots.has(root)) roots.set(root, file);
  }
  const covered = (root: string) => given.some((dir) => root === dir || root.startsWith(dir + path.sep));
  const out: string[] = [];
  for (const [root, example] of [...roots].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (covered(root) || tooWide(root, example)) continue;
    for (const file of sourceFilesUnder(root)) {
      if (!inRun.has(file) && !vendoredReason(path.relative(root, file))) out.push(file);
    }
  }
  return out;
}

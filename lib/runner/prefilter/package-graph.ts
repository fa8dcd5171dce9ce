import * as fs from 'node:fs';
import * as path from 'node:path';
import { sourceFilesUnder } from '../discover/discover';
import type { PackageFacts } from '../facts/project';
import { ImportGraph, type GraphFile } from './import-graph';
import { scanImports } from './import-scan';

/** Package name -> root folder, for the packages `files` belong to (workspace imports by name). */
export function packageNames(files: readonly string[], packages: PackageFacts): Map<string, string> {
  const names = new Map<string, string>();
  const roots = new Set<string>();
  for (const file of files) {
    const root = packages.packageRoot(file);
    if (root !== undefined) roots.add(root);
  }
  for (const root of [...roots].sort()) {
    try {
      const name = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { name?: unknown }).name;
      if (typeof name === 'string' && !names.has(name)) names.set(name, root);
    } catch {
      // A package.json that does not parse names no package.
    }
  }
  return names;
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
      scanned.push({ file, imports: scanImports(fs.readFileSync(file, 'utf8')) });
    } catch {
      // Unreadable: it loads nothing we can see.
    }
  }
  return ImportGraph.build(scanned, packageNames(files, packages));
}

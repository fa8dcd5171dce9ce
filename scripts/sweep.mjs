#!/usr/bin/env node
// The sweep (a script, not a test): runs tx-codemod --dry over the sources of every package
// installed for development (drivers and ORMs among them, as they come) and prints the files it
// would change and its peak memory. Library code that is not application Mongoose code must never
// change: the sweep fails (exit 1) when a file would.
//
//   npm run sweep                     the tool as users run it
//   npm run sweep -- --all-files      the transforms alone, on every file whose text passes,
//                                     whether or not it can reach Mongoose (tests the analysis
//                                     without the import-graph prefilter in front of it)
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyInstalledSources, installedPackages } from './lib/library-tree.mjs';
import { measure } from './lib/measure.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const nodeModules = path.join(root, 'node_modules');
const tree = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-codemod-sweep-'));
const files = copyInstalledSources(nodeModules, tree);
console.log(`Swept ${installedPackages(nodeModules).length} installed packages, ${files} source files`);
const changed = process.argv.includes('--all-files') ? sweepAnalysis(tree) : sweepTool(tree);
if (changed > 0) console.log(`\nLibrary code must never change; the copy is kept in ${tree}`);
else fs.rmSync(tree, { recursive: true, force: true });
process.exitCode = changed > 0 ? 1 : 0;

function sweepTool(dir) {
  const reportFile = `${dir}.json`;
  const result = measure(process.execPath, [path.join(root, 'dist', 'bin', 'tx-codemod.js'), 'run', '.', '--dry', '--no-color', '--report', reportFile], dir);
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
  fs.rmSync(reportFile, { force: true });
  const changedFiles = report.files.filter((f) => f.status === 'changed');
  const failed = report.files.filter((f) => f.status === 'failed');
  console.log(`  in ${result.seconds.toFixed(2)} s: parsed ${report.parsed.length}, changed ${changedFiles.length}, failed ${failed.length}, findings ${report.counts.findings}, peak memory ${result.peakMb.toFixed(0)} MB, exit ${result.status}`);
  for (const f of changedFiles) console.log(`  CHANGED ${f.file}`);
  for (const f of failed) console.log(`  FAILED  ${f.file}: ${f.reason}`);
  for (const f of report.findings) console.log(`  finding ${f.file}:${f.line} [${f.transform}] ${f.reason}`);
  return changedFiles.length;
}

function sweepAnalysis(dir) {
  const require = createRequire(import.meta.url);
  const dist = (rel) => require(path.join(root, 'dist', 'lib', rel));
  const { runPipeline } = dist('pipeline');
  const { RunEnvironment } = dist('runner/environment');
  const { TRANSFORMS } = dist('registry');
  const { textMightApply } = dist('runner/prefilter/prefilter');
  const { isSourceFile } = dist('runner/discover/source-files');
  const env = new RunEnvironment({});
  const names = TRANSFORMS.map((t) => t.name);
  let tried = 0;
  let changedFiles = 0;
  const visit = (folder) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) visit(file);
      if (!entry.isFile() || !isSourceFile(file) || fs.statSync(file).size > 1024 * 1024) continue;
      const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      if (!textMightApply(text, names)) continue;
      tried++;
      try {
        const result = runPipeline({ file, displayPath: path.relative(dir, file), source: text, transforms: TRANSFORMS, project: env.projectView(file), types: env.types, settings: { stripSave: false }, annotate: false, inRun: () => false });
        if (result.output === undefined) continue;
        changedFiles++;
        console.log(`  CHANGED ${path.relative(dir, file)}: ${result.changes.map((c) => `line ${c.line}: ${c.description}`).join('; ')}`);
      } catch {
        // A file that does not parse is the parser's business, not the analysis's.
      }
    }
  };
  visit(dir);
  console.log(`  without the import-graph prefilter: ${tried} files whose text passes, ${changedFiles} changed`);
  return changedFiles;
}

#!/usr/bin/env node
// The sweep (a script, not a test): runs tx-codemod --dry over the sources of every package
// installed for development (drivers and ORMs among them, as they come) and prints the files it
// would change and its peak memory. Library code that is not application Mongoose code must never
// change: the sweep fails (exit 1) when a file would.
//
//   npm run sweep
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyInstalledSources, installedPackages } from './lib/library-tree.mjs';
import { measure } from './lib/measure.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tree = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-codemod-sweep-'));
const nodeModules = path.join(root, 'node_modules');
const files = copyInstalledSources(nodeModules, tree);
const reportFile = path.join(tree, '..', `${path.basename(tree)}.json`);
const result = measure(process.execPath, [path.join(root, 'dist', 'bin', 'tx-codemod.js'), 'run', '.', '--dry', '--no-color', '--report', reportFile], tree);
const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
const changed = report.files.filter((f) => f.status === 'changed');
const failed = report.files.filter((f) => f.status === 'failed');

console.log(`Swept ${installedPackages(nodeModules).length} installed packages, ${files} source files, in ${result.seconds.toFixed(2)} s`);
console.log(`  parsed ${report.parsed.length}, changed ${changed.length}, failed ${failed.length}, findings ${report.counts.findings}, peak memory ${result.peakMb.toFixed(0)} MB, exit ${result.status}`);
for (const f of changed) console.log(`  CHANGED ${f.file}`);
for (const f of failed) console.log(`  FAILED  ${f.file}: ${f.reason}`);
for (const f of report.findings) console.log(`  finding ${f.file}:${f.line} [${f.transform}] ${f.reason}`);
if (changed.length > 0) console.log('\nLibrary code must never change: see the diff with\n  ' + `cd ${tree} && node ${path.join(root, 'dist', 'bin', 'tx-codemod.js')} run . --dry`);
else fs.rmSync(tree, { recursive: true, force: true });
fs.rmSync(reportFile, { force: true });
process.exitCode = changed.length > 0 ? 1 : 0;

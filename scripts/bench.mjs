#!/usr/bin/env node
// Benchmark (not a test): builds a tree of real library files with a few transaction files among
// them, then measures tx-codemod's whole run (wall time, peak memory) next to jscodeshift 17
// running a transform that does nothing over the same tree.
//
//   npm run bench                       5,000 files, 200 with transaction code
//   npm run bench -- --files 2000 --tx 80 --runs 5
//
// tx-codemod's time is the median of several runs (3 by default) so that one run slowed by
// other work on the machine does not decide the result; its peak memory is the highest seen.
//
// Targets (issue #2): tx-codemod <= 1/10 of jscodeshift's time when no type facts are needed,
// <= 1/4 when they are, and peak memory under 300 MB.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const totalFiles = Number(args.files ?? 5000);
const txFiles = Number(args.tx ?? 200);
const runs = Number(args.runs ?? 3);
const MAX_FILLER_BYTES = 150_000;

function fillerFiles(count) {
  const out = [];
  const visit = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (out.length >= count) return;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (/\.(c|m)?js$|\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        const size = fs.statSync(full).size;
        const text = size <= MAX_FILLER_BYTES ? fs.readFileSync(full, 'utf8') : '';
        // Filler is library code without session or transaction handling (the driver's own
        // internals take sessions everywhere: they are transaction code, not filler).
        if (text && !/session|transaction/i.test(text)) out.push(full);
      }
    }
  };
  visit(path.join(root, 'node_modules'));
  return out;
}

/**
 * Whether a template makes tx-codemod ask for type facts when it appears twice in a project
 * (exported helpers whose names other files mention): those belong to the "types" tree only.
 */
async function needsTypeFacts(template, copies) {
  const { run } = createRequire(import.meta.url)(path.join(root, 'dist', 'lib', 'index.js'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-codemod-bench-probe-'));
  fs.writeFileSync(path.join(dir, 'package.json'), '{}');
  for (let i = 0; i < copies; i++) fs.writeFileSync(path.join(dir, `copy${i}${template.ext}`), template.text);
  const result = await run({ paths: ['.'], cwd: dir, dry: true });
  fs.rmSync(dir, { recursive: true, force: true });
  return result.notes.some((note) => note.startsWith('Type facts'));
}

function transactionTemplates() {
  const templates = [];
  const fixtures = path.join(root, '__testfixtures__');
  for (const group of fs.readdirSync(fixtures)) {
    const dir = path.join(fixtures, group);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const name of fs.readdirSync(dir)) {
      if (/\.input\.(ts|js)$/.test(name)) templates.push({ ext: path.extname(name), text: fs.readFileSync(path.join(dir, name), 'utf8') });
    }
  }
  return templates;
}

/** A helper exported from one file and called from another: hoist-end-session asks ts-morph for its callers. */
function typedPair(i) {
  return {
    [`tx/helpers-${i}.ts`]: `import { ClientSession } from 'mongoose';\n\nexport async function finish${i}(session: ClientSession) {\n  await session.commitTransaction();\n  await session.endSession();\n}\n`,
    [`tx/orders-${i}.ts`]: `import mongoose from 'mongoose';\nimport { finish${i} } from './helpers-${i}';\n\nexport async function place${i}(Order: any) {\n  const session = await mongoose.startSession();\n  session.startTransaction();\n  try {\n    await Order.create([{}], { session });\n    await finish${i}(session);\n  } finally {\n    await session.endSession();\n  }\n}\n`,
  };
}

async function buildTree(kind) {
  const dir = path.join(os.tmpdir(), `tx-codemod-bench-${kind}-${totalFiles}-${txFiles}`);
  if (fs.existsSync(path.join(dir, '.complete'))) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const typedPairs = kind === 'types' ? Math.max(1, Math.round(txFiles / 20)) : 0;
  // Real library files; when node_modules holds fewer than asked for, they are used again.
  const fillers = fillerFiles(totalFiles - txFiles);
  for (let i = 0; i < totalFiles - txFiles; i++) {
    const file = fillers[i % fillers.length];
    const target = path.join(dir, 'lib', String(i % 50), `${i}-${path.basename(file).replace(/\.(c|m)js$/, '.js')}`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(file, target);
  }
  // Copies of one template name the same exported helpers, which makes them look like callers
  // of each other: templates that need type facts only when copied are left out of both trees.
  const all = transactionTemplates();
  const alone = await Promise.all(all.map((t) => needsTypeFacts(t, 1)));
  const copied = await Promise.all(all.map((t) => needsTypeFacts(t, 2)));
  const templates = all.filter((_, i) => (kind === 'types' ? alone[i] === copied[i] : !copied[i]));
  for (let i = 0; i < txFiles - typedPairs * 2; i++) {
    const template = templates[i % templates.length];
    const target = path.join(dir, 'services', String(i % 10), `service-${i}${template.ext}`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, template.text);
  }
  for (let i = 0; i < typedPairs; i++) {
    for (const [rel, text] of Object.entries(typedPair(i))) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    }
  }
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'bench', private: true, dependencies: { mongoose: '^8.9.0' } }));
  if (kind === 'types') {
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { allowJs: true, module: 'commonjs', target: 'ES2022', esModuleInterop: true, skipLibCheck: true }, include: ['tx'] }));
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  }
  fs.writeFileSync(path.join(dir, '.complete'), '');
  return dir;
}

/** Wall seconds and peak resident memory (MB) of a command, through GNU time when available. */
function measure(command, commandArgs, cwd) {
  const hasTime = fs.existsSync('/usr/bin/time');
  const started = process.hrtime.bigint();
  const result = hasTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', command, ...commandArgs], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(command, commandArgs, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peakKb = hasTime ? Number(result.stderr.trim().split('\n').pop()) : NaN;
  return { seconds, peakMb: peakKb / 1024, status: result.status, stderr: result.stderr };
}

/** The median wall time and the highest peak memory of `times` runs of a command. */
function measureMedian(times, command, commandArgs, cwd) {
  const results = Array.from({ length: times }, () => measure(command, commandArgs, cwd));
  const seconds = results.map((r) => r.seconds).sort((a, b) => a - b)[Math.floor(times / 2)];
  return { ...results[results.length - 1], seconds, peakMb: Math.max(...results.map((r) => r.peakMb)) };
}

function jscodeshiftTransform(kind) {
  const file = path.join(os.tmpdir(), `tx-codemod-bench-${kind}.cjs`);
  const body =
    kind === 'parse'
      ? 'module.exports = (file, api) => { api.jscodeshift(file.source); return undefined; };\n'
      : 'module.exports = () => undefined;\n';
  fs.writeFileSync(file, body);
  return file;
}

const cli = path.join(root, 'dist', 'bin', 'tx-codemod.js');
const jscodeshift = path.join(root, 'node_modules', 'jscodeshift', 'bin', 'jscodeshift.js');
const rows = [];
for (const kind of ['syntax', 'types']) {
  const tree = await buildTree(kind);
  const ours = measureMedian(runs, process.execPath, [cli, 'run', '.', '--dry', '--no-color', '--report', path.join(os.tmpdir(), `tx-codemod-bench-${kind}.json`)], tree);
  const report = JSON.parse(fs.readFileSync(path.join(os.tmpdir(), `tx-codemod-bench-${kind}.json`), 'utf8'));
  const parsing = measure(process.execPath, [jscodeshift, '-t', jscodeshiftTransform('parse'), '--extensions=js,ts,tsx,mjs,cjs', '--parser=tsx', '--dry', '--silent', '--ignore-pattern=**/node_modules/**', '.'], tree);
  const idle = measure(process.execPath, [jscodeshift, '-t', jscodeshiftTransform('idle'), '--extensions=js,ts,tsx,mjs,cjs', '--dry', '--silent', '--ignore-pattern=**/node_modules/**', '.'], tree);
  const typeNote = report.notes.find((n) => n.startsWith('Type facts')) ?? 'Type facts: not needed';
  rows.push({ kind, ours, parsing, idle, report, typeNote, target: kind === 'syntax' ? 0.1 : 0.25 });
}

const pad = (s, n) => String(s).padEnd(n);
console.log(`\nTree: ${totalFiles} files, ${txFiles} with transaction code (${os.cpus().length} CPUs, Node ${process.version})\n`);
for (const r of rows) {
  const ratio = r.ours.seconds / r.parsing.seconds;
  console.log(`${r.kind === 'syntax' ? 'No type facts needed' : 'Type facts needed'} (${r.typeNote})`);
  console.log(`  ${pad(`tx-codemod run --dry (median of ${runs})`, 42)} ${r.ours.seconds.toFixed(2)} s  peak ${r.ours.peakMb.toFixed(0)} MB  (${r.report.counts.changed} changed, ${r.report.counts.skipped} skipped, ${r.report.counts.findings} findings, exit ${r.ours.status})`);
  console.log(`  ${pad('jscodeshift, transform that only parses', 42)} ${r.parsing.seconds.toFixed(2)} s  peak ${r.parsing.peakMb.toFixed(0)} MB (main process)`);
  console.log(`  ${pad('jscodeshift, transform that returns at once', 42)} ${r.idle.seconds.toFixed(2)} s`);
  console.log(`  ratio to the parsing run: ${ratio.toFixed(3)} (target <= ${r.target}) ${ratio <= r.target ? 'OK' : 'MISSED'}; memory target < 300 MB ${r.ours.peakMb < 300 ? 'OK' : 'MISSED'}\n`);
}

#!/usr/bin/env node
// Benchmark (not a test). The tree is real library code as it comes (every package installed for
// development, nothing left out for its content: the MongoDB driver, Mongoose, bundles, files
// that mention sessions and transactions) plus generated application files with transaction code.
// It measures tx-codemod's whole run (process start to exit: wall time, peak memory) next to
// jscodeshift 17 running a do-nothing transform over the same tree (the ratio the target is set
// on), with a transform that only parses printed beside it for scale; and tx-codemod on the
// library code alone next to `grep -rl startSession` over it (the I/O floor).
//
//   npm run bench                       200 transaction files, median of 3 runs
//   npm run bench -- --tx 400 --runs 5
//   npm run bench -- --copies 5         the installed packages five times over (a larger tree)
//   npm run bench -- <path> [--verbose] any tree (a real service): the whole run, its peak memory,
//                                       the slowest file, jscodeshift 17's parse-only run over the
//                                       same sources, grep over them; --verbose adds the phases
//   npm run bench -- --eslint <path>... the ESLint plugin: ESLint 9 with its recommended config next
//                                       to ESLint with one trivial rule over the same files (those
//                                       under the paths that hold transaction code; --all-files:
//                                       every source file), run in turn, the ratio taken pair by
//                                       pair; JavaScript through espree, TypeScript through
//                                       typescript-eslint's parser (scripts/lib/eslint-lint.mjs)
//
// Every measured run passes --no-cache (a cached answer would measure the cache); one more run
// after a cold one measures what the cache saves.
//
// Targets (issue #11): tx-codemod <= 0.10 of jscodeshift's do-nothing time, peak memory < 300 MB, and on the
// library code alone <= 10 times grep's time. Issue #20: the ESLint plugin at most 1.5 times ESLint
// with a trivial rule on the same files.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyInstalledSources } from './lib/library-tree.mjs';
import { measure, measureMedian } from './lib/measure.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FLAGS = new Set(['verbose', 'eslint', 'all-files']);
const args = {};
const positional = [];
for (let i = 2; i < process.argv.length; i++) {
  const arg = process.argv[i];
  if (!arg.startsWith('--')) positional.push(arg);
  else if (FLAGS.has(arg.slice(2))) args[arg.slice(2)] = true;
  else args[arg.slice(2)] = process.argv[++i];
}
const txFiles = Number(args.tx ?? 200);
const runs = Number(args.runs ?? 3);
const copies = Number(args.copies ?? 1);

/** Single-file fixture inputs: the application code of the tree. */
function transactionTemplates() {
  const templates = [];
  const fixtures = path.join(root, '__testfixtures__');
  for (const group of fs.readdirSync(fixtures).sort()) {
    const dir = path.join(fixtures, group);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const name of fs.readdirSync(dir).sort()) {
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

function write(dir, rel, text) {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), text);
}

/** `<tmp>/tx-codemod-bench/library` (the installed packages) and `<tmp>/tx-codemod-bench/app` (the same plus transaction files). */
function buildTrees() {
  const base = path.join(os.tmpdir(), 'tx-codemod-bench');
  const library = path.join(base, `library-${copies}`);
  const app = path.join(base, `app-${copies}-${txFiles}`);
  if (!fs.existsSync(path.join(library, '.complete'))) {
    fs.rmSync(library, { recursive: true, force: true });
    for (let i = 0; i < copies; i++) copyInstalledSources(path.join(root, 'node_modules'), path.join(library, 'lib', String(i)));
    write(library, 'package.json', JSON.stringify({ name: 'bench-library', private: true }));
    write(library, '.complete', '');
  }
  if (!fs.existsSync(path.join(app, '.complete'))) {
    fs.rmSync(app, { recursive: true, force: true });
    fs.cpSync(path.join(library, 'lib'), path.join(app, 'lib'), { recursive: true });
    const templates = transactionTemplates();
    const pairs = Math.max(1, Math.round(txFiles / 20));
    for (let i = 0; i < txFiles - pairs * 2; i++) {
      const template = templates[i % templates.length];
      write(app, `services/${i % 10}/service-${i}${template.ext}`, template.text);
    }
    for (let i = 0; i < pairs; i++) for (const [rel, text] of Object.entries(typedPair(i))) write(app, rel, text);
    write(app, 'package.json', JSON.stringify({ name: 'bench-app', private: true, dependencies: { mongoose: '^8.9.0' } }));
    write(app, 'tsconfig.json', JSON.stringify({ compilerOptions: { allowJs: true, module: 'commonjs', target: 'ES2022', esModuleInterop: true, skipLibCheck: true }, include: ['services', 'tx'] }));
    write(app, '.complete', '');
  }
  // The tree is kept between runs, perhaps from another checkout: its node_modules (Mongoose's
  // declarations, for type facts) must be this checkout's, and must exist.
  const modules = path.join(app, 'node_modules');
  fs.rmSync(modules, { force: true });
  fs.symlinkSync(path.join(root, 'node_modules'), modules);
  return { library, app };
}

function countSources(dir) {
  const out = spawnSync('find', [dir, '-path', '*/node_modules', '-prune', '-o', '-type', 'f', '-regex', '.*\\.[cm]?[jt]sx?$', '-print'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  return out.stdout.split('\n').filter((f) => f && !/\.d\.[cm]?ts$/.test(f)).length;
}

const cli = path.join(root, 'dist', 'bin', 'tx-codemod.js');
const jscodeshift = path.join(root, 'node_modules', 'jscodeshift', 'bin', 'jscodeshift.js');
const doNothing = path.join(os.tmpdir(), 'tx-codemod-bench-nothing.cjs');
fs.writeFileSync(doNothing, 'module.exports = () => undefined;\n');
const parseOnly = path.join(os.tmpdir(), 'tx-codemod-bench-parse.cjs');
fs.writeFileSync(parseOnly, 'module.exports = (file, api) => { api.jscodeshift(file.source); return undefined; };\n');
const reportFile = path.join(os.tmpdir(), 'tx-codemod-bench-report.json');
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
const pad = (s, n) => String(s).padEnd(n);

if (args.eslint) benchEslint(positional.map((p) => path.resolve(p)));
else if (positional.length > 0) benchTree(path.resolve(positional[0]));
else benchLibraryTree();

function benchLibraryTree() {
  const { library, app } = buildTrees();
  const ours = measureMedian(runs, process.execPath, [cli, 'run', '.', '--dry', '--no-color', '--no-cache', '--report', reportFile], app);
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
  const jscodeshiftRun = (transform) =>
    measure(process.execPath, [jscodeshift, '-t', transform, '--extensions=js,jsx,ts,tsx,mjs,cjs,mts,cts', '--parser=tsx', '--dry', '--silent', '--ignore-pattern=**/node_modules/**', '.'], app);
  const theirs = jscodeshiftRun(doNothing);
  const theirsParsing = jscodeshiftRun(parseOnly);
  const libraryRun = measureMedian(runs, process.execPath, [cli, 'run', '.', '--dry', '--no-color', '--no-cache'], library);
  const grep = measureMedian(runs, 'grep', ['-rl', 'startSession', '.'], library);

  const ratio = ours.seconds / theirs.seconds;
  const floorRatio = libraryRun.seconds / grep.seconds;
  console.log(`\nTree: ${countSources(app)} source files (${countSources(library)} of installed packages, ${txFiles} with transaction code); ${os.cpus().length} CPUs, load ${load()}, Node ${process.version}\n`);
  console.log(`  ${pad(`tx-codemod run --dry (median of ${runs})`, 46)} ${ours.seconds.toFixed(2)} s  peak ${ours.peakMb.toFixed(0)} MB  (${report.counts.changed} changed, ${report.parsed.length} parsed, ${report.counts.findings} findings, exit ${ours.status})`);
  console.log(`  ${pad('jscodeshift 17, do-nothing transform', 46)} ${theirs.seconds.toFixed(2)} s  peak ${theirs.peakMb.toFixed(0)} MB (main process)`);
  console.log(`  ${pad('jscodeshift 17, transform that only parses', 46)} ${theirsParsing.seconds.toFixed(2)} s  (for scale; tx-codemod at ${(ours.seconds / theirsParsing.seconds).toFixed(3)} of it)`);
  console.log(`  ratio ${ratio.toFixed(3)} (target <= 0.10) ${ratio <= 0.1 ? 'OK' : 'MISSED'}; peak memory (target < 300 MB) ${ours.peakMb < 300 ? 'OK' : 'MISSED'}\n`);
  console.log(`  ${pad(`tx-codemod on the installed packages alone (median of ${runs})`, 46)} ${libraryRun.seconds.toFixed(2)} s  peak ${libraryRun.peakMb.toFixed(0)} MB`);
  console.log(`  ${pad(`grep -rl startSession over them (median of ${runs})`, 46)} ${grep.seconds.toFixed(2)} s`);
  console.log(`  ratio ${floorRatio.toFixed(1)} (target <= 10) ${floorRatio <= 10 ? 'OK' : 'MISSED'}\n`);
  console.log(`  where tx-codemod's time went (last run): ${Object.entries(report.phases).map(([k, v]) => `${k} ${v} ms`).join(', ')}`);
}

/**
 * Any tree, measured the same way: the whole run (median of `runs`, --no-cache), its peak memory
 * and slowest file; jscodeshift 17's parse-only run over the very files tx-codemod discovered;
 * grep -rl startSession over them; one more run with the cache after a cold one.
 */
function benchTree(dir) {
  const ours = measureMedian(runs, process.execPath, [cli, 'run', '.', '--dry', '--no-color', '--no-cache', '--report', reportFile], dir);
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
  const sources = report.files.map((f) => f.file).filter((f) => /\.[cm]?[jt]sx?$/.test(f));
  const list = path.join(os.tmpdir(), 'tx-codemod-bench-files.txt');
  fs.writeFileSync(list, `${sources.join('\n')}\n`);
  const parsing = measure('sh', ['-c', `xargs -d '\\n' ${process.execPath} ${jscodeshift} -t ${parseOnly} --extensions=js,jsx,ts,tsx,mjs,cjs,mts,cts --parser=tsx --dry --silent < ${list}`], dir);
  const grep = measureMedian(runs, 'sh', ['-c', `xargs -d '\\n' grep -l startSession < ${list}`], dir);
  const slowest = [...report.files].sort((a, b) => b.durationMs - a.durationMs)[0];
  // The cache: one run that fills it (after clearing ours), then one that reuses it.
  const { cacheFolder } = createRequire(import.meta.url)(path.join(root, 'dist', 'lib', 'runner', 'cache', 'location.js'));
  const cache = cacheFolder(dir);
  if (cache) fs.rmSync(cache, { recursive: true, force: true });
  measure(process.execPath, [cli, 'run', '.', '--dry', '--no-color'], dir);
  const warm = cache && fs.existsSync(cache) ? measure(process.execPath, [cli, 'run', '.', '--dry', '--no-color'], dir) : undefined;
  const ratio = ours.seconds / parsing.seconds;
  const label = gitLabel(dir);
  console.log(`\nTree: ${dir}${label ? ` (${label})` : ''}: ${sources.length} source files; ${os.cpus().length} CPUs, load ${load()}, Node ${process.version}\n`);
  console.log(`  ${pad(`tx-codemod run --dry --no-cache (median of ${runs})`, 50)} ${ours.seconds.toFixed(2)} s  peak ${ours.peakMb.toFixed(0)} MB  (${report.parsed.length} parsed, ${report.counts.changed} changed, ${report.counts.findings} findings, exit ${ours.status})`);
  console.log(`  ${pad('slowest file', 50)} ${slowest ? `${(slowest.durationMs / 1000).toFixed(2)} s  ${slowest.file}` : '-'}`);
  console.log(`  ${pad('the same run again, with its cache', 50)} ${warm ? `${warm.seconds.toFixed(2)} s  peak ${warm.peakMb.toFixed(0)} MB` : '- (no node_modules folder git ignores: no cache)'}`);
  console.log(`  ${pad('jscodeshift 17, a transform that only parses', 50)} ${parsing.seconds.toFixed(2)} s  (exit ${parsing.status})`);
  console.log(`  ${pad(`grep -l startSession over the same files (median of ${runs})`, 50)} ${grep.seconds.toFixed(2)} s`);
  console.log(`  ratio to jscodeshift's parse ${ratio.toFixed(3)}, to grep ${(ours.seconds / grep.seconds).toFixed(1)}`);
  const notes = report.notes.filter((n) => n.startsWith('Type facts'));
  if (notes.length > 0) console.log(`  ${notes.join('\n  ')}`);
  if (args.verbose) {
    console.log(`\n  where the time went (last run): ${Object.entries(report.phases).map(([k, v]) => `${k} ${v} ms`).join(', ')}`);
    const slow = [...report.files].sort((a, b) => b.durationMs - a.durationMs).slice(0, 5).filter((f) => f.durationMs > 0);
    for (const f of slow) console.log(`    ${(f.durationMs / 1000).toFixed(2)} s  ${f.file}`);
  }
}

/**
 * The ESLint plugin against ESLint itself: the same files, the same parsers, once with the plugin's
 * recommended config and once with one trivial core rule, in turn (A B A B ...), so that the ratio
 * of each pair is taken while the machine runs at one speed; the median of those ratios.
 */
function benchEslint(dirs) {
  if (dirs.length === 0) throw new Error('--eslint needs the folders (or files) to lint');
  const requireHere = createRequire(import.meta.url);
  const { discoverFiles } = requireHere(path.join(root, 'dist', 'lib', 'runner', 'discover', 'discover.js'));
  const { holdsTransactionCode } = requireHere(path.join(root, 'dist', 'lib', 'runner', 'prefilter', 'prefilter.js'));
  const sources = discoverFiles(dirs, process.cwd());
  const files = args['all-files'] ? sources : sources.filter((f) => holdsTransactionCode(fs.readFileSync(f, 'utf8')));
  if (files.length === 0) throw new Error(`no file under ${dirs.join(', ')} holds transaction code`);
  const list = path.join(os.tmpdir(), 'tx-codemod-bench-eslint-files.txt');
  fs.writeFileSync(list, `${files.join('\n')}\n`);
  const lint = (mode) => measure(process.execPath, [path.join(root, 'scripts', 'lib', 'eslint-lint.mjs'), mode, list], process.cwd());
  const pairs = [];
  lint('plugin');
  for (let i = 0; i < runs; i++) {
    const plugin = lint('plugin');
    const trivial = lint('trivial');
    for (const run of [plugin, trivial]) if (run.status !== 0) throw new Error(`ESLint failed (exit ${run.status}): ${run.stderr.trim()}`);
    pairs.push({ plugin, trivial, ratio: plugin.seconds / trivial.seconds, cpuRatio: plugin.cpuSeconds / trivial.cpuSeconds });
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const row = (label, key) => {
    const seconds = pairs.map((p) => p[key].seconds);
    const cpu = pairs.map((p) => p[key].cpuSeconds);
    return `  ${pad(label, 52)} ${median(seconds).toFixed(2)} s (${Math.min(...seconds).toFixed(2)}-${Math.max(...seconds).toFixed(2)}), CPU ${median(cpu).toFixed(2)} s, peak ${Math.max(...pairs.map((p) => p[key].peakMb)).toFixed(0)} MB`;
  };
  const counts = JSON.parse(pairs[0].plugin.stdout.trim().split('\n').pop());
  const ts = files.filter((f) => /\.[cm]?tsx?$/.test(f)).length;
  const ratio = median(pairs.map((p) => p.ratio));
  console.log(`\nFiles: ${files.length} ${args['all-files'] ? 'source files' : 'files that hold transaction code'} (${files.length - ts} JavaScript, ${ts} TypeScript) under ${dirs.join(', ')}; ${os.cpus().length} CPUs, load ${load()}, Node ${process.version}\n`);
  console.log(row(`ESLint, tx-codemod's recommended config (${runs} runs)`, 'plugin'));
  console.log(row(`ESLint, one trivial rule (no-debugger) (${runs} runs)`, 'trivial'));
  console.log(`  ratio ${ratio.toFixed(2)} wall, ${median(pairs.map((p) => p.cpuRatio)).toFixed(2)} CPU (medians of ${runs} pairs; target <= 1.5) ${ratio <= 1.5 ? 'OK' : 'MISSED'}`);
  const findings = Object.entries(counts.messages).filter(([rule]) => rule.startsWith('tx-codemod/'));
  console.log(`  ${counts.files} files linted (${counts.unparsed} that ESLint's parser rejects); ${findings.map(([rule, n]) => `${rule.slice('tx-codemod/'.length)} ${n}`).join(', ') || 'no findings'}`);
}

function gitLabel(dir) {
  const out = spawnSync('git', ['-C', dir, 'log', '-1', '--format=%h'], { encoding: 'utf8' });
  const remote = spawnSync('git', ['-C', dir, 'remote', 'get-url', 'origin'], { encoding: 'utf8' });
  const commit = out.status === 0 ? out.stdout.trim() : '';
  const name = remote.status === 0 ? remote.stdout.trim().replace(/^.*[/:]([^/]+\/[^/]+?)(\.git)?$/, '$1') : '';
  return [name, commit].filter(Boolean).join(' at ');
}

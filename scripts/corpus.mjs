#!/usr/bin/env node
// The real-code run (a script, not a test): runs the built CLI over every checkout in a folder of
// real repositories (scripts/corpus.json lists them), each on a scratch copy, the way a user would
// review and then apply the migration, and checks that one run is the fixed point.
//
//   node scripts/corpus.mjs [folder] [--out <dir>] [--only <repo>[,<repo>]] [--cpus <n>]
//
// folder: checkouts named owner+name (default /work/realrepos). For each repository, in <out>/<repo>/:
//   patch.diff       what `run --dry` prints (the migration to review)
//   report.json      that run's --report
//   run.log          its standard error (findings, notes)
//   write.log        what the real run on the copy printed, with its exit code
//   second-run.diff  what `run --dry` prints after a real run on the copy: must be empty
//   check.txt        what `run --check` says right after, with its exit code
// and <out>/SUMMARY.md, one row per repository.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure } from './lib/measure.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'bin', 'tx-codemod.js');
const options = parseArgs(process.argv.slice(2));
if (!fs.existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first`);

const repos = listRepos(options.folder, options.only);
fs.mkdirSync(options.out, { recursive: true });
const rows = [];
for (const repo of repos) {
  process.stdout.write(`${repo} ... `);
  const row = runRepo(repo, path.join(options.folder, repo), path.join(options.out, repo));
  console.log(`${row.wallSeconds.toFixed(1)} s, ${row.changed} changed, ${row.findings} findings, converged ${row.converged ? 'yes' : 'NO'}`);
  rows.push(row);
}
fs.writeFileSync(path.join(options.out, 'SUMMARY.md'), summary(rows));
console.log(`\n${path.join(options.out, 'SUMMARY.md')}`);
process.exitCode = rows.every((r) => r.converged) ? 0 : 1;

function parseArgs(args) {
  const parsed = { folder: '/work/realrepos', out: path.join(os.tmpdir(), 'tx-codemod-corpus'), only: [], cpus: '1' };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--out') parsed.out = path.resolve(args[++i]);
    else if (arg === '--only') parsed.only.push(...args[++i].split(',').map((r) => r.replace('/', '+')));
    else if (arg === '--cpus') parsed.cpus = args[++i];
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else parsed.folder = path.resolve(arg);
  }
  return parsed;
}

function listRepos(folder, only) {
  const all = fs.readdirSync(folder, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const missing = only.filter((r) => !all.includes(r));
  if (missing.length > 0) throw new Error(`not in ${folder}: ${missing.join(', ')}`);
  return only.length > 0 ? only : all;
}

/** Dry run, real run, second dry run and --check on a scratch copy of one checkout. */
function runRepo(repo, checkout, out) {
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const copy = scratchCopy(checkout);
  try {
    const report = path.join(out, 'report.json');
    const dry = tool(copy, ['--dry', '--report', report]);
    fs.writeFileSync(path.join(out, 'patch.diff'), dry.stdout);
    fs.writeFileSync(path.join(out, 'run.log'), dry.stderr);
    const write = tool(copy, []);
    fs.writeFileSync(path.join(out, 'write.log'), `exit ${write.status}\n${write.stdout}${write.stderr}`);
    const second = tool(copy, ['--dry']);
    fs.writeFileSync(path.join(out, 'second-run.diff'), second.stdout);
    const check = tool(copy, ['--check']);
    fs.writeFileSync(path.join(out, 'check.txt'), `exit ${check.status}\n${check.stdout}${check.stderr}`);
    if (!fs.existsSync(report)) throw new Error(`${repo}: no report (exit ${dry.status}): ${dry.stderr.trim()}`);
    const json = JSON.parse(fs.readFileSync(report, 'utf8'));
    return {
      repo,
      parsed: json.parsed?.length ?? 0,
      changed: json.counts.changed,
      hunks: (dry.stdout.match(/^@@ /gm) ?? []).length,
      findings: json.findings.length,
      byTransform: countBy(json.findings, (f) => f.transform),
      failed: json.files.filter((f) => f.status === 'failed').length,
      written: writtenFiles(copy),
      converged: second.stdout.trim() === '',
      checkExit: check.status,
      wallSeconds: dry.seconds,
      peakMb: dry.peakMb,
      exits: `${dry.status}/${write.status}/${second.status}/${check.status}`,
    };
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

function tool(cwd, args) {
  const result = measure(process.execPath, [cli, 'run', '.', '--no-color', '--cpus', options.cpus, ...args], cwd);
  // GNU time appends the peak memory as the last line of standard error.
  const stderr = Number.isNaN(result.peakMb) ? result.stderr : result.stderr.replace(/[^\n]*\n?$/, '');
  return { ...result, stderr };
}

/**
 * A copy of the checkout outside any repository, committed to a fresh git repository so that the
 * real run finds a clean tree. A git checkout gives its tracked files (also those its .gitignore
 * would skip: the tool sees them, so the copy keeps them tracked); node_modules folders beside a
 * package.json are linked, not copied (type facts read Mongoose's declarations there).
 */
function scratchCopy(checkout) {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-codemod-corpus-'));
  const isGit = fs.existsSync(path.join(checkout, '.git'));
  const files = isGit ? git(checkout, ['ls-files', '-z']).split('\0').filter(Boolean) : listFiles(checkout);
  const copied = [];
  for (const file of files) {
    const source = path.join(checkout, file);
    if (file.split('/').includes('node_modules')) continue; // committed packages: linked below
    if (!fs.existsSync(source)) continue; // a blob the snapshot did not bring
    fs.mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
    fs.cpSync(source, path.join(copy, file), { verbatimSymlinks: true });
    copied.push(file);
  }
  for (const file of copied.filter((f) => path.basename(f) === 'package.json')) {
    const modules = path.join(checkout, path.dirname(file), 'node_modules');
    const link = path.join(copy, path.dirname(file), 'node_modules');
    if (fs.existsSync(modules) && !fs.existsSync(link)) fs.symlinkSync(modules, link);
  }
  git(copy, ['init', '-q']);
  fs.appendFileSync(path.join(copy, '.git', 'info', 'exclude'), 'node_modules\n');
  spawnSync('git', ['add', '-f', '--pathspec-from-file=-', '--pathspec-file-nul'], { cwd: copy, input: copied.join('\0') });
  git(copy, ['-c', 'user.name=corpus', '-c', 'user.email=corpus@localhost', 'commit', '-q', '--no-verify', '--allow-empty', '-m', 'checkout']);
  return copy;
}

/** Every file below a folder that is not a git checkout, without node_modules and .git. */
function listFiles(folder, prefix = '') {
  return fs.readdirSync(path.join(folder, prefix), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(prefix, entry.name);
    if (entry.name === 'node_modules' || entry.name === '.git') return [];
    return entry.isDirectory() ? listFiles(folder, rel) : [rel];
  });
}

function git(cwd, args) {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} in ${cwd}: ${result.stderr}`);
  return result.stdout;
}

function writtenFiles(copy) {
  return git(copy, ['status', '--porcelain']).split('\n').filter(Boolean).length;
}

function countBy(items, key) {
  const counts = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

function summary(rows) {
  const sum = (key) => rows.reduce((total, r) => total + r[key], 0);
  const transforms = (counts) => Object.entries(counts).map(([t, n]) => `${t} ${n}`).join(', ');
  const lines = [
    '# tx-codemod on real repositories',
    '',
    'One dry run per repository (the patch to review), then a real run on a scratch copy, a second dry run (must print nothing) and `--check`. Exit codes: dry / write / second dry / check.',
    '',
    '| repository | files parsed | changed | written | hunks | findings | findings by transform | failed | converged | check exit | wall s (dry) | peak MB | exits |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- | ---: | ---: | ---: | --- |',
    ...rows.map((r) =>
      `| ${r.repo} | ${r.parsed} | ${r.changed} | ${r.written} | ${r.hunks} | ${r.findings} | ${transforms(r.byTransform)} | ${r.failed} | ${r.converged ? 'yes' : '**no**'} | ${r.checkExit} | ${r.wallSeconds.toFixed(1)} | ${r.peakMb.toFixed(0)} | ${r.exits} |`,
    ),
    `| **total** (${rows.length}) | ${sum('parsed')} | ${sum('changed')} | ${sum('written')} | ${sum('hunks')} | ${sum('findings')} | ${transforms(mergeCounts(rows.map((r) => r.byTransform)))} | ${sum('failed')} | ${rows.filter((r) => r.converged).length} yes | | ${sum('wallSeconds').toFixed(1)} | | |`,
    '',
  ];
  return lines.join('\n');
}

function mergeCounts(list) {
  const merged = {};
  for (const counts of list) for (const [k, n] of Object.entries(counts)) merged[k] = (merged[k] ?? 0) + n;
  return merged;
}

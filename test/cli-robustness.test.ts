import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../lib';
import { BIN, LEAKY_FIXED, LEAKY_SOURCE, read, tempProject, tx } from './harness/cli';

/** A generated data module of about `mb` megabytes with a transaction helper on top: real trees hold such files. */
function generatedModule(mb: number): string {
  const rows: string[] = [];
  for (let size = 0, i = 0; size < mb * 1024 * 1024; i++) {
    const row = `  { id: ${i}, sku: 'SKU-${i}', name: 'Generated item number ${i}', price: ${i % 997}, session: null },\n`;
    rows.push(row);
    size += row.length;
  }
  return `${LEAKY_SOURCE}\nexport const catalogue = [\n${rows.join('')}];\n`;
}

const tmpFilesIn = (dir: string): string[] => {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) if (entry.name.endsWith('.tmp')) out.push(entry.name);
  return out;
};

describe('one bad file never takes down the run', () => {
  it('skips a multi-megabyte generated file with a note, and writes the ordinary files', () => {
    const dir = tempProject({ 'a.ts': LEAKY_SOURCE, 'b.ts': LEAKY_SOURCE, 'generated/catalogue.ts': generatedModule(3) });
    const result = tx(['run', '.'], dir);
    expect(result.status).toBe(0);
    expect(read(dir, 'a.ts')).toBe(LEAKY_FIXED);
    expect(read(dir, 'b.ts')).toBe(LEAKY_FIXED);
    expect(read(dir, 'generated/catalogue.ts')).toBe(generatedModule(3));
    expect(result.stderr).toMatch(/Skipped 1 generated or vendored file: 1 over the size limit \(--max-file-size\); name a file on the command line to include it \(e\.g\. catalogue\.ts\)/);
  });

  it('takes a large file named on the command line, and abandons it unchanged when it runs over the per-file budget', () => {
    const dir = tempProject({ 'a.ts': LEAKY_SOURCE, 'b.ts': LEAKY_SOURCE, 'generated/catalogue.ts': generatedModule(8) });
    // The budget is far above what the small files need (tens of ms) even on a loaded machine, and far below the catalogue's (seconds).
    const result = tx(['run', 'a.ts', 'b.ts', 'generated/catalogue.ts', '--file-timeout', '3', '--cpus', '1'], dir);
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(/failed +generated\/catalogue\.ts: abandoned after 3 s: it took longer than the per-file budget \(--file-timeout\); left unchanged\n/);
    expect(read(dir, 'a.ts')).toBe(LEAKY_FIXED);
    expect(read(dir, 'b.ts')).toBe(LEAKY_FIXED);
    expect(read(dir, 'generated/catalogue.ts')).toBe(generatedModule(8));
  });

  it('abandons a file whose parse needs more memory than a worker may have, and goes on in a new worker', async () => {
    const dir = tempProject({ 'a-catalogue.ts': generatedModule(6), 'b.ts': LEAKY_SOURCE });
    const result = await run({ paths: ['a-catalogue.ts', 'b.ts'], cwd: dir, cpus: 1, workerMemoryMb: 64 });
    expect(result.files.map((f) => [f.file, f.status, f.reason])).toEqual([
      ['a-catalogue.ts', 'failed', 'abandoned: it needed more than 64 MB of memory (the per-file limit); left unchanged'],
      ['b.ts', 'changed', undefined],
    ]);
    expect(read(dir, 'b.ts')).toBe(LEAKY_FIXED);
    expect(read(dir, 'a-catalogue.ts')).toBe(generatedModule(6));
  });

  it('lets --max-file-size raise or lower the limit', () => {
    const dir = tempProject({ 'a.ts': LEAKY_SOURCE });
    const lowered = tx(['run', '.', '--dry', '--max-file-size', '100'], dir);
    expect(lowered.stdout).toBe('');
    expect(lowered.stderr).toContain('1 over the size limit (--max-file-size)');
    expect(tx(['run', '.', '--dry', '--max-file-size', '1kb'], dir).stdout).toContain('+  try {');
    expect(tx(['run', '.', '--max-file-size', 'big'], dir).status).toBe(2);
  });

  it('reports binary, non-UTF-8, symlink-loop and unreadable files in one line each, and finishes the rest', () => {
    const dir = tempProject({ 'a.ts': LEAKY_SOURCE });
    fs.writeFileSync(path.join(dir, 'image.js'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x73, 0x65, 0x73, 0x73, 0x69, 0x6f, 0x6e]));
    fs.writeFileSync(path.join(dir, 'latin1.js'), Buffer.from("const caf\xe9 = require('mongoose'); // session\n", 'latin1'));
    fs.symlinkSync('loop.js', path.join(dir, 'loop.js'));
    fs.symlinkSync('missing.js', path.join(dir, 'gone.js'));
    const result = tx(['run', '.'], dir);
    expect(result.status).toBe(0);
    expect(read(dir, 'a.ts')).toBe(LEAKY_FIXED);
    const lines = result.stderr.split('\n');
    expect(lines).toContain('skipped   image.js: a binary file, not source text');
    expect(lines).toContain('skipped   latin1.js: not UTF-8 text: it is left as it is, since rewriting it could change its bytes');
    expect(lines).toContain('skipped   loop.js: a symbolic link that points back at itself (a loop)');
    expect(lines.some((l) => l.startsWith('skipped   gone.js: cannot read the file'))).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'latin1.js'), 'latin1')).toBe("const caf\xe9 = require('mongoose'); // session\n");
  });

  it('does not replace a read-only file, says so in one line, and writes the others', () => {
    const dir = tempProject({ 'a.ts': LEAKY_SOURCE, 'locked.ts': LEAKY_SOURCE });
    fs.chmodSync(path.join(dir, 'locked.ts'), 0o444);
    const result = tx(['run', '.'], dir);
    expect(result.status).toBe(3);
    expect(result.stderr).toContain('failed    locked.ts: cannot write the file: the file is read-only (mode 0444); make it writable to let tx-codemod change it; left as it was');
    expect(read(dir, 'locked.ts')).toBe(LEAKY_SOURCE);
    expect(read(dir, 'a.ts')).toBe(LEAKY_FIXED);
    expect(tmpFilesIn(dir)).toEqual([]);
  });
});

describe('parse failures and parsers', () => {
  it('exits 0 with a note for a broken file that holds no transaction code', () => {
    const dir = tempProject({
      'a.ts': LEAKY_SOURCE,
      'notes.js': "import mongoose from 'mongoose';\n// the session middleware, half written:\napp.use(session({ secret: 'x' \n",
    });
    const result = tx(['run', '.'], dir);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/skipped +notes\.js: does not parse and holds no Mongoose transaction code \(.+ at notes\.js:4:\d+\)/);
    expect(read(dir, 'a.ts')).toBe(LEAKY_FIXED);
  });

  it('parses Flow files (with the pragma, or that only Flow accepts) and keeps them Flow', () => {
    const flowBody = LEAKY_SOURCE.replace('(Order: any, id: string)', '(Order: Class<any>, id: ?string): Promise<void>').replace('export async', 'type Row = {| id: string |};\n\nexport async');
    const dir = tempProject({ 'with-pragma.js': `// @flow\n${flowBody}`, 'no-pragma.js': flowBody });
    const result = tx(['run', '.'], dir);
    expect(result.status).toBe(0);
    const fixed = LEAKY_FIXED.replace('(Order: any, id: string)', '(Order: Class<any>, id: ?string): Promise<void>').replace('export async', 'type Row = {| id: string |};\n\nexport async');
    expect(read(dir, 'with-pragma.js')).toBe(`// @flow\n${fixed}`);
    expect(read(dir, 'no-pragma.js')).toBe(fixed);
  });
});

describe('the --dry diff is a patch', () => {
  const variants: Record<string, string> = {
    'lf.ts': LEAKY_SOURCE,
    'crlf.ts': LEAKY_SOURCE.replace(/\n/g, '\r\n'),
    'bom.ts': `\uFEFF${LEAKY_SOURCE}`,
    'bom-crlf.ts': `\uFEFF${LEAKY_SOURCE.replace(/\n/g, '\r\n')}`,
    'no-final-newline.ts': LEAKY_SOURCE.replace(/\n$/, ''),
    'mixed.ts': LEAKY_SOURCE.replace(/\n/g, (_m, at: number) => (at % 3 === 0 ? '\r\n' : '\n')),
  };

  it('that git apply turns into exactly what a real run writes (LF, CRLF, BOM, no final newline, mixed endings)', () => {
    const dry = tempProject({ 'src/package.json': '{}', ...Object.fromEntries(Object.entries(variants).map(([k, v]) => [`src/${k}`, v])) });
    const real = tempProject({ 'src/package.json': '{}', ...Object.fromEntries(Object.entries(variants).map(([k, v]) => [`src/${k}`, v])) });
    const patch = tx(['run', 'src', '--dry'], dry);
    expect(patch.status).toBe(0);
    expect(patch.stdout).toContain('--- a/src/crlf.ts\n+++ b/src/crlf.ts\n');
    expect(patch.stdout).toContain('\\ No newline at end of file');
    expect(tx(['run', 'src'], real).status).toBe(0);
    fs.writeFileSync(path.join(dry, 'migration.patch'), patch.stdout);
    const applied = spawnSync('git', ['apply', '--whitespace=nowarn', 'migration.patch'], { cwd: dry, encoding: 'utf8' });
    expect(applied.status, applied.stderr).toBe(0);
    for (const name of Object.keys(variants)) {
      expect(fs.readFileSync(path.join(dry, 'src', name)).equals(fs.readFileSync(path.join(real, 'src', name))), name).toBe(true);
      expect(read(real, `src/${name}`)).not.toBe(variants[name]);
    }
  });

  it('names a file outside the current folder by its relative path, never a//<absolute path>', () => {
    const dir = tempProject({ 'project/pay.ts': LEAKY_SOURCE, 'elsewhere/README.md': '' });
    const result = tx(['run', path.join(dir, 'project'), '--dry'], path.join(dir, 'elsewhere'));
    expect(result.stdout).toContain('--- a/../project/pay.ts\n+++ b/../project/pay.ts\n');
    expect(result.stdout).not.toContain('a//');
    expect(result.stderr).toContain('apply the patch from a folder that holds every file it names');
  });
});

describe('interrupted runs leave no debris', () => {
  /** Starts a writing run over `count` changed files and sends `signal` once the first file is rewritten. */
  async function interrupt(signal: 'SIGINT' | 'SIGTERM', count: number): Promise<{ code: number | null; dir: string; stderr: string }> {
    const files: Record<string, string> = {};
    for (let i = 0; i < count; i++) files[`src/f${String(i).padStart(4, '0')}.ts`] = LEAKY_SOURCE.replace('pay', `pay${i}`);
    const dir = tempProject(files);
    const child = spawn(process.execPath, [BIN, 'run', 'src', '--cpus', '1'], { cwd: dir, env: { ...process.env, NO_COLOR: '1', CI: '1' } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const first = path.join(dir, 'src', 'f0000.ts');
    const code = await new Promise<number | null>((resolve) => {
      const poll = setInterval(() => {
        if (fs.readFileSync(first, 'utf8') !== files['src/f0000.ts']) {
          clearInterval(poll);
          child.kill(signal);
        }
      }, 2);
      child.on('exit', (c) => {
        clearInterval(poll);
        resolve(c);
      });
    });
    return { code, dir, stderr };
  }

  function expectWholeFiles(dir: string, count: number): number {
    let rewritten = 0;
    for (let i = 0; i < count; i++) {
      const text = read(dir, `src/f${String(i).padStart(4, '0')}.ts`);
      const before = LEAKY_SOURCE.replace('pay', `pay${i}`);
      const after = LEAKY_FIXED.replace('pay', `pay${i}`);
      expect([before, after]).toContain(text);
      if (text === after) rewritten++;
    }
    expect(tmpFilesIn(dir)).toEqual([]);
    return rewritten;
  }

  it('SIGINT while writing: no temporary files, every file whole, what was written is listed, exit 130', async () => {
    const count = 1500;
    const { code, dir, stderr } = await interrupt('SIGINT', count);
    expect(code).toBe(130);
    const rewritten = expectWholeFiles(dir, count);
    expect(rewritten).toBeGreaterThan(0);
    expect(rewritten).toBeLessThan(count);
    expect(stderr.match(/^changed +src\/f\d+\.ts/gm)?.length).toBe(rewritten);
    expect(stderr).toContain(`Interrupted: ${rewritten} file${rewritten === 1 ? '' : 's'} written`);
  });

  it('SIGTERM while writing exits 143 with the same guarantees', async () => {
    const count = 1500;
    const { code, dir } = await interrupt('SIGTERM', count);
    expect(code).toBe(143);
    expect(expectWholeFiles(dir, count)).toBeLessThan(count);
  });
});

describe('nothing but Mongoose changes', () => {
  it("never parses a look-alike library's transaction() in a project that uses Mongoose elsewhere", () => {
    const drizzle = "import { drizzle } from 'drizzle-orm/better-sqlite3';\nconst db = drizzle('app.db');\nexport function move(from: string, to: string) {\n  db.transaction((tx) => {\n    tx.run(from);\n    tx.run(to);\n  });\n}\n";
    const knex = "const knex = require('knex')({ client: 'pg' });\nasync function transfer() {\n  const trx = await knex.transaction();\n  trx('accounts').update({});\n  await trx.commit();\n}\nmodule.exports = { transfer };\n";
    const expressSession = "const session = require('express-session');\nmodule.exports = (app) => app.use(session({ secret: 's' }), (req) => { req.session.destroy(); req.session.endSession && req.session.endSession(); });\n";
    const dir = tempProject({ 'src/pay.ts': LEAKY_SOURCE, 'src/sql/move.ts': drizzle, 'src/sql/transfer.js': knex, 'src/web/session.js': expressSession });
    const result = tx(['run', 'src', '--dry', '--verbose', '--report', 'report.json'], dir);
    expect(result.status).toBe(0);
    expect(result.stdout).not.toContain('src/sql/');
    expect(result.stdout).not.toContain('src/web/');
    const report = JSON.parse(read(dir, 'report.json'));
    expect(report.parsed).toEqual(['src/pay.ts']);
    // --verbose says where the time went, parsing apart from the analysis that follows it.
    expect(result.stderr).toMatch(/Where the time went[^]*\d+ ms {2}parse\n[^]*\d+ ms {2}analysis\n/);
    for (const file of ['src/sql/move.ts', 'src/sql/transfer.js', 'src/web/session.js']) {
      expect(report.files.find((f: { file: string }) => f.file === file)).toMatchObject({ status: 'skipped', reason: expect.stringContaining('cannot reach Mongoose') });
    }
  });
});

describe('the import graph sees the whole package', () => {
  it('parses a helper named alone when a Mongoose file outside the paths given loads it', () => {
    const dir = tempProject({
      'package.json': JSON.stringify({ name: 'billing', dependencies: { mongoose: '^8.9.0' } }),
      'src/orders.js': "const mongoose = require('mongoose');\nconst { finishTx } = require('./tx');\nasync function place() {\n  const session = await mongoose.startSession();\n  session.startTransaction();\n  await finishTx(session);\n}\nmodule.exports = { place };\n",
      'src/tx.js': 'async function finishTx(session) {\n  await session.commitTransaction();\n  session.endSession();\n}\nmodule.exports = { finishTx };\n',
      'src/unrelated.js': 'async function finish(session) {\n  await session.commitTransaction();\n  session.endSession();\n}\nmodule.exports = { finish };\n',
    });
    const result = tx(['run', 'src/tx.js', 'src/unrelated.js', '--dry', '--report', 'report.json'], dir);
    expect(result.status).toBe(0);
    expect(JSON.parse(read(dir, 'report.json')).parsed).toEqual(['src/tx.js']);
  });
});

describe('quiet by default', () => {
  it('has no notes for packages where no transform looked at a fact, and one line for skipped vendored files', () => {
    const dir = tempProject({
      'package.json': JSON.stringify({ name: 'mono', private: true, workspaces: ['packages/*'] }),
      'packages/web/package.json': JSON.stringify({ name: 'web' }),
      'packages/web/index.js': "const session = require('express-session');\nmodule.exports = session;\n",
      'packages/cli/package.json': JSON.stringify({ name: 'cli' }),
      'packages/cli/index.js': 'module.exports = () => 42;\n',
      'packages/api/package.json': JSON.stringify({ name: 'api', dependencies: { mongoose: '^8.9.0' } }),
      'packages/api/pay.ts': LEAKY_SOURCE,
      '.yarn/releases/yarn-4.0.0.cjs': "var session = 1; // startSession endSession\n",
      'packages/web/vendor/lib.js': "exports.startSession = () => {};\n",
      'packages/web/public/app.min.js': "var s=require('mongoose');s.startSession();\n",
    });
    const result = tx(['run', '.', '--dry'], dir);
    expect(result.status).toBe(0);
    const notes = result.stderr.slice(result.stderr.indexOf('Notes:')).split('\n').filter((l) => l.startsWith('  '));
    expect(notes).toEqual([
      '  Mongoose version (packages/api): 8.9.0, from package.json range "^8.9.0"',
      '  AsyncLocalStorage mode (packages/api): off for the default Mongoose instance, transactionAsyncLocalStorage is never set',
      '  Skipped 3 generated or vendored files: 3 vendored or minified by path (.yarn/, vendor/, *.min.js); name a file on the command line to include it (e.g. yarn-4.0.0.cjs), or raise --max-file-size; --verbose lists them',
    ]);
    const named = tx(['run', 'packages/web/public/app.min.js', '--dry'], dir);
    expect(named.stdout).toBe('');
    expect(named.stderr).toContain('0 skipped');
  });
});

describe('worker threads', () => {
  it('give the same diff and report with --cpus 1 and --cpus 3', () => {
    const fixtures = path.join(__dirname, '..', '__testfixtures__');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-codemod-threads-'));
    for (const group of ['add-missing-await', 'hoist-end-session', 'strip-als-session']) {
      fs.cpSync(path.join(fixtures, group), path.join(dir, group), { recursive: true, filter: (src) => !src.includes(`${path.sep}output`) && !/\.output\./.test(src) });
    }
    const reportOf = (cpus: string) => {
      const result = tx(['run', '.', '--dry', '--cpus', cpus, '--report', `report-${cpus}.json`], dir);
      const report = JSON.parse(read(dir, `report-${cpus}.json`));
      const files = report.files.map(({ durationMs: _d, ...rest }: { durationMs: number }) => rest);
      return { stdout: result.stdout, status: result.status, files, findings: report.findings, changes: report.changes, notes: report.notes, parsed: report.parsed };
    };
    const one = reportOf('1');
    const three = reportOf('3');
    expect(one.parsed.length).toBeGreaterThan(20);
    expect(one.changes.length).toBeGreaterThan(10);
    expect(three).toEqual(one);
  });
});

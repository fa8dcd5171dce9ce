import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { read, tempProject, tx } from './harness/cli';

/** A helper that ends the session it is given, and a caller that passes the session it started. */
const PROJECT: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'shop', private: true, dependencies: { mongoose: '^8.4.0' } }),
  'node_modules/.keep': '',
  'src/tx.js': `async function finishTx(session) {
  await session.commitTransaction();
  session.endSession();
}

module.exports = { finishTx };
`,
  'src/orders.js': `const mongoose = require('mongoose');
const { finishTx } = require('./tx');
const Order = mongoose.model('Order');

async function placeOrder(item) {
  const session = await mongoose.startSession();
  session.startTransaction();
  await Order.create([{ item }], { session });
  await finishTx(session);
}

module.exports = { placeOrder };
`,
  'src/refunds.js': `const mongoose = require('mongoose');
const Refund = mongoose.model('Refund');

async function refund(id) {
  await mongoose.connection.transaction(async (session) => {
    await Refund.create([{ id }], { session });
  });
}

module.exports = { refund };
`,
};

/** A caller that passes a session it was handed: the helper must keep ending it. */
const ORDERS_NOT_OWNER = `const mongoose = require('mongoose');
const { finishTx } = require('./tx');
const Order = mongoose.model('Order');

async function placeOrder(session, item) {
  await Order.create([{ item }], { session });
  await finishTx(session);
}

module.exports = { placeOrder };
`;

interface Report {
  phases: Record<string, number>;
  files: Array<{ file: string; note?: string; durationMs: number }>;
  findings: Array<{ file: string; line: number; reason: string }>;
}

function dryRun(dir: string, ...flags: string[]): { diff: string; report: Report; status: number | null } {
  const reportFile = path.join(dir, '..', `${path.basename(dir)}-report.json`);
  const result = tx(['run', '.', '--dry', '--report', reportFile, ...flags], dir);
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as Report;
  return { diff: result.stdout, report, status: result.status };
}

/** The run with the cache gives what a run without it gives. */
function expectSameAsUncached(dir: string, ...flags: string[]): Report {
  const cached = dryRun(dir, ...flags);
  const fresh = dryRun(dir, '--no-cache', ...flags);
  expect(cached.diff).toBe(fresh.diff);
  expect(cached.report.findings).toEqual(fresh.report.findings);
  expect(cached.report.files).toEqual(fresh.report.files.map((f, i) => ({ ...f, durationMs: cached.report.files[i]!.durationMs })));
  return cached.report;
}

const TYPED_JS = path.join(__dirname, '..', '__testfixtures__', 'add-missing-await', 'typed-js', 'input');

const cacheDir = (dir: string) => path.join(dir, 'node_modules', '.cache', 'tx-codemod');

describe('the result cache', () => {
  it('reuses every result when nothing changed, with the same diff and findings', () => {
    const dir = tempProject(PROJECT);
    const first = dryRun(dir);
    expect(first.report.phases.parse).toBeGreaterThan(0);
    expect(fs.readdirSync(cacheDir(dir)).length).toBeGreaterThan(0);
    const second = dryRun(dir);
    expect(second.report.phases.parse).toBeUndefined();
    expect(second.diff).toBe(first.diff);
    expect(second.report.findings).toEqual(first.report.findings);
  });

  it('does not reuse a helper result once a caller in another file changed', () => {
    const dir = tempProject(PROJECT);
    const before = dryRun(dir);
    expect(before.diff).toContain('-  session.endSession();');
    fs.writeFileSync(path.join(dir, 'src/orders.js'), ORDERS_NOT_OWNER);
    const after = expectSameAsUncached(dir);
    expect(after.findings.some((f) => f.file === 'src/tx.js' && f.reason.includes('no caller was found that passes a session it started'))).toBe(true);
  });

  it('does not reuse results once the Mongoose version changed', () => {
    const dir = tempProject(PROJECT);
    dryRun(dir);
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'shop', private: true, dependencies: { mongoose: '^5.13.0' } }));
    expectSameAsUncached(dir);
  });

  it('does not reuse results once AsyncLocalStorage was switched on elsewhere', () => {
    const dir = tempProject(PROJECT);
    const before = dryRun(dir);
    expect(before.diff).not.toContain('src/refunds.js');
    fs.writeFileSync(path.join(dir, 'src/db.js'), "const mongoose = require('mongoose');\nmongoose.set('transactionAsyncLocalStorage', true);\nmodule.exports = mongoose;\n");
    expectSameAsUncached(dir);
    expect(dryRun(dir).diff).toContain('src/refunds.js');
  });

  it('keeps results apart for options that change the output', () => {
    const dir = tempProject(PROJECT);
    dryRun(dir);
    expectSameAsUncached(dir, '--als');
    expectSameAsUncached(dir, '--annotate');
    expectSameAsUncached(dir, '--transform', 'hoist-end-session');
  });

  it('does not reuse a result once a declaration it was answered from changed in another file', () => {
    const dir = tempProject({
      'package.json': JSON.stringify({ name: 'billing', private: true, dependencies: { mongoose: '^8.4.0' } }),
      'node_modules/.keep': '',
      'billing.js': fs.readFileSync(path.join(TYPED_JS, 'billing.js'), 'utf8'),
      'repository.js': fs.readFileSync(path.join(TYPED_JS, 'repository.js'), 'utf8'),
    });
    expect(dryRun(dir).diff).toContain('+    await repository.markPaid(number, session);');
    const repository = read(dir, 'repository.js').replace('async function markPaid', 'function markPaid').replace('  await Invoice', '  Invoice');
    fs.writeFileSync(path.join(dir, 'repository.js'), repository);
    expect(expectSameAsUncached(dir).findings.length).toBeGreaterThan(0);
  });

  it('keeps formatted texts, and formats again once the Prettier configuration changed', () => {
    const dir = tempProject({ ...PROJECT, '.prettierrc': JSON.stringify({ singleQuote: true, semi: true }) });
    const first = dryRun(dir);
    expect(first.report.phases.format).toBeGreaterThan(0);
    const again = dryRun(dir);
    expect(again.diff).toBe(first.diff);
    fs.writeFileSync(path.join(dir, '.prettierrc'), JSON.stringify({ singleQuote: false, semi: true }));
    const reformatted = expectSameAsUncached(dir);
    expect(reformatted.phases.parse).toBeUndefined();
    const notes = (report: Report) => report.files.map((f) => f.note ?? '').join('\n');
    expect(notes(first.report)).not.toContain('not formatted');
    expect(notes(reformatted)).toContain('not formatted: the file was not Prettier-formatted before the change');
  });

  it('is neither read nor written with --no-cache', () => {
    const dir = tempProject(PROJECT);
    dryRun(dir, '--no-cache');
    expect(fs.existsSync(cacheDir(dir))).toBe(false);
  });

  it('lets --dry, the run and --check share the analysis of the files the run did not change', () => {
    const dir = tempProject(PROJECT);
    const dry = dryRun(dir);
    expect(tx(['run', '.'], dir).status).toBe(0);
    expect(read(dir, 'src/tx.js')).not.toContain('endSession');
    const check = tx(['run', '.', '--check'], dir);
    expect(check.stdout).toBe('');
    expect(dry.diff).toContain('src/orders.js');
  });

  it('is not kept where git would see it', () => {
    const dir = tempProject({ ...PROJECT, '.gitignore': 'dist\n' }, { git: true });
    dryRun(dir);
    expect(fs.existsSync(cacheDir(dir))).toBe(false);
  });
});

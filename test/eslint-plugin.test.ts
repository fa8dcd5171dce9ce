import { ESLint, Linter } from 'eslint';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import txCodemod from '../lib/eslint';
import { runPipeline } from '../lib/pipeline';
import { RULE_NAMES } from '../lib/rules';
import { parseFile } from '../lib/facts/parse';
import { encodeText } from '../lib/facts/source-text';
import { run } from '../lib/runner/run';
import { ALL_RULES, eslintWith, REPO_ROOT, tempRoot, writeFiles } from './harness/lint';

vi.mock('../lib/pipeline', async (importOriginal) => {
  const original = await importOriginal<typeof import('../lib/pipeline')>();
  return { ...original, runPipeline: vi.fn(original.runPipeline) };
});

vi.mock('../lib/facts/parse', async (importOriginal) => {
  const original = await importOriginal<typeof import('../lib/facts/parse')>();
  return { ...original, parseFile: vi.fn(original.parseFile) };
});

const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };

const UNAWAITED = `const mongoose = require('mongoose');
const Order = mongoose.model('Order', new mongoose.Schema({ status: String }));

async function cancel(id) {
  await mongoose.connection.transaction(async (session) => {
    Order.deleteOne({ _id: id }, { session }).exec();
  });
}
`;

function project(files: Record<string, string>): string {
  const dir = tempRoot('tx-codemod-plugin-');
  writeFiles(dir, { 'package.json': '{ "dependencies": { "mongoose": "^8.9.0" } }\n', ...files });
  return dir;
}

describe('the tx-codemod ESLint plugin', () => {
  it('names itself with the package version and recommends errors for bugs and a warning for advice', () => {
    expect(txCodemod.meta).toEqual({ name: 'tx-codemod', version: pkg.version });
    expect(Object.keys(txCodemod.rules).sort()).toEqual([...RULE_NAMES].sort());
    const recommended = txCodemod.configs.recommended;
    expect(recommended.plugins?.['tx-codemod']).toBe(txCodemod);
    expect(recommended.rules).toEqual({
      'tx-codemod/no-unawaited-operation': 'error',
      'tx-codemod/end-session-in-finally': 'error',
      'tx-codemod/no-end-session-in-transaction-callback': 'error',
      'tx-codemod/no-unguarded-abort': 'error',
      'tx-codemod/prefer-connection-transaction': 'warn',
      'tx-codemod/no-redundant-als-session': 'error',
      'tx-codemod/no-session-less-operation': 'error',
      'tx-codemod/create-many-needs-ordered': 'error',
      'tx-codemod/no-request-scoped-transaction': 'error',
    });
  });

  it('runs the pipeline once per file for all its rules', async () => {
    const dir = project({ 'a.js': UNAWAITED, 'b.js': UNAWAITED.replace('cancel', 'drop') });
    const calls = vi.mocked(runPipeline).mock.calls.length;
    const results = await eslintWith(dir, [{ rules: ALL_RULES }]).lintFiles(['a.js', 'b.js']);
    expect(results.map((r) => r.messages.length)).toEqual([1, 1]);
    expect(vi.mocked(runPipeline).mock.calls.length - calls).toBe(2);
  });

  it('reads the tree ESLint parsed, and leaves a file without transaction code after a text search', async () => {
    const plain = `const express = require('express');
const Order = require('./order');

module.exports = express.Router().get('/orders', async (req, res) => res.json(await Order.find()));
`;
    const dir = project({ 'a.js': UNAWAITED, 'routes.js': plain });
    const pipelines = vi.mocked(runPipeline).mock.calls.length;
    const parses = vi.mocked(parseFile).mock.calls.length;
    const results = await eslintWith(dir, [{ rules: ALL_RULES }]).lintFiles(['a.js', 'routes.js']);
    expect(results.map((r) => r.messages.length)).toEqual([1, 0]);
    // Only a.js reaches the pipeline, which starts from ESLint's tree: no parse of either original text.
    expect(vi.mocked(runPipeline).mock.calls.slice(pipelines).map(([input]) => path.basename(input.file))).toEqual(['a.js']);
    const parsed = vi.mocked(parseFile).mock.calls.slice(parses).map(([, source]) => source);
    expect(parsed).not.toContain(UNAWAITED);
    expect(parsed).not.toContain(plain);
  });

  it('reports the bugs inside a transaction the advice would replace, as errors without a fix of their own', async () => {
    const chain = `const mongoose = require('mongoose');
const Product = mongoose.model('Product', new mongoose.Schema({ stock: Number }));

function restock(id) {
  let session = null;
  return Product.startSession()
    .then((s) => {
      session = s;
      session.startTransaction();
      return Product.updateOne({ _id: id }, { $inc: { stock: 1 } }, { session });
    })
    .then(() => session.commitTransaction())
    .catch((err) => {
      session.abortTransaction();
      throw err;
    });
}
`;
    const dir = project({ 'chain.js': chain });
    const [result] = await eslintWith(dir, [txCodemod.configs.recommended]).lintFiles(['chain.js']);
    const seen = result!.messages.map((m) => ({ rule: m.ruleId, line: m.line, severity: m.severity, fixable: m.fix !== undefined }));
    expect(seen).toContainEqual({ rule: 'tx-codemod/prefer-connection-transaction', line: 6, severity: 1, fixable: true });
    expect(seen).toContainEqual({ rule: 'tx-codemod/no-unawaited-operation', line: 14, severity: 2, fixable: false });
    // With the advice switched off, the rules for bugs see the chain as the codemod's other transforms do.
    const [withoutAdvice] = await eslintWith(dir, [txCodemod.configs.recommended, { rules: { 'tx-codemod/prefer-connection-transaction': 'off' } }]).lintFiles(['chain.js']);
    expect(withoutAdvice!.messages.map((m) => [m.ruleId, m.line])).toContainEqual(['tx-codemod/no-unawaited-operation', 14]);
  });

  it('keeps CRLF line breaks in its fixes', async () => {
    const lf = (body: string) => `const mongoose = require('mongoose');
const Order = mongoose.model('Order', new mongoose.Schema({ status: String }));

async function place(id) {
  await mongoose.connection.transaction(async (session) => {
${body}
  });
}
`;
    const crlf = (text: string) => encodeText(text, { bom: false, eol: 'crlf' });
    const before = lf("    await Promise.all([Order.create([{ status: 'new' }], { session }), Order.deleteOne({ _id: id }, { session })]);");
    const after = lf("    await Order.create([{ status: 'new' }], { session });\n    await Order.deleteOne({ _id: id }, { session });");
    const dir = project({ 'crlf.js': crlf(before) });
    const [result] = await new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: [txCodemod.configs.recommended], fix: true }).lintFiles(['crlf.js']);
    expect(result!.messages).toEqual([]);
    expect(result!.output).toBe(crlf(after));
  });

  it('refuses settings the codemod has no option for, naming the setting', () => {
    const linter = new Linter();
    const config = (settings: unknown): Linter.Config[] => [txCodemod.configs.recommended, { settings: { 'tx-codemod': settings } }];
    expect(() => linter.verify(UNAWAITED, config({ als: 'yes' }), 'x.js')).toThrow("settings['tx-codemod'].als must be true or false");
    expect(() => linter.verify(UNAWAITED, config({ mongoose: '8.0.0' }), 'x.js')).toThrow("settings['tx-codemod'].mongoose is not an option");
  });
});

describe('ESLint through the flat config on examples/shop', () => {
  /** A copy of the example with `tx-codemod` and `typescript-eslint` installed, and the configuration the README shows. */
  function shop(): string {
    const dir = tempRoot('tx-codemod-shop-');
    fs.rmSync(path.join(dir, 'node_modules'));
    fs.cpSync(path.join(REPO_ROOT, 'examples', 'shop'), dir, { recursive: true });
    fs.mkdirSync(path.join(dir, 'node_modules'));
    fs.symlinkSync(REPO_ROOT, path.join(dir, 'node_modules', 'tx-codemod'), 'dir');
    fs.symlinkSync(path.join(REPO_ROOT, 'node_modules', 'typescript-eslint'), path.join(dir, 'node_modules', 'typescript-eslint'), 'dir');
    writeFiles(dir, {
      'eslint.config.mjs': `import txCodemod from 'tx-codemod/eslint';
import tseslint from 'typescript-eslint';

export default [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, txCodemod.configs.recommended];
`,
    });
    return dir;
  }

  const lint = async (dir: string) => {
    const results = await new ESLint({ cwd: dir }).lintFiles(['src']);
    return results.flatMap((r) => r.messages.map((m) => ({ file: path.relative(dir, r.filePath), line: m.line, rule: m.ruleId, severity: m.severity, message: m.message })));
  };

  it('reports the bugs before the migration, and after it only what the migration left for a person', async () => {
    const dir = shop();
    const before = await lint(dir);
    expect(before.filter((m) => m.rule === null)).toEqual([]);
    const at = (file: string, line: number, rule: string) => before.filter((m) => m.file === file && m.line === line && m.rule === `tx-codemod/${rule}`);
    // forEach with an async callback, and a write nobody awaits
    expect(at('src/services/checkout.ts', 17, 'no-unawaited-operation')).toHaveLength(1);
    expect(at('src/services/checkout.ts', 22, 'no-unawaited-operation')[0]?.message).toContain('this query was never executed');
    // an abort that can run after the commit, endSession() everywhere but in a finally
    expect(at('src/routes/orders.js', 35, 'no-unguarded-abort')).toHaveLength(1);
    expect(at('src/routes/orders.js', 11, 'end-session-in-finally')).toHaveLength(1);
    // helpers that end the session they received, sessions never ended
    expect(at('src/services/refunds.ts', 9, 'end-session-in-finally')[0]?.message).toContain('stopped ending the received session');
    expect(at('src/services/refunds.ts', 39, 'end-session-in-finally')[0]?.message).toContain('never ended');
    // the promise chain (advice) and the unawaited abort inside it (a bug)
    expect(at('src/services/inventory.js', 8, 'prefer-connection-transaction')[0]?.severity).toBe(1);
    expect(at('src/services/inventory.js', 18, 'no-unawaited-operation')[0]?.severity).toBe(2);
    // sessions AsyncLocalStorage supplies (db.ts switches it on)
    expect(at('src/services/checkout.ts', 13, 'no-redundant-als-session')).toHaveLength(1);
    // every place the codemod changes or reports has a report
    const dry = await run({ paths: ['src'], cwd: dir, dry: true });
    const places = dry.files.flatMap((f) => [...f.changes, ...f.findings].map((c) => `${f.file}:${c.line}`));
    expect(places.length).toBeGreaterThan(0);
    for (const place of places) expect(before.some((m) => `${m.file}:${m.line}` === place), place).toBe(true);

    const migrated = await run({ paths: ['src'], cwd: dir, allowDirty: true });
    expect(migrated.counts.failed).toBe(0);
    // What is left is what the migration itself left for a person, as advice: no bug, nothing to fix.
    const after = await lint(dir);
    expect(after.filter((m) => m.severity !== 1)).toEqual([]);
    const leftAsIs = migrated.files.flatMap((f) => f.findings.filter((finding) => finding.reason.includes('left as is')).map((finding) => `${f.file} ${finding.reason}`));
    expect(leftAsIs.length).toBeGreaterThan(0);
    expect(after.map((m) => `${m.file} ${m.message}`)).toEqual(leftAsIs);
  });
});

import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PIPELINE_ORDER } from '../lib/transform-names';
import type { Finding, FindingReason } from '../lib/types';
import { ESCAPING_SOURCE, HANDED_ON_SOURCE, LEAKY_FIXED, LEAKY_SOURCE, git, read, tempProject, tx } from './harness/cli';

/** What hoist-end-session and manual-to-transaction both say of HANDED_ON_SOURCE's session, as one reason. */
const STORED_REASONS =
  'no finally was added to end this session, and hand-managed transaction left as is: the session is put on the request (`res.locals.dbSession`) for the route handlers, so it outlives the function';

/** A hand-managed transaction whose body sends a mail (a retry would send it twice) and whose abort can follow the commit. */
const RETRY_HAZARD_SOURCE = `const mongoose = require('mongoose');
const mailer = require('./mailer');

exports.order = async (Order, data) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await Order.create([data], { session });
    await mailer.sendMail({ to: data.email });
    await session.commitTransaction();
  } catch (err) {
    await session.abortTransaction();
    throw err;
  } finally {
    session.endSession();
  }
};
`;

describe('tx-codemod run --dry', () => {
  it('writes nothing and prints a unified diff with 3 lines of context', () => {
    const dir = tempProject({ 'src/pay.ts': LEAKY_SOURCE });
    const result = tx(['run', 'src', '--dry'], dir);
    expect(result.status).toBe(0);
    expect(read(dir, 'src/pay.ts')).toBe(LEAKY_SOURCE);
    expect(result.stdout).toContain('--- a/src/pay.ts\n+++ b/src/pay.ts\n@@ -2,6 +2,10 @@');
    expect(result.stdout).toContain('+  try {\n');
    expect(result.stdout).toContain('+    await session.endSession();\n');
    expect(result.stdout).not.toMatch(/\x1b\[/);
    expect(result.stderr).toContain('Dry run: 1 would change, 0 unchanged, 0 skipped, 0 failed, 0 findings');
  });

  it('colours the diff when forced, and never with --no-color', () => {
    const dir = tempProject({ 'a.ts': LEAKY_SOURCE });
    expect(tx(['run', '.', '--dry'], dir, { NO_COLOR: undefined, FORCE_COLOR: '1' }).stdout).toMatch(/\x1b\[32m\+/);
    expect(tx(['run', '.', '--dry', '--no-color'], dir, { NO_COLOR: undefined, FORCE_COLOR: '1' }).stdout).not.toMatch(/\x1b\[/);
  });
});

describe('tx-codemod run', () => {
  it('writes changed files in place and leaves files without transaction code alone', () => {
    const other = 'export const answer = 42;\n';
    const dir = tempProject({ 'src/pay.ts': LEAKY_SOURCE, 'src/other.ts': other });
    const result = tx(['run', 'src'], dir);
    expect(result.status).toBe(0);
    expect(read(dir, 'src/pay.ts')).toBe(LEAKY_FIXED);
    expect(read(dir, 'src/other.ts')).toBe(other);
    expect(result.stderr).toContain('changed   src/pay.ts');
    expect(result.stderr).toContain('Done: 1 changed, 0 unchanged, 1 skipped, 0 failed');
    expect(tx(['run', 'src'], dir).stderr).toContain('Done: 0 changed, 1 unchanged, 1 skipped');
  });

  it('reports a file that does not parse with file, line and cause, and still processes the others (exit 3)', () => {
    const dir = tempProject({ 'a.ts': LEAKY_SOURCE, 'broken.ts': 'import mongoose from "mongoose";\nconst s = await mongoose.startSession(\n' });
    const result = tx(['run', '.'], dir);
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(/failed +broken\.ts: does not parse: .+ \(broken\.ts:3:\d+\)/);
    expect(read(dir, 'a.ts')).toBe(LEAKY_FIXED);
  });

  it('keeps CRLF line endings, a byte order mark and the file mode', () => {
    const crlf = `\uFEFF${LEAKY_SOURCE.replace(/\n/g, '\r\n')}`;
    const dir = tempProject({ 'a.ts': crlf });
    fs.chmodSync(path.join(dir, 'a.ts'), 0o755);
    expect(tx(['run', '.'], dir).status).toBe(0);
    expect(read(dir, 'a.ts')).toBe(`\uFEFF${LEAKY_FIXED.replace(/\n/g, '\r\n')}`);
    expect(fs.statSync(path.join(dir, 'a.ts')).mode & 0o777).toBe(0o755);
    expect(fs.readdirSync(dir)).toEqual(['a.ts']);
  });

  it('keeps a shebang line', () => {
    const dir = tempProject({ 'tool.ts': `#!/usr/bin/env node\n${LEAKY_SOURCE}` });
    expect(tx(['run', '.'], dir).status).toBe(0);
    expect(read(dir, 'tool.ts')).toBe(`#!/usr/bin/env node\n${LEAKY_FIXED}`);
  });

  it('formats changed files with the project Prettier configuration only', () => {
    const source = LEAKY_SOURCE.replace(/'/g, '"').replace('{ paid: true }, { session });\n', '{ paid: true }, { session })\n');
    const formatted = tempProject({ '.prettierrc': '{ "singleQuote": true }\n', 'a.ts': LEAKY_SOURCE });
    tx(['run', '.'], formatted);
    expect(read(formatted, 'a.ts')).toBe(LEAKY_FIXED);
    const unformatted = tempProject({ 'a.ts': source });
    tx(['run', '.'], unformatted);
    expect(read(unformatted, 'a.ts')).toContain('import mongoose from "mongoose";');
    const forced = tempProject({ 'a.ts': source });
    tx(['run', '.', '--prettier'], forced);
    expect(read(forced, 'a.ts')).toContain('    await Order.updateOne({ _id: id }, { paid: true }, { session });\n');
  });

  it('puts a marker comment above findings with --annotate, once', () => {
    const dir = tempProject({ 'a.ts': ESCAPING_SOURCE });
    tx(['run', '.', '--annotate'], dir);
    const annotated = read(dir, 'a.ts');
    expect(annotated).toContain('  // tx-codemod: no finally was added to end this session: the session is stored on an object or another variable');
    expect(annotated.replace(/ *\/\/ tx-codemod: .*\n/, '')).toBe(ESCAPING_SOURCE);
    tx(['run', '.', '--annotate'], dir);
    expect(read(dir, 'a.ts')).toBe(annotated);
  });

  it('puts one marker above a site that several transforms report, giving every reason', () => {
    const dir = tempProject({ 'a.ts': HANDED_ON_SOURCE });
    tx(['run', '.', '--annotate'], dir);
    const annotated = read(dir, 'a.ts');
    expect(annotated.match(/\/\/ tx-codemod: /g)).toHaveLength(1);
    expect(annotated).toContain(`  // tx-codemod: ${STORED_REASONS}\n  res.locals.dbSession = session;`);
  });
});

/** A pnpm workspace whose db package exports a transaction wrapper; its package.json main is a build that is not there. */
function workspaceWithWrapper(callbackExtra: string): Record<string, string> {
  const wrapper = fs.readFileSync(path.join(__dirname, '..', '__testfixtures__', 'manual-to-transaction', 'wrapper-callers-cjs', 'input', 'utils', 'transaction.js'), 'utf8');
  return {
    'package.json': JSON.stringify({ name: 'shop-monorepo', private: true }),
    'pnpm-workspace.yaml': 'packages:\n  - "apps/*"\n  - "packages/*"\n',
    'packages/db/package.json': JSON.stringify({ name: '@shop/db', private: true, main: 'lib/index.js', dependencies: { mongoose: '^8.6.0' } }),
    'packages/db/src/index.js': "module.exports = require('./transaction');\n",
    'packages/db/src/transaction.js': wrapper,
    'apps/api/package.json': JSON.stringify({ name: '@shop/api', private: true, dependencies: { '@shop/db': 'workspace:*', mongoose: '^8.6.0' } }),
    'apps/api/src/orders.js': `const mongoose = require('mongoose');
const { runInTransaction } = require('@shop/db');

const Order = mongoose.model('Order', new mongoose.Schema({ customer: String, total: Number }));

exports.placeOrder = async (customer, total) => {
  const order = await runInTransaction(async (session) => {
    const [created] = await Order.create([{ customer, total }], { session });${callbackExtra}
    return created;
  });
  return String(order._id);
};
`,
  };
}

describe('transaction wrappers in a workspace', () => {
  it("judges a wrapper of one package by the callbacks another package passes, importing it by the package's name", () => {
    const dir = tempProject(workspaceWithWrapper(''));
    const result = tx(['run', '.', '--dry'], dir);
    expect(result.stdout).toContain('+  const result = await mongoose.connection.transaction(async (session) => {\n');
    expect(result.stdout).toContain('+++ b/packages/db/src/transaction.js');
    expect(result.stderr).toContain('1 would change');
    expect(result.stderr).toContain('0 findings');
  });

  it('keeps the wrapper when a callback of the other package has an effect, naming it there', () => {
    const dir = tempProject(workspaceWithWrapper("\n    await fetch('https://hooks.example.com/orders');"));
    const result = tx(['run', '.', '--dry'], dir);
    expect(result.stdout).not.toContain('.transaction(');
    expect(result.stderr).toContain(
      'the callback passed to runInTransaction() at ../../../apps/api/src/orders.js:7 has an effect outside the database (`fetch(\'https://hooks.example.com/orders\')` at ../../../apps/api/src/orders.js:9)',
    );
  });
});

describe('tx-codemod run --check', () => {
  it('exits 1 when a file would change and writes nothing', () => {
    const dir = tempProject({ 'a.ts': LEAKY_SOURCE });
    expect(tx(['run', '.', '--check'], dir).status).toBe(1);
    expect(read(dir, 'a.ts')).toBe(LEAKY_SOURCE);
  });

  it('finds nothing to change right after a run: one run is its own fixed point', () => {
    // Shapes where a refusal of one transform once depended on what a later one fixed.
    const fixture = (rel: string) => fs.readFileSync(path.join(__dirname, '..', '__testfixtures__', rel), 'utf8');
    const files = {
      'package.json': JSON.stringify({ dependencies: { mongoose: '^8.9.0' } }),
      'src/orders.js': fixture('pipeline/operations-collected.input.js'),
      'src/bookings.ts': fixture('pipeline/ends-in-try-and-catch-typed.input.ts'),
      'src/checkout.js': fixture('add-missing-await/assigned-not-awaited.input.js'),
      'src/seats.ts': fixture('hoist-end-session/end-inside-transaction-callback.input.ts'),
    };
    const dir = tempProject(files);
    expect(tx(['run', 'src'], dir).status).toBe(0);
    const written = Object.keys(files).map((rel) => read(dir, rel));
    expect(written.filter((text, i) => text !== Object.values(files)[i])).toHaveLength(4);
    const check = tx(['run', 'src', '--check'], dir);
    expect(check.stdout).toBe('');
    expect(check.stderr).toContain('0 would change');
    expect(Object.keys(files).map((rel) => read(dir, rel))).toEqual(written);
  });

  it('exits 1 when a finding needs review, 0 when everything is done', () => {
    expect(tx(['run', '.', '--check'], tempProject({ 'a.ts': ESCAPING_SOURCE })).status).toBe(1);
    expect(tx(['run', '.', '--check'], tempProject({ 'a.ts': LEAKY_FIXED })).status).toBe(0);
  });
});

describe('usage errors (exit 2)', () => {
  it('names the valid transforms when an unknown one is asked for', () => {
    const result = tx(['run', '.', '-t', 'hoist-end-session,nope'], tempProject({ 'a.ts': LEAKY_SOURCE }));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown transform "nope"; valid transforms: ');
    expect(result.stderr).toContain('hoist-end-session');
  });

  it('rejects a path that does not exist or holds no source file', () => {
    const dir = tempProject({ 'README.md': '# hi\n', 'node_modules/x/index.js': 'x.startSession();\n' });
    const missing = tx(['run', 'srcc'], dir);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('tx-codemod: srcc: no such file or directory\n');
    const empty = tx(['run', '.'], dir);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('.: no JavaScript or TypeScript source files found');
    expect(tx(['run', 'README.md'], dir).stderr).toContain('README.md: not a JavaScript or TypeScript source file');
  });

  it('rejects unknown options and report files that are neither .json nor .md', () => {
    const dir = tempProject({ 'a.ts': LEAKY_SOURCE });
    expect(tx(['run', '.', '--frobnicate'], dir).status).toBe(2);
    const badReport = tx(['run', '.', '--report', 'out.txt'], dir);
    expect(badReport.status).toBe(2);
    expect(read(dir, 'a.ts')).toBe(LEAKY_SOURCE);
  });
});

describe('git work trees', () => {
  it('refuses to write into a dirty tree, says how to proceed, and writes with --allow-dirty', () => {
    const dir = tempProject({ 'a.ts': LEAKY_SOURCE, 'b.ts': 'export const b = 1;\n' }, { git: true });
    fs.writeFileSync(path.join(dir, 'b.ts'), 'export const b = 2;\n');
    const refused = tx(['run', '.'], dir);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('uncommitted changes');
    expect(refused.stderr).toContain('--allow-dirty');
    expect(read(dir, 'a.ts')).toBe(LEAKY_SOURCE);
    expect(tx(['run', '.', '--dry'], dir).status).toBe(0);
    expect(tx(['run', '.', '--allow-dirty'], dir).status).toBe(0);
    expect(read(dir, 'a.ts')).toBe(LEAKY_FIXED);
  });

  it('processes tracked and untracked files but not ignored ones', () => {
    const dir = tempProject({ '.gitignore': 'generated/\n', 'a.ts': LEAKY_SOURCE, 'generated/g.ts': LEAKY_SOURCE }, { git: true });
    fs.writeFileSync(path.join(dir, 'new.ts'), LEAKY_SOURCE);
    expect(tx(['run', '.'], dir).status).toBe(2); // untracked new.ts makes the tree dirty
    git(dir, 'add', 'new.ts');
    git(dir, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'new');
    expect(tx(['run', '.'], dir).status).toBe(0);
    expect(read(dir, 'a.ts')).toBe(LEAKY_FIXED);
    expect(read(dir, 'new.ts')).toBe(LEAKY_FIXED);
    expect(read(dir, 'generated/g.ts')).toBe(LEAKY_SOURCE);
  });
});

describe('AsyncLocalStorage mode', () => {
  const service = `const mongoose = require('mongoose');
const Order = mongoose.model('Order');

async function pay(id) {
  await mongoose.connection.transaction(async (session) => {
    await Order.updateOne({ _id: id }, { paid: true }, { session });
  });
}

module.exports = { pay };
`;
  const stripped = service.replace('async (session) =>', 'async () =>').replace(', { session })', ')');
  const pkg = (range: string) => JSON.stringify({ name: 'svc', dependencies: { mongoose: range } });
  const switchOn = "require('mongoose').set('transactionAsyncLocalStorage', true);\n";

  it('is detected in another file of the package and reported with the version used', () => {
    const dir = tempProject({ 'package.json': pkg('^8.9.0'), 'src/db.js': switchOn, 'src/pay.js': service });
    const result = tx(['run', 'src', '-t', 'strip-als-session'], dir);
    expect(read(dir, 'src/pay.js')).toBe(stripped);
    expect(result.stderr).toContain('AsyncLocalStorage mode (.): on for the default Mongoose instance, transactionAsyncLocalStorage set at src/db.js:1');
    expect(result.stderr).toContain('Mongoose version (.): 8.9.0, from package.json range "^8.9.0"');
  });

  it('can be forced on with --als and off with --no-als', () => {
    const off = tempProject({ 'package.json': pkg('^8.9.0'), 'pay.js': service });
    tx(['run', '.', '-t', 'strip-als-session'], off);
    expect(read(off, 'pay.js')).toBe(service);
    tx(['run', '.', '-t', 'strip-als-session', '--als'], off);
    expect(read(off, 'pay.js')).toBe(stripped);
    const on = tempProject({ 'package.json': pkg('^8.9.0'), 'db.js': switchOn, 'pay.js': service });
    const result = tx(['run', '.', '-t', 'strip-als-session', '--no-als'], on);
    expect(read(on, 'pay.js')).toBe(service);
    expect(result.stderr).toContain('AsyncLocalStorage mode (.): off for the default Mongoose instance, forced by --no-als');
  });

  it('strips nothing on a Mongoose version without it, and says which version and what is needed', () => {
    const dir = tempProject({ 'package.json': pkg('^8.3.0'), 'db.js': switchOn, 'pay.js': service });
    const result = tx(['run', '.', '-t', 'strip-als-session'], dir);
    expect(read(dir, 'pay.js')).toBe(service);
    expect(result.stderr).toContain('but Mongoose 8.3.0 does not support it (needs 8.4.0 or later, or 7.8.x)');
  });
});

describe('promise-chain-to-transaction and the Mongoose version', () => {
  const chain = `const mongoose = require('mongoose');
const Task = mongoose.model('Task');

function finish(id) {
  let session = null;
  return mongoose
    .startSession()
    .then((_session) => {
      session = _session;
      session.startTransaction();
      return Task.updateOne({ _id: id }, { done: true }, { session });
    })
    .then(() => session.commitTransaction())
    .then(() => session.endSession());
}
`;

  it('leaves the chain alone when a package.json exists but names no Mongoose', () => {
    const dir = tempProject({ 'package.json': JSON.stringify({ name: 'w', dependencies: { mongodb: '^6.0.0' } }), 'worker.js': chain });
    const result = tx(['run', '.', '-t', 'promise-chain-to-transaction'], dir);
    expect(read(dir, 'worker.js')).toBe(chain);
    expect(result.stderr).toContain('worker.js:6:10 [promise-chain-to-transaction] promise-chain transaction left as is: this package neither depends on Mongoose nor has it installed, so its Mongoose version is unknown');
  });

  it('treats a project without package.json as on the current Mongoose, and says so', () => {
    const dir = tempProject({ 'worker.js': chain });
    const result = tx(['run', '.', '-t', 'promise-chain-to-transaction'], dir);
    expect(read(dir, 'worker.js')).toContain('await mongoose.connection.transaction(async (session) => {');
    expect(result.stderr).toContain('no package.json found; treated as the current Mongoose');
  });
});

describe('manual-to-transaction on the MongoDB driver alone', () => {
  it('names the driver as what rules transaction() out, not the Mongoose the package does not have', () => {
    const dir = tempProject({
      'package.json': JSON.stringify({ name: '@acme/mongo-repository', dependencies: { mongodb: '^6.3.0' } }),
      'src/repository.ts': "import { ClientSession, MongoClient } from 'mongodb';\n\n// A repository on the native driver: its sessions are the client's, whatever the package's\n// Mongoose (it has none). The reason names the driver, which is what rules transaction() out.\nexport class Repository {\n  constructor(private readonly client: MongoClient) {}\n\n  async withTransaction<T>(work: (session: ClientSession) => Promise<T>): Promise<T> {\n    const session = this.client.startSession();\n    let result: T | undefined;\n    try {\n      await session.withTransaction(async () => {\n        result = await work(session);\n      });\n    } finally {\n      await session.endSession();\n    }\n    return result as T;\n  }\n}\n",
      'src/ledger.js': "const { MongoClient } = require('mongodb');\n\nconst client = new MongoClient(process.env.MONGO_URL);\n\n// The same on the driver, hand-managed, in CommonJS.\nasync function transfer(from, to, amount) {\n  const session = client.startSession();\n  session.startTransaction();\n  try {\n    const accounts = client.db().collection('accounts');\n    await accounts.updateOne({ _id: from }, { $inc: { balance: -amount } }, { session });\n    await accounts.updateOne({ _id: to }, { $inc: { balance: amount } }, { session });\n    await session.commitTransaction();\n  } catch (err) {\n    if (session.inTransaction()) await session.abortTransaction();\n    throw err;\n  } finally {\n    await session.endSession();\n  }\n}\n\nmodule.exports = { transfer };\n",
    });
    const result = tx(['run', '.', '--dry', '-t', 'manual-to-transaction'], dir);
    const driver = "hand-managed transaction left as is: the session comes from the MongoDB driver's client.startSession(), which has no Mongoose transaction()";
    expect(result.stderr).toContain(`src/ledger.js:7:19 [manual-to-transaction] ${driver}`);
    expect(result.stderr).toContain(`src/repository.ts:9:21 [manual-to-transaction] ${driver}`);
    expect(result.stderr).not.toContain('neither depends on Mongoose');
  });
});

describe('reports', () => {
  it('writes a JSON report with every file, change, finding, count and timing', () => {
    const dir = tempProject({ 'a.ts': LEAKY_SOURCE, 'b.ts': ESCAPING_SOURCE, 'c.ts': 'export {};\n' });
    expect(tx(['run', '.', '--dry', '--report', 'report.json'], dir).status).toBe(0);
    const report = JSON.parse(read(dir, 'report.json'));
    expect(report.counts).toEqual({ changed: 1, unchanged: 1, skipped: 1, failed: 0, findings: 1 });
    expect(report.files.map((f: { file: string; status: string }) => `${f.file}:${f.status}`)).toEqual(['a.ts:changed', 'b.ts:unchanged', 'c.ts:skipped']);
    expect(report.changes).toEqual([
      { transform: 'hoist-end-session', file: 'a.ts', line: 4, description: 'added a finally that ends the session, which was never ended' },
    ]);
    expect(report.findings[0]).toMatchObject({ transform: 'hoist-end-session', file: 'b.ts', line: 5, column: 22 });
    expect(typeof report.elapsedMs).toBe('number');
    expect(report.tool.name).toBe('tx-codemod');
  });

  it('writes a Markdown summary for the pull request: counts by kind first, then each file in a collapsed section', () => {
    const dir = tempProject({
      'package.json': JSON.stringify({ dependencies: { mongoose: '^8.5.0' } }),
      'a.ts': LEAKY_SOURCE,
      'b.ts': ESCAPING_SOURCE,
      'c.js': RETRY_HAZARD_SOURCE,
    });
    tx(['run', '.', '--dry', '--report', 'summary.md'], dir);
    const md = read(dir, 'summary.md');
    expect(md).toContain('## Mongoose transaction migration (tx-codemod)');
    expect(md).toMatch(/Files: 2 changed, 1 unchanged, .* 3 changes, 2 findings to review\./);
    expect(md).toContain('### Changes by kind\n\n| Kind | Changes | Files | What was wrong |');
    expect(md).toContain('| `end-session-in-finally` | 1 | 1 | The session is not ended once, in a finally of the function that started it |');
    expect(md).toContain('| `no-unguarded-abort` | 1 | 1 | abortTransaction() can run after the commit was sent |');
    expect(md).toContain('| `no-unawaited-operation` | 1 | 1 | Nobody awaits this transaction operation |');
    expect(md).toContain('### Findings by kind\n\n| Kind | Findings | Files | What it means |');
    expect(md).toMatch(/\| Session outlives the function \| 1 \| 1 \| The session leaves the function/);
    expect(md).toMatch(/\| Body not safe to run twice \| 1 \| 1 \| transaction\(\) runs its callback again/);
    expect(md).toContain('<details><summary>3 files with changes or findings</summary>');
    expect(md).toContain('<summary><code>a.ts</code>: 1 change</summary>');
    expect(md).toContain('| 4 | change | `hoist-end-session` | added a finally that ends the session, which was never ended |');
    expect(md).toContain('<summary><code>b.ts</code>: 1 finding</summary>');
    expect(md).toMatch(/\| 5 \| \*\*finding\*\*: Session outlives the function \| `hoist-end-session` \| no finally was added to end this session: the session is stored on an object/);
    expect(md).toContain('<summary><code>c.js</code>: 2 changes, 1 finding</summary>');
  });

  it('gives a site that several transforms report one row, with every reason, counted under the kind of each', () => {
    const dir = tempProject({ 'package.json': JSON.stringify({ dependencies: { mongoose: '^8.5.0' } }), 'a.ts': HANDED_ON_SOURCE, 'b.js': RETRY_HAZARD_SOURCE });
    tx(['run', '.', '--dry', '--report', 'summary.md'], dir);
    tx(['run', '.', '--dry', '--report', 'report.json'], dir);
    const md = read(dir, 'summary.md');
    const report = JSON.parse(read(dir, 'report.json'));
    const site = report.findings.filter((f: Finding) => f.file === 'a.ts');
    expect(site).toHaveLength(1);
    expect(site[0]).toMatchObject({ transform: 'hoist-end-session', line: 6, reason: STORED_REASONS });
    expect(site[0].reasons.map((r: FindingReason) => r.transform)).toEqual(['hoist-end-session', 'manual-to-transaction']);
    expect(md).toContain('<summary><code>a.ts</code>: 1 finding</summary>');
    expect(md).toContain(`| 6 | **finding**: Session outlives the function | \`hoist-end-session\`, \`manual-to-transaction\` | ${STORED_REASONS} |`);
    expect(md).toMatch(/\| Session outlives the function \| 1 \| 1 \|/);
    expect(md).not.toContain('counted under each');
  });

  it('keeps the summary of a large migration to one screen: the per-file details are collapsed', () => {
    const files: Record<string, string> = { 'package.json': JSON.stringify({ dependencies: { mongoose: '^8.5.0' } }) };
    for (let i = 0; i < 40; i++) files[`src/service-${i}.ts`] = LEAKY_SOURCE;
    const dir = tempProject(files);
    tx(['run', '.', '--dry', '--report', 'summary.md'], dir);
    const md = read(dir, 'summary.md');
    const head = md.slice(0, md.indexOf('<details>'));
    expect(head).toContain('| `end-session-in-finally` | 40 | 40 |');
    expect(head.split('\n').length).toBeLessThan(20);
    expect(md.match(/<summary><code>src\/service-\d+\.ts<\/code>: 1 change<\/summary>/g)).toHaveLength(40);
  });
});

describe('other commands', () => {
  it('prints the version, help for every command, and the transform list', () => {
    const dir = tempProject({});
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));
    expect(tx(['--version'], dir).stdout.trim()).toBe(pkg.version);
    const help = tx(['run', '--help'], dir);
    expect(help.status).toBe(0);
    for (const flag of ['--dry', '--check', '--transform', '--als', '--no-als', '--report', '--allow-dirty', '--verbose', '--no-color']) {
      expect(help.stdout).toContain(flag);
    }
    const list = tx(['list'], dir);
    for (const name of PIPELINE_ORDER) expect(list.stdout).toContain(name);
    expect(list.stdout).toContain('Mongoose: ');
  });
});

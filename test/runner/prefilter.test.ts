import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PackageFacts } from '../../lib/facts/project';
import { ImportGraph } from '../../lib/runner/prefilter/import-graph';
import { scanImports } from '../../lib/facts/import-scan';
import { libraryTest, packageNames } from '../../lib/runner/prefilter/package-graph';
import { callsMongoSessions, holdsTransactionCode, textMightApply } from '../../lib/runner/prefilter/prefilter';
import { TEXT_MIGHT_APPLY } from '../../lib/transform-text';
import { PIPELINE_ORDER } from '../../lib/transform-names';
import { tempProject } from '../harness/cli';

const NODE_MODULES = path.join(__dirname, '..', '..', 'node_modules');

/** Every source file under `dir` (node_modules of the package itself included: they are its dependencies). */
function sourcesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourcesUnder(full));
    else if (/\.(c|m)?(j|t)sx?$/.test(entry.name) && !/\.d\.(c|m)?ts$/.test(entry.name)) out.push(full);
  }
  return out;
}

/** The import graph the runner would build over these files, and the prefilter's verdict for one. */
function graphOver(files: string[]): ImportGraph {
  const packages = new PackageFacts();
  const scanned = files.map((file) => {
    const text = fs.readFileSync(file, 'utf8');
    return { file, imports: scanImports(text), callsMongo: callsMongoSessions(text) };
  });
  return ImportGraph.build(scanned, packageNames(files, packages), libraryTest(packages));
}

function verdict(graph: ImportGraph, file: string): 'parsed' | 'text: no transaction code' | 'cannot reach Mongoose' {
  if (!textMightApply(fs.readFileSync(file, 'utf8'), PIPELINE_ORDER)) return 'text: no transaction code';
  return graph.reachesMongoose(file) ? 'parsed' : 'cannot reach Mongoose';
}

describe('the prefilter on real look-alike library files (as installed)', () => {
  const pkg = (name: string) => path.join(NODE_MODULES, name);
  const graph = graphOver(['express-session', 'knex', 'mongodb', 'mongoose', 'drizzle-orm/sqlite-core', 'drizzle-orm/better-sqlite3'].flatMap((p) => sourcesUnder(pkg(p))));

  it('leaves out express-session: it mentions sessions everywhere but never loads Mongoose', () => {
    expect(verdict(graph, path.join(pkg('express-session'), 'index.js'))).toBe('cannot reach Mongoose');
    expect(verdict(graph, path.join(pkg('express-session'), 'session', 'memory.js'))).toBe('cannot reach Mongoose');
  });

  it('leaves out a Knex transaction and drizzle transaction() callbacks', () => {
    const knex = path.join(pkg('knex'), 'lib', 'execution', 'transaction.js');
    expect(holdsTransactionCode(fs.readFileSync(knex, 'utf8'))).toBe(true);
    expect(verdict(graph, knex)).toBe('cannot reach Mongoose');
    expect(verdict(graph, path.join(pkg('drizzle-orm'), 'sqlite-core', 'db.js'))).toBe('cannot reach Mongoose');
    expect(verdict(graph, path.join(pkg('drizzle-orm'), 'better-sqlite3', 'session.js'))).toBe('cannot reach Mongoose');
  });

  it("leaves out the driver's internals (sessions.ts, mongo_client.ts) and Mongoose's own code", () => {
    // The driver's files name `require('mongodb')` only in JSDoc examples, which are comments.
    for (const file of ['src/sessions.ts', 'src/mongo_client.ts', 'lib/sessions.js', 'lib/mongo_client.js', 'src/operations/execute_operation.ts']) {
      expect(verdict(graph, path.join(pkg('mongodb'), file)), file).toBe('cannot reach Mongoose');
    }
    // Mongoose loads the driver, but it is the library, not code that uses it.
    expect(fs.readFileSync(path.join(pkg('mongoose'), 'lib', 'connection.js'), 'utf8')).toContain('endSession');
    expect(verdict(graph, path.join(pkg('mongoose'), 'lib', 'connection.js'))).toBe('cannot reach Mongoose');
  });

  it("leaves out a session-token cache (the driver's AWS temporary credentials)", () => {
    const cache = path.join(pkg('mongodb'), 'lib', 'cmap', 'auth', 'aws_temporary_credentials.js');
    expect(fs.readFileSync(cache, 'utf8')).toMatch(/[Ss]essionToken/);
    expect(verdict(graph, cache)).not.toBe('parsed');
  });
});

describe("the prefilter in Mongoose's own repository", () => {
  it('leaves out the implementation, and lets through the tests that use it like an application', () => {
    const repo = tempProject({
      'package.json': JSON.stringify({ name: 'mongoose' }),
      'lib/connection.js': "const mongodb = require('mongodb');\nexports.startSession = async (client) => { const session = client.startSession(); session.endSession(); };\n",
      'lib/index.js': "module.exports = require('./connection');\n",
      'test/transactions.test.js': "const db = require('../lib');\nit('commits', async () => {\n  const session = await db.startSession();\n  session.startTransaction();\n});\n",
    });
    const graph = graphOver(sourcesUnder(repo));
    expect(verdict(graph, path.join(repo, 'lib', 'connection.js'))).toBe('cannot reach Mongoose');
    expect(verdict(graph, path.join(repo, 'test', 'transactions.test.js'))).toBe('parsed');
  });
});

describe('the prefilter on application code', () => {
  const app = tempProject({
    'package.json': JSON.stringify({ name: 'shop', dependencies: { mongoose: '^8.9.0' } }),
    'src/models/order.js': "const mongoose = require('mongoose');\nmodule.exports = mongoose.model('Order', new mongoose.Schema({}));\n",
    'src/services/pay.js': "const Order = require('../models/order');\nconst { finish } = require('../helpers/tx');\nasync function pay(session) { await Order.create([{}], { session }); await finish(session); }\nmodule.exports = { pay };\n",
    'src/helpers/tx.js': "const { log } = require('../util/log');\nasync function finish(session) { log('done'); await session.commitTransaction(); session.endSession(); }\nmodule.exports = { finish };\n",
    'src/util/log.js': 'exports.log = (msg, session) => console.log(msg, session && session.id);\n',
    'src/app.ts': "import session from 'express-session';\nimport { pay } from './services/pay';\nexport const routes = { session, pay };\n",
    'src/container/transfer.js': "// Loaded by name by a dependency-injection container: nothing imports it, it imports nothing.\nmodule.exports = ({ connection }) => async () => {\n  const session = await connection.startSession();\n  await session.endSession();\n};\n",
    'src/auth/cache.ts': "// A session-token cache that nothing Mongoose-related loads.\nexport const sessions = new Map<string, string>();\nexport function endSession(id: string) { sessions.delete(id); }\n",
    'src/web/store.ts': "import session from 'express-session';\nexport const store = new session.MemoryStore();\n",
    'src/db/alias-user.ts': "import { Order } from '@models/order';\nexport async function refund(session: unknown) { return [Order, session]; }\n",
    'tsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "@models/*": ["src/models/*"] } } }',
  });
  const file = (rel: string) => path.join(app, rel);
  const graph = graphOver(sourcesUnder(path.join(app, 'src')));

  it('lets through files that load Mongoose, a model, or a module that does', () => {
    expect(verdict(graph, file('src/services/pay.js'))).toBe('parsed');
    expect(verdict(graph, file('src/app.ts'))).toBe('parsed');
    expect(verdict(graph, file('src/db/alias-user.ts'))).toBe('parsed');
  });

  it('lets through a file that calls startSession() whatever it imports (a container may hand it the connection)', () => {
    expect(verdict(graph, file('src/container/transfer.js'))).toBe('parsed');
  });

  it('keeps helpers that import nothing from Mongoose but are loaded by files that do, at any depth', () => {
    expect(verdict(graph, file('src/helpers/tx.js'))).toBe('parsed');
    expect(verdict(graph, file('src/util/log.js'))).toBe('parsed');
  });

  it('leaves out files no Mongoose file is connected to, whatever they say about sessions', () => {
    expect(verdict(graph, file('src/auth/cache.ts'))).toBe('cannot reach Mongoose');
    expect(verdict(graph, file('src/web/store.ts'))).toBe('cannot reach Mongoose');
  });

  it('names the files that load a helper, where they load it, and who can call it', () => {
    const tx = file('src/helpers/tx.js');
    const [site] = graph.importersOf(tx);
    expect(site!.file).toBe(file('src/services/pay.js'));
    expect(fs.readFileSync(site!.file, 'utf8').slice(site!.start, site!.start + 14)).toBe("'../helpers/tx");
    expect(graph.callersScope(tx)).toEqual([file('src/app.ts'), file('src/helpers/tx.js'), file('src/services/pay.js')]);
  });

  it('survives the trip to a worker thread as data', () => {
    const copy = ImportGraph.fromData(graph.toData());
    expect(copy.reachingFiles()).toEqual(graph.reachingFiles());
    expect(copy.callersScope(file('src/helpers/tx.js'))).toEqual(graph.callersScope(file('src/helpers/tx.js')));
    expect(copy.reachesMongoose(file('src/auth/cache.ts'))).toBe(false);
  });
});

describe('textMightApply', () => {
  const FIXTURES = path.join(__dirname, '..', '..', '__testfixtures__');
  const inputs = fs
    .readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.input\.[jt]sx?$/.test(name))
    .map((name) => fs.readFileSync(path.join(FIXTURES, name), 'utf8'));
  const words = ['sess.abortTransaction()', 'db.transaction(async () => {})', 'const Transaction = 1', 'withSession(fn)', 'endSession()', 'mySession', 'session'];

  it('rules out no text that a transform accepts on its own (the word check before the patterns)', () => {
    for (const text of [...inputs, ...words]) {
      for (const name of PIPELINE_ORDER) expect(textMightApply(text, [name]), `${name} on ${text.slice(0, 60)}`).toBe(TEXT_MIGHT_APPLY[name](text));
    }
    expect(inputs.length).toBeGreaterThan(100);
  });

  it('rules out text without any session or transaction word', () => {
    expect(textMightApply("import express from 'express';\nexport const app = express();\n", PIPELINE_ORDER)).toBe(false);
  });
});

describe('scanImports', () => {
  it('reads import, export-from, require and import() lines, but not comments or strings', () => {
    const text = [
      '/**',
      " * const { MongoClient } = require('mongodb');",
      ' */',
      "import x from 'mongoose';",
      'import type { A } from "./a";',
      "export * from './b';",
      "const s = \"require('fake')\";",
      "const c = require('./c'); // require('d')",
      "const e = await import('./e');",
      "import './side';",
      "import z = require('./g');",
      "foo.require('./not-a-require');",
      "module.exports = { connect, ...require('./barrel-part') };",
    ].join('\n');
    expect(scanImports(text).map((i) => i.specifier)).toEqual(['mongoose', './a', './b', './c', './e', './side', './g', './barrel-part']);
  });
});

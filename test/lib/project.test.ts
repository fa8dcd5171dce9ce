import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALS_OPTION, findAlsSwitches, findCreatedInstances, isTestFile } from '../../lib/mongoose/als-detection';
import { sourceFilesUnder } from '../../lib/runner/discover/discover';
import { ProjectTextIndex } from '../../lib/facts/text-index';
import { PackageFacts } from '../../lib/facts/project';
import { versionProblem } from '../../lib/mongoose/transaction-body';
import { tempProject } from '../harness/cli';

describe('PackageFacts.mongooseVersion', () => {
  it('takes the lowest version the package.json range allows', () => {
    const dir = tempProject({ 'package.json': JSON.stringify({ dependencies: { mongoose: '^7.6.3' } }), 'src/a.ts': '' });
    expect(new PackageFacts().mongooseVersion(path.join(dir, 'src/a.ts'))).toMatchObject({ version: '7.6.3', assumedCurrent: false });
  });

  it('lets dependencies decide, then the peer range (whose floor a library must work with), and says when the version is a floor', () => {
    const library = tempProject({
      'package.json': JSON.stringify({ peerDependencies: { mongoose: '>=6.0.14' }, devDependencies: { mongoose: '^6.5.4' } }),
      'lib/a.js': '',
    });
    const floor = new PackageFacts().mongooseVersion(path.join(library, 'lib/a.js'));
    expect(floor).toMatchObject({ version: '6.0.14', floorOf: 'the peerDependencies range ">=6.0.14" of package.json' });
    expect(versionProblem(floor)).toBe(
      'the project must work with Mongoose 6.0.14, the lowest version the peerDependencies range ">=6.0.14" of package.json allows; before 6.1.8 transaction() never ends its session (use session.withTransaction() with endSession() in a finally instead)',
    );
    const pinned = tempProject({ 'package.json': JSON.stringify({ dependencies: { mongoose: '5.9.15' }, peerDependencies: { mongoose: '>=5' } }), 'a.js': '' });
    const exact = new PackageFacts().mongooseVersion(path.join(pinned, 'a.js'));
    expect(exact).toMatchObject({ version: '5.9.15' });
    expect(exact.floorOf).toBeUndefined();
    expect(versionProblem(exact)).toBe(
      'the project uses Mongoose 5.9.15, which has no transaction(): it was added in 5.10.0 (use session.withTransaction() with endSession() in a finally instead)',
    );
    // Before 5.5 the driver Mongoose ships has no session.withTransaction() either: nothing to advise.
    expect(versionProblem({ ...exact, version: '5.4.0' })).toBe('the project uses Mongoose 5.4.0, which has no transaction(): it was added in 5.10.0');
  });

  it('falls back to the installed mongoose when the range is not a semver range', () => {
    const dir = tempProject({
      'package.json': JSON.stringify({ dependencies: { mongoose: 'latest' } }),
      'node_modules/mongoose/package.json': JSON.stringify({ version: '8.5.0' }),
      'a.js': '',
    });
    expect(new PackageFacts().mongooseVersion(path.join(dir, 'a.js'))).toMatchObject({ version: '8.5.0' });
  });

  it('takes the range of a workspaces root, but not of an unrelated package above', () => {
    const dir = tempProject({
      'package.json': JSON.stringify({ workspaces: ['packages/*'], devDependencies: { mongoose: '~8.4.1' } }),
      'packages/api/package.json': JSON.stringify({ name: 'api' }),
      'packages/api/a.ts': '',
      'vendor/package.json': JSON.stringify({ dependencies: { mongoose: '^7.0.0' } }),
      'vendor/tool/package.json': JSON.stringify({ name: 'tool' }),
      'vendor/tool/b.js': '',
    });
    expect(new PackageFacts().mongooseVersion(path.join(dir, 'packages/api/a.ts')).version).toBe('8.4.1');
    expect(new PackageFacts().mongooseVersion(path.join(dir, 'vendor/tool/b.js'))).toMatchObject({ version: undefined, assumedCurrent: false });
  });

  it('tells a package that names no Mongoose (the MongoDB driver alone, or Mongoose from elsewhere) from one whose mongoose dependency names no version', () => {
    const driverOnly = tempProject({ 'package.json': JSON.stringify({ dependencies: { mongodb: '^3.2.5' } }), 'db/session.js': '' });
    const driver = new PackageFacts().mongooseVersion(path.join(driverOnly, 'db/session.js'));
    expect(driver).toMatchObject({ version: undefined, absent: true });
    expect(versionProblem(driver)).toBe("this package neither depends on Mongoose nor has it installed, so its Mongoose version is unknown (or it uses only the MongoDB driver, whose sessions have no connection.transaction())");
    const unnamed = tempProject({ 'package.json': JSON.stringify({ dependencies: { mongoose: 'github:Automattic/mongoose' } }), 'a.js': '' });
    const unknown = new PackageFacts().mongooseVersion(path.join(unnamed, 'a.js'));
    expect(unknown).toMatchObject({ version: undefined });
    expect(unknown.absent).toBeUndefined();
    expect(versionProblem(unknown)).toMatch(/^the project's Mongoose version is unknown/);
  });

  it("takes Mongoose's own version in Mongoose's repository, whose tests load it by path", () => {
    const dir = tempProject({ 'package.json': JSON.stringify({ name: 'mongoose', version: '9.9.3', dependencies: { mongodb: '~7.0' } }), 'test/docs/transactions.test.js': '' });
    const own = new PackageFacts().mongooseVersion(path.join(dir, 'test/docs/transactions.test.js'));
    expect(own).toMatchObject({ version: '9.9.3', assumedCurrent: false, itself: true });
    expect(own.absent).toBeUndefined();
    expect(versionProblem(own)).toMatch(/^this package is Mongoose itself: its tests and documentation examples exercise the session API/);
  });

  it('treats a missing package.json as the current Mongoose', () => {
    const dir = tempProject({ 'a.js': '' });
    expect(new PackageFacts().mongooseVersion(path.join(dir, 'a.js'))).toMatchObject({ version: undefined, assumedCurrent: true });
  });
});

describe('PackageFacts.isPublicEntry', () => {
  const exportsOf = (exports: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({ name: 'kit', version: '1.0.0', exports, ...extra });

  it('takes the files an exports subpath pattern covers, mapped back from the build folder to src', () => {
    const dir = tempProject({
      'package.json': exportsOf({ '.': './dist/index.js', './*': { types: './dist/*.d.ts', default: './dist/*.js' } }),
      'src/index.ts': '',
      'src/helpers/transactions.ts': '',
      'test/helpers.spec.ts': '',
    });
    const facts = new PackageFacts();
    expect(facts.isPublicEntry(path.join(dir, 'src/index.ts'))).toBe(true);
    expect(facts.isPublicEntry(path.join(dir, 'src/helpers/transactions.ts'))).toBe(true);
    expect(facts.isPublicEntry(path.join(dir, 'test/helpers.spec.ts'))).toBe(false);
  });

  it('reads a folder that holds sources (lib/) as itself, and the package root only for a build of it', () => {
    const sources = tempProject({ 'package.json': exportsOf({ '.': './index.js', './lib/*': './lib/*.js' }), 'index.js': '', 'lib/a.js': '', 'plugins/b.js': '' });
    const facts = new PackageFacts();
    expect(facts.isPublicEntry(path.join(sources, 'lib/a.js'))).toBe(true);
    expect(facts.isPublicEntry(path.join(sources, 'plugins/b.js'))).toBe(false);
    const rootBuild = tempProject({ 'package.json': exportsOf({ './*': './dist/*.js' }), 'tx.ts': '', 'utils/db.ts': '' });
    expect(facts.isPublicEntry(path.join(rootBuild, 'utils/db.ts'))).toBe(true);
  });

  it('covers nothing for a private package, a pattern of another folder, or a pattern with two stars', () => {
    const hidden = tempProject({ 'package.json': exportsOf({ './*': './src/*.js' }, { private: true }), 'src/a.js': '' });
    const elsewhere = tempProject({ 'package.json': exportsOf({ './locales/*': './locales/*.json' }), 'src/a.js': '' });
    const twoStars = tempProject({ 'package.json': exportsOf({ './*/*': './src/*/*.js' }), 'src/a/b.js': '' });
    const facts = new PackageFacts();
    expect(facts.isPublicEntry(path.join(hidden, 'src/a.js'))).toBe(false);
    expect(facts.isPublicEntry(path.join(elsewhere, 'src/a.js'))).toBe(false);
    expect(facts.isPublicEntry(path.join(twoStars, 'src/a/b.js'))).toBe(false);
  });
});

describe('findAlsSwitches', () => {
  it('finds every form that switches transactionAsyncLocalStorage, with its value and the instance it configures', () => {
    const dir = tempProject({
      'package.json': '{}',
      'src/db.ts': "import mongoose from 'mongoose';\nmongoose.set('transactionAsyncLocalStorage', true);\n",
      'src/app.module.ts': "export const m = (c: any) => {\n  c.base.set({ transactionAsyncLocalStorage: true });\n};\n",
      'src/second.js': "const { Mongoose } = require('mongoose');\nconst reports = new Mongoose({ transactionAsyncLocalStorage: false });\nmodule.exports = reports;\n",
      'src/unrelated.js': "app.set('trust proxy', true);\n",
      'test/tx.test.js':
        "const mongoose = require('mongoose');\nconst m = new mongoose.Mongoose();\nm.set('transactionAsyncLocalStorage', true);\n" +
        "const conn = m.createConnection('mongodb://x');\nconn.base.set('transactionAsyncLocalStorage', true);\nrequire('mongoose').set('transactionAsyncLocalStorage', true);\n",
    });
    const index = new ProjectTextIndex(() => sourceFilesUnder(dir));
    expect(findAlsSwitches(dir, index.filesMentioning(ALS_OPTION), (file) => index.textOf(file))).toEqual([
      { file: 'src/app.module.ts', line: 2, enabled: true, instance: { kind: 'default' }, inTest: false },
      { file: 'src/db.ts', line: 2, enabled: true, instance: { kind: 'default' }, inTest: false },
      { file: 'src/second.js', line: 2, enabled: false, instance: { kind: 'created', name: 'reports' }, inTest: false },
      { file: 'test/tx.test.js', line: 3, enabled: true, instance: { kind: 'created', name: 'm' }, inTest: true },
      { file: 'test/tx.test.js', line: 5, enabled: true, instance: { kind: 'created', name: 'm' }, inTest: true },
      { file: 'test/tx.test.js', line: 6, enabled: true, instance: { kind: 'default' }, inTest: true },
    ]);
    expect(findCreatedInstances(dir, index.filesMentioning('Mongoose'), (file) => index.textOf(file))).toEqual(['src/second.js:2']);
  });

  it('tells test files by their folders and names', () => {
    for (const file of ['test/a.js', 'src/__tests__/a.ts', 'a.test.ts', 'orders.spec.js', 'e2e/flow.ts', 'app.e2e-spec.ts']) expect(isTestFile(file), file).toBe(true);
    for (const file of ['src/testing-utils.ts', 'src/contest.js', 'latest/a.js']) expect(isTestFile(file), file).toBe(false);
  });
});

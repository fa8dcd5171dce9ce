import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RunEnvironment } from '../../lib/runner/environment';
import { runPipeline } from '../../lib/pipeline';
import { TRANSFORMS } from '../../lib/registry';
import { toMarkdownReport } from '../../lib/report/markdown';
import type { ProjectView, Transform } from '../../lib/transform';
import { InvalidOutputError, NoFixedPointError } from '../../lib/errors';

// The helper ends a session it received: add-missing-await awaits that endSession(), then
// hoist-end-session removes it (the owner ends the session in its finally).
const SOURCE = `const mongoose = require('mongoose');
const Item = require('./item');

async function finish(session) {
  await session.commitTransaction();
  session.endSession();
}

async function run() {
  const session = await mongoose.startSession();
  try {
    await Item.create([{}], { session });
    await finish(session);
  } finally {
    await session.endSession();
  }
}
`;

function runAll(source: string, transforms = TRANSFORMS) {
  const env = new RunEnvironment();
  const file = path.join(__dirname, 'virtual.js');
  const project: ProjectView = {
    ...env.projectView(file),
    mongoose: () => ({ version: '8.24.0', source: 'test', assumedCurrent: false }),
    als: () => ({ enabled: false, origin: 'forced', where: [], notCounted: [], instancesOn: [], createdInstances: [] }),
  };
  return runPipeline({ file, displayPath: 'virtual.js', source, transforms, project, types: env.types, settings: { stripSave: false }, annotate: false, inRun: () => true });
}

describe('the change list', () => {
  it('describes the final output: an await added to an endSession() that a later transform removed is not listed', () => {
    const result = runAll(SOURCE);
    expect(result.output).toContain('async function finish(session) {\n  await session.commitTransaction();\n}');
    expect(result.changes.map((c) => `${c.line} ${c.transform}: ${c.description}`)).toEqual([
      '6 hoist-end-session: stopped ending the received session `session` (its callers end it in their finally)',
    ]);
  });

  it('is in line order in the Markdown report', () => {
    // hoist-end-session records the guard (line 12) before the owner's finally (line 5).
    const source = `const mongoose = require('mongoose');
const Item = require('./item');

async function run() {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await Item.create([{}], { session });
    await session.commitTransaction();
    session.endSession();
  } catch (e) {
    await session.abortTransaction();
    session.endSession();
    throw e;
  }
}
`;
    const result = runAll(source, TRANSFORMS.filter((t) => t.name === 'hoist-end-session'));
    const md = toMarkdownReport({
      cwd: '/',
      transforms: [],
      dry: true,
      files: [{ file: 'virtual.js', status: 'changed', changes: result.changes, findings: result.findings, durationMs: 1 }],
      counts: { changed: 1, unchanged: 0, skipped: 0, failed: 0, findings: 0 },
      notes: [],
      elapsedMs: 1,
    });
    const rows = md.split('\n').filter((line) => /^\| \d+ \| change \|/.test(line));
    expect(rows.map((row) => Number(/^\| (\d+)/.exec(row)![1]))).toEqual([5, 12]);
  });
});

/** A stand-in transform over identifiers: renames `from` to `to` wherever it appears, and may report. */
function renaming(name: string, from: string, to: string, report?: { at: string; reason: string }): Transform {
  return {
    name: name as Transform['name'],
    description: name,
    mongooseVersions: 'any',
    mightApply: () => true,
    apply(ctx) {
      for (const id of ctx.analysis.index.of('Identifier')) {
        if (report && id.node.name === report.at) ctx.report(id, report.reason);
        if (id.node.name !== from) continue;
        ctx.edits.replace(id.node.start!, id.node.end!, to);
        ctx.change(id, `${from} -> ${to}`);
      }
    },
  };
}

describe('the passes', () => {
  it('run the transforms again over their own output until nothing changes, lines naming the original file', () => {
    // `second` makes the `b` that `first` rewrites: one pass would stop at `b`, a second run would go on.
    const first = renaming('first', 'b', 'c');
    const second = renaming('second', 'a', 'b');
    const result = runAll('x();\na();\n', [first, second]);
    expect(result.output).toBe('x();\nc();\n');
    expect(result.changes.map((c) => `${c.line} ${c.transform}: ${c.description}`)).toEqual(['2 second: a -> b', '2 first: b -> c']);
  });

  it('report what the last pass finds, and the notes of earlier passes about code they rewrote', () => {
    // `first` refuses `b` while it is `b` (pass 1); once `second` made it `c`, a second run says nothing there.
    const first = renaming('first', 'b', 'c', { at: 'a', reason: 'a is not b yet' });
    const second = renaming('second', 'a', 'b', { at: 'a', reason: 'renamed a: check its callers' });
    const result = runAll('a();\n', [first, second]);
    expect(result.output).toBe('c();\n');
    expect(result.findings.map((f) => `${f.line} ${f.transform}: ${f.reason}`)).toEqual(['1 second: renamed a: check its callers']);
  });

  it('refuse a file that still changes after the last pass, as a bug of tx-codemod', () => {
    const flip = renaming('flip', 'a', 'b');
    const flop = renaming('flop', 'b', 'a');
    expect(() => runAll('a();\n', [flip, flop])).toThrow(NoFixedPointError);
  });
});

/** A stand-in transform that wraps the statement starting with `first` and the next one in a block of their own. */
function wrappingTwo(first: string): Transform {
  return {
    name: 'wrap' as Transform['name'],
    description: 'wrap',
    mongooseVersions: 'any',
    mightApply: (source) => !source.includes('// wrapped'),
    apply(ctx) {
      const at = ctx.source.indexOf(first);
      const end = ctx.source.indexOf('\n', ctx.source.indexOf('\n', at) + 1);
      ctx.edits.insert(at, '{ // wrapped\n  ');
      ctx.edits.insert(end, '\n}');
    },
  };
}

describe('the output', () => {
  it('is refused when it reads a name outside the block that now declares it (a ReferenceError, though it parses)', () => {
    const source = 'async function login(given) {\n  const owned = !given;\n  work();\n  return owned;\n}\n';
    expect(() => runAll(source, [wrappingTwo('const owned')])).toThrow(InvalidOutputError);
    expect(() => runAll(source, [wrappingTwo('const owned')])).toThrow(/reads `owned` outside the block that declares it \(line 4\)/);
  });

  it('is accepted when a name read outside a block was read that way already (a global the file also declares elsewhere)', () => {
    const source = 'function a() {\n  const name = 1;\n  work(name);\n}\nfunction b() {\n  return name;\n}\n';
    expect(runAll(source, [wrappingTwo('const name')]).output).toContain('{ // wrapped\n  const name = 1;\n  work(name);\n}');
  });
});

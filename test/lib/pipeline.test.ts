import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RunEnvironment } from '../../lib/runner/facts/environment';
import { runPipeline } from '../../lib/pipeline';
import { TRANSFORMS } from '../../lib/registry';
import { toMarkdownReport } from '../../lib/report/markdown';
import type { ProjectView } from '../../lib/transform';

const SOURCE = `const mongoose = require('mongoose');
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

function runAll(source: string) {
  const env = new RunEnvironment();
  const file = path.join(__dirname, 'virtual.js');
  const project: ProjectView = {
    ...env.projectView(file),
    mongoose: () => ({ version: '8.24.0', source: 'test', assumedCurrent: false }),
    als: () => ({ enabled: false, origin: 'forced', where: [], notCounted: [], instancesOn: [], createdInstances: [] }),
  };
  return runPipeline({ file, displayPath: 'virtual.js', source, transforms: TRANSFORMS, project, types: env.types, settings: { stripSave: false }, annotate: false, inRun: () => true });
}

describe('the change list', () => {
  it('describes the final output: an await added to an endSession() that a later transform removed is not listed', () => {
    const result = runAll(SOURCE);
    expect(result.output).not.toContain('session.endSession();\n  } catch');
    expect(result.changes.map((c) => `${c.line} ${c.transform}: ${c.description}`)).toEqual([
      '5 hoist-end-session: moved endSession() into a finally (2 calls removed)',
      '12 hoist-end-session: abortTransaction() now runs only while the transaction is open, so the error of a failed commit is not masked by "Cannot call abortTransaction after calling commitTransaction"',
    ]);
  });

  it('is in line order in the Markdown report', () => {
    const source = SOURCE.replace('    await Item.create([{}], { session });\n', '    Item.create([{}], { session });\n');
    const result = runAll(source);
    const md = toMarkdownReport({
      cwd: '/',
      transforms: [],
      dry: true,
      files: [{ file: 'virtual.js', status: 'changed', changes: result.changes, findings: result.findings, durationMs: 1 }],
      counts: { changed: 1, unchanged: 0, skipped: 0, failed: 0, findings: 0 },
      notes: [],
      elapsedMs: 1,
    });
    // Each file's entry under a transform lists its lines in order.
    const entries = md.split('\n').filter((line) => line.startsWith('- `virtual.js`'));
    expect(entries.length).toBe(2);
    const hoist = entries.find((e) => e.includes('finally'))!;
    const lines = [...hoist.matchAll(/line (\d+):/g)].map((m) => Number(m[1]));
    expect(lines).toEqual([5, 12]);
    for (const entry of entries) {
      const numbers = [...entry.matchAll(/line (\d+):/g)].map((m) => Number(m[1]));
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    }
  });
});

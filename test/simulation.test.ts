import * as fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { runDifferences } from './harness/compare-runs';
import { discoverCases, type FileCase } from './harness/fixtures';
import { scenarioFileFor, simulateCase, SimulationRoot } from './harness/simulate';

/**
 * Every converting fixture is run, input and output, against the Mongoose simulator: the output
 * must do what the input did (results, responses, logs, effects, committed data) and add no
 * session error, leak, violation or unhandled rejection of its own (test/harness/compare-runs.ts).
 */

const fileCases = discoverCases().filter((c): c is FileCase => c.kind === 'file');

/** Fixtures whose output converts a transaction to transaction(): each must have a scenario. */
function isConverting(fixture: FileCase): boolean {
  if (!fixture.output) return false;
  if (fixture.group === 'manual-to-transaction' || fixture.group === 'promise-chain-to-transaction') return true;
  return fixture.group === 'pipeline' && fs.readFileSync(fixture.output, 'utf8').includes('.transaction(');
}

/** Converting fixtures whose scenario is still to be written: this list only shrinks. */
const NOT_YET_SIMULATED: string[] = [
  'manual-to-transaction/abort-on-normal-path.js',
  'manual-to-transaction/assigned-in-try-typed.ts',
  'manual-to-transaction/assigned-in-try.js',
  'manual-to-transaction/catch-does-more.ts',
  'manual-to-transaction/compensating-transaction-in-catch.js',
  'manual-to-transaction/ends-in-try-and-catch.js',
  'manual-to-transaction/loop-with-continue.js',
  'manual-to-transaction/no-try.js',
  'manual-to-transaction/pure-libraries.js',
  'manual-to-transaction/unrelated-try-after.ts',
  'manual-to-transaction/value-through-typed-let.ts',
  'manual-to-transaction/with-transaction-only.js',
  'promise-chain-to-transaction/arrow-body.js',
  'promise-chain-to-transaction/arrow-body.ts',
  'promise-chain-to-transaction/catch-abort-rethrow.js',
  'promise-chain-to-transaction/catch-abort-rethrow.ts',
  'promise-chain-to-transaction/catch-fallback.ts',
  'promise-chain-to-transaction/catch-rethrow.js',
  'promise-chain-to-transaction/comments.js',
  'promise-chain-to-transaction/comments.ts',
  'promise-chain-to-transaction/commit-then-value-fallback.js',
  'promise-chain-to-transaction/commit-then-value-fallback.ts',
  'promise-chain-to-transaction/conditional-abort-mongoose7.ts',
  'promise-chain-to-transaction/conditional-abort.ts',
  'promise-chain-to-transaction/docs-style-dots.js',
  'promise-chain-to-transaction/floating-commit-ended.ts',
  'promise-chain-to-transaction/floating-commit.js',
  'promise-chain-to-transaction/floating-handler.ts',
  'promise-chain-to-transaction/floating.js',
  'promise-chain-to-transaction/guide-abort.js',
  'promise-chain-to-transaction/guide-aggregate.ts',
  'promise-chain-to-transaction/guide-basic.js',
  'promise-chain-to-transaction/guide-save.js',
  'promise-chain-to-transaction/guide-with-transaction.ts',
  'promise-chain-to-transaction/retry-hazards.ts',
  'promise-chain-to-transaction/same-names.js',
  'promise-chain-to-transaction/same-names.ts',
  'promise-chain-to-transaction/this-connection.js',
  'promise-chain-to-transaction/this-connection.ts',
  'promise-chain-to-transaction/values-flow-cart.js',
  'promise-chain-to-transaction/values-flow.ts',
  'pipeline/chain-with-floating-write.js',
  'pipeline/floating-and-leaking.ts',
  'pipeline/manual-then-als.ts',
];

const simulated = fileCases.filter((c) => c.output && fs.existsSync(scenarioFileFor(c)));
const root = new SimulationRoot();
afterAll(() => root.dispose());

describe('simulation', () => {
  it('covers every converting fixture', () => {
    const missing = fileCases.filter((c) => isConverting(c) && !fs.existsSync(scenarioFileFor(c)));
    expect(missing.map((c) => `${c.group}/${c.name}`).sort()).toEqual([...NOT_YET_SIMULATED].sort());
  });

  for (const fixture of simulated) {
    it(`${fixture.group}/${fixture.name}: the output runs like the input`, async () => {
      const { kinds, scenario, runs } = await simulateCase(root, fixture);
      const problems = kinds.flatMap((kind) =>
        runDifferences({ kind, input: runs.input[kind.kind], output: runs.output[kind.kind], inputNormal: runs.input.normal, scenario }).map(
          (problem) => `[${kind.kind}] ${problem}`,
        ),
      );
      expect(problems.join('\n\n')).toBe('');
    });
  }
});

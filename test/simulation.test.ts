import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDifferences } from './harness/compare-runs';
import { discoverCases, type FileCase } from './harness/fixtures';
import { loadScenario, scenarioFileFor, simulateCase, SimulationRoot } from './harness/simulate';

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

/** Transforms whose fixtures show their own fix only: an abort that hides a failed commit is left to hoist-end-session. */
const ONLY_THEIR_OWN_FIX = ['add-missing-await', 'strip-als-session'];

const simulated = fileCases.filter((c) => c.output && loadScenario(c));
const root = new SimulationRoot();
afterAll(() => root.dispose());

describe('simulation', () => {
  it('covers every converting fixture', () => {
    const missing = fileCases.filter((c) => isConverting(c) && !loadScenario(c));
    expect(missing.map((c) => `${path.relative(process.cwd(), scenarioFileFor(c))} (the format is in test/harness/simulate.ts)`)).toEqual([]);
  });

  // Cases run side by side (five at a time, vitest's default), their runs sharing one pool of worker threads.
  for (const fixture of simulated) {
    it.concurrent(`${fixture.group}/${fixture.name}: the output runs like the input`, async ({ expect }) => {
      const { kinds, scenario, runs } = await simulateCase(root, fixture);
      const guardsAborts = !ONLY_THEIR_OWN_FIX.includes(fixture.group);
      const problems = kinds.flatMap((kind) =>
        runDifferences({
          kind,
          input: runs.input[kind.kind],
          output: runs.output[kind.kind],
          inputNormal: runs.input[kind.path],
          scenario,
          guardsAborts,
        }).map((problem) => `[${kind.kind}] ${problem}`),
      );
      expect(problems.join('\n\n')).toBe('');
    });
  }
});

import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import ts from 'typescript';
import { DEFAULT_FIXTURE_MONGOOSE, type FileCase } from './fixtures';

/**
 * Runs a fixture's input and its output against the Mongoose simulator (test/mongoose-sim, a copy
 * of the project's shared mongoose-sim) and returns what each did, so the two can be compared.
 *
 * A fixture's scenario is `<case>.scenario.js` beside it (CommonJS; for a case name that has both a
 * .js and a .ts input, it exports `{ js: scenario, ts: scenario }`, and may leave one out):
 *
 *   const { id, req, res } = require('../../test/harness/simulation/kit');
 *   module.exports = {
 *     // Modules the fixture loads, by the specifier it uses. A function is the module's factory,
 *     // called with the simulator's mongoose and { effect, id }; its source is written out, so it
 *     // may use nothing from around it. A string is the module's CommonJS source.
 *     modules: {
 *       '../models/product': (mongoose) => mongoose.model('Product', new mongoose.Schema({ name: String, stock: Number })),
 *       '../lib/mailer': (mongoose, { effect }) => ({ send: async (to) => effect('mail', to) }),
 *     },
 *     setup: ({ mongoose }) => { ... },          // optional: before the fixture is loaded (models it looks up)
 *     seed: { Product: [{ _id: 'pen', name: 'pen', stock: 5 }] },   // `_id: 'pen'` means id('pen')
 *     paths: {                                    // `normal` is required; add the business failures
 *       normal: [{ call: 'createOrder', args: [req({ body: { productId: id('pen'), quantity: 2 } }), res()] }],
 *       'out of stock': { seed: { ... }, setup: (ctx) => { ... }, calls: [...] },
 *     },
 *     differences: { normal: { data: 'why the output's data is the fix' } },   // optional, see compare-runs.ts
 *     commitFailures: ['normal', 'out of stock'],  // optional: the paths also run with failing commits
 *   };
 *
 * A call is `{ call: 'name', args }` (an export; `default` is also `module.exports = fn`), `{ call: 'Class#method', construct, args }` (a
 * new instance of an exported class), or a function `(ctx) => ...`; `args` and `construct` may be
 * functions of `ctx` = `{ mongoose, sim, exports, id, model(name) }`; `thenCall: [...]` calls
 * the function the call returned (a middleware a wrapper made) with those; `observeArgs: true` also
 * compares the arguments as the call left them (an array it pushed to). What a call returned or
 * threw, and what it sent on a res()/next() among its arguments, is compared. A path's `seed`
 * replaces the scenario's; its `setup` runs after the scenario's, before the fixture is loaded.
 * Scenario files never require('mongoose') themselves: that would be the real one. Stub modules
 * report what they did outside the database with `effect(kind, ...args)`; console output is
 * recorded as the log. Ids, uuids (the uuid stub, crypto.randomUUID) and Math.random are
 * deterministic; times near now read `now`.
 *
 * Each scenario runs every path, and `normal` (or the paths of `commitFailures`) twice more: with
 * the next commit failing (`failCommits = 1`) and with each transaction()/withTransaction() commit
 * failing once (`transientFirstCommit`). Every run starts from a fresh module registry and a clean global
 * object, in a worker thread (runner.js), since the simulator's state is global; its timers run in
 * virtual time, so a run is the same on a loaded machine and never waits for real.
 */

export const SIMULATOR_DIR = path.join(__dirname, '..', 'mongoose-sim');
const RUNNER = path.join(__dirname, 'simulation', 'runner.js');
const PACKAGES = path.join(__dirname, 'simulation', 'packages');
const RUN_TIMEOUT_MS = 30_000;

export type Side = 'input' | 'output';
export type CommitMode = 'ok' | 'fails' | 'transient';

export interface RunKind {
  /** The path's name, or `commit-fails` / `transient-commit` (`<path>, commit-fails`, ...) for a path under a failing commit. */
  kind: string;
  path: string;
  commit: CommitMode;
}

export interface ScenarioCall {
  call: string;
}

export interface Scenario {
  modules?: Record<string, string | ((...args: unknown[]) => unknown)>;
  paths: Record<string, unknown>;
  differences?: Record<string, Record<string, string>>;
  /** Set when the normal path never commits (it aborts on purpose): the reason. */
  noCommit?: string;
  /** The paths that also run with a failing and a transient commit (default: `normal`). */
  commitFailures?: string[];
}

/** What one run did, as runner.js writes it. */
export interface Observation {
  calls: Array<{ call: string; returned?: unknown; threw?: unknown; pending?: boolean; sent?: unknown[] }>;
  finished: boolean;
  harnessError: string | null;
  logs: unknown[][];
  effects: unknown[][];
  data: Record<string, unknown[]>;
  report: {
    errors: Array<{ kind: string; name: string; message: string; op?: string }>;
    unhandled: Array<{ type: string; message: string }>;
    leaked: string[];
    violations: Array<{ kind: string; op?: string }>;
    events: Array<{ kind: string; op?: string }>;
  };
  commitFailuresLeft: number;
  names: Record<string, string>;
}

export interface CaseSimulation {
  kinds: RunKind[];
  scenario: Scenario;
  runs: Record<Side, Record<string, Observation>>;
}

const requireScenario = createRequire(__filename);

/** `<dir>/<base>.scenario.js` for `<dir>/<base>.input.<ext>`. */
export function scenarioFileFor(fixture: FileCase): string {
  const base = path.basename(fixture.input).replace(/\.input\.[cm]?[jt]sx?$/, '');
  return path.join(path.dirname(fixture.input), `${base}.scenario.js`);
}

const extensionOf = (file: string) => path.extname(file).slice(1);

/** The fixture's scenario, or undefined when there is none (no file, or a file keyed by extension without this one). */
export function loadScenario(fixture: FileCase): Scenario | undefined {
  const file = scenarioFileFor(fixture);
  if (!fs.existsSync(file)) return undefined;
  const loaded = requireScenario(file) as Scenario | Record<string, Scenario>;
  if ('paths' in loaded) return loaded as Scenario;
  return (loaded as Record<string, Scenario>)[extensionOf(fixture.input)];
}

/** Every path, and the paths of `commitFailures` (the normal one unless the scenario says) with a failing and a transient commit. */
export function runKinds(scenario: Scenario): RunKind[] {
  if (!scenario.paths.normal) throw new Error('a scenario needs a path named `normal`');
  const failing = scenario.commitFailures ?? ['normal'];
  for (const name of failing) if (!scenario.paths[name]) throw new Error(`commitFailures names ${name}, which is not a path`);
  const prefix = (name: string) => (name === 'normal' ? '' : `${name}, `);
  return [
    ...Object.keys(scenario.paths).map((name) => ({ kind: name, path: name, commit: 'ok' as const })),
    ...failing.flatMap((name) => [
      { kind: `${prefix(name)}commit-fails`, path: name, commit: 'fails' as const },
      { kind: `${prefix(name)}transient-commit`, path: name, commit: 'transient' as const },
    ]),
  ];
}

/**
 * A temporary folder whose node_modules holds the simulator as `mongoose` and the stub packages,
 * and the worker threads that run scenarios in it (runner.js: each run starts from a fresh module
 * registry and a clean global object; `TXSIM_FRESH=1` gives every run a new thread instead).
 */
export class SimulationRoot {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-codemod-sim-'));
  private readonly pool = new RunnerPool(Math.max(2, os.availableParallelism() + 1));

  constructor() {
    fs.writeFileSync(path.join(this.dir, 'package.json'), '{ "private": true, "type": "commonjs" }\n');
    fs.cpSync(SIMULATOR_DIR, path.join(this.dir, 'node_modules', 'mongoose'), { recursive: true });
    fs.cpSync(PACKAGES, path.join(this.dir, 'node_modules'), { recursive: true });
  }

  run(spec: RunSpec): Promise<Observation> {
    return this.pool.run(spec);
  }

  /** `TXSIM_KEEP=1` keeps the folder (each run's result-*.json is there) and says where it is. */
  async dispose(): Promise<void> {
    await this.pool.close();
    if (process.env.TXSIM_KEEP) console.log(`simulation runs kept in ${this.dir}`);
    else fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Runs every path of the fixture's scenario on its input and its output. */
export async function simulateCase(root: SimulationRoot, fixture: FileCase): Promise<CaseSimulation> {
  if (!fixture.output) throw new Error(`${fixture.group}/${fixture.name} has no output to compare`);
  const scenario = loadScenario(fixture);
  if (!scenario) throw new Error(`${fixture.group}/${fixture.name} has no scenario`);
  const kinds = runKinds(scenario);
  const caseDir = path.join(root.dir, fixture.group, fixture.name);
  const sides: Record<Side, string> = { input: fixture.input, output: fixture.output };
  const entries = {} as Record<Side, { entry: string; esm: boolean; project: string }>;
  for (const side of ['input', 'output'] as const) {
    const project = path.join(caseDir, side);
    entries[side] = { ...writeProject(project, sides[side], scenario), project };
  }
  const version = fixture.spec.options?.mongoose ?? DEFAULT_FIXTURE_MONGOOSE;
  const jobs = kinds.flatMap((kind) =>
    (['input', 'output'] as const).map((side) =>
      root
        .run({
          ...entries[side],
          scenario: scenarioFileFor(fixture),
          ext: extensionOf(fixture.input),
          path: kind.path,
          commit: kind.commit,
          als: fixture.spec.options?.als === true,
          version,
        })
        .then((observation) => ({ side, kind: kind.kind, observation })),
    ),
  );
  const runs: CaseSimulation['runs'] = { input: {}, output: {} };
  for (const { side, kind, observation } of await Promise.all(jobs)) {
    runs[side][kind] = observation;
    if (process.env.TXSIM_KEEP) fs.writeFileSync(path.join(entries[side].project, `result-${kind.replace(/\W+/g, '_')}.json`), JSON.stringify(observation, null, 2));
  }
  return { kinds, scenario, runs };
}

/** Writes the fixture (types stripped, ESM kept as .mjs) and the scenario's modules; returns the entry file. */
function writeProject(project: string, source: string, scenario: Scenario): { entry: string; esm: boolean } {
  const srcDir = path.join(project, 'src');
  fs.mkdirSync(srcDir, { recursive: true });
  const text = fs.readFileSync(source, 'utf8');
  const base = path.basename(source).replace(/\.(input|output)\.[cm]?[jt]sx?$/, '');
  const isTs = /\.[cm]?tsx?$/.test(source);
  let entry: string;
  let esm = false;
  if (isTs) {
    entry = path.join(srcDir, `${base}.js`);
    fs.writeFileSync(entry, stripTypes(text, source));
  } else {
    esm = source.endsWith('.mjs') || (!source.endsWith('.cjs') && isModuleSyntax(text, source));
    entry = path.join(srcDir, `${base}.${esm ? 'mjs' : 'js'}`);
    fs.writeFileSync(entry, text);
  }
  for (const [specifier, module] of Object.entries(scenario.modules ?? {})) {
    const file = moduleFile(project, srcDir, specifier);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, typeof module === 'string' ? module : factoryModule(specifier, module));
  }
  return { entry, esm };
}

function stripTypes(text: string, fileName: string): string {
  return ts.transpileModule(text, {
    fileName,
    reportDiagnostics: false,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      experimentalDecorators: true,
      useDefineForClassFields: false,
    },
  }).outputText;
}

function isModuleSyntax(text: string, fileName: string): boolean {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  return ts.isExternalModule(file);
}

function moduleFile(project: string, srcDir: string, specifier: string): string {
  if (!specifier.startsWith('.') && !specifier.startsWith('/')) return path.join(project, 'node_modules', specifier, 'index.js');
  const file = path.resolve(srcDir, specifier);
  if (!file.startsWith(project + path.sep)) throw new Error(`scenario module ${specifier} lies outside the scratch project`);
  return /\.(c?js|json)$/.test(file) ? file : `${file}.js`;
}

function factoryModule(specifier: string, factory: (...args: unknown[]) => unknown): string {
  const source = factory.toString();
  if (!/^(async\s+)?(function\b|\(|[\w$]+\s*=>)/.test(source)) {
    throw new Error(`scenario module ${specifier}: write the factory as an arrow function or a function expression`);
  }
  return `'use strict';\nmodule.exports = (${source})(require('mongoose'), globalThis.__txsimScenario);\n`;
}

interface RunSpec {
  project: string;
  entry: string;
  esm: boolean;
  scenario: string;
  ext: string;
  path: string;
  commit: CommitMode;
  als: boolean;
  version: string;
}

/** Worker threads running runner.js, one run at a time each; a thread that ran an ES module is not reused. */
class RunnerPool {
  private readonly idle: Worker[] = [];
  private readonly waiting: Array<(worker: Worker) => void> = [];
  private size = 0;

  constructor(private readonly max: number) {}

  async run(spec: RunSpec): Promise<Observation> {
    const worker = await this.acquire();
    let reusable = !spec.esm && !process.env.TXSIM_FRESH;
    try {
      return await this.send(worker, spec);
    } catch (err) {
      reusable = false;
      throw err;
    } finally {
      this.release(worker, reusable);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.idle.splice(0).map((worker) => worker.terminate()));
  }

  private acquire(): Promise<Worker> {
    const worker = this.idle.pop();
    if (worker) return Promise.resolve(worker);
    if (this.size < this.max) {
      this.size++;
      return Promise.resolve(this.spawn());
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(worker: Worker, reusable: boolean): void {
    if (!reusable) void worker.terminate();
    const next = this.waiting.shift();
    if (next) next(reusable ? worker : this.spawn());
    else if (reusable) this.idle.push(worker);
    else this.size--;
  }

  private spawn(): Worker {
    const worker = new Worker(RUNNER, { stdout: true, stderr: true });
    worker.unref();
    return worker;
  }

  private send(worker: Worker, spec: RunSpec): Promise<Observation> {
    const what = `the ${spec.path}/${spec.commit} run of ${spec.entry}`;
    return new Promise((resolve, reject) => {
      let output = '';
      const onOutput = (chunk: Buffer) => (output = (output + String(chunk)).slice(-4000));
      const done = () => {
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        worker.stdout.off('data', onOutput);
        worker.stderr.off('data', onOutput);
      };
      const onMessage = (message: { result?: Observation; failure?: string }) => {
        done();
        if (message.failure) reject(new Error(`${what} failed: ${message.failure}\n${output}`));
        else if (message.result!.harnessError) reject(new Error(`${what} failed: ${message.result!.harnessError}\n${output}`));
        else resolve(message.result!);
      };
      const onError = (err: Error) => {
        done();
        reject(new Error(`${what} failed: ${err.stack ?? err}\n${output}`));
      };
      const onExit = (code: number) => {
        done();
        reject(new Error(`${what} gave no result (the thread exited with ${code})\n${output}`));
      };
      const timer = setTimeout(() => {
        done();
        void worker.terminate();
        reject(new Error(`${what} gave no result in ${RUN_TIMEOUT_MS} ms\n${output}`));
      }, RUN_TIMEOUT_MS);
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.stdout.on('data', onOutput);
      worker.stderr.on('data', onOutput);
      worker.postMessage(spec);
    });
  }
}

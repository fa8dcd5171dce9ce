'use strict';
// Runs one path of a scenario against one side of a fixture (input or output) and reports what
// happened: what each call returned or threw, what it sent on its response, what was logged, the
// effects stub modules recorded, the committed data and the simulator's report.
//
// It runs in a worker thread started by test/harness/simulate.ts, which posts it one run spec at
// a time and gets each result back. Every run starts from a fresh module registry (the
// simulator, the scenario, the fixture and its modules are loaded again) and a clean global
// object: what the previous run added to either is removed first. A worker that ran an ES module
// is not given another run (an ES module cannot be unloaded). By hand, `node runner.js spec.json`
// prints the result of one run.
//
// Timers run in virtual time: the simulator's latencies (setTimeout) fire in the order of their
// due time, one at a time, each after the promise jobs the one before started, whatever the load
// on the machine; so operations nobody awaited interleave the same way in every run, and no run
// waits for real. A run's result is taken when nothing is left to do (no timer, no pending I/O),
// so work nobody awaited has finished (or failed) by then.

const fs = require('node:fs');
const path = require('node:path');
const nodeCrypto = require('node:crypto');
const { createRequire, syncBuiltinESMExports } = require('node:module');
const { pathToFileURL } = require('node:url');
const { isMainThread, parentPort } = require('node:worker_threads');
const kit = require('./kit');

const realSetImmediate = setImmediate;
const MINUTE = 60 * 1000;
const YEAR = 366 * 24 * 60 * MINUTE;
const MAX_TIMERS = 100000;

/** What the run in progress has recorded; replaced at the start of every run. */
let run = null;

// ---------------------------------------------------------------- describing values
// A time the run made (now, or now plus three days) reads as its distance from the run's start,
// in minutes, so that two runs started at different times agree.
const isNear = (ms) => Math.abs(ms - run.started) < YEAR;
const sinceStart = (ms) => {
  const minutes = Math.round((ms - run.started) / MINUTE);
  return minutes === 0 ? 'now' : `now${minutes > 0 ? '+' : ''}${minutes}min`;
};

function describe(value, seen = new Set()) {
  if (value === undefined) return { $undefined: true };
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'string') return value.replace(/\b1\d{12}\b/g, (ms) => (isNear(Number(ms)) ? `$${sinceStart(Number(ms))}` : ms));
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { $number: String(value) };
    return Number.isInteger(value) && value > 1e12 && isNear(value) ? { $time: sinceStart(value) } : value;
  }
  if (typeof value === 'bigint') return { $bigint: String(value) };
  if (typeof value === 'symbol') return { $symbol: String(value.description) };
  if (kit.recorded(value)) return { $recorder: typeof value === 'function' ? 'next' : 'res' };
  if (typeof value === 'function') return { $function: value.name || 'anonymous' };
  if (value instanceof Error) {
    const name = value.constructor && value.constructor.name;
    return { $error: name || 'Error', message: value.message };
  }
  if (value instanceof Date) return { $date: isNear(value.getTime()) ? sinceStart(value.getTime()) : value.toISOString() };
  if (typeof value.toHexString === 'function' && typeof value.equals === 'function') return { $oid: value.toHexString() };
  if (typeof value.then === 'function') return { $thenable: value[Symbol.toStringTag] || value.constructor?.name || 'Promise' };
  if (value.constructor && value.constructor.name === 'ClientSession') return { $session: true };
  if (seen.has(value)) return { $cycle: true };
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => describe(item, seen));
    if (value instanceof Map) return { $map: [...value].map(([k, v]) => [describe(k, seen), describe(v, seen)]) };
    if (value instanceof Set) return { $set: [...value].map((v) => describe(v, seen)) };
    if (typeof value.toObject === 'function' && value.constructor && value.constructor.modelName) {
      return { $doc: value.constructor.modelName, fields: describe(value.toObject(), seen) };
    }
    const out = {};
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) out.$class = (value.constructor && value.constructor.name) || 'anonymous';
    for (const key of Object.keys(value)) {
      if (value[key] !== undefined) out[key] = describe(value[key], seen);
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

// ---------------------------------------------------------------- what the process provides
// Installed once; each reads the run in progress.
for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace']) {
  console[level] = (...args) => run.logs.push([level, ...args.map((a) => describe(a))]);
}

function fireNext() {
  run.firing = false;
  const { timers } = run;
  if (!timers.length) return;
  if (++run.fired > MAX_TIMERS) {
    run.harnessError = `more than ${MAX_TIMERS} timers fired: the code never settles (a setInterval?)`;
    timers.length = 0;
    return;
  }
  timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
  const timer = timers.shift();
  run.virtualNow = timer.at;
  if (timer.every !== undefined) addTimer(timer.fn, timer.every, timer.args, timer.every, timer.handle);
  schedule();
  timer.fn(...timer.args);
}
function schedule() {
  if (!run.firing && run.timers.length) {
    run.firing = true;
    realSetImmediate(fireNext);
  }
}
function addTimer(fn, ms, args, every, handle = {}) {
  const timer = { at: run.virtualNow + Math.max(1, Number(ms) || 0), seq: ++run.timerSeq, fn, args, every, handle };
  const owner = run;
  Object.assign(handle, {
    ref: () => handle, unref: () => handle, hasRef: () => true, refresh: () => handle,
    [Symbol.toPrimitive]: () => timer.seq,
    cancel: () => {
      const i = owner.timers.findIndex((t) => t.handle === handle);
      if (i >= 0) owner.timers.splice(i, 1);
    },
  });
  run.timers.push(timer);
  schedule();
  return handle;
}
const clearTimer = (handle) => handle && typeof handle.cancel === 'function' && handle.cancel();
globalThis.setTimeout = (fn, ms, ...args) => addTimer(fn, ms, args);
globalThis.setInterval = (fn, ms, ...args) => addTimer(fn, ms, args, Math.max(1, Number(ms) || 0));
globalThis.clearTimeout = clearTimer;
globalThis.clearInterval = clearTimer;

// Ids and random numbers are drawn from counters and a seeded generator, the same in every run;
// the comparison names drawn uuids by order of appearance, as it does generated ObjectIds.
const uuid = () => `00000000-0000-4000-8000-${(++run.uuids).toString(16).padStart(12, '0')}`;
nodeCrypto.randomUUID = uuid;
Object.defineProperty(globalThis.crypto, 'randomUUID', { value: uuid, configurable: true, writable: true });
syncBuiltinESMExports();
Math.random = () => {
  run.seed = (run.seed + 0x6d2b79f5) | 0;
  let t = Math.imul(run.seed ^ (run.seed >>> 15), 1 | run.seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
globalThis.__txsimDescribe = describe;

// What a run leaves behind is removed before the next one: modules, globals, process listeners.
const LISTENED = ['unhandledRejection', 'uncaughtException', 'warning'];
const baseline = {
  modules: new Set(Object.keys(require.cache)),
  globals: new Set(Reflect.ownKeys(globalThis)),
  listeners: Object.fromEntries(LISTENED.map((event) => [event, process.listeners(event)])),
};
function resetProcess() {
  for (const file of Object.keys(require.cache)) if (!baseline.modules.has(file)) delete require.cache[file];
  for (const key of Reflect.ownKeys(globalThis)) if (!baseline.globals.has(key)) delete globalThis[key];
  for (const event of LISTENED) {
    for (const listener of process.listeners(event)) if (!baseline.listeners[event].includes(listener)) process.removeListener(event, listener);
  }
  kit.names.clear();
}

// ---------------------------------------------------------------- running
function scenarioFor(loaded, ext, file) {
  if (loaded.paths) return loaded;
  const scenario = loaded[ext];
  if (!scenario) throw new Error(`${file} has no scenario for .${ext} (it exports ${Object.keys(loaded).join(', ')})`);
  return scenario;
}

function findModel(mongoose, name) {
  if (mongoose.models[name]) return mongoose.models[name];
  for (const conn of mongoose.connections) if (conn.models[name]) return conn.models[name];
  throw new Error(`scenario: no model named ${name} is registered`);
}

/** `_id: 'pen'` is short for `_id: id('pen')`. */
function seedDocs(docs) {
  return docs.map((doc) =>
    typeof doc._id === 'string' && !/^[0-9a-f]{24}$/i.test(doc._id) ? { ...doc, _id: kit.id(doc._id) } : doc,
  );
}

function target(call, ctx) {
  const [name, method] = call.call.split('#');
  const exported = name === 'default' && typeof ctx.exports === 'function' ? ctx.exports : ctx.exports[name] ?? ctx.exports.default?.[name];
  if (exported === undefined) throw new Error(`scenario: the fixture exports no ${name} (it exports ${Object.keys(ctx.exports).join(', ')})`);
  if (!method) return exported;
  const construct = typeof call.construct === 'function' ? call.construct(ctx) : call.construct ?? [];
  const instance = new exported(...construct);
  if (typeof instance[method] !== 'function') throw new Error(`scenario: ${name} has no method ${method}`);
  return instance[method].bind(instance);
}

async function invoke(call, ctx) {
  const entry = { call: typeof call === 'function' ? call.name || 'run' : call.call };
  run.calls.push(entry);
  let args = [];
  try {
    if (typeof call === 'function') {
      entry.returned = describe(await call(ctx));
    } else {
      const fn = target(call, ctx);
      args = typeof call.args === 'function' ? call.args(ctx) : call.args ?? [];
      entry.pending = true;
      let value = await fn(...args);
      if (call.thenCall) {
        // The call made a function (a middleware from a wrapper): call that one too.
        const more = typeof call.thenCall === 'function' ? call.thenCall(ctx) : call.thenCall;
        args = [...args, ...more];
        value = await value(...more);
      }
      delete entry.pending;
      entry.returned = describe(value);
    }
  } catch (err) {
    delete entry.pending;
    entry.threw = describe(err);
  }
  const sent = args.map(kit.recorded).filter(Boolean);
  if (sent.length) entry.sent = sent;
  if (call.observeArgs) entry.args = args.map((arg) => describe(arg));
}

async function main(spec, requireInProject) {
  const mongoose = requireInProject('mongoose');
  const sim = mongoose.__sim;
  if (spec.als && sim.features.als) mongoose.set('transactionAsyncLocalStorage', true);
  const scenario = scenarioFor(require(spec.scenario), spec.ext, spec.scenario);
  const ctx = { mongoose, sim, id: kit.id, model: (name) => findModel(mongoose, name), exports: undefined };
  const chosen = scenario.paths[spec.path];
  if (!chosen) throw new Error(`scenario: no path named ${spec.path}`);
  const steps = Array.isArray(chosen) ? { calls: chosen } : chosen;
  if (scenario.setup) await scenario.setup(ctx);
  if (steps.setup) await steps.setup(ctx);
  ctx.exports = spec.esm ? await import(pathToFileURL(spec.entry).href) : requireInProject(spec.entry);
  const seed = steps.seed ?? scenario.seed ?? {};
  for (const [name, docs] of Object.entries(typeof seed === 'function' ? seed(ctx) : seed)) sim.seed(ctx.model(name), seedDocs(docs));
  if (spec.commit === 'fails') sim.options.failCommits = 1;
  if (spec.commit === 'transient') sim.options.transientFirstCommit = true;
  for (const call of steps.calls) await invoke(call, ctx);
  run.finished = true;
}

/** Resolves once nothing is left to do: no virtual timer, no I/O in flight, no promise job. */
async function idle() {
  for (;;) {
    await new Promise((resolve) => realSetImmediate(resolve));
    if (run.timers.length || run.firing) continue;
    const busy = process.getActiveResourcesInfo().filter((r) => r !== 'MessagePort' && r !== 'Immediate' && r !== 'TTYWrap');
    if (!busy.length) break;
    await new Promise((resolve) => realSetImmediate(resolve));
  }
  // Rejections nobody handled are reported once the promise jobs have run.
  for (let i = 0; i < 3; i++) await new Promise((resolve) => realSetImmediate(resolve));
}

function observation(requireInProject) {
  const mongoose = requireInProject('mongoose');
  const sim = mongoose.__sim;
  const report = sim.report();
  const data = {};
  for (const name of Object.keys(report.collections).sort()) {
    const docs = sim.docs(name);
    if (docs.length) data[name] = docs.map((doc) => describe(doc));
  }
  return {
    calls: run.calls,
    finished: run.finished,
    harnessError: run.harnessError,
    logs: run.logs,
    effects: run.effects,
    data,
    report: {
      errors: report.errors.map(({ kind, name, message, op }) => ({ kind, name, message, op })),
      unhandled: report.unhandled,
      leaked: report.sessions.leaked,
      violations: report.violations.map(({ kind, op }) => (op ? { kind, op } : { kind })),
      events: report.events.map(({ kind, op }) => (op ? { kind, op } : { kind })),
    },
    commitFailuresLeft: sim.options.failCommits,
    names: Object.fromEntries(kit.names),
  };
}

/** One run from a clean slate; resolves to its observation. */
async function runOnce(spec) {
  resetProcess();
  process.env.TXSIM_MONGOOSE_VERSION = spec.version;
  process.env.TXSIM_SEED = '1';
  run = {
    started: Date.now(), logs: [], effects: [], calls: [], finished: false, harnessError: null,
    timers: [], virtualNow: 0, timerSeq: 0, firing: false, fired: 0, uuids: 0, seed: 0x5eed,
  };
  globalThis.__txsimScenario = {
    id: kit.id,
    uuid,
    effect: (kind, ...args) => run.effects.push([kind, ...args.map((a) => describe(a))]),
  };
  const requireInProject = createRequire(path.join(spec.project, 'package.json'));
  main(spec, requireInProject).catch((err) => {
    run.harnessError = err && err.stack ? err.stack : String(err);
  });
  await idle();
  return observation(requireInProject);
}

if (isMainThread) {
  const spec = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  runOnce(spec).then((result) => process.stdout.write(`${JSON.stringify(result, null, 2)}\n`));
} else {
  parentPort.on('message', (spec) => {
    runOnce(spec).then(
      (result) => parentPort.postMessage({ result }),
      (err) => parentPort.postMessage({ failure: err && err.stack ? err.stack : String(err) }),
    );
  });
}

'use strict';
// Runs one path of a scenario against one side of a fixture (input or output), in a worker
// thread of its own (a fresh global object and module registry), and reports what happened: what
// each call returned or threw, what it sent on its response, what was logged, the effects stub
// modules recorded, the committed data and the simulator's report. Started by
// test/harness/simulate.ts with the run's spec as workerData; by hand, `node runner.js spec.json`
// prints the result. The result is taken when the event loop has drained (`beforeExit`), so work
// nobody awaited has finished (or failed) by then.

const fs = require('node:fs');
const path = require('node:path');
const { createRequire } = require('node:module');
const { pathToFileURL } = require('node:url');
const { isMainThread, parentPort, workerData } = require('node:worker_threads');
const kit = require('./kit');

const spec = isMainThread ? JSON.parse(fs.readFileSync(process.argv[2], 'utf8')) : workerData;
const started = Date.now();
const MINUTE = 60 * 1000;
const YEAR = 366 * 24 * 60 * MINUTE;

// ---------------------------------------------------------------- describing values
// A time the run made (now, or now plus three days) reads as its distance from the run's start,
// in minutes, so that two runs started at different times agree.
const isNear = (ms) => Math.abs(ms - started) < YEAR;
const sinceStart = (ms) => {
  const minutes = Math.round((ms - started) / MINUTE);
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
globalThis.__txsimDescribe = describe;

// ---------------------------------------------------------------- recording
const logs = [];
const effects = [];
for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace']) {
  console[level] = (...args) => logs.push([level, ...args.map((a) => describe(a))]);
}
// Timers run in virtual time: the simulator's latencies (setTimeout) fire in the order of their
// due time, one at a time, each after the promise jobs the one before started, whatever the load
// on the machine; so operations nobody awaited interleave the same way in every run, and no run
// waits for real. The loop still drains when no timer is left, so `beforeExit` still comes.
const MAX_TIMERS = 100000;
const timers = [];
let virtualNow = 0;
let timerSeq = 0;
let firing = false;
let fired = 0;
function fireNext() {
  firing = false;
  if (!timers.length) return;
  if (++fired > MAX_TIMERS) {
    harnessError = `more than ${MAX_TIMERS} timers fired: the code never settles (a setInterval?)`;
    timers.length = 0;
    return;
  }
  timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
  const timer = timers.shift();
  virtualNow = timer.at;
  if (timer.every !== undefined) addTimer(timer.fn, timer.every, timer.args, timer.every, timer.handle);
  schedule();
  timer.fn(...timer.args);
}
function schedule() {
  if (!firing && timers.length) {
    firing = true;
    setImmediate(fireNext);
  }
}
function addTimer(fn, ms, args, every, handle = {}) {
  const timer = { at: virtualNow + Math.max(1, Number(ms) || 0), seq: ++timerSeq, fn, args, every, handle };
  Object.assign(handle, {
    ref: () => handle, unref: () => handle, hasRef: () => true, refresh: () => handle,
    [Symbol.toPrimitive]: () => timer.seq,
  });
  handle.cancel = () => {
    const i = timers.findIndex((t) => t.handle === handle);
    if (i >= 0) timers.splice(i, 1);
  };
  timers.push(timer);
  schedule();
  return handle;
}
const clear = (handle) => handle && typeof handle.cancel === 'function' && handle.cancel();
globalThis.setTimeout = (fn, ms, ...args) => addTimer(fn, ms, args);
globalThis.setInterval = (fn, ms, ...args) => addTimer(fn, ms, args, Math.max(1, Number(ms) || 0));
globalThis.clearTimeout = clear;
globalThis.clearInterval = clear;

// Ids and random numbers are drawn from counters and a seeded generator, the same in every run;
// the comparison names drawn uuids by order of appearance, as it does generated ObjectIds.
let uuids = 0;
const uuid = () => `00000000-0000-4000-8000-${(++uuids).toString(16).padStart(12, '0')}`;
const nodeCrypto = require('node:crypto');
nodeCrypto.randomUUID = uuid;
Object.defineProperty(globalThis.crypto, 'randomUUID', { value: uuid, configurable: true, writable: true });
require('node:module').syncBuiltinESMExports();
let seed = 0x5eed;
Math.random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** What stub modules get as their second argument. */
globalThis.__txsimScenario = {
  id: kit.id,
  uuid,
  effect: (kind, ...args) => effects.push([kind, ...args.map((a) => describe(a))]),
};

const calls = [];
let harnessError = null;
let finished = false;

// ---------------------------------------------------------------- running
const requireInProject = createRequire(path.join(spec.project, 'package.json'));

function scenarioFor(loaded, ext) {
  if (loaded.paths) return loaded;
  const scenario = loaded[ext];
  if (!scenario) throw new Error(`${spec.scenario} has no scenario for .${ext} (it exports ${Object.keys(loaded).join(', ')})`);
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
  const exported = ctx.exports[name] ?? ctx.exports.default?.[name];
  if (exported === undefined) throw new Error(`scenario: the fixture exports no ${name} (it exports ${Object.keys(ctx.exports).join(', ')})`);
  if (!method) return exported;
  const construct = typeof call.construct === 'function' ? call.construct(ctx) : call.construct ?? [];
  const instance = new exported(...construct);
  if (typeof instance[method] !== 'function') throw new Error(`scenario: ${name} has no method ${method}`);
  return instance[method].bind(instance);
}

async function invoke(call, ctx) {
  const entry = { call: typeof call === 'function' ? call.name || 'run' : call.call };
  calls.push(entry);
  let args = [];
  try {
    if (typeof call === 'function') {
      entry.returned = describe(await call(ctx));
    } else {
      const fn = target(call, ctx);
      args = typeof call.args === 'function' ? call.args(ctx) : call.args ?? [];
      entry.pending = true;
      const value = await fn(...args);
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

async function main() {
  const mongoose = requireInProject('mongoose');
  const sim = mongoose.__sim;
  if (spec.als && sim.features.als) mongoose.set('transactionAsyncLocalStorage', true);
  const scenario = scenarioFor(require(spec.scenario), spec.ext);
  const ctx = { mongoose, sim, id: kit.id, model: (name) => findModel(mongoose, name), exports: undefined };
  const chosen = scenario.paths[spec.path];
  if (!chosen) throw new Error(`scenario: no path named ${spec.path}`);
  const run = Array.isArray(chosen) ? { calls: chosen } : chosen;
  if (scenario.setup) await scenario.setup(ctx);
  if (run.setup) await run.setup(ctx);
  ctx.exports = spec.esm ? await import(pathToFileURL(spec.entry).href) : requireInProject(spec.entry);
  const seed = run.seed ?? scenario.seed ?? {};
  for (const [name, docs] of Object.entries(typeof seed === 'function' ? seed(ctx) : seed)) sim.seed(ctx.model(name), seedDocs(docs));
  if (spec.commit === 'fails') sim.options.failCommits = 1;
  if (spec.commit === 'transient') sim.options.transientFirstCommit = true;
  for (const call of run.calls) await invoke(call, ctx);
  finished = true;
}

let reported = false;
function finish() {
  if (reported) return;
  reported = true;
  const mongoose = requireInProject('mongoose');
  const sim = mongoose.__sim;
  const report = sim.report();
  const data = {};
  for (const name of Object.keys(report.collections).sort()) {
    const docs = sim.docs(name);
    if (docs.length) data[name] = docs.map((doc) => describe(doc));
  }
  const result = {
    calls,
    finished,
    harnessError,
    logs,
    effects,
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
  if (isMainThread) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else parentPort.postMessage(result);
}

process.on('beforeExit', finish);
main().catch((err) => {
  harnessError = err && err.stack ? err.stack : String(err);
});

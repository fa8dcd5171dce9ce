'use strict';
// What a `<case>.scenario.js` file uses to describe its calls (see the format in
// test/harness/simulate.ts). Loaded by the test, which only reads a scenario's modules, and by the
// child process that runs it (runner.js), where the recorders below do their work.

const crypto = require('node:crypto');

const RECORDER = Symbol.for('tx-codemod.simulation.recorder');
const names = new Map();

/** How a recorded value is kept: the runner installs its describer; elsewhere values are kept as they are. */
const snapshot = (value) => (globalThis.__txsimDescribe ? globalThis.__txsimDescribe(value) : value);

/** A stable ObjectId string (24 hex digits) for a short name, the same in every run; results show it as `#name`. */
function id(name) {
  const hex = crypto.createHash('sha1').update(String(name)).digest('hex').slice(0, 24);
  names.set(hex, String(name));
  return hex;
}

/** An Express-like request. */
function req(props = {}) {
  return { body: {}, params: {}, query: {}, headers: {}, ...props };
}

/** An Express-like response that records what the code sends: status, json, send, end, headers... */
function res() {
  const calls = [];
  const record = (method, args) => calls.push([method, ...args.map(snapshot)]);
  const response = {
    [RECORDER]: calls,
    statusCode: 200,
    headersSent: false,
    locals: {},
  };
  for (const method of ['status', 'sendStatus', 'set', 'header', 'setHeader', 'type', 'location', 'cookie', 'clearCookie', 'append', 'vary']) {
    response[method] = (...args) => {
      record(method, args);
      if (method === 'status' || method === 'sendStatus') response.statusCode = args[0];
      if (method === 'sendStatus') response.headersSent = true;
      return response;
    };
  }
  for (const method of ['json', 'send', 'end', 'redirect', 'render', 'download', 'sendFile', 'jsonp']) {
    response[method] = (...args) => {
      record(method, args);
      response.headersSent = true;
      return response;
    };
  }
  return response;
}

/** An Express-like `next` that records what it is called with. */
function next() {
  const calls = [];
  const fn = (...args) => {
    calls.push(['next', ...args.map(snapshot)]);
  };
  fn[RECORDER] = calls;
  return fn;
}

/** What a recorder (res() or next()) has seen, or undefined for any other value. */
function recorded(value) {
  return value != null && (typeof value === 'object' || typeof value === 'function') ? value[RECORDER] : undefined;
}

module.exports = { id, req, res, next, recorded, names };

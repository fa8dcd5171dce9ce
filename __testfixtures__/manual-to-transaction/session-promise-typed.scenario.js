// The TypeScript case of session-promise.
module.exports = { ts: require('./session-promise.scenario.js').ts };

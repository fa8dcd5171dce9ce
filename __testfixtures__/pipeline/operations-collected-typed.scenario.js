// The TypeScript case of operations-collected.
module.exports = { ts: require('./operations-collected.scenario.js').ts };

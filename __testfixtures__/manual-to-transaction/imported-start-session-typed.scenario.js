// The TypeScript case of imported-start-session.
module.exports = { ts: require('./imported-start-session.scenario.js').ts };

// The TypeScript case of carried-let-declared.
module.exports = { ts: require('./carried-let-declared.scenario.js').ts };

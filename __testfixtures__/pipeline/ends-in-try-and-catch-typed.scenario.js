// The TypeScript case of ends-in-try-and-catch.
module.exports = { ts: require('./ends-in-try-and-catch.scenario.js').ts };

// The TypeScript case of collected-results.
module.exports = { ts: require('./collected-results.scenario.js').ts };

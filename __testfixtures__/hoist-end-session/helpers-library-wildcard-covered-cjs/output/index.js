const { postEntries } = require('./lib/ledger');

module.exports = { postEntries };

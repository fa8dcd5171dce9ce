// The same code as conditional-abort, on Mongoose 7 (see the case file): the same scenario.
module.exports = require('./conditional-abort.scenario');

// Script-only syntax for the ESTree adapter's test: CommonJS with a top-level return.
const path = require('path');
module.exports = function () { return path; };
if (!module.parent) return;

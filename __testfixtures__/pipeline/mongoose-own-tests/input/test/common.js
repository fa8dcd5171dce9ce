'use strict';

const mongoose = require('../');

module.exports = function start() {
  return mongoose.createConnection(process.env.MONGOOSE_TEST_URI);
};
module.exports.mongoose = mongoose;

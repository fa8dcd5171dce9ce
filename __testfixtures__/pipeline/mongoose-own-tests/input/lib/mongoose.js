'use strict';

const { MongoClient } = require('mongodb');

function Mongoose() {
  this.connections = [];
}

Mongoose.prototype.startSession = function startSession(options) {
  return this.connection.startSession(options);
};

module.exports = new Mongoose();
module.exports.MongoClient = MongoClient;

const mongoose = require('mongoose');
const repository = require('./repository');

// Only the inferred types say which call returns a promise: markPaid() is async, describe() is not.
async function settle(number) {
  await mongoose.connection.transaction(async (session) => {
    repository.markPaid(number, session);
    repository.describe(number, session);
  });
}

module.exports = { settle };

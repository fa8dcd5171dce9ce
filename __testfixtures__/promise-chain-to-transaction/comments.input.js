const assert = require('assert');
const mongoose = require('mongoose');
const Customer = mongoose.model('Customer', new mongoose.Schema({ name: String }));

// The Mongoose guide's "basic example", comments and all: every comment of the chain survives.
function basicExample() {
  let session = null;
  return Customer.createCollection()
    .then(() => mongoose.startSession())
    .then(_session => {
      session = _session;
      // Start a transaction
      session.startTransaction();
      // This `create()` is part of the transaction because of the `session`
      // option.
      return Customer.create([{ name: 'Test' }], { session: session });
    })
    // Unless you pass a `session` to `findOne()` you won't see the document
    // until the transaction is committed.
    .then(() => Customer.findOne({ name: 'Test' }))
    .then(doc => assert.ok(!doc))
    // Once committed, the write becomes visible outside the transaction.
    .then(() => session.commitTransaction())
    .then(() => Customer.findOne({ name: 'Test' }))
    .then(doc => assert.ok(doc))
    .then(() => session.endSession());
}
module.exports = { basicExample };

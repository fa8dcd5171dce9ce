const assert = require('assert');
const mongoose = require('mongoose');
const Customer = mongoose.model('Customer', new mongoose.Schema({ name: String }));

// The Mongoose guide's "basic example", comments and all: every comment of the chain survives.
async function basicExample() {
  await Customer.createCollection();
  // Start a transaction
  await mongoose.connection.transaction(async (session) => {
    // This `create()` is part of the transaction because of the `session`
    // option.
    await Customer.create([{ name: 'Test' }], { session: session });
    // Unless you pass a `session` to `findOne()` you won't see the document
    // until the transaction is committed.
    const doc = await Customer.findOne({ name: 'Test' });
    assert.ok(!doc);
  });
  // Once committed, the write becomes visible outside the transaction.
  const doc = await Customer.findOne({ name: 'Test' });
  assert.ok(doc);
}
module.exports = { basicExample };

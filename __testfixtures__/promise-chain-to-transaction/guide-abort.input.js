const assert = require('assert');
const mongoose = require('mongoose');

const Customer = mongoose.model('Customer', new mongoose.Schema({ name: String }));

// After the guide's abort example: two writes, then an abort on the normal path, then a count
// outside the transaction that sees neither write.
function tryOut() {
  let session = null;
  return Customer.createCollection()
    .then(() => Customer.startSession())
    .then((_session) => {
      session = _session;
      session.startTransaction();
      return Customer.create([{ name: 'first' }], { session });
    })
    .then(() => Customer.create([{ name: 'second' }], { session }))
    .then(() => session.abortTransaction())
    .then(() => Customer.countDocuments())
    .then((count) => assert.strictEqual(count, 0))
    .then(() => session.endSession());
}

module.exports = { tryOut };

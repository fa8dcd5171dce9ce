const assert = require('assert');
const mongoose = require('mongoose');

const Customer = mongoose.model('Customer', new mongoose.Schema({ name: String }));

// After the guide's abort example: two writes, then an abort on the normal path, then a count
// outside the transaction that sees neither write.
async function tryOut() {
  await Customer.createCollection();
  await Customer.db.transaction(async (session) => {
    await Customer.create([{ name: 'first' }], { session });
    await Customer.create([{ name: 'second' }], { session });
    await session.abortTransaction();
  });
  const count = await Customer.countDocuments();
  assert.strictEqual(count, 0);
}

module.exports = { tryOut };

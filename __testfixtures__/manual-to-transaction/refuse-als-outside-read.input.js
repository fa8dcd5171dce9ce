const mongoose = require('mongoose');
const Customer = mongoose.model('Customer', new mongoose.Schema({ name: String }));

// With AsyncLocalStorage on, the read without a session (meant to see the data as it is outside
// the transaction) would join the transaction inside transaction().
async function createIfAbsent(name) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await Customer.create([{ name }], { session });
    const outside = await Customer.findOne({ name });
    if (outside) throw new Error('visible before the commit');
    await session.commitTransaction();
  } finally {
    await session.endSession();
  }
}

module.exports = { createIfAbsent };

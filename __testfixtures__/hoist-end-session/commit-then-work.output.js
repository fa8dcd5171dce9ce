const mongoose = require('mongoose');
const Account = require('../models/account');
const audit = require('../lib/audit');

// Transfer service: after the commit the try goes on to write an audit entry and publish an
// event. A failure there lands in the catch, which aborts an already committed transaction.
async function transfer(fromId, toId, amount) {
  const session = await mongoose.startSession();
  try {
    session.startTransaction();
    await Account.updateOne({ _id: fromId }, { $inc: { balance: -amount } }, { session });
    await Account.updateOne({ _id: toId }, { $inc: { balance: amount } }, { session });
    await session.commitTransaction();
    await audit.record('transfer', { fromId, toId, amount });
    return { ok: true };
  } catch (err) {
    if (session.inTransaction()) await session.abortTransaction();
    throw err;
  } finally {
    await session.endSession();
  }
}

module.exports = { transfer };

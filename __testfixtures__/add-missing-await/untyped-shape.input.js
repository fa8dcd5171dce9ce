const mongoose = require('mongoose');
const Wallet = require('./wallet');
const Ledger = require('./ledger');

// The session variable is declared without a value: only the shape of each call says it
// carries the session.
async function pay(userId, amount) {
  let session = null;
  session = await mongoose.startSession();
  session.startTransaction();
  try {
    Wallet.updateOne({ userId }, { $inc: { balance: -amount } }, { session }).exec();
    Ledger.insertMany([{ userId, amount }], { session });
    Ledger.deleteMany({ userId, pending: true }, session).exec();
    await session.commitTransaction();
  } catch (err) {
    session.abortTransaction();
    throw err;
  } finally {
    session.endSession();
  }
}

module.exports = pay;

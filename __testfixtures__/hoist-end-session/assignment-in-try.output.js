const mongoose = require('mongoose');
const Wallet = require('./wallet');

async function pay(userId, amount) {
  let session;
  try {
    session = await mongoose.startSession();
    session.startTransaction();
    await Wallet.updateOne({ userId }, { $inc: { balance: -amount } }, { session });
    await session.commitTransaction();
  } catch (err) {
    if (session?.inTransaction()) await session.abortTransaction();
    throw err;
  } finally {
    await session?.endSession();
  }
}

module.exports = pay;

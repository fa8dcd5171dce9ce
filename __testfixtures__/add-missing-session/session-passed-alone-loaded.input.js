const mongoose = require('mongoose');
const Wallet = require('../models/wallet');

// The wallet was loaded with the session, so save() uses the document's session whatever it is
// given: `wallet.save(session)` already writes in the transaction. Left as it is.
async function topUp(userId, amount) {
  const session = await mongoose.startSession();
  try {
    session.startTransaction();
    const wallet = await Wallet.findOne({ user: userId }).session(session);
    wallet.balance += amount;
    await wallet.save(session);
    await session.commitTransaction();
    return wallet.balance;
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    await session.endSession();
  }
}

module.exports = { topUp };

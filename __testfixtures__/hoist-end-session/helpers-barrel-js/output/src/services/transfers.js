const mongoose = require('mongoose');
const { commitTx, rollbackTx } = require('../db/transactions');
const Wallet = mongoose.model('Wallet');

async function transfer(from, to, amount) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await Wallet.updateOne({ userId: from }, { $inc: { balance: -amount } }, { session });
    await Wallet.updateOne({ userId: to }, { $inc: { balance: amount } }, { session });
    await commitTx(session);
    return true;
  } catch (err) {
    await rollbackTx(session);
    return false;
  } finally {
    await session.endSession();
  }
}

module.exports = { transfer };

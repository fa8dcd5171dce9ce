const mongoose = require('mongoose');
const db = require('../db');
const Wallet = mongoose.model('Wallet');

async function topUp(userId, amount) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await Wallet.updateOne({ userId }, { $inc: { balance: amount } }, { session });
    await db.commitTx(session);
  } catch (err) {
    await db.rollbackTx(session);
    throw err;
  }
}

module.exports = { topUp };

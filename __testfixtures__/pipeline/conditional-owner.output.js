const mongoose = require('mongoose');
const Wallet = require('../models/wallet');
const Ledger = require('../models/ledger');

// Joins the caller's transaction when given a session, else runs its own.
async function debit(userId, amount, session) {
  let isNewSession = false;
  if (!session) {
    session = await mongoose.startSession();
    isNewSession = true;
    session.startTransaction();
  }
  try {
    await Wallet.updateOne({ userId }, { $inc: { balance: -amount } }, { session });
    await Ledger.create([{ userId, amount: -amount }], { session });
    if (isNewSession) await session.commitTransaction();
  } catch (err) {
    if (isNewSession && session.inTransaction()) await session.abortTransaction();
    throw err;
  } finally {
    if (isNewSession) await session.endSession();
  }
}

async function credit(userId, amount, parentSession) {
  const session = parentSession ?? (await mongoose.startSession());
  const ownSession = !parentSession;
  if (ownSession) session.startTransaction();
  try {
    await Wallet.updateOne({ userId }, { $inc: { balance: amount } }, { session });
    await Ledger.create([{ userId, amount }], { session });
    if (ownSession) await session.commitTransaction();
  } catch (err) {
    if (ownSession && session.inTransaction()) await session.abortTransaction();
    throw err;
  } finally {
    if (ownSession) await session.endSession();
  }
}

module.exports = { debit, credit };

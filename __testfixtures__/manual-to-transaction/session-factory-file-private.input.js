const Wallet = require('../models/wallet');
const Ledger = require('../models/ledger');

// Only this module opens wallet sessions; callers get topUp().
async function openSession() {
  return Wallet.startSession();
}

async function topUp(userId, amount) {
  const session = await openSession();
  session.startTransaction();
  try {
    await Wallet.updateOne({ user: userId }, { $inc: { balance: amount } }, { session });
    await Ledger.create([{ from: 'bank', to: userId, amount }], { session });
    await session.commitTransaction();
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    session.endSession();
  }
}

module.exports = { topUp };

const Wallet = require('../models/wallet');
const Ledger = require('../models/ledger');

// Every wallet transaction takes its session from here.
async function openSession() {
  return Wallet.startSession();
}

async function topUp(userId, amount) {
  const session = await openSession();
  session.startTransaction();
  try {
    const wallet = await Wallet.findOneAndUpdate({ user: userId }, { $inc: { balance: amount } }, { new: true, session });
    if (!wallet) throw new Error('Wallet not found');
    await Ledger.create([{ from: 'bank', to: userId, amount }], { session });
    await session.commitTransaction();
    return wallet.balance;
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    session.endSession();
  }
}

module.exports = { openSession, topUp };

const mongoose = require('mongoose');
const Wallet = require('../models/wallet');
const Ledger = require('../models/ledger');
const ApiError = require('../utils/api-error');

// Aborts the transaction and fails the request with a client error.
async function rejectWith(session, message) {
  await session.abortTransaction();
  throw new ApiError(400, message);
}

// The helper aborts before it throws: inside transaction(), whose own abort would follow, the
// second abort would replace the client error (Mongoose 8.7+).
async function withdraw(userId, amount) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const wallet = await Wallet.findOne({ user: userId }).session(session);
    if (!wallet) await rejectWith(session, 'Wallet not found');
    if (wallet.balance < amount) await rejectWith(session, 'Insufficient balance');
    wallet.balance -= amount;
    await wallet.save({ session });
    await Ledger.create([{ user: userId, amount: -amount }], { session });
    await session.commitTransaction();
    return wallet.balance;
  } catch (err) {
    if (session.inTransaction()) await session.abortTransaction();
    throw err;
  } finally {
    await session.endSession();
  }
}

// Commits on the caller's behalf once the payout is recorded.
async function settle(session, payout) {
  payout.status = 'settled';
  await payout.save({ session });
  await session.commitTransaction();
}

async function runInTransaction(work) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const result = await work(session);
    await session.commitTransaction();
    return result;
  } catch (err) {
    if (session.inTransaction()) await session.abortTransaction();
    throw err;
  } finally {
    await session.endSession();
  }
}

async function payOut(payoutId) {
  return runInTransaction(async (session) => {
    const payout = await Ledger.findById(payoutId).session(session);
    await settle(session, payout);
    return payout;
  });
}

// Handed the session inside an object: it still commits the caller's transaction.
const completeOrder = async ({ session, order }) => {
  order.status = 'paid';
  await order.save({ session });
  await session.commitTransaction();
};

async function pay(orderId) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const order = await Ledger.findById(orderId).session(session);
    await completeOrder({ session, order });
    await session.commitTransaction();
    return order;
  } catch (err) {
    if (session.inTransaction()) await session.abortTransaction();
    throw err;
  } finally {
    await session.endSession();
  }
}

module.exports = { withdraw, payOut, pay };

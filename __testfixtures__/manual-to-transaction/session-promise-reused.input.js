const mongoose = require('mongoose');
const Payout = require('../models/payout');

// The kept promise gets a handler of its own before it is awaited (so a failed start is not an
// unhandled rejection while the batch is built): it is used twice, and the function stays as it is.
async function runPayouts(batch) {
  const sessionPromise = mongoose.startSession();
  sessionPromise.catch(() => undefined);
  const rows = batch.map((p) => ({ account: p.account, amount: Math.round(p.amount * 100) }));
  const session = await sessionPromise;
  session.startTransaction();
  try {
    await Payout.insertMany(rows, { session });
    await session.commitTransaction();
  } catch (err) {
    await session.abortTransaction();
    throw err;
  } finally {
    await session.endSession();
  }
}

module.exports = { runPayouts };

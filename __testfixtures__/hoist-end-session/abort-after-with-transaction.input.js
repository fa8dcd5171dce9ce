const mongoose = require('mongoose');
const Account = require('../models/account');

// withTransaction() already aborted (or committed) when it rejects: the abort in the catch then
// throws "Cannot call abortTransaction twice" (or "after calling commitTransaction") and hides
// the real error.
async function transferCredits(from, to, amount) {
  const session = await mongoose.startSession();
  try {
    await session.withTransaction(async () => {
      await Account.updateOne({ _id: from }, { $inc: { credits: -amount } }, { session });
      await Account.updateOne({ _id: to }, { $inc: { credits: amount } }, { session });
    });
  } catch (err) {
    await session.abortTransaction();
    console.error('transfer failed', err);
    throw err;
  } finally {
    await session.endSession();
  }
}

module.exports = { transferCredits };

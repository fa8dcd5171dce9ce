const mongoose = require('mongoose');
const Fee = require('../models/fee');
const ledger = require('../ledger/ledger.service');

// Charges a late fee; joins the caller's transaction when handed one in opts.
async function chargeLateFee(invoiceId, amount, opts) {
  const session = opts?.session ?? (await mongoose.startSession());
  const joined = !!opts?.session;

  if (!joined) {
    session.startTransaction();
  }

  try {
    const fee = await Fee.create([{ invoice: invoiceId, amount }], { session });
    await ledger.post(invoiceId, amount, { session });

    if (!joined) {
      await session.commitTransaction();
    }
    return fee[0];
  } catch (err) {
    if (!joined && session.inTransaction()) {
      await session.abortTransaction();
    }
    throw err;
  } finally {
    if (!joined) {
      session.endSession();
    }
  }
}

module.exports = { chargeLateFee };

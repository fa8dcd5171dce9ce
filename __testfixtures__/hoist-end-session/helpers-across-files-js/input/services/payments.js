const mongoose = require('mongoose');
const { commit, rollback } = require('../lib/tx');
const Payment = require('../models/payment');

async function capture(paymentId) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await Payment.updateOne({ _id: paymentId }, { status: 'captured' }, { session });
    await commit(session);
  } catch (err) {
    await rollback(session);
    throw err;
  }
}

module.exports = { capture };

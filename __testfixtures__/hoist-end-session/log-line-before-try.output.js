const mongoose = require('mongoose');
const logger = require('../utils/logger');
const provider = require('../services/provider');
const Payout = require('../models/payout');
const Wallet = require('../models/wallet');

// A worker job: the log line between startTransaction() and the try cannot throw, so the try's
// finally already covers every use of the session.
async function processPayout(payoutId) {
  const session = await mongoose.startSession();
  session.startTransaction();
  logger.info(`Processing payout ${payoutId}`);
  try {
    const payout = await Payout.findById(payoutId).session(session);
    await Wallet.updateOne({ owner: payout.owner }, { $inc: { balance: -payout.amount } }, { session });
    await provider.transfer(payout.owner, payout.amount);
    payout.status = 'paid';
    await payout.save({ session });
    await session.commitTransaction();
  } catch (error) {
    logger.error(`Payout ${payoutId} failed`, error);
    if (session.inTransaction()) await session.abortTransaction();
    throw error;
  } finally {
    session.endSession();
  }
}

module.exports = { processPayout };

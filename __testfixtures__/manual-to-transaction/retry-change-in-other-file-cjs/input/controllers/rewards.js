const mongoose = require('mongoose');
const rewards = require('../services/rewards');

// `req.account` was loaded by the auth middleware before the transaction: a second run of the
// body would take the points off the same object again.
exports.redeemReward = async (req, res, next) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await rewards.redeem(req.account, req.params.rewardId, session);
    await req.account.save({ session });
    await session.commitTransaction();
    res.status(201).json({ points: req.account.wallet.points });
  } catch (err) {
    await session.abortTransaction();
    next(err);
  } finally {
    session.endSession();
  }
};

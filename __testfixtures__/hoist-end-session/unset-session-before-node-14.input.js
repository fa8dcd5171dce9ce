const mongoose = require('mongoose');
const Withdrawal = mongoose.model('Withdrawal');
const Account = mongoose.model('Account');

// Node 12 and older cannot parse `session?.endSession()`, and Mongoose 5 runs there: a session
// that may be unset is ended under `if (session)`.
const settleWithdrawal = async (req, res, next) => {
  const { id } = req.params;
  let session;
  try {
    const request = await Withdrawal.findById(id);
    if (!request || request.status !== 'pending') {
      return res.status(403).json({ error: 'only pending requests can be settled' });
    }

    session = await mongoose.startSession();
    session.startTransaction();

    await Withdrawal.updateOne({ _id: id }, { status: 'settled' }, { session });
    await Account.updateOne({ owner: request.owner }, { $inc: { balance: -request.amount } }, { session });

    await session.commitTransaction();
    session.endSession();

    return res.sendStatus(200);
  } catch (error) {
    if (session && !session.hasEnded) {
      await session.abortTransaction();
      session.endSession();
    }
    return next(error);
  }
};

const cancelWithdrawal = async (req, res, next) => {
  let session;
  try {
    session = await mongoose.startSession();
    session.startTransaction();
    await Withdrawal.updateOne({ _id: req.params.id }, { status: 'cancelled' }, { session });
    await session.commitTransaction();
    session.endSession();
    return res.sendStatus(204);
  } catch (error) {
    if (session) await session.abortTransaction();
    return next(error);
  }
};

module.exports = { settleWithdrawal, cancelWithdrawal };

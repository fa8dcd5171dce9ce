const Booking = require('../models/booking');
const transactionHelper = require('../services/util/transaction-helper');

exports.cancel = async (req, res) => {
  const session = await transactionHelper.startTransaction();
  try {
    await Booking.updateOne({ _id: req.params.id }, { status: 'cancelled' }, { session });
    await transactionHelper.commitTransaction(session);
  } catch (error) {
    await transactionHelper.abortTransaction(session);
    return res.status(422).json({ error: error.message });
  } finally {
    await session.endSession();
  }
  res.json({ ok: true });
};

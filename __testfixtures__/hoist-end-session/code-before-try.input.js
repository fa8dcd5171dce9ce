const mongoose = require('mongoose');
const Invoice = require('../models/invoice');
const Payment = require('../models/payment');

// The finally already ends the session, and nothing between startSession() and the try can
// throw: nothing to report.
exports.pay = async (req, res) => {
  const session = await mongoose.startSession();
  let result = null;
  const notify = (invoice) => console.log('paid', invoice._id);
  try {
    session.startTransaction();
    result = await Invoice.findByIdAndUpdate(req.params.id, { paid: true }, { session, new: true });
    await Payment.create([{ invoice: result._id, amount: result.total }], { session });
    await session.commitTransaction();
    notify(result);
    res.json(result);
  } catch (err) {
    if (session.inTransaction()) await session.abortTransaction();
    res.status(500).json({ message: err.message });
  } finally {
    session.endSession();
  }
};

// Here the code before the try reads the request, which can throw and leak the session: that
// is for a person to move into the try.
exports.refund = async (req, res) => {
  const session = await mongoose.startSession();
  const amount = Number(req.body.refund.amount);
  try {
    session.startTransaction();
    await Payment.create([{ invoice: req.params.id, amount: -amount }], { session });
    await session.commitTransaction();
    res.json({ refunded: amount });
  } catch (err) {
    if (session.inTransaction()) await session.abortTransaction();
    res.status(500).json({ message: err.message });
  } finally {
    session.endSession();
  }
};

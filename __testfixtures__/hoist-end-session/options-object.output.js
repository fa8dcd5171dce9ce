const mongoose = require('mongoose');
const Account = require('../models/account');
const Transfer = require('../models/transfer');

// Controller that builds its options once and passes them to every operation: the session
// travels in `opts`, which is handed to operations only.
exports.transfer = async (req, res) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  const opts = { session, new: true };
  try {
    const from = await Account.findOneAndUpdate({ _id: req.body.from }, { $inc: { balance: -req.body.amount } }, opts);
    if (from.balance < 0) throw new Error('insufficient funds');
    await Account.findOneAndUpdate({ _id: req.body.to }, { $inc: { balance: req.body.amount } }, opts);
    await Transfer.create([{ from: req.body.from, to: req.body.to, amount: req.body.amount }], opts);
    await session.commitTransaction();
    res.json({ ok: true });
  } catch (err) {
    if (session.inTransaction()) await session.abortTransaction();
    res.status(400).json({ message: err.message });
  } finally {
    await session.endSession();
  }
};

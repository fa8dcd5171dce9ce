const mongoose = require('mongoose');
const Wallet = require('../models/wallet');
const Ledger = require('../models/ledger');

// Mongoose 6 wallet controller: the callbacks are functions kept in a variable and on the
// controller. Mongoose runs a call given a callback at once, so awaiting it would apply the
// $inc a second time.
const logFailure = (err) => {
  if (err) console.error('wallet update failed', err);
};

exports.credit = async function (req, res) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    Wallet.updateOne({ _id: req.params.id }, { $inc: { balance: req.body.amount } }, { session }, logFailure);
    Ledger.create([{ wallet: req.params.id, amount: req.body.amount }], { session }, this.onLedgerWritten);
    await session.commitTransaction();
    res.json({ ok: true });
  } catch (err) {
    if (session.inTransaction()) await session.abortTransaction();
    res.status(500).json({ message: err.message });
  } finally {
    await session.endSession();
  }
};

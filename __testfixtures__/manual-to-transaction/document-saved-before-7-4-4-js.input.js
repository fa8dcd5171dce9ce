const mongoose = require('mongoose');
const Account = require('../models/account');
const Transfer = require('../models/transfer');

exports.close = async (req, res) => {
  const account = await Account.findById(req.params.id);
  if (!account) return res.status(404).json({ message: 'Account not found' });

  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    account.status = 'closed';
    await account.save({ session });
    await Transfer.create([{ account: account._id, kind: 'closing' }], { session });
    await session.commitTransaction();
    res.json({ status: account.status });
  } catch (err) {
    await session.abortTransaction();
    res.status(500).json({ message: err.message });
  } finally {
    session.endSession();
  }
};

exports.rename = async (req, res) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const account = await Account.findById(req.params.id).session(session);
    account.name = req.body.name;
    await account.save({ session });
    await session.commitTransaction();
  } catch (err) {
    await session.abortTransaction();
    throw err;
  } finally {
    session.endSession();
  }
  res.json({ ok: true });
};

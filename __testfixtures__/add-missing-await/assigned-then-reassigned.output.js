const mongoose = require('mongoose');
const User = require('../models/user');
const Wallet = require('../models/wallet');

// The same variable checks each save in turn: the first is declared with let, the second
// assigned to it. Both were read as the saved document while the save was still running.
exports.topUp = async (req, res) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  const opts = { session };
  try {
    const user = await User.findById(req.user.id).session(session);
    const wallet = await Wallet.findOne({ owner: user._id }).session(session);
    user.credits += req.body.amount;
    wallet.balance -= req.body.amount;
    let check = await user.save(opts);
    if (!check) throw new Error('Could not credit the user');
    check = await wallet.save(opts);
    if (!check) throw new Error('Could not debit the wallet');
    await session.commitTransaction();
    res.json({ credits: user.credits });
  } catch (err) {
    await session.abortTransaction();
    res.status(500).json({ message: err.message });
  } finally {
    await session.endSession();
  }
};

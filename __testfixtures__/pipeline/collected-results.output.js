const mongoose = require('mongoose');
const Wallet = require('../models/wallet');
const Payout = require('../models/payout');

const debit = async (walletId, amount, session) => {
  const wallet = await Wallet.findOneAndUpdate({ _id: walletId, balance: { $gte: amount } }, { $inc: { balance: -amount } }, { new: true, session });
  if (!wallet) throw new Error(`wallet ${walletId} cannot pay ${amount}`);
  return wallet;
};

// Pays several wallets out in one transaction: each debit is a helper call collected for
// Promise.all, and the wallets it returns are read for the response.
exports.payout = async (req, res) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const wallets = [];
    for (const item of req.body.items) {
      wallets.push(await debit(item.wallet, item.amount, session));
    }
    await Payout.create([{ user: req.user.id, total: req.body.items.reduce((sum, item) => sum + item.amount, 0) }], { session });
    await session.commitTransaction();
    res.json({ balances: wallets.map((wallet) => wallet.balance) });
  } catch (error) {
    if (session.inTransaction()) await session.abortTransaction();
    res.status(400).json({ message: error.message });
  } finally {
    await session.endSession();
  }
};

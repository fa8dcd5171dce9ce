const mongoose = require('mongoose');
const Wallet = require('../models/wallet');
const Ledger = require('../models/ledger');
const Stock = require('../models/stock');
const ApiError = require('../utils/api-error');

// Wallet-to-wallet transfer: a missing or short wallet aborts and throws the business error,
// which the controller turns into a 400.
async function transferFunds({ fromUserId, toUserId, amount }) {
  const debit = await mongoose.connection.transaction(async (session) => {
    const debit = await Wallet.findOneAndUpdate(
      { user: fromUserId, balance: { $gte: amount } },
      { $inc: { balance: -amount } },
      { new: true, session },
    );
    if (!debit) {
      throw new Error('Insufficient balance');
    }
    const credit = await Wallet.findOneAndUpdate({ user: toUserId }, { $inc: { balance: amount } }, { new: true, session });
    if (!credit) {
      throw new ApiError(404, 'Recipient wallet not found');
    }
    await Ledger.create([{ from: fromUserId, to: toUserId, amount }], { session });
    return debit;
  });
  return { balance: debit.balance };
}

// Each item's stock is taken in turn; the first short item aborts and throws from inside the loop.
async function reserveItems(orderId, items) {
  await Wallet.db.transaction(async (session) => {
    for (const item of items) {
      const stock = await Stock.findOneAndUpdate({ sku: item.sku, available: { $gte: item.qty } }, { $inc: { available: -item.qty } }, { session });
      if (!stock) {
        throw new ApiError(409, `Not enough stock for ${item.sku}`);
      }
    }
    await Ledger.create([{ from: orderId, to: 'stock', amount: items.length }], { session });
  });
}

module.exports = { transferFunds, reserveItems };

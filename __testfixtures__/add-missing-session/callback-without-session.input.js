const mongoose = require('mongoose');
const Wallet = require('../models/wallet');

// A transaction() callback written for AsyncLocalStorage, in a project where it is not switched
// on: its writes run outside the transaction. It is reported once; the session is not invented.
async function topUp(walletId, amount) {
  await mongoose.connection.transaction(async () => {
    await Wallet.updateOne({ _id: walletId }, { $inc: { balance: amount } });
    await Wallet.updateOne({ _id: walletId }, { $push: { history: { amount } } });
  });
}

module.exports = { topUp };

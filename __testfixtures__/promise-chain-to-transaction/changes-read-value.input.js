const mongoose = require('mongoose');
const moment = require('moment');
const Transactions = mongoose.model('Transactions');
const TxnHistory = mongoose.model('TxnHistory');

// The body saves `txn`, then changes it: a second run after a transient error would save the
// changed object, so the chain is left as it is. moment() alone would not stop the rewrite.
module.exports = {
  createTxn: async (user, product) => {
    let session = null;
    const txn = { user, product, totalPrice: product.price, status: 'pending' };

    return Transactions.createCollection()
      .then(() => mongoose.startSession())
      .then((_session) => {
        session = _session;
        session.startTransaction();
        return Transactions.create([txn], { session: session });
      })
      .then(() => {
        delete txn.totalPrice;
        txn.txnAt = moment().format();
        return TxnHistory.create([txn], { session: session });
      })
      .then(() => session.commitTransaction())
      .then(() => session.endSession())
      .then(() => txn);
  },
};

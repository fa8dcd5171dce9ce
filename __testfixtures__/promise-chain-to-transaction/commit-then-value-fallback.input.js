const mongoose = require('mongoose');
const Order = require('../models/order');

// The chain commits and then resolves to the new order; on any error it logs and resolves to
// null, which the caller checks.
function placeOrder(data) {
  let session;
  return mongoose.startSession()
    .then((s) => {
      session = s;
      session.startTransaction();
      return Order.create([data], { session });
    })
    .then(([order]) => session.commitTransaction().then(() => order))
    .catch((err) => {
      console.error('order failed', err);
      return null;
    });
}

module.exports = { placeOrder };

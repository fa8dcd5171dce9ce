const mongoose = require('mongoose');
const Order = require('../models/order');
const Stock = require('../models/stock');

// Two spellings of "abort, then rethrow" in the .catch(): an arrow that returns the abort's
// chain, and one that also ends the session and rejects with the error.
function reserve(order) {
  let session;
  return mongoose.startSession()
    .then((s) => {
      session = s;
      session.startTransaction();
      return Order.create([order], { session });
    })
    .then(() => Stock.updateOne({ sku: order.sku }, { $inc: { qty: -order.qty } }, { session }))
    .then(() => session.commitTransaction())
    .then(() => session.endSession())
    .catch((err) => session.abortTransaction().then(() => { throw err; }));
}

function release(order) {
  let session;
  return mongoose.startSession()
    .then((s) => {
      session = s;
      session.startTransaction();
      return Stock.updateOne({ sku: order.sku }, { $inc: { qty: order.qty } }, { session });
    })
    .then(() => session.commitTransaction())
    .then(() => session.endSession())
    .catch((err) => session.abortTransaction().then(() => session.endSession()).then(() => Promise.reject(err)));
}

module.exports = { reserve, release };

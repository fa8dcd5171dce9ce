const mongoose = require('mongoose');
const Order = require('../models/order');
const Payment = require('../models/payment');

// The .catch() answers the request: it becomes a try/catch around the awaited transaction.
function pay(req, res) {
  let session;
  return mongoose
    .startSession()
    .then((s) => {
      session = s;
      session.startTransaction();
      return Order.findByIdAndUpdate(req.params.id, { status: 'paid' }, { session, new: true });
    })
    .then((order) => Payment.create([{ order: order._id, amount: order.total }], { session }).then(() => order))
    .then((order) => session.commitTransaction().then(() => order))
    .then((order) => res.json(order))
    .catch((err) => {
      session.abortTransaction();
      session.endSession();
      res.status(500).json({ error: err.message });
    });
}

module.exports = { pay };

const mongoose = require('mongoose');
const Order = require('./order');
const Invoice = require('./invoice');

// Two steps destructure `order` and declare `total`: once the steps share one function, the
// later ones are renamed.
function settle(id) {
  let session;
  return mongoose.startSession()
    .then((s) => {
      session = s;
      session.startTransaction();
      return Order.find({ customer: id }).session(session);
    })
    .then(([order]) => {
      const total = order.lines.reduce((sum, l) => sum + l.price, 0);
      return Invoice.create([{ order: order._id, total }], { session });
    })
    .then(([order]) => {
      const total = order.total * 1.2;
      return Invoice.updateOne({ _id: order._id }, { gross: total }, { session });
    })
    .then(() => session.commitTransaction())
    .then(() => session.endSession());
}
module.exports = { settle };

const mongoose = require('mongoose');
const Order = require('./order');
const Invoice = require('./invoice');

// Two steps destructure `order` and declare `total`: once the steps share one function, the
// later ones are renamed.
async function settle(id) {
  await mongoose.connection.transaction(async (session) => {
    const [order] = await Order.find({ customer: id }).session(session);
    const total = order.lines.reduce((sum, l) => sum + l.price, 0);
    const [order2] = await Invoice.create([{ order: order._id, total }], { session });
    const total2 = order2.total * 1.2;
    await Invoice.updateOne({ _id: order2._id }, { gross: total2 }, { session });
  });
}
module.exports = { settle };

const mongoose = require('mongoose');
const Order = require('../models/order');
const Invoice = require('../models/invoice');

// The catch does not wait for its abort (`void`); inside transaction() the throw aborts.
async function placeOrder(customer, total) {
  const order = await mongoose.connection.transaction(async (session) => {
    const [order] = await Order.create([{ customer, total }], { session });
    await Invoice.create([{ order: order._id, amount: total }], { session });
    return order;
  });
  return order;
}

module.exports = { placeOrder };

const mongoose = require('mongoose');
const Order = require('../models/order');
const Invoice = require('../models/invoice');

// The catch does not wait for its abort (`void`); inside transaction() the throw aborts.
async function placeOrder(customer, total) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const [order] = await Order.create([{ customer, total }], { session });
    await Invoice.create([{ order: order._id, amount: total }], { session });
    await session.commitTransaction();
    return order;
  } catch (err) {
    void session.abortTransaction();
    throw err;
  } finally {
    await session.endSession();
  }
}

module.exports = { placeOrder };

const mongoose = require('mongoose');
const Order = require('../models/order');
const Customer = require('../models/customer');

// The query is built in steps and given the session before it runs: it is awaited once, as a query.
async function markShipped(orderId, carrier) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    let query = Order.findById(orderId);
    query = query.session(session);
    const order = await query;
    if (!order) throw new Error('Order not found');
    order.status = 'shipped';
    order.carrier = carrier;
    await order.save({ session });
    await Customer.updateOne({ _id: order.customer }, { $inc: { shipped: 1 } }, { session });
    await session.commitTransaction();
    return order;
  } catch (err) {
    await session.abortTransaction();
    throw err;
  } finally {
    await session.endSession();
  }
}

module.exports = { markShipped };

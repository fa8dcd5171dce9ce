const mongoose = require('mongoose');
const Order = require('../models/order');
const Stat = require('../models/stat');

async function placeOrder(order) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await Order.create([order], { session });
    Stat.updateOne({ day: order.day }, { $inc: { orders: 1 } }).catch((err) => console.warn('stats not updated', err));
    await Stat.updateOne({ day: order.day }, { $inc: { items: order.items.length } }, { session }).catch((err) => console.warn(err));
    // A catch without a handler passes the failure on: nothing is handled, so it is awaited like any other.
    await Stat.updateOne({ day: order.day }, { $inc: { customers: 1 } }).catch();
    await session.commitTransaction();
  } catch (err) {
    await session.abortTransaction();
    throw err;
  } finally {
    await session.endSession();
  }
}

module.exports = { placeOrder };

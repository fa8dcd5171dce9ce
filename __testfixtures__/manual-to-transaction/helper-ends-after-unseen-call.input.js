const mongoose = require('mongoose');
const Product = require('../models/product');
const Order = require('../models/order');
const { stockFor } = require('../clients/warehouse');

// Asks the warehouse (code this file cannot see), then aborts the caller's transaction when an
// item is short: the abort is what keeps this body out of transaction(), not the warehouse call.
async function reserve(session, items) {
  const stock = await stockFor(items.map((item) => item.sku));
  for (const item of items) {
    if ((stock[item.sku] ?? 0) < item.qty) {
      await session.abortTransaction();
      throw new Error(`not enough ${item.sku}`);
    }
    await Product.updateOne({ sku: item.sku }, { $inc: { stock: -item.qty } }, { session });
  }
}

async function placeOrder(userId, items) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await reserve(session, items);
    const [order] = await Order.create([{ user: userId, items, status: 'placed' }], { session });
    await session.commitTransaction();
    return order;
  } catch (err) {
    if (session.inTransaction()) await session.abortTransaction();
    throw err;
  } finally {
    await session.endSession();
  }
}

module.exports = { placeOrder };

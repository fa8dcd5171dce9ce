const mongoose = require('mongoose');
const { Order, Stock } = require('../models');

/** Places the order and reserves its stock; the caller maps errors to responses. */
async function placeOrder(items, customerId) {
  let order;
  const session = await mongoose.startSession();
  return session.withTransaction(async () => {
    [order] = await Order.create([{ customerId, items }], { session });
    for (const item of items) {
      await Stock.updateOne({ sku: item.sku }, { $inc: { reserved: item.quantity } }, { session });
    }
  }).then(() => order).finally(() => session.endSession());
}

async function cancelOrder(orderId) {
  const session = await mongoose.startSession();
  return session
    .withTransaction(() => Order.deleteOne({ _id: orderId }, { session }))
    .finally(() => session.endSession());
}

async function archiveOrders(before) {
  const session = await Order.startSession();
  return session.withTransaction(() => Order.updateMany({ createdAt: { $lt: before } }, { archived: true }, { session })).finally(() => session.endSession());
}

module.exports = { placeOrder, cancelOrder, archiveOrders };

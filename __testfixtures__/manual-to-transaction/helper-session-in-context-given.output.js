const mongoose = require('mongoose');
const Order = require('../models/order');
const Payment = require('../models/payment');

// Called inside a transaction and from the nightly import, which has no session.
async function recordPayment(ctx) {
  if (ctx.session) {
    await Payment.create([{ order: ctx.order._id, amount: ctx.amount }], { session: ctx.session });
  } else {
    await Payment.create([{ order: ctx.order._id, amount: ctx.amount }]);
  }
  await Order.updateOne({ _id: ctx.order._id }, { $inc: { paid: ctx.amount } }).session(ctx.session);
}

// Shared with the admin tools, which pass options of their own.
async function markSettled(orderId, options) {
  await Order.updateOne({ _id: orderId }, { $set: { settled: true } }, { ...options, runValidators: true });
}

// The helpers write only with the session they are handed: the body may run twice.
async function settle(orderId, amount) {
  const order = await mongoose.connection.transaction(async (session) => {
    const order = await Order.findById(orderId).session(session);
    if (!order) throw new Error('Order not found');
    await recordPayment({ session, order, amount });
    await markSettled(order._id, { session });
    return order;
  });
  return order._id;
}

async function importPayment(orderId, amount) {
  const order = await Order.findById(orderId);
  await recordPayment({ order, amount });
}

module.exports = { settle, importPayment };

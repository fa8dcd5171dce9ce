const mongoose = require('mongoose');
const axios = require('axios');
const Order = require('../models/order');
const Payment = require('../models/payment');
const HttpError = require('../utils/http-error');

// Marks the order paid and commits on the caller's behalf.
async function completeOrder(ctx) {
  ctx.order.status = 'paid';
  await ctx.order.save({ session: ctx.session });
  await ctx.session.commitTransaction();
}

async function payOrder(orderId) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const order = await Order.findById(orderId).session(session);
    const ctx = { session, order };
    await completeOrder(ctx);
    await session.commitTransaction();
    return order;
  } catch (err) {
    if (session.inTransaction()) await session.abortTransaction();
    throw err;
  } finally {
    await session.endSession();
  }
}

// Aborts before it throws: inside transaction(), whose own abort would follow, the second abort
// would replace the client error (Mongoose 8.7+).
async function rejectOrder(ctx, message) {
  const { session } = ctx;
  await session.abortTransaction();
  throw new HttpError(409, message);
}

async function cancelOrder(orderId) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const order = await Order.findById(orderId).session(session);
    if (order.status === 'shipped') await rejectOrder({ session, order }, 'Order already shipped');
    order.status = 'cancelled';
    await order.save({ session });
    await session.commitTransaction();
    return order;
  } catch (err) {
    if (session.inTransaction()) await session.abortTransaction();
    throw err;
  } finally {
    await session.endSession();
  }
}

// Records the payment with the session, then tells the shop: a retry would post again.
async function recordCapture(ctx) {
  await Payment.create([{ order: ctx.order._id, amount: ctx.amount }], { session: ctx.session });
  await axios.post('https://hooks.example.com/captured', { order: ctx.order._id });
}

async function capture(orderId, amount) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const order = await Order.findById(orderId).session(session);
    await recordCapture({ session, order, amount });
    await session.commitTransaction();
    return order;
  } catch (err) {
    await session.abortTransaction();
    throw err;
  } finally {
    session.endSession();
  }
}

// Handed no session: its fallback writes outside the transaction.
async function recordRefund(ctx) {
  if (ctx.session) {
    await Payment.create([{ order: ctx.order._id, amount: -ctx.amount }], { session: ctx.session });
  } else {
    await Payment.create([{ order: ctx.order._id, amount: -ctx.amount }]);
  }
}

async function refund(orderId, amount) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const order = await Order.findById(orderId).session(session);
    await recordRefund({ order, amount });
    order.status = 'refunded';
    await order.save({ session });
    await session.commitTransaction();
    return order;
  } catch (err) {
    await session.abortTransaction();
    throw err;
  } finally {
    session.endSession();
  }
}

// Passes the context on to the function that commits.
async function closeOut(ctx) {
  await ctx.session.commitTransaction();
}

async function archiveOrder(ctx) {
  ctx.order.archived = true;
  await ctx.order.save({ session: ctx.session });
  await closeOut(ctx);
}

async function archive(orderId) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const order = await Order.findById(orderId).session(session);
    await archiveOrder({ session, order });
    await session.commitTransaction();
  } catch (err) {
    if (session.inTransaction()) await session.abortTransaction();
    throw err;
  } finally {
    await session.endSession();
  }
}

module.exports = { payOrder, cancelOrder, capture, refund, archive };

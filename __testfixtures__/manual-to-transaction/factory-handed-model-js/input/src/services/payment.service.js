const mongoose = require('mongoose');
const { createLoggedSession, createSession } = require('../utils/session');

const Payment = mongoose.model('Payment', new mongoose.Schema({ order: String, amount: Number }));
const Order = mongoose.model('Order', new mongoose.Schema({ status: String }));

async function pay(orderId, amount) {
  const session = await createSession(Payment);
  session.startTransaction();
  try {
    await Payment.create([{ order: orderId, amount }], { session });
    await Order.updateOne({ _id: orderId }, { status: 'paid' }, { session });
    await session.commitTransaction();
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    await session.endSession();
  }
}

async function cancel(orderId) {
  const session = await createLoggedSession(Order);
  session.startTransaction();
  try {
    await Order.updateOne({ _id: orderId }, { status: 'cancelled' }, { session });
    await Payment.deleteMany({ order: orderId }, { session });
    await session.commitTransaction();
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    await session.endSession();
  }
}

module.exports = { pay, cancel };

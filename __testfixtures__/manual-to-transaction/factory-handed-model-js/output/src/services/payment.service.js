const mongoose = require('mongoose');
const { createLoggedSession } = require('../utils/session');

const Payment = mongoose.model('Payment', new mongoose.Schema({ order: String, amount: Number }));
const Order = mongoose.model('Order', new mongoose.Schema({ status: String }));

async function pay(orderId, amount) {
  await Payment.db.transaction(async (session) => {
    await Payment.create([{ order: orderId, amount }], { session });
    await Order.updateOne({ _id: orderId }, { status: 'paid' }, { session });
  });
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

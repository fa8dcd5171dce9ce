const mongoose = require('mongoose');
const Order = require('../models/order');
const Payment = require('../models/payment');

// Marks the order paid; the session, when given, puts the update in the caller's transaction.
async function markPaid(orderId, session) {
  await Order.updateOne({ _id: orderId }, { status: 'paid' }, { session });
}

async function pay(orderId, amount) {
  const paid = await mongoose.connection.transaction(async (session) => {
    await Payment.create([{ order: orderId, amount }], { session });
    const paid = await markPaid(orderId);
    return paid;
  });
  return paid;
}

module.exports = { pay, markPaid };

const mongoose = require('mongoose');
const { Order } = require('../models');

async function refundOrder(orderId) {
  const session = await mongoose.startSession();
  try {
    return session.withTransaction(() => Order.updateOne({ _id: orderId }, { status: 'refunded' }, { session }));
  } finally {
    session.endSession();
  }
}

async function closeOrder(orderId, audit) {
  const session = await mongoose.startSession();
  audit.log('closing', orderId, session.id);
  return session.withTransaction(() => Order.updateOne({ _id: orderId }, { status: 'closed' }, { session }));
}

module.exports = { refundOrder, closeOrder };

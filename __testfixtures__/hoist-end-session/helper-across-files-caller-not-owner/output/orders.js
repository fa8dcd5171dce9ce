const mongoose = require('mongoose');
const { finishTx } = require('./tx');
const Order = mongoose.model('Order');

async function placeOrder(item) {
  const session = await mongoose.startSession();
  try {
    session.startTransaction();
    await Order.create([{ item }], { session });
    await finishTx(session);
  } finally {
    await session.endSession();
  }
}

module.exports = { placeOrder };

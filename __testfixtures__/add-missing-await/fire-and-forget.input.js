const mongoose = require('mongoose');
const Order = require('./order');
const logger = require('./logger');

async function markShipped(orderId) {
  const session = await mongoose.startSession();
  try {
    await session.withTransaction(async () => {
      await Order.updateOne({ _id: orderId }, { shipped: true }, { session });
      // Fire-and-forget just before the commit: it still lands outside the transaction.
      Order.findByIdAndUpdate(orderId, { $inc: { version: 1 } }, { session }).catch((err) => logger.warn(err));
      Order.create([{ kind: 'event', orderId }], { session }).then((docs) => logger.info(docs.length));
    });
  } finally {
    await session.endSession();
  }
}

module.exports = { markShipped };

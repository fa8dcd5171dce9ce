const mongoose = require('mongoose');
const Order = require('../models/order');

// The session reaches its variable through a continuation of startSession(): the .then()
// callback's parameter, or a .catch() that wraps the error. Where a finally there already ends
// it, nothing is reported; where nothing ends it in a finally, the reason says where it went.
exports.pay = async (orderId) => {
  await mongoose.startSession().then(async (session) => {
    session.startTransaction();
    try {
      await Order.updateOne({ _id: orderId }, { paid: true }, { session });
      await session.commitTransaction();
    } catch (err) {
      if (session.inTransaction()) await session.abortTransaction();
      throw err;
    } finally {
      await session.endSession();
    }
  });
};

exports.ship = async (orderId) => {
  const session = await mongoose.startSession().catch((err) => {
    throw new Error(`Could not start a session: ${err.message}`);
  });
  try {
    await Order.updateOne({ _id: orderId }, { shipped: true }, { session });
  } finally {
    await session.endSession();
  }
};

exports.cancel = async (orderId) => {
  await mongoose.startSession().then(async (session) => {
    await Order.updateOne({ _id: orderId }, { cancelled: true }, { session });
    await session.endSession();
  });
};

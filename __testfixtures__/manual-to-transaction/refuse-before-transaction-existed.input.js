const mongoose = require('mongoose');
const Order = require('../models/order');

// On Mongoose 5.13 transaction() never ends its session: the hand-managed form stays.
async function place(order) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await Order.create([order], { session });
    await session.commitTransaction();
  } catch (err) {
    await session.abortTransaction();
    throw err;
  } finally {
    session.endSession();
  }
}

module.exports = { place };

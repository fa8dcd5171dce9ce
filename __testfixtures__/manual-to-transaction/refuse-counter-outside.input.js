const mongoose = require('mongoose');
const Order = mongoose.model('Order');

const stats = { placed: 0 };

// Counting into an object outside the body: a second run after a transient error would count twice.
async function place(items) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await Order.create([{ items }], { session });
    stats.placed += 1;
    await session.commitTransaction();
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    await session.endSession();
  }
}

module.exports = { place, stats };

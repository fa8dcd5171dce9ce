const mongoose = require('mongoose');
const Order = require('../models/order');

// End-of-day close: the running total is declared before the try, added to in the body and
// returned after the finally. Kept in front of transaction(), a retried body would add twice.
async function closeDay(orderIds) {
  const session = await mongoose.startSession();
  session.startTransaction();
  let total = 0;
  try {
    for (const id of orderIds) {
      const order = await Order.findByIdAndUpdate(id, { status: 'closed' }, { session, new: true });
      total += order.amount;
    }
    await session.commitTransaction();
  } catch (err) {
    await session.abortTransaction();
    throw err;
  } finally {
    session.endSession();
  }
  return total;
}

module.exports = { closeDay };

const mongoose = require('mongoose');
const Order = mongoose.model('Order');
const Payment = mongoose.model('Payment');

// The helper did nothing but end the session its callers pass: once it stops, nothing reads its
// parameter, so the parameter and the arguments go too.
function closeSession() {
}

async function place(items) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await Order.create([{ items }], { session });
    await session.commitTransaction();
  } catch (err) {
    if (session.inTransaction()) await session.abortTransaction();
    throw err;
  } finally {
    closeSession();
    await session.endSession();
  }
}

async function refund(paymentId) {
  const session = await mongoose.startSession();
  try {
    await session.withTransaction(() => Payment.deleteOne({ _id: paymentId }, { session }));
  } finally {
    closeSession();
    await session.endSession();
  }
}

module.exports = { place, refund };

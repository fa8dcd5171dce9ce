const mongoose = require('mongoose');
const Order = mongoose.model('Order');
const Payment = mongoose.model('Payment');

// The helper did nothing but end the session its callers pass: once it stops, nothing reads its
// parameter, so the parameter and the arguments go too.
function closeSession(session) {
  session.endSession();
}

async function place(items) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await Order.create([{ items }], { session });
    await session.commitTransaction();
  } catch (err) {
    await session.abortTransaction();
    throw err;
  } finally {
    closeSession(session);
  }
}

async function refund(paymentId) {
  const session = await mongoose.startSession();
  try {
    await session.withTransaction(() => Payment.deleteOne({ _id: paymentId }, { session }));
  } finally {
    closeSession(session);
  }
}

module.exports = { place, refund };

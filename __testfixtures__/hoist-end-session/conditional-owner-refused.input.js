const mongoose = require('mongoose');
const Order = require('../models/order');

// Ends the session whoever made it: the caller's session ends too.
async function closeOrder(id, parentSession) {
  const session = parentSession || (await mongoose.startSession());
  if (!parentSession) session.startTransaction();
  await Order.updateOne({ _id: id }, { $set: { closed: true } }, { session });
  if (!parentSession) await session.commitTransaction();
  await session.endSession();
}

// Nothing records whether the session was made here.
async function reopenOrder(id, session) {
  if (!session) {
    session = await mongoose.startSession();
    console.log('new session');
  }
  await Order.updateOne({ _id: id }, { $set: { closed: false } }, { session });
}

module.exports = { closeOrder, reopenOrder };

async function archiveOrder(id, session) {
  if (!session) {
    session = await mongoose.startSession();
  }
  await Order.updateOne({ _id: id }, { $set: { archived: true } }, { session });
}

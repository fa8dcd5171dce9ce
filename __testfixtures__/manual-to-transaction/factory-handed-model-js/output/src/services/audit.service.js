const mongoose = require('mongoose');
const { openSession } = require('../utils/db');

const Audit = mongoose.model('Audit', new mongoose.Schema({ order: String, action: String }));

async function record(orderId, action) {
  const session = await openSession();
  session.startTransaction();
  try {
    await Audit.create([{ order: orderId, action }], { session });
    await session.commitTransaction();
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    await session.endSession();
  }
}

module.exports = { record };

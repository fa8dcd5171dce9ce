const { openSession, Refund } = require('../utils/db');
const { createSession } = require('../utils/session');

async function refund(orderId, amount) {
  const session = await openSession();
  session.startTransaction();
  try {
    await Refund.create([{ order: orderId, amount }], { session });
    await session.commitTransaction();
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    await session.endSession();
  }
}

async function reverse(orderId) {
  const session = await createSession(Refund);
  session.startTransaction();
  try {
    await Refund.deleteMany({ order: orderId }, { session });
    await session.commitTransaction();
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    await session.endSession();
  }
}

module.exports = { refund, reverse };

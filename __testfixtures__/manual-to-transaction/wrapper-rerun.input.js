const mongoose = require('mongoose');

async function executeTransaction(callback) {
  const session = await mongoose.startSession();
  try {
    session.startTransaction();
    const result = await callback(session);
    await session.commitTransaction();
    return result;
  } catch (err) {
    await session.abortTransaction();
    if (err.message.includes('Transaction')) {
      console.warn('transactions unavailable, running without one');
      return callback(null);
    }
    throw err;
  } finally {
    await session.endSession();
  }
}

module.exports = { executeTransaction };

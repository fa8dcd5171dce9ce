const mongoose = require('mongoose');

// Retries the whole transaction (with a new session) on a transient error: not a rerun without one.
async function executeTransaction(callback, attempts = 3) {
  const session = await mongoose.startSession();
  try {
    session.startTransaction();
    const result = await callback(session);
    await session.commitTransaction();
    return result;
  } catch (err) {
    if (session.inTransaction()) await session.abortTransaction();
    if (attempts > 1 && err.hasErrorLabel && err.hasErrorLabel('TransientTransactionError')) {
      return executeTransaction(callback, attempts - 1);
    }
    throw err;
  } finally {
    await session.endSession();
  }
}

module.exports = { executeTransaction };

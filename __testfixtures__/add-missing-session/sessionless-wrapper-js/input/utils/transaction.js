const mongoose = require('mongoose');

// Starts a transaction around the work, but never hands the work its session.
async function runInTransaction(work) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const result = await work();
    await session.commitTransaction();
    return result;
  } catch (err) {
    if (session.inTransaction()) await session.abortTransaction();
    throw err;
  } finally {
    await session.endSession();
  }
}

// transaction() retries, but the work gets no session, and nothing turns AsyncLocalStorage on.
const retrying = (work) => mongoose.connection.transaction(() => work());

// Its only caller reads.
async function readConsistently(work) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const result = await work();
    await session.commitTransaction();
    return result;
  } catch (err) {
    if (session.inTransaction()) await session.abortTransaction();
    throw err;
  } finally {
    await session.endSession();
  }
}

module.exports = { runInTransaction, retrying, readConsistently };

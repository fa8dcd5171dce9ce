const mongoose = require('mongoose');

async function runInTransaction(work) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const result = await work();
    await session.commitTransaction();
    return result;
  } catch (err) {
    await session.abortTransaction();
    throw err;
  } finally {
    session.endSession();
  }
}

module.exports = { runInTransaction };

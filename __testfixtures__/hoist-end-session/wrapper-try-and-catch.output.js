const mongoose = require('mongoose');

const conn = mongoose.createConnection(process.env.MONGO_URL);

// runInTransaction(work) from a shared utils module: ends the session in the try and in the
// catch, and never at all when commitTransaction() itself throws and the abort throws too.
const runInTransaction = async (work) => {
  const session = await conn.startSession();
  session.startTransaction();
  try {
    const value = await work(session);
    await session.commitTransaction();
    return value;
  } catch (e) {
    if (session.inTransaction()) await session.abortTransaction();
    throw e;
  } finally {
    await session.endSession();
  }
};

module.exports = { runInTransaction };

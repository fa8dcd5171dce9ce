const mongoose = require('mongoose');

// Runs the work in a transaction of its own and hands it the session.
const withTransaction = async (work) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const result = await work(session);
    await session.commitTransaction();
    return result;
  } catch (err) {
    await session.abortTransaction();
    throw err;
  } finally {
    await session.endSession();
  }
};

const retrying = (work) => mongoose.connection.transaction((session) => work(session));

module.exports = { withTransaction, retrying };

const mongoose = require('mongoose');

// The home-made wrapper most Express apps carry: its body is the caller's handler.
const withTransaction = async (handler) => {
  const session = await mongoose.startSession();
  try {
    session.startTransaction();
    const result = await handler(session);
    await session.commitTransaction();
    return result;
  } catch (err) {
    await session.abortTransaction();
    throw err;
  } finally {
    session.endSession();
  }
};

module.exports = { withTransaction };

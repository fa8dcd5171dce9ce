const mongoose = require('mongoose');
const logger = require('./logger');

const withTransaction = async (fn) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const result = await fn(session);
    await session.commitTransaction();
    return result;
  } catch (error) {
    logger.error(error.message);
    await session.abortTransaction();
    throw error;
  } finally {
    await session.endSession();
  }
};

module.exports = { withTransaction };

const mongoose = require('mongoose');

// Mounted before the write routes. The route handlers read the session from the request;
// the try that follows ends it.
module.exports = async (req, res, next) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  req.session = session;

  try {
    await next();
    await session.commitTransaction();
  } catch (error) {
    if (session.inTransaction()) await session.abortTransaction();
    throw error;
  } finally {
    session.endSession();
  }
};

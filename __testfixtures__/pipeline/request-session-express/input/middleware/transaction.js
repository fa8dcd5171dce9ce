const mongoose = require('mongoose');

// Every write route runs in one transaction: the session rides on the request, and the
// middleware commits once the route is done.
async function withTransaction(req, res, next) {
  const session = await mongoose.startSession();
  session.startTransaction();
  req.dbSession = session;
  try {
    await next();
    await session.commitTransaction();
  } catch (err) {
    await session.abortTransaction();
    next(err);
  } finally {
    session.endSession();
  }
}

module.exports = { withTransaction };

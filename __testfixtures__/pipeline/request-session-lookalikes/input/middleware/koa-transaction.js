const mongoose = require('mongoose');

// Koa awaits the downstream middleware: `await next()` returns once the route is done, so
// committing after it is right.
module.exports = async function transaction(ctx, next) {
  const session = await mongoose.startSession();
  session.startTransaction();
  ctx.state.session = session;
  try {
    await next();
    await session.commitTransaction();
  } catch (err) {
    if (session.inTransaction()) await session.abortTransaction();
    throw err;
  } finally {
    await session.endSession();
  }
};

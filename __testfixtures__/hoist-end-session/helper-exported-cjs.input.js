// A shared helper exported for other services: nobody here calls it, so whether its callers end
// the session themselves is unknown, and it keeps ending it.
async function rollbackAndClose(session) {
  await session.abortTransaction();
  session.endSession();
}

module.exports = { rollbackAndClose };

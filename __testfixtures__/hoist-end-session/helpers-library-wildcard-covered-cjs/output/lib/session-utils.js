async function commitAndClose(session) {
  await session.commitTransaction();
  session.endSession();
}

async function rollbackAndClose(session) {
  if (session.inTransaction()) await session.abortTransaction();
  session.endSession();
}

module.exports = { commitAndClose, rollbackAndClose };

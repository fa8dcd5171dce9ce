async function commitAndClose(session) {
  await session.commitTransaction();
}

async function rollbackAndClose(session) {
  if (session.inTransaction()) await session.abortTransaction();
}

module.exports = { commitAndClose, rollbackAndClose };

// Shared helpers that commit or abort and then end the session they were handed.
async function commit(session) {
  await session.commitTransaction();
  session.endSession();
}

async function rollback(session) {
  await session.abortTransaction();
  await session.endSession();
}

module.exports = { commit, rollback };

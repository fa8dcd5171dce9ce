// Shared helpers that commit or abort and then end the session they were handed.
async function commit(session) {
  await session.commitTransaction();
}

async function rollback(session) {
  if (session.inTransaction()) await session.abortTransaction();
}

module.exports = { commit, rollback };

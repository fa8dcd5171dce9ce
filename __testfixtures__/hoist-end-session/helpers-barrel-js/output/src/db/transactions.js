async function commitTx(session) {
  await session.commitTransaction();
}

async function rollbackTx(session) {
  if (session.inTransaction()) await session.abortTransaction();
}

module.exports = { commitTx, rollbackTx };

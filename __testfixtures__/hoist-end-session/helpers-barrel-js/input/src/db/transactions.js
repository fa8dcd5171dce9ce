async function commitTx(session) {
  await session.commitTransaction();
  session.endSession();
}

async function rollbackTx(session) {
  await session.abortTransaction();
  session.endSession();
}

module.exports = { commitTx, rollbackTx };

async function commitTx(session) {
  await session.commitTransaction();
}

async function rollbackTx(session) {
  await session.abortTransaction();
}

module.exports = { commitTx, rollbackTx };

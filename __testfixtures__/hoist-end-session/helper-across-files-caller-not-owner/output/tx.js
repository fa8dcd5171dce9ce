async function finishTx(session) {
  await session.commitTransaction();
  session.endSession();
}

module.exports = { finishTx };

// A plugin that moves an amount between two ledger documents. It runs with whatever Mongoose its
// user installed, from the peer range's floor up: 6.0.14's transaction() never ends its session.
async function transfer(Ledger, fromId, toId, amount) {
  const session = await Ledger.startSession();
  session.startTransaction();
  try {
    await Ledger.updateOne({ _id: fromId }, { $inc: { balance: -amount } }, { session });
    await Ledger.updateOne({ _id: toId }, { $inc: { balance: amount } }, { session });
    await session.commitTransaction();
  } catch (err) {
    await session.abortTransaction();
    throw err;
  } finally {
    await session.endSession();
  }
}

module.exports = { transfer };

const mongoose = require('mongoose');
const Vote = mongoose.model('Vote');

// Lifecycle calls used as bare statements: each returns a promise nobody waits for.
async function vote(pollId, choice) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await Vote.create([{ pollId, choice }], { session });
    await session.commitTransaction();
  } catch (err) {
    await session.abortTransaction();
    throw err;
  } finally {
    await session.endSession();
  }
}

async function recount(pollId) {
  const session = await mongoose.startSession();
  await session.withTransaction(async () => {
    await Vote.deleteMany({ pollId, spoiled: true }, { session });
  });
  await mongoose.connection.transaction(async (inner) => {
    await Vote.updateMany({ pollId }, { counted: true }, { session: inner });
  });
  await session.endSession();
}

// Not async: reported, not changed.
function cancel(session) {
  session.abortTransaction();
}

module.exports = { vote, recount, cancel };

const mongoose = require('mongoose');

const Seat = mongoose.model('Seat', new mongoose.Schema({ show: String, row: Number, holder: String }));

// The caller aborts inside the callback, and the wrapper then commits: transaction() would run it differently.
async function inTransaction(work) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const result = await work(session);
    await session.commitTransaction();
    return result;
  } catch (err) {
    if (session.inTransaction()) await session.abortTransaction();
    throw err;
  } finally {
    await session.endSession();
  }
}

async function holdSeat(show, row, holder) {
  return inTransaction(async (session) => {
    const seat = await Seat.findOneAndUpdate({ show, row, holder: null }, { holder }, { session, new: true });
    if (!seat) {
      await session.abortTransaction();
      return null;
    }
    return seat;
  });
}

module.exports = { holdSeat };

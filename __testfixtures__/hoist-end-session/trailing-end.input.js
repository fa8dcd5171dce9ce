const mongoose = require('mongoose');
const Seat = mongoose.model('Seat');

// The plain sequential form: a throw from any await skips the last line and leaks the session.
async function hold(row) {
  const session = await mongoose.startSession();
  session.startTransaction();
  await Seat.updateOne({ row }, { held: true }, { session });
  await session.commitTransaction();
  await session.endSession();
}

module.exports = { hold };

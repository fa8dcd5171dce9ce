const mongoose = require('mongoose');
const Room = mongoose.model('Room');
const Stay = mongoose.model('Stay');

// A hotel check-in with a manual transaction: two writes between start and commit float.
async function checkIn(roomId, guest) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const room = await Room.findById(roomId).session(session);
    room.occupied = true;
    await room.save();
    await Stay.create([{ room: roomId, guest }], { session });
    await session.commitTransaction();
  } catch (err) {
    await session.abortTransaction();
    throw err;
  } finally {
    await session.endSession();
  }
}

// Not async: adding await would change what it returns, so it is reported.
function checkOut(session, roomId) {
  session.startTransaction();
  Room.updateOne({ _id: roomId }, { occupied: false }, { session }).exec();
  return session.commitTransaction();
}

module.exports = { checkIn, checkOut };

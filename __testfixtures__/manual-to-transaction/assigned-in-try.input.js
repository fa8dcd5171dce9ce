const mongoose = require('mongoose');
const Room = require('../models/room');
const Reservation = require('../models/reservation');

// The session is created inside the try, so the catch and the finally check that it exists.
async function reserve(roomId, guest) {
  let session = null;
  try {
    session = await mongoose.startSession();
    session.startTransaction();
    await Room.updateOne({ _id: roomId, free: true }, { free: false }, { session });
    await Reservation.create([{ room: roomId, guest }], { session });
    await session.commitTransaction();
  } catch (err) {
    if (session) await session.abortTransaction();
    throw err;
  } finally {
    session?.endSession();
  }
}

module.exports = { reserve };

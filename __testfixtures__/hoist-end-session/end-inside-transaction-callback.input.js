const mongoose = require('mongoose');
const Seat = mongoose.model('Seat');

exports.release = (flight) =>
  mongoose.connection.transaction(async (session) => {
    await Seat.updateOne({ flight, taken: true }, { taken: false }, { session });
    if (session) {
      session.endSession();
    }
  });

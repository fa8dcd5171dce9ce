const mongoose = require('mongoose');
const Seat = mongoose.model('Seat');
const Booking = mongoose.model('Booking');

// A booking service that loops with forEach and map: none of the writes is waited for.
async function book(event, seats) {
  await mongoose.connection.transaction(async (session) => {
    seats.forEach(async (seat, index) => {
      if (seat.taken) return;
      await Seat.updateOne({ event, number: seat.number }, { taken: true }, { session });
      await Booking.create([{ event, seat: seat.number, position: index }], { session });
    });
    seats.map(async (seat) => {
      await Seat.updateOne({ event, number: seat.number }, { $inc: { views: 1 } }, { session });
    });
    // Not async: it starts each write and returns at once; reported.
    seats.forEach(function (seat) {
      Booking.create([{ event, seat: seat.number, waitlist: true }], { session });
    });
  });
}

module.exports = { book };

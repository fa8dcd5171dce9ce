const mongoose = require('mongoose');
const Booking = require('../models/booking');
const Seat = require('../models/seat');

async function reserveSeat(seatId, bookingId, session) {
  const seat = await Seat.findOneAndUpdate({ _id: seatId, bookedBy: null }, { bookedBy: bookingId }, { new: true, session });
  if (!seat) throw new Error(`seat ${seatId} is no longer free`);
  return seat;
}

// Booking several seats: each reservation is a helper call on the session, collected and awaited
// together, and the reserved seats are read afterwards.
exports.bookSeats = async (req, res) => {
  try {
    const booking = await mongoose.connection.transaction(async (session) => {
      const [created] = await Booking.create([{ user: req.user.id, seats: req.body.seats }], { session });
      const reservations = [];
      for (const seatId of req.body.seats) {
        reservations.push(reserveSeat(seatId, created._id, session));
      }
      const seats = await Promise.all(reservations);
      created.total = seats.reduce((sum, seat) => sum + seat.price, 0);
      await created.save({ session });
      return created;
    });
    res.status(201).json({ id: booking._id, total: booking.total });
  } catch (error) {
    res.status(409).json({ message: error.message });
  }
};

// Releasing seats: the helper results are returned as they are.
exports.releaseSeats = async (bookingId, seatIds) =>
  mongoose.connection.transaction(async (session) => {
    const releases = [];
    for (const seatId of seatIds) releases.push(Seat.findOneAndUpdate({ _id: seatId, bookedBy: bookingId }, { bookedBy: null }, { new: true, session }));
    return await Promise.all(releases);
  });

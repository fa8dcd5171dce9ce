const mongoose = require('mongoose');
const Booking = require('../models/booking');

// withTransaction() with endSession() in both the try and the catch: those ends go with the
// conversion, so it happens in the same run that would otherwise move them into a finally.
exports.book = async (req, res, next) => {
  const session = await mongoose.startSession();
  try {
    await session.withTransaction(async () => {
      await Booking.create([{ room: req.body.room, guest: req.user.id }], { session });
    });
    res.status(201).json({ message: 'Booked' });
  } catch (err) {
    next(err);
  } finally {
    await session.endSession();
  }
};

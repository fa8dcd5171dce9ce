const mongoose = require('mongoose');
const Booking = require('../models/booking');
const Movie = require('../models/movie');

// The booking is declared first and made later (`NewBooking = new Booking(...)`), and its name
// starts with a capital: a document all the same, whose save() gets the session.
async function newBooking(req, res) {
  const { movie, seat } = req.body;
  const existingMovie = await Movie.findById(movie);
  if (!existingMovie) return res.status(404).json({ message: 'movie not found' });
  let NewBooking;
  const session = await mongoose.startSession();
  try {
    session.startTransaction();
    NewBooking = new Booking({ movie, seat });
    existingMovie.bookings.push(NewBooking);
    await existingMovie.save({ session });
    await NewBooking.save();
    await session.commitTransaction();
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    await session.endSession();
  }
  return res.status(201).json({ booking: NewBooking });
}

module.exports = { newBooking };

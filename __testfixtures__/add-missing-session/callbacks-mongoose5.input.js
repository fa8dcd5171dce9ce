const mongoose = require('mongoose');
const Booking = require('../models/booking');
const Room = require('../models/room');

// Mongoose 5 code that mixes callbacks into a hand-managed transaction: a call given a Node-style
// callback runs at once and its options come before the callback, so it is left to the reviewer.
module.exports.book = async function book(req, res) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await Booking.create([{ room: req.body.room, guest: req.user.id }], { session });
    Room.updateOne({ _id: req.body.room }, { $set: { booked: true } }, function (err) {
      if (err) console.error(err);
    });
    await Room.findOneAndUpdate({ _id: req.body.room }, { $inc: { bookings: 1 } });
    await session.commitTransaction();
    res.sendStatus(201);
  } catch (err) {
    await session.abortTransaction();
    res.sendStatus(500);
  } finally {
    session.endSession();
  }
};

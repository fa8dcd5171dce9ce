const mongoose = require('mongoose');
const Booking = require('../models/booking');
const Room = require('../models/room');

// Express handlers on Mongoose 7 that use what their promise chains resolve to: awaited into a
// const, or returned from a service function. transaction() resolves to the commit's result
// there, so the value leaves the callback in a variable declared before the call.
exports.createBooking = async (req, res) => {
  let session;
  const booking = await mongoose
    .startSession()
    .then((s) => {
      session = s;
      session.startTransaction();
      return Room.findOneAndUpdate({ name: req.body.room, free: { $gt: 0 } }, { $inc: { free: -1 } }, { session, new: true });
    })
    .then((room) => {
      if (!room) throw new Error('the room is full');
      return Booking.create([{ room: room.name, guest: req.body.guest }], { session });
    })
    .then(([created]) => session.commitTransaction().then(() => created))
    .finally(() => session.endSession());
  res.status(201).json(booking);
};

// The commit sits one step down, in the chain the step returns.
exports.cancelBooking = (req, res) => {
  let session;
  return Booking.startSession()
    .then((s) => {
      session = s;
      session.startTransaction();
    })
    .then(() => Booking.deleteOne({ guest: req.params.guest }, { session }).then(() => session.commitTransaction()))
    .then(() => session.endSession())
    .then(() => res.status(204).end());
};

function moveGuest(guest, to) {
  let session;
  return mongoose
    .startSession()
    .then((s) => {
      session = s;
      session.startTransaction();
      return Booking.findOneAndUpdate({ guest }, { room: to }, { session, new: true });
    })
    .then((moved) => session.commitTransaction().then(() => moved))
    .finally(() => session.endSession());
}

exports.moveGuest = async (req, res) => {
  const moved = await moveGuest(req.params.guest, req.body.room);
  res.json(moved);
};

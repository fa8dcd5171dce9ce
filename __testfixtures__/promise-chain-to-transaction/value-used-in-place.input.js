const mongoose = require('mongoose');
const Booking = require('../models/booking');
const Room = require('../models/room');

// Express handlers that send what their promise chain resolved to, awaited in place.
exports.createBooking = async (req, res) => {
  let session;
  res.json(
    await mongoose
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
      .finally(() => session.endSession()),
  );
};

exports.moveGuest = async (req, res) => {
  let session;
  return res.send({
    guest: req.params.guest,
    moved: await Booking.startSession()
      .then((s) => {
        session = s;
        session.startTransaction();
        return Booking.findOneAndUpdate({ guest: req.params.guest }, { room: req.body.room }, { session, new: true });
      })
      .then((moved) => session.commitTransaction().then(() => moved))
      .finally(() => session.endSession()),
  });
};

exports.cancelBooking = async (req, res) => {
  let session;
  return res.send(
    await Booking.startSession()
      .then((s) => {
        session = s;
        session.startTransaction();
        return Booking.deleteOne({ guest: req.params.guest }, { session });
      })
      .then(() => session.commitTransaction())
      .then(() => session.endSession())
      .then(() => ({ cancelled: req.params.guest })),
  );
};

// The status is set before the chain runs: the chain cannot move ahead of it.
exports.checkout = async (req, res) => {
  let session;
  res.status(201).json(
    await mongoose
      .startSession()
      .then((s) => {
        session = s;
        session.startTransaction();
        return Booking.deleteOne({ guest: req.params.guest }, { session });
      })
      .then((deleted) => session.commitTransaction().then(() => deleted))
      .finally(() => session.endSession()),
  );
};

// The value is assigned to a variable declared earlier.
exports.rebook = async (req, res) => {
  let session;
  let booking = null;
  booking = await Booking.startSession()
    .then((s) => {
      session = s;
      session.startTransaction();
      return Booking.findOneAndUpdate({ guest: req.params.guest }, { room: req.body.room }, { session, new: true });
    })
    .then((moved) => session.commitTransaction().then(() => moved))
    .finally(() => session.endSession());
  res.json(booking || { guest: req.params.guest, booked: false });
};

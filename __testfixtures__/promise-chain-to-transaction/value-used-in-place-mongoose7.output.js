const mongoose = require('mongoose');
const Booking = require('../models/booking');
const Room = require('../models/room');

// Express handlers that send what their promise chain resolved to, awaited in place.
exports.createBooking = async (req, res) => {
  let result;
  await mongoose.connection.transaction(async (session) => {
    const room = await Room.findOneAndUpdate({ name: req.body.room, free: { $gt: 0 } }, { $inc: { free: -1 } }, { session, new: true });
    if (!room) throw new Error('the room is full');
    const [created] = await Booking.create([{ room: room.name, guest: req.body.guest }], { session });
    result = created;
  });
  res.json(result);
};

exports.moveGuest = async (req, res) => {
  let result;
  await Booking.db.transaction(async (session) => {
    const moved = await Booking.findOneAndUpdate({ guest: req.params.guest }, { room: req.body.room }, { session, new: true });
    result = moved;
  });
  return res.send({
    guest: req.params.guest,
    moved: result,
  });
};

exports.cancelBooking = async (req, res) => {
  await Booking.db.transaction(async (session) => {
    await Booking.deleteOne({ guest: req.params.guest }, { session });
  });
  return res.send({ cancelled: req.params.guest });
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
  let booking = null;
  let result;
  await Booking.db.transaction(async (session) => {
    const moved = await Booking.findOneAndUpdate({ guest: req.params.guest }, { room: req.body.room }, { session, new: true });
    result = moved;
  });
  booking = result;
  res.json(booking || { guest: req.params.guest, booked: false });
};

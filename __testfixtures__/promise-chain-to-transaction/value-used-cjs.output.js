const mongoose = require('mongoose');
const Booking = require('../models/booking');
const Room = require('../models/room');

// Express handlers on Mongoose 7 that use what their promise chains resolve to: awaited into a
// const, or returned from a service function. transaction() resolves to the commit's result
// there, so the value leaves the callback in a variable declared before the call.
exports.createBooking = async (req, res) => {
  let result;
  await mongoose.connection.transaction(async (session) => {
    const room = await Room.findOneAndUpdate({ name: req.body.room, free: { $gt: 0 } }, { $inc: { free: -1 } }, { session, new: true });
    if (!room) throw new Error('the room is full');
    const [created] = await Booking.create([{ room: room.name, guest: req.body.guest }], { session });
    result = created;
  });
  const booking = result;
  res.status(201).json(booking);
};

// The commit sits one step down, in the chain the step returns.
exports.cancelBooking = async (req, res) => {
  await Booking.db.transaction(async (session) => {
    await Booking.deleteOne({ guest: req.params.guest }, { session });
  });
  return res.status(204).end();
};

async function moveGuest(guest, to) {
  let result;
  await mongoose.connection.transaction(async (session) => {
    const moved = await Booking.findOneAndUpdate({ guest }, { room: to }, { session, new: true });
    result = moved;
  });
  return result;
}

exports.moveGuest = async (req, res) => {
  const moved = await moveGuest(req.params.guest, req.body.room);
  res.json(moved);
};

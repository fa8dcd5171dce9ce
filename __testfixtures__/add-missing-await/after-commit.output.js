const mongoose = require('mongoose');
const Booking = require('../models/booking');
const Notification = require('../models/notification');

// Express controller: once the booking is committed, the notification is written without
// waiting for it (on purpose: the response should not wait for it).
exports.book = async (req, res) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const booking = await Booking.create([{ room: req.body.room, user: req.user.id }], { session });
    await Booking.updateOne({ _id: booking[0]._id }, { $set: { state: 'held' } }, { session }).exec();
    await session.commitTransaction();
    Notification.create({ user: req.user.id, text: 'Booked' });
    res.status(201).json(booking[0]);
  } catch (err) {
    await session.abortTransaction();
    res.status(500).json({ message: err.message });
  } finally {
    await session.endSession();
  }
};

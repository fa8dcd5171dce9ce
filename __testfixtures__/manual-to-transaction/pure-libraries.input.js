const mongoose = require('mongoose');
const dayjs = require('dayjs');
const _ = require('lodash');
const { v4: uuidv4 } = require('uuid');
const Booking = mongoose.model('Booking');
const Ledger = mongoose.model('Ledger');

// Dates, lodash and ids only compute: a second run of the body does nothing twice outside the
// database, so the transaction is rewritten.
async function book(user, room, nights) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const checkout = dayjs().add(nights, 'day').toDate();
    const [booking] = await Booking.create([{ ref: uuidv4(), user: _.pick(user, ['id', 'email']), room, checkout }], { session });
    await Ledger.updateOne({ user: user.id }, { $inc: { nights } }, { session });
    await session.commitTransaction();
    return booking;
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    await session.endSession();
  }
}

module.exports = { book };

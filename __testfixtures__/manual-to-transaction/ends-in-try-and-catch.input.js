const mongoose = require('mongoose');
const Payment = require('./payment.model');
const Booking = require('./booking.model');

// The session is ended in the try and again in the catch, instead of once in a finally.
const successPayment = async (transactionId) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const payment = await Payment.findOneAndUpdate({ transactionId }, { status: 'PAID' }, { new: true, session });
    await Booking.findByIdAndUpdate(payment.booking, { status: 'COMPLETE' }, { session });
    await session.commitTransaction();
    session.endSession();
    return { success: true, message: 'Payment Completed' };
  } catch (err) {
    await session.abortTransaction();
    session.endSession();
    throw err;
  }
};

module.exports = { successPayment };

const mongoose = require('mongoose');
const Payment = require('./payment.model');
const Booking = require('./booking.model');

// The session is ended in the try and again in the catch, instead of once in a finally.
const successPayment = async (transactionId) => {
  await mongoose.connection.transaction(async (session) => {
    const payment = await Payment.findOneAndUpdate({ transactionId }, { status: 'PAID' }, { new: true, session });
    await Booking.findByIdAndUpdate(payment.booking, { status: 'COMPLETE' }, { session });
  });
  return { success: true, message: 'Payment Completed' };
};

module.exports = { successPayment };

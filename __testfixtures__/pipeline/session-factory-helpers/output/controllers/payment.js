const Booking = require('../models/booking');
const winston = require('winston');
const transactionHelper = require('../services/util/transaction-helper');

exports.decline = async (req, res) => {
  winston.info('PaymentController: begin transaction');
  const session = await transactionHelper.startTransaction();

  try {
    try {
      const booking = await Booking.findOneAndUpdate({ _id: req.params.id }, { status: 'declined' }, { session, new: true });
      if (!booking) throw new Error('no such booking');
    } catch (error) {
      winston.log('error', error);
      await transactionHelper.abortTransaction(session);
      return res.status(422).json({ error: error.message });
    }

    await transactionHelper.commitTransaction(session);
    res.json({ declined: req.params.id });
  } finally {
    await session.endSession();
  }
};

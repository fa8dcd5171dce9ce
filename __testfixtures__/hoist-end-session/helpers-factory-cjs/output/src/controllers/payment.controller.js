const Payment = require('../models/payment');
const Rental = require('../models/rental');
const { startTransaction, commitTransaction, abortTransaction } = require('../utils/transaction');

exports.payRental = async (req, res, next) => {
  const session = await startTransaction();
  try {
    const rental = await Rental.findByIdAndUpdate(req.params.id, { paid: true }, { session, new: true });
    await Payment.create([{ rental: rental._id, amount: req.body.amount }], { session });
    await commitTransaction(session);
    res.json(rental);
  } catch (err) {
    await abortTransaction(session);
    next(err);
  } finally {
    await session.endSession();
  }
};

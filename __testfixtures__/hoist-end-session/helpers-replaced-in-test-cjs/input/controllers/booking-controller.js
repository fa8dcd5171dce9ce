const Booking = require("../models/booking");
const transactionHelper = require("../services/util/transaction-helper");

exports.createBooking = async (req, res) => {
  const session = await transactionHelper.startTransaction();

  let booking;
  try {
    [booking] = await Booking.create([{ pet: req.body.pet, days: req.body.days }], { session });
    await transactionHelper.commitTransaction(session);
  } catch (error) {
    console.error("Booking failed during transaction. " + error.message);
    await transactionHelper.abortTransaction(session);
    return res.status(422).json({ error: error.message });
  }

  return res.json(booking);
};

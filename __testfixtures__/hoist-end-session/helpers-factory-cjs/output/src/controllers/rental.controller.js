const Rental = require('../models/rental');
const Car = require('../models/car');
const tx = require('../utils/transaction');

exports.createRental = async (req, res) => {
  const session = await tx.startTransaction();
  try {
    const car = await Car.findOneAndUpdate({ _id: req.body.carId, available: true }, { available: false }, { session, new: true });
    if (!car) {
      await tx.abortTransaction(session);
      return res.status(409).json({ message: 'Car is not available' });
    }
    const [rental] = await Rental.create([{ car: car._id, customer: req.user.id }], { session });
    await tx.commitTransaction(session);
    res.status(201).json(rental);
  } catch (err) {
    await tx.abortTransaction(session);
    res.status(500).json({ message: err.message });
  } finally {
    await session.endSession();
  }
};

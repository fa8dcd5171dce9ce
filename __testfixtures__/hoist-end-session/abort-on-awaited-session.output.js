const mongoose = require('mongoose');
const Booking = require('../../models/booking.model');
const Clinic = require('../../models/clinic.model');
const { notifyPatient } = require('../../utils/notify');

// The catch awaits the session again before aborting it, as the code elsewhere awaits its promise.

const bookVisit = async (req, res) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const clinic = await Clinic.findById(req.params.clinicId).session(session);
    if (!clinic) {
      res.status(404).json({ message: 'Clinic not found' });
      return;
    }
    const booking = await new Booking({ clinic: clinic._id, patient: req.user._id }).save({ session });
    await session.commitTransaction();
    await notifyPatient(req.user.email, `Your visit at ${clinic.name} is booked`);
    res.status(201).json(booking);
  } catch (error) {
    if (session.inTransaction()) await (await session).abortTransaction();
    res.status(500).json({ message: error.message });
  } finally {
    await session.endSession();
  }
};

module.exports = bookVisit;

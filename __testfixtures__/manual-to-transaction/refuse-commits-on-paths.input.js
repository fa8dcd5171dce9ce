const mongoose = require('mongoose');
const KycTask = require('../models/kyc-task');
const User = require('../models/user');

// A verification webhook: each early acknowledgement commits what was done so far and answers,
// so every path commits once, at a place of its own.
exports.verificationWebhook = async (req, res) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const task = await KycTask.findOne({ requestId: req.body.reference_id }).session(session);
    if (!task) {
      await session.commitTransaction();
      return res.status(200).json({ message: 'Task not found, acknowledged' });
    }
    task.status = req.body.status === 'AUTHENTICATED' ? 'completed' : 'pending';
    await task.save({ session });
    const user = await User.findById(task.userId).session(session);
    if (!user) {
      await session.commitTransaction();
      return res.status(200).json({ message: 'User not found' });
    }
    user.kycVerified = task.status === 'completed';
    await user.save({ session });
    await session.commitTransaction();
    return res.status(200).json({ message: 'KYC updated' });
  } catch (err) {
    await session.abortTransaction();
    return res.status(500).json({ message: err.message });
  } finally {
    session.endSession();
  }
};

// Here the first commit does not end the path: a second commit follows it.
exports.closeDay = async (req, res) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await KycTask.updateMany({ status: 'pending' }, { status: 'expired' }, { session });
    if (req.body.early) {
      await session.commitTransaction();
    }
    await User.updateMany({ kycVerified: false }, { reminded: true }, { session });
    await session.commitTransaction();
    res.sendStatus(204);
  } catch (err) {
    await session.abortTransaction();
    res.status(500).json({ message: err.message });
  } finally {
    session.endSession();
  }
};

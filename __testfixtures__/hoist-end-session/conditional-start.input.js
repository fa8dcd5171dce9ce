const mongoose = require('mongoose');
const Group = require('../models/group');
const Entry = require('../models/entry');

// Started only when the caller gave no session, and ended by hand on each way out: the end goes
// into a finally after the if, and ends the session only when there is one.
exports.settleGroup = async (groupId, userId, session) => {
  let localSession = null;
  if (!session) {
    localSession = await mongoose.startSession();
    localSession.startTransaction();
  }
  const activeSession = session || localSession;

  try {
    await Entry.updateMany({ group: groupId, user: userId }, { $set: { settled: true } }, { session: activeSession });
    await Group.updateOne({ _id: groupId }, { $set: { settled: true } }, { session: activeSession });
    if (localSession) {
      await localSession.commitTransaction();
      localSession.endSession();
    }
  } catch (error) {
    if (localSession) {
      await localSession.abortTransaction();
      localSession.endSession();
    }
    throw error;
  }
};

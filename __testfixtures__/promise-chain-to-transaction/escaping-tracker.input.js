const mongoose = require('mongoose');
const Upload = mongoose.model('Upload');

// The session is handed to a tracker that keeps it after the chain ends.
function track(tracker, file) {
  return mongoose.startSession().then((session) => {
    session.startTransaction();
    tracker.current = session;
    return Upload.create([{ file }], { session })
      .then(() => session.commitTransaction())
      .then(() => session.endSession());
  });
}

module.exports = { track };

const mongoose = require('mongoose');
const Audit = mongoose.model('Audit');

// Neither returned nor awaited: callers never knew when (or whether) it finished.
function archive(ids) {
  let session = null;
  mongoose
    .startSession()
    .then((_session) => {
      session = _session;
      session.startTransaction();
      return Audit.updateMany({ _id: { $in: ids } }, { archived: true }, { session });
    })
    .then(() => session.commitTransaction())
    .then(() => session.endSession());
}

module.exports = { archive };

const mongoose = require('mongoose');
const Note = mongoose.model('Note');

// Reads with the session after the commit (causal consistency): the session must outlive the
// transaction, which transaction() does not allow.
function write(text) {
  let session = null;
  return mongoose
    .startSession()
    .then((_session) => {
      session = _session;
      session.startTransaction();
      return Note.create([{ text }], { session });
    })
    .then(() => session.commitTransaction())
    .then(() => Note.findOne({ text }).session(session))
    .then((note) => {
      session.endSession();
      return note;
    });
}

module.exports = { write };

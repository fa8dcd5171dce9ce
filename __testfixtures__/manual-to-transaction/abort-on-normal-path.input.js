const assert = require('assert');
const mongoose = require('mongoose');

// Shaped after Mongoose's own gh-7455 test: the transaction is aborted on purpose at the end of
// the normal path, and the checks that follow run outside it.
async function undoUpdateAndDelete(db) {
  const Character = db.model('Character', new mongoose.Schema({ name: String, title: String }));
  await Character.create({ name: 'Tyrion Lannister' });
  const session = await db.startSession();

  session.startTransaction();

  const tyrion = await Character.findOne().session(session);
  await tyrion.updateOne({ title: 'Hand of the King' });
  await tyrion.deleteOne();

  // Undo both update and delete since doc should pull from `$session()`
  await session.abortTransaction();
  session.endSession();

  const fromDb = await Character.findOne().then((doc) => doc.toObject());
  assert.equal(fromDb.name, 'Tyrion Lannister');
}

module.exports = { undoUpdateAndDelete };

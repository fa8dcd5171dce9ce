const assert = require('assert');
const mongoose = require('mongoose');

const Account = mongoose.model('Account', new mongoose.Schema({ holder: String }));

// After the "Advanced Usage" example of Mongoose's transactions guide. The read without the
// session between the write and the commit runs outside the transaction on purpose: it must
// not see the new account yet, and it keeps having no session after the rewrite.
function openAccount(db) {
  let session = null;
  return Account.createCollection()
    .then(() => db.startSession())
    .then((_session) => {
      session = _session;
      session.startTransaction();
      return Account.create([{ holder: 'Ada' }], { session });
    })
    .then(() => Account.findOne({ holder: 'Ada' }))
    .then((outside) => assert.ok(!outside))
    .then(() => Account.findOne({ holder: 'Ada' }).session(session))
    .then((inside) => assert.ok(inside))
    .then(() => session.commitTransaction())
    .then(() => Account.findOne({ holder: 'Ada' }))
    .then((after) => assert.ok(after))
    .then(() => session.endSession());
}

module.exports = { openAccount };

const assert = require('assert');
const mongoose = require('mongoose');
const User = mongoose.model('User', new mongoose.Schema({ name: String }));

// Mongoose's own "create (gh-6909)" test: the last step commits without returning the commit,
// and the session is never ended.
function gh6909() {
  let session = null;
  return User.createCollection().
    then(() => mongoose.startSession()).
    then(_session => {
      session = _session;
      session.startTransaction();
      return User.create([{ name: 'foo' }], { session: session });
    }).
    then(users => {
      users[0].name = 'bar';
      return users[0].save();
    }).
    then(() => User.findOne({ name: 'bar' })).
    then(user => {
      // Not in transaction, shouldn't find it
      assert.ok(!user);

      session.commitTransaction();
    });
}
module.exports = { gh6909 };

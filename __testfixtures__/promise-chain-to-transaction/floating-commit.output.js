const assert = require('assert');
const mongoose = require('mongoose');
const User = mongoose.model('User', new mongoose.Schema({ name: String }));

// Mongoose's own "create (gh-6909)" test: the last step commits without returning the commit,
// and the session is never ended.
async function gh6909() {
  await User.createCollection();
  return mongoose.connection.transaction(async (session) => {
    const users = await User.create([{ name: 'foo' }], { session: session });
    users[0].name = 'bar';
    await users[0].save();
    const user = await User.findOne({ name: 'bar' });
    // Not in transaction, shouldn't find it
    assert.ok(!user);
  });
}
module.exports = { gh6909 };

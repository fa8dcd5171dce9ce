const assert = require('assert');
const mongoose = require('mongoose');

const Account = mongoose.model('Account', new mongoose.Schema({ holder: String }));

// After the "Advanced Usage" example of Mongoose's transactions guide. The read without the
// session between the write and the commit runs outside the transaction on purpose: it must
// not see the new account yet, and it keeps having no session after the rewrite.
async function openAccount(db) {
  await Account.createCollection();
  await db.transaction(async (session) => {
    await Account.create([{ holder: 'Ada' }], { session });
    const outside = await Account.findOne({ holder: 'Ada' });
    assert.ok(!outside);
    const inside = await Account.findOne({ holder: 'Ada' }).session(session);
    assert.ok(inside);
  });
  const after = await Account.findOne({ holder: 'Ada' });
  assert.ok(after);
}

module.exports = { openAccount };

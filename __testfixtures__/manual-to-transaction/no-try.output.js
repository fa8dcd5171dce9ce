const mongoose = require('mongoose');
const Account = require('../models/account');

// No try at all: a throw left the transaction open and leaked the session. After the rewrite a
// throw aborts the transaction, which is the fix.
async function closeAccount(id) {
  const account = await Account.db.transaction(async (session) => {
    const account = await Account.findById(id).session(session);
    account.closed = true;
    await account.save({ session });
    await Account.updateMany({ parent: id }, { closed: true }, { session });
    return account;
  });
  return account.closed;
}

module.exports = { closeAccount };
